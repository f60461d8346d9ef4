import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceDocument } from '../document';
import type { ServiceContext } from './service';
import { defaultSettings } from '../settings';
import type { RpslDialectSetting } from '../rpsl/dialects';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { applyEdits } from '../rpsl/format';
import { IncrementalRpslDocuments, parseRpslDocument, validateRpslDocument } from '../rpsl/document';
import { rpslService } from './rpsl';
import { validateRpslText } from '../rpsl/validate';

const ctx = (rpslDialect: RpslDialectSetting = 'auto', crossChecks = false): ServiceContext => ({
  settings: { ...defaultSettings, rpslDialect, crossChecks },
  workspace: new WorkspaceIndex(),
});
const doc = (text: string, version = 1): SourceDocument => new SourceDocument('file:///t.rpsl', 'rpsl', version, text);

const TEXT = 'aut-num:        AS8048\nas-name:        CANTV\nadmin-c:        EXA1-EXAMPLE\ntech-c:         EXA1-EXAMPLE\nmnt-by:         MAINT-EXAMPLE\nsource:         RADB\n\nroute: 192.0.2.1/24\norigin: AS8048\nmnt-by: MAINT-EXAMPLE\nsource: RADB\n';

test('validate: ranged diagnostics with fixes, from the cached parse', () => {
  const d = doc(TEXT);
  const ds = rpslService.validate(d, ctx());
  assert.deepEqual(
    ds.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]),
    [['rpsl/host-bits-set', 7, 7, 19]],
  );
  assert.deepEqual(ds[0]!.fixes?.[0]?.edits[0]?.range, { start: { line: 7, character: 7 }, end: { line: 7, character: 19 } });
  assert.equal(parseRpslDocument(d), parseRpslDocument(d), 'one parse per document version');
});

test('document symbols: one per object, attributes as children', () => {
  const syms = rpslService.documentSymbols!(doc(TEXT), ctx());
  assert.deepEqual(
    syms.map((s) => s.name),
    ['aut-num: AS8048', 'route: 192.0.2.1/24'],
  );
  assert.deepEqual(
    syms[0]!.children!.map((c) => [c.name, c.detail]),
    [
      ['as-name', 'CANTV'],
      ['admin-c', 'EXA1-EXAMPLE'],
      ['tech-c', 'EXA1-EXAMPLE'],
      ['mnt-by', 'MAINT-EXAMPLE'],
      ['source', 'RADB'],
    ],
  );
  assert.deepEqual(syms[0]!.range, { start: { line: 0, character: 0 }, end: { line: 5, character: 20 } });
});

test('hover: class template on the class attribute, attribute docs on a name, nothing on a value', () => {
  const h = rpslService.hover!(doc(TEXT), { line: 0, character: 3 }, ctx());
  const v = (h?.contents as { value: string }).value;
  assert.match(v, /\*\*aut-num\*\*/);
  assert.match(v, /`as-name:` \| mandatory, single/);
  assert.match(v, /IRRd 4/);
  const a = rpslService.hover!(doc(TEXT), { line: 4, character: 2 }, ctx());
  assert.match((a?.contents as { value: string }).value, /\*\*mnt-by:\*\* — mandatory, multiple, lookup key in route|optional, multiple, lookup key in aut-num/);
  assert.equal(rpslService.hover!(doc(TEXT), { line: 1, character: 20 }, ctx()), null, 'a plain name says nothing');
  const value = (text: string, line: number, character: number): string | undefined =>
    (rpslService.hover!(doc(text), { line, character }, ctx())?.contents as { value: string } | undefined)?.value;
  assert.equal(value(TEXT, 7, 10), '**192.0.2.0/24** — IPv4, 192.0.2.0 to 192.0.2.255 (2^8 addresses)');
  assert.equal(value('route: 192.0.2.0/24\norigin: AS64496\n', 1, 10), '**AS64496** — reserved for documentation (RFC 5398)');
  assert.equal(value('route-set: RS-X\nmembers: AS1:RS-Y^+, 203.0.113.0/24^+\n', 1, 26), '**203.0.113.0/24** — IPv4, 203.0.113.0 to 203.0.113.255 (2^8 addresses)');
  assert.equal(value('route6: 2001:db8::/32\n', 0, 10), '**2001:db8::/32** — IPv6, 2001:db8:: to 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff (2^96 addresses)');
});

