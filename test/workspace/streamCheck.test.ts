import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AS3257_PATH, generateDump, generateRealisticDump } from '../../bench/rpslDump';
import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { SourceDocument } from '../../server/src/core/document';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { rpslService } from '../../server/src/core/languages/rpsl';
import { defaultSettings } from '../../server/src/core/settings';
import { RpslStreamCheck } from '../../server/src/core/workspace/streamCheck';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { CANTV } from './fixtures';

const IRRD_OBJECTS = path.join(__dirname, '..', '..', '..', 'shared', 'corpora', 'rpsl', 'objects.jsonl');

/** IRRd's own sample objects, valid and invalid, as one dump: the per-object findings of real registry text. */
function irrdObjects(): string {
  return readFileSync(IRRD_OBJECTS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { object: string }).object.trimEnd())
    .join('\n\n');
}

/** Each file's findings, as sorted JSON lines: order aside, the two paths must agree exactly. */
type Findings = Record<string, string[]>;

const rows = (ds: readonly Diagnostic[]): string[] => ds.map((d) => JSON.stringify(d)).sort();

/** The editor's path: every file indexed whole (WorkspaceIndex.set), then each validated by the service. */
function wholeDocuments(files: Record<string, string>, dialect: 'auto' | 'rfc' = 'auto'): Findings {
  const workspace = new WorkspaceIndex();
  const docs = Object.entries(files).map(([uri, text]) => new SourceDocument(uri, 'rpsl', 1, text));
  for (const doc of docs) workspace.set(doc.uri, frameRpsl(doc.text).objects, doc.text);
  const ctx = { settings: { ...defaultSettings, rpslDialect: dialect }, workspace };
  return Object.fromEntries(docs.map((doc) => [doc.uri, rows(rpslService.validate(doc, ctx))]));
}

/** Everything `each` hands over, in the order it came. */
function collected(each: (emit: (d: Diagnostic) => void) => void): Diagnostic[] {
  const out: Diagnostic[] = [];
  each((d) => void out.push(d));
  return out;
}

/** The linter's path: objects validated as framed, facts indexed, cross-checks at the end. */
function streamed(files: Record<string, string>, dialect: 'auto' | 'rfc' = 'auto'): Findings {
  const check = new RpslStreamCheck({ rpslDialect: dialect, crossChecks: true });
  for (const [uri, text] of Object.entries(files)) check.index(uri, text);
  return Object.fromEntries(Object.keys(files).map((uri) => [uri, rows(collected((emit) => check.eachFinding(uri, emit)))]));
}

function assertSame(files: Record<string, string>, dialect: 'auto' | 'rfc' = 'auto'): number {
  const whole = wholeDocuments(files, dialect);
  const stream = streamed(files, dialect);
  for (const uri of Object.keys(files)) assert.deepEqual(stream[uri], whole[uri], `findings of ${uri}`);
  return Object.values(whole).reduce((n, r) => n + r.length, 0);
}

test('streaming and whole-document checks find the same in a hand-written neighbourhood, in the same order', () => {
  assert.ok(assertSame(CANTV) > 0);
  const uri = 'file:///ws/as6762.rpsl';
  const workspace = new WorkspaceIndex();
  for (const [u, text] of Object.entries(CANTV)) workspace.set(u, frameRpsl(text).objects, text);
  const broken = `${CANTV[uri]}remarks: x\n\n   orphan\nroute: 192.0.2.0/24\n`;
  workspace.set(uri, frameRpsl(broken).objects, broken);
  const whole = rpslService.validate(new SourceDocument(uri, 'rpsl', 1, broken), { settings: defaultSettings, workspace }).map((d) => d.code);
  const check = new RpslStreamCheck(defaultSettings);
  for (const [u, text] of Object.entries({ ...CANTV, [uri]: broken })) check.index(u, text);
  assert.deepEqual(collected((emit) => check.eachFinding(uri, emit)).map((d) => d.code), whole);
  assert.ok(whole.length >= 3);
});

