/**
 * Hostile inputs for the fuzz tests (test/fuzz, test/lsp/hostileDocuments) and the stress bench
 * (bench/hostile.bench.ts): what people really feed a tool by mistake or on purpose, generated from a seed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from '../../bench/prng';

export const repoRoot = path.resolve(__dirname, '..', '..');

export type Rng = () => number;

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_/#%(){}[]<>|*+=!?@&"\'';

export const rng = (seed: number): Rng => mulberry32(seed);

export function randomBytes(r: Rng, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** Printable ASCII in lines of 0–150 characters: text that is neither RPSL nor looking-glass output. */
export function randomText(r: Rng, n: number): string {
  const parts: string[] = [];
  for (let size = 0; size < n; ) {
    const len = Math.floor(r() * 150);
    let s = '';
    for (let i = 0; i < len; i++) s += PRINTABLE[Math.floor(r() * PRINTABLE.length)];
    parts.push(s);
    size += len + 1;
  }
  return `${parts.join('\n')}\n`;
}

/** One line of `n` characters in an attribute value (and a looking-glass line as long). */
export const longLine = (n: number): string => `route:          192.0.2.0/24\ndescr:          ${'x'.repeat(n)}\norigin:         AS64500\nsource:         TEST\n`;

/** Parentheses and braces nested `depth` deep in a policy, a filter and JSON: stack-hungry parsers fail here. */
export function deepNesting(depth: number): { rpsl: string; json: string } {
  const filter = `${'('.repeat(depth)}AS64500${')'.repeat(depth)}`;
  const regex = `<${'('.repeat(depth)}AS64500${')'.repeat(depth)}>`;
  const refine = `${'from AS64501 accept ANY refine '.repeat(depth)}from AS64501 accept ANY`;
  const rpsl = `aut-num:        AS64500\nas-name:        DEEP\nimport:         from AS64501 accept ${filter}\nimport:         from AS64501 accept ${regex}\nimport:         ${refine}\nmp-import:      afi ipv6.unicast from AS64501 accept {${'{'.repeat(depth)}2001:db8::/32${'}'.repeat(depth)}}\nmnt-by:         MAINT-X\nsource:         TEST\n`;
  const json = `${'['.repeat(depth)}{"customer_asid": 64500, "providers": [64501]}${']'.repeat(depth)}`;
  return { rpsl, json };
}

/** `count` one-attribute objects: millions of tiny objects in a few MB. */
export const tinyObjects = (count: number): string => 'a: b\n\n'.repeat(count);

/** UTF-8, Latin-1 and UTF-16 pieces in one file, as a concatenation of files saved by different tools gives. */
export function mixedEncodings(): Uint8Array {
  return new Uint8Array([
    ...Buffer.from('person:         Zoë Ünal\n'),
    ...Buffer.from('address:        M\xfcnchen\n', 'latin1'),
    ...Buffer.from('remarks:        ok\n', 'utf16le'),
    ...Buffer.from('nic-hdl:        ZU1-TEST\nsource:         TEST\n'),
  ]);
}

/** Text with NUL and other control characters sprinkled in. */
export function withControls(r: Rng, text: string, share = 0.002): string {
  let out = '';
  for (const c of text) out += r() < share ? String.fromCharCode(Math.floor(r() * 32)) + c : c;
  return out;
}

/** The repository's fixture files (examples, test fixtures, real outputs), each under 2 MB. */
export function fixtureFiles(): string[] {
  const roots = ['examples', 'test/lg', 'test/rpsl', 'test/fixtures', 'server/src/core/aspa/testdata'].map((d) => path.join(repoRoot, d));
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|rpsl|aspa|json|jsonl|lg|db|conf|irr)$/.test(e.name) && statSync(p).size < 2e6) out.push(p);
    }
  };
  for (const r of roots) walk(r);
  return out.sort();
}

/** A fixture's bytes cut at a random point (never the whole file). */
export function truncated(r: Rng, file: string): Uint8Array {
  const b = readFileSync(file);
  return b.subarray(0, Math.floor(r() * b.length));
}
