import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePolicy } from './parser';
import { PolicyTokens } from './scanner';

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