test('streaming and whole-document checks find the same on the real AS3257 and a mixed dump', (t) => {
  if (!existsSync(AS3257_PATH) || !existsSync(IRRD_OBJECTS)) return t.skip('../shared not present');
  const as3257 = readFileSync(AS3257_PATH, 'utf8');
  const irrd = irrdObjects();
  const files = {
    'file:///dump/as3257.rpsl': as3257,
    'file:///dump/mixed.rpsl': `${generateRealisticDump(as3257, 1.5e6, 5).text}\n\n${irrd}\n`,
    'file:///dump/clean.rpsl': generateDump(3000, 9),
    // An edit that framing must survive: a line of spaces, an orphan continuation, a whole-line remark.
    'file:///dump/broken.rpsl': `${CANTV['file:///ws/as8048.rpsl']}   \n   continued\n% remark\nroute:  192.0.2.0/24\norigin: AS8048\n\n   orphan\n`,
  };
  const n = assertSame(files);
  assert.ok(n > 1000, `a mixed dump has findings of many kinds (got ${n})`);
  assertSame({ 'file:///dump/as3257.rpsl': as3257 }, 'rfc');
});

/** One file's own findings and cross-object ones, as JSON lines in the order they came. */
function ownAndCross(files: Record<string, string>, limits: { slice?: number; keptFindings?: number }): Record<string, { own: string[]; cross: string[] }> {
  const check = new RpslStreamCheck({ rpslDialect: 'auto', crossChecks: true }, limits);
  for (const [uri, text] of Object.entries(files)) check.index(uri, text);
  const json = (ds: Iterable<Diagnostic>): string[] => [...ds].map((d) => JSON.stringify(d));
  return Object.fromEntries(Object.keys(files).map((uri) => [uri, { own: json(collected((emit) => check.eachOwnFinding(uri, emit))), cross: json(check.crossFindings(uri)) }]));
}

test('property: own findings kept from the index pass are those found by framing again, and the index is that of whole framing', async () => {
  const fc = (await import('fast-check')).default;
  // Lines of real objects (CANTV's), the cuts and strays that framing must survive, and whois answers that are not RPSL.
  const real = Object.values(CANTV).flatMap((t) => t.split('\n'));
  const line = fc.oneof(
    fc.constantFrom(...real),
    fc.constantFrom(...real),
    fc.constantFrom('', '', '   ', '  continued', '+', '% remark', '% IANA WHOIS server', 'refer: whois.ripe.net', '% This is the RIPE Database query service.', 'source: RIPE', 'mnt-by: MAINT-X', 'members: AS1, AS-NOWHERE', '\r', 'x y'),
  );
  const file = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n'));
  fc.assert(
    fc.property(file, file, fc.integer({ min: 1, max: 400 }), fc.constantFrom(0, 1, 5, 30, 1 << 16), (a, b, slice, kept) => {
      const files = { 'file:///a.rpsl': a, 'file:///b.rpsl': b };
      const keptRun = ownAndCross(files, { slice, keptFindings: kept });
      const framedAgain = ownAndCross(files, { slice, keptFindings: 0 });
      assert.deepEqual(keptRun, framedAgain);
      // The cross-object findings are the editor's, whose index frames each file whole.
      const whole = wholeDocuments(files);
      for (const uri of Object.keys(files))
        assert.deepEqual(
          [...keptRun[uri]!.cross].sort(),
          whole[uri]!.filter((r) => r.includes('"code":"workspace/')),
        );
    }),
    { numRuns: 150 },
  );
});

test('own findings kept from the index pass are those found again on real registry text', (t) => {
  if (!existsSync(AS3257_PATH) || !existsSync(IRRD_OBJECTS)) return t.skip('../shared not present');
  const as3257 = readFileSync(AS3257_PATH, 'utf8');
  const irrd = irrdObjects();
  const files = { 'file:///dump/as3257.rpsl': as3257, 'file:///dump/irrd.rpsl': irrd, 'file:///dump/mixed.rpsl': generateRealisticDump(as3257, 0.6e6, 7).text };
  const kept = ownAndCross(files, { slice: 4096 });
  assert.deepEqual(kept, ownAndCross(files, { slice: 4096, keptFindings: 0 }));
  // Some kept, then the budget runs out inside the second file: that file's are found again.
  assert.deepEqual(ownAndCross(files, { slice: 4096, keptFindings: 10 }), kept);
  const own = Object.values(kept).reduce((n, f) => n + f.own.length, 0);
  assert.ok(own > 20, `${own} own findings`);
});
