import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LgStreamParser, parseLookingGlass } from './parse';
import type { LgFormat } from './types';

/** Pieces of real outputs, so generated inputs reach deep into every parser rather than stopping at detection. */
const PIECES = [
  ' *>i10.0.0.0/8      192.0.2.1                0    100      0 65001 {1,2} i',
  '     Network          Next Hop            Metric LocPrf Weight Path',
  '                    192.0.2.2            ',
  '\tBGP.as_path: 1 2 ...',
  '\t\t(65001,1)',
  '10.0.0.0/8  unicast [p 12:00] * (100) [AS1i]',
  'BGP routing table entry for 10.0.0.0/8, version 1',
  '  65001 (65002 65003) [4,5], (Received from a RR-client)',
  '    192.0.2.1 from 192.0.2.1 (192.0.2.1)',
  '      Origin IGP, metric 0, localpref 100, valid, external, otc 1, best',
  'TABLE_DUMP2|1|B|192.0.2.1|1|10.0.0.0/8|1 2|IGP|192.0.2.1|0|0||NAG||',
  '                AS path: [65161] 1 2 I (Originator)',
  '        *BGP    Preference: 170/-101',
  '*>      N 198.18.0.0/24        198.51.100.1      100     0 24482 i',
  '{', '}', '[', ']', '(', ')', '...', ',', '', ' ', '\t', '\u001b[1m', '<b>',
  '4294967296', '1.65536', '65535.65535', 'i', '?', 'E',
];
const FORMATS: readonly LgFormat[] = ['cisco-ios', 'cisco-iosxr', 'cisco-nxos', 'arista', 'huawei', 'frr', 'cisco-ios-detail', 'cisco-nxos-detail', 'bird', 'bgpdump', 'aspath-list', 'junos', 'openbgpd', 'gobgp', 'nokia-sros', 'mikrotik', 'frr-json', 'alice-json', 'unknown'];

const line = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((a) => a.join(' ')));
const paste = fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n'));

test('no input throws, for detection and for every forced format; results stay within the input', () => {
  fc.assert(
    fc.property(paste, fc.option(fc.constantFrom(...FORMATS), { nil: undefined }), (text, format) => {
      const r = parseLookingGlass(text, format !== undefined ? { format } : {});
      const lines = text.split('\n').length;
      for (const u of r.unparsed) {
        assert.ok(u.line >= 0 && u.line < lines);
        // The stream parser catches what a format parser throws; none should.
        assert.ok(!(u.reason ?? '').startsWith('internal error'), u.reason);
      }
      for (const x of r.routes) assert.ok(x.lines.start <= x.lines.end && x.lines.end < Math.max(lines, 1) + 1);
    }),
    { numRuns: 400 },
  );
});

test('work grows linearly: 4× the lines cost about 4× the steps, for every corpus-like input', () => {
  const corpus = path.resolve(__dirname, '../../../../test/lg/fixtures');
  const samples = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  // Adversarial lines for the tokenisers: long runs of one character class.
  samples.push(`${' '.repeat(2000)}(${'a '.repeat(500)}`, `${'1'.repeat(3000)} ${'{'.repeat(500)}`, `*>${' '.repeat(3000)}x`);
  for (const s of samples) {
    const steps = (n: number): number => {
      const p = new LgStreamParser();
      for (let i = 0; i < n; i++) p.push(`${s}\n`);
      p.end();
      return p.steps;
    };
    const a = steps(25);
    const b = steps(100);
    assert.ok(b <= 4 * a + 200, `${s.slice(0, 30)}: ${a} → ${b}`);
  }
});

test('no regex in the parser nests a quantifier inside a quantified group (no catastrophic backtracking)', () => {
  for (const f of readdirSync(__dirname).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
    const src = readFileSync(path.join(__dirname, f), 'utf8');
    for (const m of src.matchAll(/\/\^?(?:[^/\n\\]|\\.)+\/[gimsuy]*(?=[.,;)\s])/g)) {
      const re = m[0];
      // Find every quantified group and look for a quantifier inside it.
      for (let i = 0; i < re.length; i++) {
        if (re[i] !== ')' || re[i - 1] === '\\') continue;
        const q = re[i + 1];
        if (q !== '*' && q !== '+' && !(q === '{' && /^\{\d+,\}/.test(re.slice(i + 1)))) continue;
        let depth = 0;
        let j = i;
        for (; j >= 0; j--) {
          if (re[j - 1] === '\\') continue;
          if (re[j] === ')') depth++;
          else if (re[j] === '(' && --depth === 0) break;
        }
        const inner = re.slice(j + 1, i).replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'C');
        assert.ok(!/[*+]|\{\d+,\}/.test(inner), `${f}: ${re}`);
      }
    }
  }
});
