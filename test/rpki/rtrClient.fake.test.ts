import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../../server/src/core/net/asn';
import { formatPrefix, parsePrefix, type Prefix } from '../../server/src/core/net/prefix';
import { netConnector } from '../../server/src/core/rpki/node/netConnector';
import { RTR_ERROR, type Pdu } from '../../server/src/core/rpki/pdu';
import { RtrClient, type RtrSnapshot, type RtrState } from '../../server/src/core/rpki/rtrClient';
import type { RpkiIssue } from '../../server/src/core/rpki/types';
import { ManualClock, startFakeCache, waitFor, type FakeConnection } from './fakeCache';

const pfx = (s: string): Prefix => {
  const p = parsePrefix(s);
  assert.ok(p.ok);
  return p.prefix;
};
const prefixPdu = (version: number, p: string, maxLength: number, asn: number, announce = true): Pdu => ({
  type: 'prefix',
  version,
  announce,
  prefix: pfx(p),
  maxLength,
  asn: asn as Asn,
});
const TIMERS = { refresh: 30, retry: 5, expire: 600 };
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const WAIT = 5000;

/** A client wired to listener lists, so a test can wait on any event. */
function harness(port: number, maxVersion?: 0 | 1 | 2) {
  const clock = new ManualClock();
  const on = { update: [] as ((s: RtrSnapshot) => void)[], issue: [] as ((i: RpkiIssue) => void)[], state: [] as ((s: RtrState) => void)[] };
  const issues: RpkiIssue[] = [];
  const client = new RtrClient(
    { host: '127.0.0.1', port, connector: netConnector, clock, ...(maxVersion !== undefined ? { maxVersion } : {}) },
    {
      onUpdate: (s) => on.update.forEach((f) => f(s)),
      onIssue: (i) => {
        issues.push(i);
        on.issue.forEach((f) => f(i));
      },
      onState: (s) => on.state.forEach((f) => f(s)),
    },
  );
  const nextIssue = (code: string) => waitFor<RpkiIssue>(code, WAIT, (cb) => on.issue.push(cb), (i) => i.code === code);
  const nextUpdate = (test: (s: RtrSnapshot) => boolean = () => true) => waitFor<RtrSnapshot>('an update', WAIT, (cb) => on.update.push(cb), test);
  return { client, clock, issues, nextIssue, nextUpdate };
}

const vrpNames = (s: RtrSnapshot): string[] => [...s.vrps.values()].map((v) => `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`).sort();

/** Answers every query with one good VRP and End of Data, then whatever `afterSync` adds on the serial query. */
function scripted(version: number, afterSerialQuery: (c: FakeConnection) => void) {
  return (c: FakeConnection, pdu: Pdu) => {
    if (pdu.type === 'reset-query') {
      c.send(
        { type: 'cache-response', version, sessionId: 7 },
        prefixPdu(version, '192.0.2.0/24', 24, 64496),
        { type: 'end-of-data', version, sessionId: 7, serial: 1, timers: TIMERS },
      );
    } else if (pdu.type === 'serial-query') {
      afterSerialQuery(c);
    }
  };
}

const malformed: { name: string; bytes: Uint8Array; code: number }[] = [
  { name: 'bad length (IPv4 Prefix of 16 bytes)', bytes: hex('02 04 0000 00000010 01 18 18 00 c6336400'), code: RTR_ERROR.corruptData },
  { name: 'length below the header', bytes: hex('02 04 0000 00000004'), code: RTR_ERROR.corruptData },
  { name: 'unknown PDU type 42', bytes: hex('02 2a 0000 00000008'), code: RTR_ERROR.unsupportedPduType },
  { name: 'wrong version (v1 PDU in a v2 session)', bytes: hex('01 04 0000 00000014 01 18 18 00 c6336400 0000fbf1'), code: RTR_ERROR.unexpectedProtocolVersion },
  { name: 'unknown version 9', bytes: hex('09 04 0000 00000014 01 18 18 00 c6336400 0000fbf1'), code: RTR_ERROR.unsupportedProtocolVersion },
];

