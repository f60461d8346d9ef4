/**
 * Property: a paste's routes do not depend on how it was pasted. Each real output (the daemon lab's
 * fixtures, this repository's format fixtures, and the shared corpus when present) is indented, quoted
 * with `> `, given CRLF, wrapped at 80 columns by a terminal, or surrounded by a prompt, a command echo
 * and automation log lines — alone or several at once — and must give the same routes (prefix, path,
 * next hop) as the paste as printed. fast-check picks the reformattings and the files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import type { LgParseResult } from '../../server/src/core/lg/types';

const repoRoot = path.resolve(__dirname, '../..');
const DIRS = [path.join(repoRoot, 'test/fixtures/lab'), path.join(__dirname, 'fixtures'), path.join(repoRoot, '../shared/corpora/lg')];

interface Paste {
  readonly name: string;
  readonly text: string;
  /** No terminal wrap for this paste (see NO_WRAP). */
  readonly noWrap: boolean;
}

/**
 * Pastes a wrap is not applied to. JSON: a wrap breaks its strings. Record-per-line formats (bgpdump -m,
 * bgpkit, bare AS-path lists): a short line after a full one is another record as often as a tail, so
 * they are never rejoined. GoBGP's rib table pads every row to 300+ columns: its wrapped pieces start
 * with blanks and words like lines of their own (a known limit of the rejoining, see pasteFrame.ts); its
 * `neighbor … adj-in` form has an ID column first.
 */
const NO_WRAP = /^\s*[{[]|^(?:TABLE_DUMP|BGP4MP|[AW]\|)|^ {3}(?:ID {2})?Network +(?:Labels +)?Next Hop +AS_PATH/;
const NO_WRAP_FILES = /aspath-list|bgpdump__|bgpkit__/;

const pastes: Paste[] = [];
for (const dir of DIRS) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    pastes.push({ name: `${path.basename(dir)}/${f}`, text, noWrap: NO_WRAP.test(text) || NO_WRAP_FILES.test(f) });
  }
}

type Reformat = (text: string) => string;

const lines = (t: string): string[] => t.replace(/\n$/, '').split('\n');
const join = (ls: readonly string[]): string => `${ls.join('\n')}\n`;

const indent = (n: number): Reformat => (t) => join(lines(t).map((l) => (l === '' ? '' : ' '.repeat(n) + l)));
const quote: Reformat = (t) => join(lines(t).map((l) => (l === '' ? '>' : `> ${l}`)));
const crlf: Reformat = (t) => t.replace(/\n/g, '\r\n');
/** Kept in a script or a config file: every line commented out. */
const comment: Reformat = (t) => join(lines(t).map((l) => (l === '' ? '#' : `# ${l}`)));
/** A terminal logger's time stamp before every line. */
const stamp: Reformat = (t) => join(lines(t).map((l, i) => `[2024-05-14 09:40:${String(i % 60).padStart(2, '0')}] ${l}`));
/** A terminal 80 columns wide: every longer line goes on at column 0 of the next. */
const wrap80: Reformat = (t) =>
  join(
    lines(t).flatMap((l) => {
      const out: string[] = [];
      let rest = l;
      while (rest.length > 80) {
        out.push(rest.slice(0, 80));
        rest = rest.slice(80);
      }
      out.push(rest);
      return out;
    }),
  );
const framed: Reformat = (t) =>
  join([
    '2024-01-01 12:00:00,123: %UNICON-INFO: +++ edge1: executing command \'show ip bgp\' +++',
    'edge1#show ip bgp',
    ...lines(t),
    'edge1#',
    '2024-01-01 12:00:01,456: %UNICON-INFO: +++ edge1: command finished +++',
  ]);

interface Step {
  readonly name: string;
  readonly f: Reformat;
  /** False for the wrap, which is not applied to the NO_WRAP pastes. */
  readonly json: boolean;
}
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 2, max: 8 }).map((n) => ({ name: `indent ${n}`, f: indent(n), json: true })),
  fc.constant({ name: 'quote', f: quote, json: true }),
  fc.constant({ name: 'crlf', f: crlf, json: true }),
  fc.constant({ name: 'comment', f: comment, json: true }),
  fc.constant({ name: 'stamp', f: stamp, json: true }),
  fc.constant({ name: 'wrap80', f: wrap80, json: false }),
  fc.constant({ name: 'prompt+log', f: framed, json: true }),
);

/** What must not change: the routes as a user sees them. */
function routesOf(r: LgParseResult): string[] {
  return r.routes.map((x) => `${x.prefix} | ${x.asPath.map((s) => `${s.type}:${s.asns.join(' ')}`).join(' ')} | ${x.nextHop ?? '-'}`);
}

const present = pastes.filter((p) => parseLookingGlass(p.text).routes.length > 0);

test('reformatting a paste does not change its routes', () => {
  assert.ok(present.length >= 20, `pastes with routes: ${present.length}`);
  fc.assert(
    fc.property(fc.constantFrom(...present), fc.array(stepArb, { minLength: 1, maxLength: 3 }), (p, steps) => {
      // Wrap first (a terminal wraps what the router prints), then the rest in the order drawn.
      const order = [...steps.filter((s) => s.name === 'wrap80'), ...steps.filter((s) => s.name !== 'wrap80')];
      const applied = order.filter((s) => s.json || !p.noWrap);
      // Indenting an indented paste or quoting twice is a real paste too, but one of each is enough here.
      const seen = new Set<string>();
      const uniq = applied.filter((s) => {
        const k = s.name.split(' ')[0] ?? s.name;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      const text = uniq.reduce((t, s) => s.f(t), p.text);
      const want = routesOf(parseLookingGlass(p.text));
      const got = routesOf(parseLookingGlass(text));
      assert.deepEqual(got, want, `${p.name} after ${uniq.map((s) => s.name).join(', ')}`);
    }),
    { numRuns: 300, seed: 12 },
  );
});

test('each reformatting alone, on every paste', () => {
  const alone: readonly Step[] = [
    { name: 'indent 4', f: indent(4), json: true },
    { name: 'quote', f: quote, json: true },
    { name: 'crlf', f: crlf, json: true },
    { name: 'comment', f: comment, json: true },
    { name: 'stamp', f: stamp, json: true },
    { name: 'wrap80', f: wrap80, json: false },
    { name: 'prompt+log', f: framed, json: true },
  ];
  const failures: string[] = [];
  for (const p of present) {
    const want = routesOf(parseLookingGlass(p.text));
    for (const s of alone) {
      if (!s.json && p.noWrap) continue;
      const got = routesOf(parseLookingGlass(s.f(p.text)));
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${p.name} after ${s.name}: ${got.length} routes vs ${want.length}; first difference ${got.find((g, i) => g !== want[i]) ?? '(missing)'}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('the prompt and log lines are reported as skipped, not as not understood', () => {
  const p = present.find((x) => x.name.endsWith('cisco-ios-table.txt'));
  assert.ok(p);
  const plain = parseLookingGlass(p.text);
  const r = parseLookingGlass(framed(p.text));
  assert.deepEqual(r.unparsed, plain.unparsed);
  assert.deepEqual(
    (r.skipped ?? []).filter((k) => k.kind !== 'chrome').map((k) => k.kind),
    ['log', 'prompt', ...(plain.skipped ?? []).filter((k) => k.kind !== 'chrome').map((k) => k.kind), 'prompt', 'log'],
  );
});
