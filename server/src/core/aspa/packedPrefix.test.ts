import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ipv4PrefixText, packIPv4Prefix } from './packedPrefix';

test('an IPv4 prefix packs and gives back exactly its text; other spellings are left as text', () => {
  const out = new Uint32Array(2);
  for (const p of ['0.0.0.0/0', '192.0.2.0/24', '255.255.255.255/32', '10.0.0.0/8']) {
    assert.ok(packIPv4Prefix(p, out), p);
    assert.equal(ipv4PrefixText(out[0]!, out[1]!), p);
  }
  for (const p of ['2001:db8::/32', '192.0.2.0', '192.0.2.0/33', '192.0.02.0/24', '256.0.0.0/8', '1.2.3/8', '1.2.3.4/08', '1.2.3.4/24 ', '', '1.2.3.4.5/8', '1.2.3.4/']) {
    assert.equal(packIPv4Prefix(p, out), false, p);
  }
});

test('property: any text that packs round-trips to itself', () => {
  const out = new Uint32Array(2);
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9./]{0,20}$/), (s) => {
      if (packIPv4Prefix(s, out)) assert.equal(ipv4PrefixText(out[0]!, out[1]!), s);
    }),
  );
  fc.assert(
    fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 32 }), (addr, len) => {
      assert.ok(packIPv4Prefix(ipv4PrefixText(addr, len), out));
      assert.deepEqual([out[0], out[1]], [addr, len]);
    }),
  );
});
