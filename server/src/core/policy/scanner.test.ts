import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { policyWord } from '../../../../test/support/realRpsl';
import { parsePolicy } from './parser';
import { KEYWORDS, PolicyTokens, Token } from './scanner';

const all = (text: string): string[] => {
  const t = new PolicyTokens(text);
  const out: string[] = [];
  for (let k = 0; ; k++) {
    const tok = t.at(k);
    out.push(`${tok.kind}:${tok.text}@${tok.start}`);
    if (tok.kind === 'eof') return out;
  }
};

test('tokens of RPSL policy text: words, brackets, operators, regexes, stray symbols, then eof', () => {
  assert.deepEqual(all('from AS1 action pref=10; community.={64500:1} accept <^AS1 .*> AND {192.0.2.0/24^+} ~'), [
    'word:from@0', 'word:AS1@5', 'word:action@9', 'word:pref@16', 'op:=@20', 'word:10@21', ';:;@23',
    'word:community@25', 'op:.=@34', '{:{@36', 'word:64500:1@37', '}:}@44', 'word:accept@46', 'regex:<^AS1 .*>@53',
    'word:AND@63', '{:{@67', 'word:192.0.2.0/24^+@68', '}:}@82', 'error:~@84', 'eof:@85',
  ]);
  assert.deepEqual(all('   '), ['eof:@3']);
});

test('tokens are scanned as they are asked for, and a value ended early is not scanned further', () => {
  const text = 'from AS1 accept ANY refine '.repeat(100_000);
  const t = new PolicyTokens(text);
  assert.equal(t.at(2).text, 'accept');
  assert.equal(t.scanned, 3);
  t.endAt(2);
  assert.deepEqual([t.at(1).text, t.at(2).kind, t.at(9).kind, t.at(2).start], ['AS1', 'eof', 'eof', text.length]);
  assert.equal(t.scanned, 2);
  const short = new PolicyTokens('a b');
  short.endAt(5);
  assert.deepEqual([short.at(0).text, short.at(1).text, short.at(2).kind, short.scanned], ['a', 'b', 'eof', 2]);
});

test('a policy the parser gives up on (100,000 refines, policy/too-deep) is found in one problem all the same', () => {
  const value = `${'from AS1 accept ANY refine '.repeat(100_000)}from AS1 accept ANY`;
  assert.deepEqual(parsePolicy('import', value)?.problems.map((p) => p.code), ['policy/too-deep']);
});

test('property: a word is a keyword exactly when it spells one in any case; tokens ended early are the first tokens of the whole scan', () => {
  const whole = (text: string): Token[] => {
    const t = new PolicyTokens(text);
    const out: Token[] = [];
    for (let k = 0; t.at(k).kind !== 'eof'; k++) out.push(t.at(k));
    return out;
  };
  fc.assert(
    fc.property(fc.array(fc.oneof(policyWord, fc.string({ maxLength: 6 })), { maxLength: 16 }), fc.nat(20), (words, cut) => {
      const text = words.join(' ');
      const all = whole(text);
      for (const t of all) {
        // The rule it replaced: letters only, lower-cased, one of the grammar's keywords.
        const lower = t.kind === 'word' && /^[A-Za-z]+$/.test(t.text) ? t.text.toLowerCase() : undefined;
        assert.equal(t.keyword, lower !== undefined && (KEYWORDS as readonly string[]).includes(lower) ? lower : undefined, t.text);
      }
      const ended = new PolicyTokens(text);
      ended.endAt(cut);
      assert.ok(ended.scanned <= cut);
      for (let k = 0; k <= all.length + 1; k++) assert.deepEqual(ended.at(k), k < cut && k < all.length ? all[k] : new Token('eof', '', text.length, text.length, undefined, false));
    }),
    { numRuns: 2000 },
  );
});
