import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../net/asn';
import { formatPrefix, parsePrefix, type Prefix } from '../net/prefix';
import { checkHeader, decodePdu, encodePdu, RTR_ERROR, type Pdu } from './pdu';
import { PduStreamDecoder } from './pduStream';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const pfx = (s: string): Prefix => {
  const p = parsePrefix(s);
  assert.ok(p.ok);
  return p.prefix;
};

/**
 * The whole answer of stayrtr 0.5.1 (Debian) to a version 2 Reset Query, captured on loopback, for a cache file
 * with 192.0.2.0/24-24 AS64496, 2001:db8::/32-48 AS64497 and ASPAs AS64500 → {64501, 64502} (IPv4 and IPv6),
 * AS64510 → {64511} (IPv6). Session 0xb6b3, serial 0, timers 3600/600/7200.
 */
const STAYRTR_V2_RESET_RESPONSE =
  '0203b6b300000008' +
  '0206000000000020 01203000 20010db8000000000000000000000000 0000fbf1' +
  '0204000000000014 01181800 c0000200 0000fbf0' +
  '020b000000000018 01000002 0000fbf4 0000fbf5 0000fbf6' +
  '020b000000000018 01010002 0000fbf4 0000fbf5 0000fbf6' +
  '020b000000000014 01010001 0000fbfe 0000fbff' +
  '0207b6b300000018 00000001 00000e10 00000258 00001c20';

test('RFC 8210 §5.4 Reset Query and §5.3 Serial Query encode to their fixed layouts', () => {
  assert.equal(toHex(encodePdu({ type: 'reset-query', version: 1 })), '0102000000000008');
  assert.equal(toHex(encodePdu({ type: 'serial-query', version: 1, sessionId: 0x1234, serial: 0xdeadbeef })), '010112340000000cdeadbeef');
  assert.equal(toHex(encodePdu({ type: 'reset-query', version: 0 })), '0002000000000008');
});

test('RFC 8210 §5.6 IPv4 Prefix PDU decodes flags, lengths, address and ASN', () => {
  const d = decodePdu(hex('01 04 0000 00000014 01 18 18 00 c0000200 0000fbf0'));
  assert.ok(d.ok);
  assert.equal(d.pdu.type, 'prefix');
  if (d.pdu.type !== 'prefix') return;
  assert.equal(d.pdu.announce, true);
  assert.equal(formatPrefix(d.pdu.prefix), '192.0.2.0/24');
  assert.equal(d.pdu.maxLength, 24);
  assert.equal(d.pdu.asn, 64496);
  // Withdrawal: flags bit 0 clear.
  const w = decodePdu(hex('01 04 0000 00000014 00 10 18 00 c6336400 0000fbf1'));
  assert.ok(w.ok && w.pdu.type === 'prefix' && !w.pdu.announce && formatPrefix(w.pdu.prefix) === '198.51.0.0/16' && w.pdu.maxLength === 24);
});

test('prefix PDUs round-trip through encode and decode (IPv4 and IPv6)', () => {
  for (const [p, max, asn] of [
    ['203.0.113.0/24', 24, 64511],
    ['2001:db8:1000::/36', 48, 4200000000],
    ['0.0.0.0/0', 8, 0],
  ] as const) {
    const pdu: Pdu = { type: 'prefix', version: 1, announce: true, prefix: pfx(p), maxLength: max, asn: asn as Asn };
    const d = decodePdu(encodePdu(pdu));
    assert.ok(d.ok);
    assert.deepEqual(d.pdu, pdu);
  }
});

test('End of Data is 24 bytes with timers in versions 1-2 and 12 bytes without in version 0 (RFC 6810 §5.8)', () => {
  const v1 = hex('01 07 0102 00000018 0000002a 00000e10 00000258 00001c20');
  const d = decodePdu(v1);
  assert.ok(d.ok);
  assert.deepEqual(d.pdu, { type: 'end-of-data', version: 1, sessionId: 0x0102, serial: 42, timers: { refresh: 3600, retry: 600, expire: 7200 } });
  assert.equal(toHex(encodePdu(d.pdu)), toHex(v1));
  const v0 = decodePdu(hex('00 07 0102 0000000c 0000002a'));
  assert.ok(v0.ok);
  assert.deepEqual(v0.pdu, { type: 'end-of-data', version: 0, sessionId: 0x0102, serial: 42 });
  // A version 1 End of Data of version 0 size is corrupt.
  const bad = decodePdu(hex('01 07 0102 0000000c 0000002a'));
  assert.ok(!bad.ok && bad.code === RTR_ERROR.corruptData);
});

test('RFC 8210 §5.11 Error Report carries its code, the erroneous PDU and the text', () => {
  const bytes = encodePdu({ type: 'error-report', version: 1, code: 4, erroneousPdu: hex('0202000000000008'), text: 'v2 unsupported' });
  assert.equal(toHex(bytes.subarray(0, 16)), '010a0004' + (16 + 8 + 14).toString(16).padStart(8, '0') + '00000008' + '02020000');
  const d = decodePdu(bytes);
  assert.ok(d.ok && d.pdu.type === 'error-report');
  if (d.pdu.type !== 'error-report') return;
  assert.equal(d.pdu.code, 4);
  assert.equal(d.pdu.text, 'v2 unsupported');
  assert.equal(toHex(d.pdu.erroneousPdu), '0202000000000008');
  // stayrtr NUL-terminates its text; the NUL is not part of the message.
  const nul = decodePdu(hex('010a0002 00000015 00000000 00000005 6e6f646100'));
  assert.ok(nul.ok && nul.pdu.type === 'error-report' && nul.pdu.text === 'noda');
  // Inner lengths that do not add up are corrupt.
  const bad = decodePdu(hex('010a0002 00000014 00000000 00000009 6e6f6461'));
  assert.ok(!bad.ok && bad.code === RTR_ERROR.corruptData);
});

