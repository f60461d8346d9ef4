import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { frameRpsl, frameRpslInto } from './frame';
import { valueSpanToDocument } from './model';

const at = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

test('objects are separated by empty lines; the last may end at EOF', () => {
  const text = 'route: 192.0.2.0/24\norigin: AS65000\n\nroute6: 2001:db8::/32\norigin: AS65000';
  const r = frameRpsl(text);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(
    r.objects.map((o) => o.className),
    ['route', 'route6'],
  );
  assert.equal(at(text, r.objects[1]!.span), 'route6: 2001:db8::/32\norigin: AS65000');
});

test('continuation lines (space, tab, +) join with one space; comments and % lines are dropped', () => {
  // RFC 2622 §2: a line starting with space, tab or + continues the attribute; # starts a comment.
  const text = 'descr: one # c1\n  two\n\tthree\n+four\n# whole-line comment\n% whois remark\n+\n  five\nsource: TEST\n';
  const r = frameRpsl(text);
  assert.deepEqual(r.diagnostics, []);
  const descr = r.objects[0]!.attributes[0]!;
  assert.equal(descr.value, 'one two three four five');
  assert.equal(at(text, valueSpanToDocument(descr, 4, 7)), 'two');
  assert.equal(r.objects[0]!.attributes[1]!.value, 'TEST');
});

test('names are case-insensitive; the raw spelling is kept', () => {
  const r = frameRpsl('Route: 192.0.2.0/24\nORIGIN: AS1\n');
  assert.deepEqual(
    r.objects[0]!.attributes.map((a) => [a.name, a.rawName]),
    [
      ['route', 'Route'],
      ['origin', 'ORIGIN'],
    ],
  );
});

test('line-precise framing errors point at the offending text', () => {
  const text = 'route: 192.0.2.0/24\nor\n: x\n$$$-by: TEST-MNT\nsource: TEST\n\n   orphan\n';
  const r = frameRpsl(text);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, at(text, d.span)]),
    [
      ['rpsl/not-an-attribute', 'or'],
      ['rpsl/empty-attribute-name', ': x'],
      ['rpsl/invalid-attribute-name', '$$$-by'],
      ['rpsl/split-object', 'orphan'],
    ],
  );
  // The bad lines do not end the object.
  assert.deepEqual(
    r.objects[0]!.attributes.map((a) => a.name),
    ['route', 'source'],
  );
});

test('every continuation line after the splitting blank line is reported as the split', () => {
  const r = frameRpsl('descr: a\n\n   b\n   c\nsource: X\n');
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    ['rpsl/split-object', 'rpsl/split-object'],
  );
});

test('a continuation at the start of a text is an orphan, not a split', () => {
  const r = frameRpsl('  AS1\nroute: 192.0.2.0/24\n');
  assert.equal(r.diagnostics[0]?.code, 'rpsl/orphan-continuation');
});

test('a line of spaces: empty continuation before a continuation, a reported separator before an attribute', () => {
  // IRRd #298: blank-looking continuation lines inside a value are fine.
  const inside = frameRpsl('filter: {\n  1.0.0.0/8^-,\n\t   \n+   \n  2.0.0.0/8^-\n  }\nsource: TEST\n');
  assert.deepEqual(inside.diagnostics, []);
  assert.equal(inside.objects.length, 1);
  // IRRd #297: two objects joined by a line of spaces are one object for the registry.
  const text = 'route: 192.0.2.0/24\nsource: TEST\n \nroute: 192.0.2.0/24\nsource: TEST\n';
  const between = frameRpsl(text);
  assert.equal(between.objects.length, 2);
  assert.deepEqual(
    between.diagnostics.map((d) => [d.code, d.span]),
    [['rpsl/whitespace-line', { start: 33, end: 34 }]],
  );
  assert.equal(between.diagnostics[0]!.fixes?.[0]?.edits[0]?.newText, '');
  // At the end of a text it is harmless.
  assert.deepEqual(frameRpsl('route: 192.0.2.0/24\n   \n').diagnostics, []);
});

test('CRLF line ends are handled like LF', () => {
  const r = frameRpsl('route: 192.0.2.0/24\r\norigin: AS1\r\n\r\nroute: 192.0.2.0/25\r\n');
  assert.equal(r.objects.length, 2);
  assert.equal(r.objects[0]!.attributes[1]!.value, 'AS1');
});

test('framing a range with afterBlank gives the same result as framing the whole text', () => {
  const text = 'route: 192.0.2.0/24\n\n  cont\nroute: 192.0.2.0/25\n';
  const whole = frameRpsl(text);
  const objs: string[] = [];
  const codes: string[] = [];
  frameRpslInto(text, { object: (o) => objs.push(o.className), diagnostic: (d) => codes.push(d.code) }, { from: 21, afterBlank: true });
  assert.deepEqual(codes, whole.diagnostics.map((d) => d.code));
  assert.deepEqual(objs, ['route']);
});

