import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAsn } from '../../server/src/core/net/asn';
import { POLICY_ATTRIBUTES } from '../../server/src/core/policy/parser';
import { PolicyTokens } from '../../server/src/core/policy/scanner';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { setClassOf } from '../../server/src/core/rpsl/setName';
import { asnKey, objectReferences, policyNames, visitReferences, type TargetKind } from '../../server/src/core/workspace/references';
import { policyWord, realRpslTexts } from '../support/realRpsl';

// policyNamesInto reads policy text's names in one character scan, AS numbers without cutting strings. The
// oracle reads the same text through the parser's own tokens (PolicyTokens), cutting each word and asking
// parseAsn and setClassOf, as the module comment says the scan must: every name the scanner's words hold.

function namesByTokens(value: string): { kind: TargetKind; key: string; span: { start: number; end: number } }[] {
  const out: { kind: TargetKind; key: string; span: { start: number; end: number } }[] = [];
  const word = (text: string, start: number): void => {
    const caret = text.indexOf('^');
    const base = caret >= 0 ? text.slice(0, caret) : text;
    const span = { start, end: start + base.length };
    const cls = setClassOf(base);
    if (cls) {
      if (!['AS-ANY', 'RS-ANY'].includes(base.toUpperCase())) out.push({ kind: cls, key: base.toUpperCase(), span });
      return;
    }
    const a = parseAsn(base);
    if (/^as./i.test(base) && a.ok) out.push({ kind: 'aut-num', key: `AS${a.asn}`, span });
  };
  const tokens = new PolicyTokens(value);
  for (let k = 0; ; k++) {
    const t = tokens.at(k);
    if (t.kind === 'eof') return out;
    if (t.kind === 'word') word(t.text, t.start);
    // Inside an AS-path regex, the names are the runs of name characters.
    if (t.kind === 'regex') for (const m of t.text.slice(1).matchAll(/[A-Za-z0-9_:-]+/g)) word(m[0], t.start + 1 + m.index);
  }
}

test('policy names in one scan equal the names of the policy tokens: every policy line of the real corpora', () => {
  let lines = 0;
  for (const t of realRpslTexts())
    for (const o of frameRpsl(t).objects)
      for (const a of o.attributes) {
        if (!(a.name in POLICY_ATTRIBUTES)) continue;
        lines++;
        assert.deepEqual(policyNames(a.value), namesByTokens(a.value), a.value);
      }
  assert.ok(lines > 9000, `${lines} policy lines`);
});

test('property: policy names in one scan equal the names of the policy tokens, generated text', () => {
  const junk = fc.constantFrom('AS123456789', 'AS1234567890', 'AS4294967296', 'as00012', 'AS1.2.3', 'AS65536.1', 'AS1-2', 'AS-', 'A-S1', 'AS1:AS-X^+', 'aS7', '<AS1', 'AS1>', '.=', '==');
  fc.assert(
    fc.property(fc.array(fc.oneof(policyWord, junk), { maxLength: 20 }), fc.constantFrom(' ', '', ',', '\t'), (words, sep) => {
      const value = words.join(sep);
      assert.deepEqual(policyNames(value), namesByTokens(value));
    }),
    { numRuns: 2000 },
  );
});

test('visitReferences hands AS numbers as numbers, the same references objectReferences names AS<n>', () => {
  for (const t of realRpslTexts().slice(0, 40))
    for (const o of frameRpsl(t).objects) {
      const visited: unknown[] = [];
      visitReferences(o, {
        named: (kind, key, attribute, start, end, strength) => visited.push({ kind, key, attribute, span: { start, end }, strength }),
        asn: (asn, attribute, start, end, strength) => visited.push({ kind: 'aut-num', key: asnKey(asn), attribute, span: { start, end }, strength }),
      });
      assert.deepEqual(visited, objectReferences(o));
    }
});