test('8210bis ASPA PDU (type 11): flags in the header, customer, providers; withdrawal has none', () => {
  const ann = hex('02 0b 01 00 00000014 0000fbf4 0000fbf5 0000fbf6');
  const d = decodePdu(ann);
  assert.ok(d.ok);
  assert.deepEqual(d.pdu, { type: 'aspa', version: 2, announce: true, customer: 64500, providers: [64501, 64502], layout: 'current' });
  assert.equal(toHex(encodePdu(d.pdu)), toHex(ann));
  const wd = decodePdu(hex('02 0b 00 00 0000000c 0000fbf4'));
  assert.ok(wd.ok);
  assert.deepEqual(wd.pdu, { type: 'aspa', version: 2, announce: false, customer: 64500, providers: [], layout: 'current' });
  const odd = decodePdu(hex('02 0b 01 00 0000000e 0000fbf4 0000'));
  assert.ok(!odd.ok && odd.code === RTR_ERROR.corruptData);
  // ASPA does not exist before version 2.
  const v1 = checkHeader(hex('01 0b 01 00 00000010'));
  assert.ok(!v1.ok && v1.code === RTR_ERROR.unsupportedPduType);
});

test('headers: bad length, unknown type and unknown version get the RFC 8210 §12 error codes', () => {
  const cases: [string, number][] = [
    ['01 04 0000 00000004', RTR_ERROR.corruptData], // shorter than the header
    ['01 04 0000 00000010', RTR_ERROR.corruptData], // IPv4 Prefix must be 20
    ['01 05 0000 00000008', RTR_ERROR.unsupportedPduType], // type 5 is reserved
    ['01 63 0000 00000008', RTR_ERROR.unsupportedPduType],
    ['03 02 0000 00000008', RTR_ERROR.unsupportedProtocolVersion],
    ['00 09 0000 00000040', RTR_ERROR.unsupportedPduType], // Router Key needs version 1
    ['01 03 0000 ffffffff', RTR_ERROR.corruptData],
  ];
  for (const [h, code] of cases) {
    const r = checkHeader(hex(h));
    assert.ok(!r.ok, h);
    assert.equal(r.code, code, h);
  }
  const truncated = decodePdu(hex('01 04 0000 00000014 01 18 18 00'));
  assert.ok(!truncated.ok && /truncated/.test(truncated.reason));
});

test('stayrtr 0.5.1 output decodes, including its draft-10 ASPA layout with per-family records', () => {
  const pdus: Pdu[] = [];
  const err = new PduStreamDecoder().feed(hex(STAYRTR_V2_RESET_RESPONSE), (p) => pdus.push(p));
  assert.equal(err, undefined);
  assert.deepEqual(
    pdus.map((p) => p.type),
    ['cache-response', 'prefix', 'prefix', 'aspa', 'aspa', 'aspa', 'end-of-data'],
  );
  const aspas = pdus.filter((p): p is Extract<Pdu, { type: 'aspa' }> => p.type === 'aspa');
  assert.deepEqual(
    aspas.map((a) => [a.customer, a.providers, a.afi, a.layout, a.announce]),
    [
      [64500, [64501, 64502], 4, 'draft-10', true],
      [64500, [64501, 64502], 6, 'draft-10', true],
      [64510, [64511], 6, 'draft-10', true],
    ],
  );
  const v6 = pdus[1];
  assert.ok(v6?.type === 'prefix' && formatPrefix(v6.prefix) === '2001:db8::/32' && v6.maxLength === 48 && v6.asn === 64497);
  // The draft-10 encoder reproduces stayrtr's bytes.
  assert.equal(toHex(encodePdu(aspas[0]!)), '020b00000000001801000002' + '0000fbf40000fbf50000fbf6');
});

test('the stream decoder gives the same PDUs whatever the chunk boundaries', () => {
  const all = hex(STAYRTR_V2_RESET_RESPONSE);
  const whole: Pdu[] = [];
  new PduStreamDecoder().feed(all, (p) => whole.push(p));
  for (const size of [1, 3, 7, 8, 13, 100]) {
    const dec = new PduStreamDecoder();
    const got: Pdu[] = [];
    for (let i = 0; i < all.length; i += size) assert.equal(dec.feed(all.subarray(i, i + size), (p) => got.push(p)), undefined);
    assert.deepEqual(got, whole, `chunks of ${size}`);
    assert.equal(dec.pendingBytes, 0);
  }
  // A partial PDU stays pending.
  const dec = new PduStreamDecoder();
  dec.feed(all.subarray(0, 12), () => {});
  assert.equal(dec.pendingBytes, 4);
});

test('the stream decoder stops at the first malformed PDU and hands back its bytes', () => {
  const dec = new PduStreamDecoder();
  const got: Pdu[] = [];
  const err = dec.feed(hex('0203b6b300000008 02 2a 0000 00000008 0207b6b3'), (p) => got.push(p));
  assert.equal(got.length, 1);
  assert.ok(err);
  assert.equal(err.code, RTR_ERROR.unsupportedPduType);
  assert.equal(toHex(err.bytes).slice(0, 16), '022a000000000008');
  // Once failed, it stays failed.
  assert.equal(dec.feed(hex('0203b6b300000008'), (p) => got.push(p)), err);
  assert.equal(got.length, 1);
});
