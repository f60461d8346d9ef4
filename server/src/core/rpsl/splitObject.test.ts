import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRpslText } from './validate';

// An aut-num in RFC 2622's shape, with every mandatory attribute: whole, it has no finding.
const AUT_NUM = [
  'aut-num:        AS64500',
  'as-name:        EXAMPLE',
  'descr:          Example network',
  'import:         from AS64501 accept ANY',
  'export:         to AS64501 announce AS64500',
  'admin-c:        EX1-TEST',
  'tech-c:         EX1-TEST',
  'mnt-by:         MAINT-EXAMPLE',
  'changed:        noc@example.net 20260101',
  'source:         TEST',
];

test('one stray empty line inside an object: one diagnostic on that line with a fix, not seven', () => {
  assert.deepEqual(validateRpslText(AUT_NUM.join('\n') + '\n', 'rfc'), []);
  for (const [at, eol] of [[4, '\n'], [9, '\n'], [4, '\r\n']] as const) {
    const text = [...AUT_NUM.slice(0, at), '', ...AUT_NUM.slice(at)].join(eol) + eol;
    const ds = validateRpslText(text, 'rfc');
    // Before: unknown class "export"/"source", and the first half "lacks" every mandatory attribute after the cut.
    assert.deepEqual(ds.map((d) => d.code), ['rpsl/blank-line-in-object'], `cut before line ${at + 1}`);
    const d = ds[0]!;
    assert.match(d.message, new RegExp(`^An empty line cuts aut-num AS64500 in two: "${AUT_NUM[at]!.split(':')[0]}:"`));
    assert.equal(text.slice(d.span.start, d.span.end), eol);
    const fixed = text.slice(0, d.span.start) + text.slice(d.span.end);
    assert.equal(fixed, AUT_NUM.join(eol) + eol);
  }
});

test('what is really missing is still reported, and two real objects are not joined', () => {
  const cut = 'route:          192.0.2.0/24\norigin:         AS64500\n\nsource:         TEST\n';
  assert.deepEqual(
    validateRpslText(cut, 'rfc').map((d) => d.code),
    ['rpsl/blank-line-in-object', 'rpsl/missing-mandatory', 'rpsl/missing-mandatory', 'rpsl/missing-mandatory'],
  );
  const two = AUT_NUM.join('\n') + '\n\n' + AUT_NUM.join('\n').replace(/AS64500/g, 'AS64502') + '\n';
  assert.deepEqual(validateRpslText(two, 'rfc'), []);
  // A fragment that is not an attribute of the object above stays what it is.
  assert.deepEqual(validateRpslText(AUT_NUM.join('\n') + '\n\nfoo:            bar\n', 'rfc').map((d) => d.code), ['rpsl/unknown-class']);
});