for (const m of malformed) {
  test(`malformed PDU from the cache, ${m.name}: Error Report sent, session closed, earlier data kept, retry scheduled`, async () => {
    let gotReport: (p: Pdu) => void = () => {};
    const errorSent = new Promise<Pdu>((resolve) => (gotReport = resolve));
    const script = scripted(2, (c) => c.send({ type: 'cache-response', version: 2, sessionId: 7 }, prefixPdu(2, '198.51.100.0/24', 24, 64497), m.bytes));
    const cache = await startFakeCache((c, pdu) => (pdu.type === 'error-report' ? gotReport(pdu) : script(c, pdu)));
    const h = harness(cache.port);
    try {
      const first = h.nextUpdate();
      h.client.start();
      assert.deepEqual(vrpNames(await first), ['192.0.2.0/24-24 AS64496']);
      const reported = h.nextIssue('rpki/rtr-malformed-pdu');
      h.client.refresh();
      const issue = await reported;
      assert.match(issue.message, /Error Report/);
      const er = await Promise.race([errorSent, new Promise<undefined>((r) => setTimeout(() => r(undefined), WAIT))]);
      assert.ok(er?.type === 'error-report', 'the cache received an Error Report');
      assert.equal(er.code, m.code);
      assert.deepEqual([...er.erroneousPdu.subarray(0, 8)], [...m.bytes.subarray(0, 8)]);
      // The half-received transaction (198.51.100.0/24) is not applied; the synced data stays.
      assert.deepEqual(vrpNames(h.client.snapshot()), ['192.0.2.0/24-24 AS64496']);
      assert.equal(h.client.currentState, 'disconnected');
      assert.ok(h.clock.pending().includes(TIMERS.retry * 1000), `retry timer of ${TIMERS.retry} s pending: ${h.clock.pending().join(', ')}`);
    } finally {
      h.client.stop();
      await cache.close();
    }
  });
}

