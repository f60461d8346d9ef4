// The offset-recording framer (frame.ts, FramedObject) against the framer it replaced (test/support/oldFrame.ts,
// the code of 9f7dea4 unchanged): the same objects, attributes, spans, values, segments and findings, on the
// real texts we hold, on each of them cut at random places, and on random RPSL-like text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SpanDiagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { frameRpslInto, frameRpslViews, type FrameOptions } from '../../server/src/core/rpsl/frame';
import type { FramedObject } from '../../server/src/core/rpsl/framedObject';
import type { RpslObject } from '../../server/src/core/rpsl/model';
import { oldFrameRpslInto } from '../support/oldFrame';

const ROOT = path.join(__dirname, '..', '..');

/** Every real RPSL text we hold: test/rpsl/real, the examples, AS3257 (../shared). */
function realTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const real = path.join(ROOT, 'test', 'rpsl', 'real');
  for (const f of readdirSync(real).filter((f) => f.endsWith('.txt') || f.endsWith('.rpsl')).sort()) out.push({ name: f, text: readFileSync(path.join(real, f), 'utf8') });
  const examples = path.join(ROOT, 'examples');
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(rpsl|txt|db)$/.test(f.name)) out.push({ name: path.relative(ROOT, p), text: readFileSync(p, 'utf8') });
    }
  };
  if (existsSync(examples)) walk(examples);
  const as3257 = path.join(ROOT, '..', 'shared', 'corpora', 'rpsl', 'AS3257.rpsl');
  if (existsSync(as3257)) out.push({ name: 'AS3257.rpsl', text: readFileSync(as3257, 'utf8') });
  return out;
}

/** Everything an object says, as rows to compare. */
function rowsOfObject(o: RpslObject): string {
  return JSON.stringify([
    o.className,
    o.span,
    o.filtered ? [...o.filtered].map((a) => o.attributes.indexOf(a)) : null,
    o.attributes.map((a) => [a.name, a.rawName, a.value, a.nameSpan, a.span, a.valueSpan, a.valueStart, a.segments, a.wrapped]),
  ]);
}

type Framer = (text: string, sink: { object(o: RpslObject): void; diagnostic(d: SpanDiagnostic): void }, options?: FrameOptions) => boolean;

function describe(frame: Framer, text: string, options?: FrameOptions): string[] {
  const rows: string[] = [];
  const end = frame(text, { object: (o) => rows.push(rowsOfObject(o)), diagnostic: (d) => rows.push(JSON.stringify(d)) }, options);
  rows.push(`foreign: ${end}`);
  return rows;
}

/** The view read through its columns (what the validator reads), as the object rows above. */
function describeViews(text: string, options?: FrameOptions): string[] {
  const rows: string[] = [];
  const viewRow = (v: FramedObject): string => {
    const attrs = [];
    for (let i = 0; i < v.count; i++) attrs.push([v.names[i], v.rawNames[i], v.value(i), v.isEmpty(i), v.isFiltered(i)]);
    return JSON.stringify([v.className, v.start, v.end, attrs]);
  };
  const end = frameRpslViews(text, { framed: (v) => void rows.push(viewRow(v)), diagnostic: (d) => rows.push(JSON.stringify(d)) }, options);
  rows.push(`foreign: ${end}`);
  return rows;
}

function objectRowsAsViews(text: string, options?: FrameOptions): string[] {
  const rows: string[] = [];
  const end = oldFrameRpslInto(
    text,
    {
      object: (o) => rows.push(JSON.stringify([o.className, o.span.start, o.span.end, o.attributes.map((a) => [a.name, a.rawName, a.value, a.value === '', o.filtered?.has(a) ?? false])])),
      diagnostic: (d) => rows.push(JSON.stringify(d)),
    },
    options,
  );
  rows.push(`foreign: ${end}`);
  return rows;
}

function same(text: string, options?: FrameOptions): void {
  assert.deepEqual(describe(frameRpslInto, text, options), describe(oldFrameRpslInto, text, options));
  assert.deepEqual(describeViews(text, options), objectRowsAsViews(text, options));
}

test('real texts frame as they did with the old framer (objects and views)', () => {
  const texts = realTexts();
  assert.ok(texts.length >= 60, `${texts.length} real texts`);
  for (const { name, text } of texts) {
    try {
      same(text);
      same(text.replace(/\n/g, '\r\n'));
    } catch (e) {
      assert.fail(`${name}: ${(e as Error).message.slice(0, 2000)}`);
    }
  }
});

test('property: real texts cut at random places, and framed from/to random line starts, frame as with the old framer', () => {
  const texts = realTexts().filter((t) => t.text.length < 400_000);
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(), fc.boolean(), (which, a, b, afterBlank) => {
      const { text } = texts[which % texts.length]!;
      const cut = text.slice(0, a % (text.length + 1));
      same(cut);
      // A range between two line starts, as the editor's index frames one object again.
      const starts = [0];
      for (let nl = cut.indexOf('\n'); nl >= 0; nl = cut.indexOf('\n', nl + 1)) starts.push(nl + 1);
      const from = starts[b % starts.length]!;
      const to = starts[(b >> 3) % starts.length]!;
      same(cut, { from: Math.min(from, to), to: Math.max(from, to), afterBlank });
    }),
    { numRuns: 300 },
  );
});

const line = fc.oneof(
  fc.constantFrom(
    'route: 192.0.2.0/24',
    'Route:   192.0.2.0/24 # a comment',
    'ORIGIN:\tAS1',
    'origin: AS1 #',
    'members: AS1, AS2,',
    '          AS3, AS-FOO',
    '+         AS4 # four',
    '\t AS5\t',
    '+',
    '+#',
    '  # only a comment',
    'descr:',
    'descr:   ',
    'descr: #',
    'auth: # Filtered',
    'auth: MD5-PW # Filtered',
    'source: RIPE # Filtered',
    'source: RIPE #Filtered',
    'remarks: a#b#c',
    'x-unknown: value',
    'mnt-by: MAINT-AS1',
    '',
    '',
    ' ',
    '\t',
    '\r',
    ' \r',
    '#c',
    '%r',
    ':x',
    'a b',
    '$$:',
    'x:#',
    'a_b-c:',
    'Warning: RIPE flags used with a traditional server.',
    '[Querying whois.ripe.net]',
    '% IANA WHOIS server',
    'refer: whois.ripe.net',
    '% This is the RIPE Database query service.',
  ),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom('a', 'B', ':', ' ', '\t', '#', '+', '-', '\r', '%', '1'), { maxLength: 10 }).map((cs) => cs.join('')),
);

test('property: random RPSL-like text frames as with the old framer, whole and by ranges', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r\r\n'), fc.nat(), fc.nat(), fc.boolean(), (lines, eol, a, b, afterBlank) => {
      const text = lines.join(eol);
      same(text);
      same(text.slice(0, a % (text.length + 1)));
      const starts = [0];
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
      const from = starts[a % starts.length]!;
      const to = starts[b % starts.length]!;
      same(text, { from: Math.min(from, to), to: Math.max(from, to), afterBlank });
    }),
    { numRuns: 1000 },
  );
});
