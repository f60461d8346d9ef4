import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceDocument } from '../document';
import { frameRpsl } from '../rpsl/frame';
import type { ServiceContext } from './service';
import { defaultSettings } from '../settings';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { aspaService } from './aspa';

const rpsl = `aut-num:   AS8048
as-name:   CANTV-Servicios
import:    from AS6762 accept ANY
import:    from AS52320 accept ANY
export:    to AS6762 announce AS8048
export:    to AS52320 announce AS8048
source:    TEST
`;

function ctx(crossChecks = true): ServiceContext {
  const workspace = new WorkspaceIndex();
  workspace.set('file:///irr/cantv.rpsl', frameRpsl(rpsl).objects, rpsl);
  return { settings: { ...defaultSettings, crossChecks }, workspace };
}

const doc = (text: string) => new SourceDocument('file:///x/aspa.aspa', 'aspa', 1, text);
const pos = (text: string, needle: string, plus = 1) => {
  const o = text.indexOf(needle) + plus;
  const before = text.slice(0, o);
  return { line: before.split('\n').length - 1, character: o - before.lastIndexOf('\n') - 1 };
};

test('validate: file diagnostics with ranges, plus the aut-num cross-check when enabled', () => {
  const text = '# CANTV\nAS8048 => AS3549, AS6762\n';
  const ds = aspaService.validate(doc(text), ctx());
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    [
      ['aspa/provider-not-in-policy', 1, 10, 16],
      ['aspa/provider-missing', 1, 0, 6],
    ],
  );
  assert.deepEqual(aspaService.validate(doc(text), ctx(false)), []);
});

test('hover names the AS from the workspace aut-num and classifies special ASNs', () => {
  const text = 'AS8048 => AS6762, AS52320\nAS64500 => AS0\n';
  const hoverText = (needle: string) => {
    const h = aspaService.hover!(doc(text), pos(text, needle), ctx());
    return (h?.contents as { value?: string } | undefined)?.value ?? '';
  };
  assert.match(hoverText('AS8048'), /\*\*AS8048\*\* — CANTV-Servicios/);
  assert.match(hoverText('AS8048'), /providers: AS6762, AS52320/);
  assert.match(hoverText('AS64500'), /documentation ASN \(RFC 5398\)/);
  assert.match(hoverText('AS0'), /no providers at all/);
  assert.equal(aspaService.hover!(doc(text), { line: 0, character: 7 }, ctx()), null);
});

test('completion offers the workspace ASNs with their names, and AS0 after =>', () => {
  const text = 'AS21980 => ';
  const items = aspaService.complete!(doc(text), { line: 0, character: text.length }, ctx());
  assert.deepEqual(
    items.map((i) => [i.label, i.detail]),
    [
      ['AS0', 'no providers (AS0 ASPA)'],
      ['AS8048', 'CANTV-Servicios'],
    ],
  );
});

test('completion only where an ASN goes: none after a complete ASN and a space, so Enter ends the line', () => {
  const at = (text: string): string[] => aspaService.complete!(doc(text), { line: 0, character: text.length }, ctx()).map((i) => i.label);
  for (const text of ['AS21980 ', 'AS21980 => AS8048 ', 'AS21980 => AS8048, AS6762 ', 'AS21980 =']) assert.deepEqual(at(text), [], JSON.stringify(text));
  for (const text of ['', 'AS80', 'AS21980 => ', 'AS21980 => AS80', 'AS21980 => AS6762, ', 'AS21980 => AS6762,AS8']) assert.ok(at(text).includes('AS8048'), JSON.stringify(text));
});

test('document symbols: one per customer; format: canonical sorted lines, comments kept', () => {
  const text = '# upstreams\nas8048 =>  AS52320,AS6762, AS6762   # two\nAS1299 => AS0\n';
  const d = doc(text);
  assert.deepEqual(
    aspaService.documentSymbols!(d, ctx()).map((s) => [s.name, s.detail]),
    [
      ['AS8048', '=> AS52320, AS6762, AS6762'],
      ['AS1299', '=> AS0'],
    ],
  );
  const edits = aspaService.format!(d, { tabSize: 2, insertSpaces: true }, ctx());
  assert.equal(edits.length, 1);
  assert.equal(edits[0]!.newText, 'AS8048 => AS6762, AS52320');
  assert.deepEqual(edits[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 33 } });
});

test('folding: comment blocks in .aspa, multi-line entries in JSON', () => {
  const text = '# a\n# b\n# c\nAS1 => AS2\n';
  assert.deepEqual(aspaService.foldingRanges!(doc(text)), [{ startLine: 0, endLine: 2, kind: 'comment' }]);
  const json = '{"aspas": [\n {\n  "customer_asid": 1,\n  "providers": [2]\n }\n]}';
  assert.deepEqual(aspaService.foldingRanges!(new SourceDocument('file:///a.json', 'aspa', 1, json)), [{ startLine: 1, endLine: 4, kind: 'region' }]);
});

test('every method survives garbage', () => {
  for (const text of ['', '=>', '{', '{"aspas":[{"customer_asid":', 'route aspa', 'aspa-set {', '\u0000\uffff']) {
    const d = doc(text);
    aspaService.validate(d, ctx());
    aspaService.hover!(d, { line: 0, character: 1 }, ctx());
    aspaService.complete!(d, { line: 0, character: 1 }, ctx());
    aspaService.documentSymbols!(d, ctx());
    aspaService.format!(d, { tabSize: 2, insertSpaces: true }, ctx());
    aspaService.foldingRanges!(d);
  }
});