test('completion: classes at an object start, attributes of the class, enumerated values', () => {
  const labels = (text: string, line: number, character: number, dialect: RpslDialectSetting = 'auto'): string[] =>
    rpslService.complete!(doc(text), { line, character }, ctx(dialect)).map((c) => c.label);
  assert.ok(labels('', 0, 0).includes('aut-num:'));
  assert.ok(labels('', 0, 0).includes('route6:'));
  const inRoute = labels('route: 192.0.2.0/24\nori\nsource: RADB\n', 1, 3);
  assert.ok(inRoute.includes('origin:'));
  assert.ok(!inRoute.includes('route:'), 'the class attribute is not offered again');
  assert.ok(!inRoute.includes('source:'), 'a single-valued attribute already present is not offered');
  assert.ok(!inRoute.includes('as-name:'), 'attributes of other classes are not offered');
  // RIPE-NCC/whois Inet6numStatus.java: ALLOCATED-ASSIGNED PA is an inetnum status only.
  assert.deepEqual(labels('inet6num: 2001:db8::/48\nstatus: \nsource: RIPE\n', 1, 8), ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR', 'ASSIGNED', 'ASSIGNED ANYCAST', 'ASSIGNED PI']);
  assert.ok(labels('route: 192.0.2.0/24\nsource: \n', 1, 8).includes('RADB'));
  const item = rpslService.complete!(doc('route: 192.0.2.0/24\n\n'), { line: 2, character: 0 }, ctx()).find((c) => c.label === 'route:');
  assert.equal(item?.insertText, 'route:          ', 'a new object starts with a class, value column 16');
  assert.ok(labels('route: 192.0.2.0/24\r\n\r\n', 2, 0).includes('aut-num:'), 'CRLF: after an empty line comes a new object');
  assert.ok(labels('route: 192.0.2.0/24\r\n', 1, 0).includes('origin:'), 'CRLF: right below an object, its attributes');
});

test('formatting aligns values at column 16; folding ranges per object', () => {
  const d = doc('route: 192.0.2.0/24\norigin:AS1\n\nroute6: 2001:db8::/32\n');
  const edits = rpslService.format!(d, { tabSize: 2, insertSpaces: true }, ctx());
  const li = d.lineIndex;
  const out = applyEdits(
    d.text,
    edits.map((e) => ({ span: { start: li.offsetAt(e.range.start), end: li.offsetAt(e.range.end) }, newText: e.newText })),
  );
  assert.equal(out, 'route:          192.0.2.0/24\norigin:         AS1\n\nroute6:         2001:db8::/32\n');
  assert.deepEqual(
    rpslService.foldingRanges!(d).map((f) => [f.startLine, f.endLine]),
    [[0, 1]],
  );
});

test('large documents are validated incrementally with the same result as a full pass', () => {
  const obj = (i: number): string => `route: 10.${(i >> 8) & 255}.${i & 255}.0/24\norigin: AS${64496 + (i % 10)}\nmnt-by: TEST-MNT\nsource: RADB\n\n`;
  const base = Array.from({ length: 5000 }, (_, i) => obj(i)).join('');
  assert.ok(base.length > 256 * 1024);
  const v1 = doc(base, 1);
  const kept = new IncrementalRpslDocuments();
  assert.deepEqual(validateRpslDocument(v1, 'auto', undefined, kept), validateRpslText(base, 'auto'));
  const at = base.indexOf('.0/24', base.length >> 1);
  const edited = base.slice(0, at) + '.1/24' + base.slice(at + 5);
  const v2 = doc(edited, 2);
  const inc = validateRpslDocument(v2, 'auto', undefined, kept);
  assert.deepEqual(inc, validateRpslText(edited, 'auto'));
  assert.deepEqual(
    inc.map((d) => d.code),
    ['rpsl/host-bits-set'],
  );
});

test('hover on source: names the registry profile, why it applies, its sources, and whether the object is a mirror copy', () => {
  const text = 'route:          192.0.2.0/24\norigin:         AS65530\nmnt-by:         MAINT-EXAMPLE\nsource:         APNIC-GRS\n';
  const at = (c: ServiceContext): string => (rpslService.hover!(doc(text), { line: 3, character: 18 }, c)?.contents as { value: string }).value;
  const v = at(ctx());
  assert.match(v, /checked with the \*\*APNIC whois\*\* profile: APNIC whois, because source: names the APNIC registry/);
  assert.match(v, /Checked as a mirror copy/);
  assert.match(v, /\[APNIC-net\/whois ObjectTemplateMapConfig\.java/);
  const own = (rpslService.hover!(doc(text.replace('APNIC-GRS', 'RADB')), { line: 3, character: 2 }, ctx())?.contents as { value: string }).value;
  assert.match(own, /IRRd 4 \(strict\), because source: names RADB, an IRRd instance/);
  assert.match(own, /Checked as an object you author/);
  const mirrored = { ...ctx(), settings: { ...defaultSettings, authoritativeSources: new Set(['RIPE']) } };
  assert.match((rpslService.hover!(doc(text.replace('APNIC-GRS', 'RADB')), { line: 3, character: 2 }, mirrored)?.contents as { value: string }).value, /Checked as a mirror copy/);
});

test('hover on a route key lists every registry of the workspace that holds the same prefix and origin', () => {
  const a = new SourceDocument('file:///ws/radb.rpsl', 'rpsl', 1, 'route: 192.0.2.0/24\norigin: AS65530\nsource: RADB\n');
  const b = new SourceDocument('file:///ws/nttcom.txt', 'rpsl', 1, 'route: 192.0.2.0/24\norigin: AS65530\nsource: NTTCOM\n');
  const c = ctx();
  for (const d of [a, b]) c.workspace.set(d.uri, parseRpslDocument(d).objects, d.text);
  const v = (rpslService.hover!(a, { line: 0, character: 10 }, c)?.contents as { value: string }).value;
  assert.match(v, /Registered 2 times in the workspace/);
  assert.match(v, /- NTTCOM — nttcom\.txt\n- RADB — radb\.rpsl/);
});