// Fuzz: never throws, spans stay inside the text, and the work is linear (every line is visited once).
const rpslish = fc.array(
  fc.oneof(
    fc.constantFrom('route: 192.0.2.0/24', 'origin: AS1', '  cont', '+', '\t', ' ', '', '#c', '%r', ':x', 'a b', '$$:', 'x:#', '\r'),
    fc.string({ maxLength: 12 }),
  ),
  { maxLength: 40 },
);

test('fuzz: framing never throws and every span lies in the text', () => {
  fc.assert(
    fc.property(rpslish, (lines) => {
      const text = lines.join('\n');
      const r = frameRpsl(text);
      for (const d of r.diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end);
      for (const o of r.objects)
        for (const a of o.attributes) {
          assert.ok(a.span.start >= 0 && a.span.end <= text.length);
          for (const s of a.segments) assert.equal(text.slice(s.offset, s.offset + s.text.length), s.text);
        }
    }),
    { numRuns: 500 },
  );
});

test('linear time by structure: the searches for line ends, colons and comments each read the text once at most', () => {
  // Wrap the text so each indexOf reports how far it scanned: per character searched for, no more than the text
  // itself, whatever the content (a search for "#" or ":" may run past its line, and is then not made again until
  // the scan passes what it found). Every other loop of the framer is bounded by the current line.
  fc.assert(
    fc.property(rpslish, (lines) => {
      const text = lines.join('\n');
      const scanned = new Map<string, number>();
      const calls = new Map<string, number>();
      const proxy = new Proxy(Object(text) as object, {
        get(target, prop) {
          if (prop === 'indexOf')
            return (s: string, from = 0) => {
              const r = text.indexOf(s, from);
              calls.set(s, (calls.get(s) ?? 0) + 1);
              scanned.set(s, (scanned.get(s) ?? 0) + (r < 0 ? text.length : r) - from);
              return r;
            };
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(text) : v;
        },
      }) as unknown as string;
      frameRpslInto(proxy, { object: () => undefined, diagnostic: () => undefined });
      const lineCount = text.split('\n').length;
      assert.deepEqual([...calls.keys()].filter((s) => s !== '\n' && s !== '#' && s !== ':'), []);
      for (const [s, n] of calls) assert.ok(n <= lineCount, `${n} searches for ${JSON.stringify(s)} for ${lineCount} lines`);
      for (const [s, n] of scanned) assert.ok(n <= text.length, `scanned ${n} characters of ${text.length} for ${JSON.stringify(s)}`);
    }),
    { numRuns: 200 },
  );
});

test('property: a text framed slice by slice, cut at empty lines and carrying the foreign state, frames as it does whole', () => {
  // What RpslStreamCheck.index relies on to frame a file once for both the index (whole) and the findings
  // (slices). Lines of answers that are not RPSL (IANA's, ARIN's) and of the answers that end them are mixed
  // in, so a foreign answer runs across cuts.
  const line = fc.oneof(
    fc.constantFrom(
      'route: 192.0.2.0/24',
      'origin: AS1',
      'source: RIPE # Filtered',
      '  cont',
      '+',
      '\t',
      ' ',
      '',
      '',
      '\r',
      '#c',
      '%r',
      ':x',
      'a b',
      'x:#',
      '% IANA WHOIS server',
      'refer: whois.ripe.net',
      '# ARIN WHOIS data and services are subject to the Terms of Use',
      'NetRange: 192.0.2.0 - 192.0.2.255',
      '% This is the RIPE Database query service.',
      '[Querying whois.ripe.net]',
      '# whois.radb.net',
      'Warning: RIPE flags used with a traditional server.',
    ),
    fc.string({ maxLength: 8 }),
  );
  const describe = (text: string, from?: number, to?: number, foreign?: boolean): { rows: string[]; foreign: boolean } => {
    const rows: string[] = [];
    const end = frameRpslInto(
      text,
      {
        object: (o) =>
          rows.push(
            JSON.stringify([
              o.span,
              o.attributes.map((a) => [a.name, a.rawName, a.value, a.span, a.valueSpan, a.segments, a.wrapped, o.filtered?.has(a) ?? false]),
            ]),
          ),
        diagnostic: (d) => rows.push(JSON.stringify(d)),
      },
      { from, to, foreign },
    );
    return { rows, foreign: end };
  };
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (lines, picks, crlf) => {
      const text = lines.join(crlf ? '\r\n' : '\n');
      // Every start of an empty line (LF or CRLF) after a line break may be a cut, as streamCheck's emptyLineAfter chooses.
      const cuts: number[] = [];
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
        const c = text.charCodeAt(nl + 1);
        if (c === 10 || (c === 13 && text.charCodeAt(nl + 2) === 10)) cuts.push(nl + 1);
      }
      const chosen = [...new Set(picks.filter(() => cuts.length > 0).map((p) => cuts[p % cuts.length]!))].sort((a, b) => a - b);
      const whole = describe(text);
      const rows: string[] = [];
      let foreign = false;
      let from = 0;
      for (const to of [...chosen, text.length]) {
        const part = describe(text, from, to, foreign);
        rows.push(...part.rows);
        foreign = part.foreign;
        from = to;
      }
      assert.deepEqual(rows, whole.rows);
      assert.equal(foreign, whole.foreign);
    }),
    { numRuns: 1000 },
  );
});