test('a PDU cut short by the connection closing is reported; the transaction is discarded', async () => {
  const cache = await startFakeCache(
    scripted(2, (c) => {
      c.send({ type: 'cache-response', version: 2, sessionId: 7 }, hex('02 04 0000 00000014 01 18 18 00 c633'));
      c.end();
    }),
  );
  const h = harness(cache.port);
  try {
    const first = h.nextUpdate();
    h.client.start();
    await first;
    const truncated = h.nextIssue('rpki/rtr-malformed-pdu');
    const lost = h.nextIssue('rpki/rtr-connection-lost');
    h.client.refresh();
    assert.match((await truncated).message, /middle of a PDU \(14 bytes/);
    await lost;
    assert.deepEqual(vrpNames(h.client.snapshot()), ['192.0.2.0/24-24 AS64496']);
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('an incremental update is applied atomically at End of Data (announce + withdraw + ASPA)', async () => {
  const cache = await startFakeCache(
    scripted(2, (c) =>
      c.send(
        { type: 'cache-response', version: 2, sessionId: 7 },
        prefixPdu(2, '192.0.2.0/24', 24, 64496, false),
        prefixPdu(2, '2001:db8::/32', 48, 64497),
        { type: 'aspa', version: 2, announce: true, customer: 64500 as Asn, providers: [64501 as Asn], layout: 'current' },
        { type: 'end-of-data', version: 2, sessionId: 7, serial: 2, timers: TIMERS },
      ),
    ),
  );
  const h = harness(cache.port);
  try {
    const first = h.nextUpdate();
    h.client.start();
    await first;
    const second = h.nextUpdate((s) => s.serial === 2);
    // The cache's refresh timer drives the Serial Query.
    assert.ok(h.clock.fire(TIMERS.refresh * 1000));
    const s = await second;
    assert.deepEqual(vrpNames(s), ['2001:db8::/32-48 AS64497']);
    assert.deepEqual([...s.aspas.values()], [{ customer: 64500, providers: [64501] }]);
    const q = cache.received.filter((r) => r.pdu.type === 'serial-query').map((r) => r.pdu);
    assert.deepEqual(q, [{ type: 'serial-query', version: 2, sessionId: 7, serial: 1 }]);
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('withdrawing an unknown record is answered with Error Report 6 and nothing of the transaction is applied', async () => {
  const cache = await startFakeCache(
    scripted(2, (c) =>
      c.send(
        { type: 'cache-response', version: 2, sessionId: 7 },
        prefixPdu(2, '2001:db8::/32', 48, 64497),
        prefixPdu(2, '203.0.113.0/24', 24, 64499, false),
        { type: 'end-of-data', version: 2, sessionId: 7, serial: 2, timers: TIMERS },
      ),
    ),
  );
  const h = harness(cache.port);
  try {
    const first = h.nextUpdate();
    h.client.start();
    await first;
    const reported = h.nextIssue('rpki/rtr-malformed-pdu');
    h.client.refresh();
    assert.match((await reported).message, /withdrew 203\.0\.113\.0\/24-24 AS64499/);
    assert.deepEqual(vrpNames(h.client.snapshot()), ['192.0.2.0/24-24 AS64496']);
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('version negotiation: Unsupported Protocol Version for v2 → the client reconnects with v1', async () => {
  const cache = await startFakeCache((c, pdu) => {
    if (pdu.type !== 'reset-query') return;
    if (pdu.version === 2) {
      c.send({ type: 'error-report', version: 1, code: RTR_ERROR.unsupportedProtocolVersion, erroneousPdu: hex('0202000000000008'), text: 'only v1' });
      c.end();
      return;
    }
    c.send(
      { type: 'cache-response', version: 1, sessionId: 9 },
      prefixPdu(1, '192.0.2.0/24', 24, 64496),
      { type: 'end-of-data', version: 1, sessionId: 9, serial: 5, timers: TIMERS },
    );
  });
  const h = harness(cache.port);
  try {
    const downgraded = h.nextIssue('rpki/rtr-version-downgraded');
    const synced = h.nextUpdate();
    h.client.start();
    assert.match((await downgraded).message, /version 2.*only v1.*version 1/);
    const s = await synced;
    assert.equal(s.version, 1);
    assert.equal(s.serial, 5);
    assert.deepEqual(vrpNames(s), ['192.0.2.0/24-24 AS64496']);
    assert.deepEqual(
      cache.received.map((r) => [r.conn, r.pdu.type, r.pdu.version]),
      [
        [0, 'reset-query', 2],
        [1, 'reset-query', 1],
      ],
    );
    // The client never answers an Error Report with one.
    assert.ok(!cache.received.some((r) => r.pdu.type === 'error-report'));
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('a version 0 cache (RFC 6810) answering in its own version is followed down without an error', async () => {
  const cache = await startFakeCache((c, pdu) => {
    if (pdu.type === 'reset-query') {
      c.send({ type: 'cache-response', version: 0, sessionId: 3 }, prefixPdu(0, '192.0.2.0/24', 24, 64496), { type: 'end-of-data', version: 0, sessionId: 3, serial: 1 });
    }
  });
  const h = harness(cache.port);
  try {
    const synced = h.nextUpdate();
    h.client.start();
    const s = await synced;
    assert.equal(s.version, 0);
    assert.deepEqual(vrpNames(s), ['192.0.2.0/24-24 AS64496']);
    // Version 0 has no timers: the RFC 8210 §6 defaults apply (refresh 3600 s, expire 7200 s).
    assert.deepEqual(h.clock.pending(), [3600_000, 7200_000]);
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('Cache Reset in answer to a Serial Query leads to a Reset Query; data is replaced only at End of Data', async () => {
  let resets = 0;
  const cache = await startFakeCache((c, pdu) => {
    if (pdu.type === 'serial-query') c.send({ type: 'cache-reset', version: 2 });
    if (pdu.type === 'reset-query') {
      resets++;
      const p = resets === 1 ? '192.0.2.0/24' : '198.51.100.0/24';
      c.send({ type: 'cache-response', version: 2, sessionId: 7 }, prefixPdu(2, p, 24, 64496), { type: 'end-of-data', version: 2, sessionId: 7, serial: resets, timers: TIMERS });
    }
  });
  const h = harness(cache.port);
  try {
    const first = h.nextUpdate();
    h.client.start();
    await first;
    const second = h.nextUpdate((s) => s.serial === 2);
    h.client.refresh();
    assert.deepEqual(vrpNames(await second), ['198.51.100.0/24-24 AS64496']);
    assert.deepEqual(
      cache.received.map((r) => r.pdu.type),
      ['reset-query', 'serial-query', 'reset-query'],
    );
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('expire: data not refreshed within the expire interval is dropped (RFC 8210 §6)', async () => {
  const cache = await startFakeCache(scripted(2, () => {}));
  const h = harness(cache.port);
  try {
    const first = h.nextUpdate();
    h.client.start();
    await first;
    const dropped = h.nextIssue('rpki/rtr-data-expired');
    assert.ok(h.clock.fire(TIMERS.expire * 1000));
    await dropped;
    assert.equal(h.client.snapshot().vrps.size, 0);
  } finally {
    h.client.stop();
    await cache.close();
  }
});

test('nothing listening: connect failure is reported and a retry is scheduled', async () => {
  const cache = await startFakeCache(() => {});
  const port = cache.port;
  await cache.close();
  const h = harness(port);
  try {
    const failed = h.nextIssue('rpki/rtr-connect-failed');
    h.client.start();
    assert.match((await failed).message, /ECONNREFUSED.*TLS and SSH are not supported/);
    assert.deepEqual(h.clock.pending(), [600_000]);
  } finally {
    h.client.stop();
  }
});
