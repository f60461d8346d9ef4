import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../../bench/prng';
import type { Relationship } from './model';
import { parseRelationships } from './relationships';

test('relationships: every link read back both ways as the last line gave it, across growth, 32-bit ASNs and overwrites', () => {
  const rnd = mulberry32(7);
  // ASNs drawn from a small pool (many links share an AS, some are given twice) and from the whole 32-bit range.
  const asn = (): number => (rnd() < 0.7 ? 1 + Math.floor(rnd() * 300) : Math.floor(rnd() * 0x100000000));
  const truth = new Map<string, Relationship>();
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const a = asn();
    const b = asn();
    if (a === b) continue;
    const peer = rnd() < 0.2;
    lines.push(`${a}|${b}|${peer ? 0 : -1}|test`);
    truth.set(`${a}|${b}`, peer ? 'p2p' : 'p2c');
    truth.set(`${b}|${a}`, peer ? 'p2p' : 'c2p');
  }
  const { relationships, errors } = parseRelationships(lines.join('\n'));
  assert.deepEqual(errors, []);
  assert.equal(relationships.size, truth.size / 2);
  for (const [key, rel] of truth) {
    const [a, b] = key.split('|').map(Number) as [number, number];
    assert.equal(relationships.get(a, b), rel, key);
  }
  for (let i = 0; i < 20_000; i++) {
    const a = asn();
    const b = asn();
    assert.equal(relationships.get(a, b), truth.get(`${a}|${b}`), `${a}|${b}`);
  }
});
