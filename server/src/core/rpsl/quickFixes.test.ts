import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslDialectSetting } from './dialects';
import { validateRpslText } from './validate';

/** Certain quick fixes: the text after applying the first fix of the first diagnostic with `code`. */
function fixed(text: string, code: string, dialect: RpslDialectSetting = 'auto'): string | undefined {
  const d: SpanDiagnostic | undefined = validateRpslText(text, dialect).find((x) => x.code === code);
  const edits = d?.fixes?.[0]?.edits;
  if (!edits) return undefined;
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const asSet = (members: string): string =>
  `as-set:         AS-AUDIT\ndescr:          x\nmembers:        ${members}\nmnt-by:         MAINT-AUDIT\nchanged:        noc@example.com\nsource:         RADB\n`;

test('empty list item: the fix removes the extra comma, between items or at either end (RFC 2622 §2 lists)', () => {
  assert.equal(fixed(asSet('AS1,,AS2'), 'rpsl/empty-list-item'), asSet('AS1,AS2'));
  assert.equal(fixed(asSet('AS1, , AS2'), 'rpsl/empty-list-item'), asSet('AS1, AS2'));
  assert.equal(fixed(asSet('AS1, AS2,'), 'rpsl/empty-list-item'), asSet('AS1, AS2'));
  assert.equal(fixed(asSet(',AS1'), 'rpsl/empty-list-item'), asSet('AS1'));
  // After the fix the list is clean.
  assert.deepEqual(validateRpslText(asSet('AS1,AS2'), 'auto').filter((d) => d.code === 'rpsl/empty-list-item'), []);
});

test('deprecated attribute: the fix deletes its lines, continuation lines and line break included (RIPE dropped changed:)', () => {
  const person = (changed: string): string =>
    `person:         Audit Person\naddress:        Street 1\nphone:          +31 20 535 4444\nnic-hdl:        AUD1-RIPE\nmnt-by:         MAINT-AUDIT\n${changed}source:         RIPE\n`;
  assert.equal(fixed(person('changed:        noc@example.com 20240101\n'), 'rpsl/deprecated-attribute'), person(''));
  assert.equal(fixed(person('changed:        noc@example.com # why\n                20240101\n'), 'rpsl/deprecated-attribute'), person(''));
  // The last line of a file without a final line break.
  const last = person('').replace('source:         RIPE\n', 'source:         RIPE\nchanged:        noc@example.com 20240101');
  assert.equal(fixed(last, 'rpsl/deprecated-attribute'), person(''));
});
