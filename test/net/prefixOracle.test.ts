// The character-code IPv4 and prefix parsers (server/src/core/net/prefix.ts) against the split-and-regex ones
// they replaced (test/support/oldPrefix.ts, 9f7dea4's code): the same result, field by field, on every prefix of
// the real texts we hold and on random strings of the characters prefixes are made of.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseIPv4, parsePrefix } from '../../server/src/core/net/prefix';
import { oldParseIPv4, oldParsePrefix } from '../support/oldPrefix';

function same(text: string): void {
  assert.deepEqual(parsePrefix(text), oldParsePrefix(text), text);
  assert.deepEqual(parseIPv4(text), oldParseIPv4(text), text);
}

test('every prefix-like word of the real texts parses as it did', () => {
  const real = path.join(__dirname, '..', 'rpsl', 'real');
  let n = 0;
  for (const f of readdirSync(real).filter((f) => f.endsWith('.txt'))) {
    for (const w of readFileSync(path.join(real, f), 'utf8').split(/[\s,{}^]+/))
      if (/[0-9]/.test(w) && /[./:]/.test(w)) {
        same(w);
        n++;
      }
  }
  assert.ok(n > 1000, `${n} words`);
});

test('property: random prefix-like strings parse as they did', () => {
  const octet = fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '010', '255', '256', '1000', '', 'a', ' 1'));
  const v4 = fc.array(octet, { minLength: 1, maxLength: 6 }).map((o) => o.join('.'));
  const len = fc.oneof(fc.nat(140).map(String), fc.constantFrom('', '0', '00', '024', '0032', '1a', '/24', '-1', '+8'));
  const any = fc.array(fc.constantFrom('0', '1', '2', '5', '9', '.', '/', ':', 'a', 'F', ' ', '::'), { maxLength: 20 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(fc.oneof(fc.tuple(v4, len).map(([a, l]) => `${a}/${l}`), v4, any, fc.tuple(any, len).map(([a, l]) => `${a}/${l}`)), (text) => same(text)),
    { numRuns: 3000 },
  );
});

test('property: every IPv4 prefix parses as it did', () => {
  fc.assert(
    fc.property(fc.nat(0xffffffff), fc.nat(40), fc.boolean(), fc.boolean(), (w, l, zero, zeroLength) => {
      const octets = [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255].map((o, i) => (zero && i === 2 ? `0${o}` : String(o)));
      const length = zeroLength ? `0${l}` : String(l);
      same(`${octets.join('.')}/${length}`);
      same(`${octets.slice(0, 3).join('.')}/${length}`);
      // Without host bits, as most prefixes of a registry are written.
      const network = l >= 32 ? w : l === 0 ? 0 : (w & (~0 << (32 - l))) >>> 0;
      same(`${[network >>> 24, (network >>> 16) & 255, (network >>> 8) & 255, network & 255].join('.')}/${length}`);
    }),
    { numRuns: 3000 },
  );
});
