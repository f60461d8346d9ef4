/**
 * The wiring, end to end: the built language server reads `routelens.rtr.*` and `routelens.data.vrpFiles`,
 * loads a VRP file, syncs with an RTR cache (the in-test fake one), and pushes `routelens/rpkiStatus`;
 * `routelens/refreshRpki` answers the same status.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Asn } from '../../server/src/core/net/asn';
import { parsePrefix } from '../../server/src/core/net/prefix';
import { RefreshRpkiRequest, RpkiStatusNotification, type RpkiStatus } from '../../server/src/protocol/lsp';
import { type LspSession, unbuilt, withSession } from '../support/lspClient';
import { startFakeCache, waitFor } from './fakeCache';

test('the server pushes RPKI status for a VRP file and an RTR cache, and answers refreshRpki', { skip: unbuilt, timeout: 60_000 }, async () => {
  const p = parsePrefix('198.51.100.0/24');
  assert.ok(p.ok);
  const cache = await startFakeCache((c, pdu) => {
    if (pdu.type !== 'reset-query') return;
    c.send(
      { type: 'cache-response', version: pdu.version, sessionId: 4 },
      { type: 'prefix', version: pdu.version, announce: true, prefix: p.prefix, maxLength: 24, asn: 64497 as Asn },
      { type: 'aspa', version: pdu.version, announce: true, customer: 64500 as Asn, providers: [64501 as Asn], layout: 'current' },
      { type: 'end-of-data', version: pdu.version, sessionId: 4, serial: 11, timers: { refresh: 3600, retry: 600, expire: 7200 } },
    );
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-rpki-lsp-'));
  const vrpFile = path.join(dir, 'vrps.csv');
  writeFileSync(vrpFile, 'ASN,IP Prefix,Max Length,Trust Anchor\nAS64496,192.0.2.0/24,24,test\nAS64497,198.51.100.0/24,24,test\n');
  const settings = { rtr: { enabled: true, host: '127.0.0.1', port: cache.port }, data: { vrpFiles: [vrpFile], aspaFiles: [] } };
  const statuses: ((s: RpkiStatus) => void)[] = [];
  const synced = waitFor<RpkiStatus>('an RPKI status with the file and the RTR data', 20_000, (cb) => statuses.push(cb), (s) =>
    s.sources.some((x) => x.kind === 'rtr' && x.state === 'synced') && s.sources.some((x) => x.kind === 'file' && x.state === 'loaded'),
  );
  const hearStatus = (lsp: LspSession): void => {
    lsp.connection.onNotification(RpkiStatusNotification, (s) => statuses.forEach((f) => f(s)));
  };
  try {
    await withSession({ settings, prepare: hearStatus }, async (lsp) => {
      await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const s = await synced;
      // 198.51.100.0/24 AS64497 comes from both the file and the cache: counted once.
      assert.equal(s.vrpCount, 2);
      assert.equal(s.aspaCount, 1);
      assert.equal(s.serial, 11);
      const rtr = s.sources.find((x) => x.kind === 'rtr');
      assert.deepEqual([rtr?.name, rtr?.vrps, rtr?.aspas], [`rtr://127.0.0.1:${cache.port}`, 1, 1]);
      const refreshed = await lsp.connection.sendRequest(RefreshRpkiRequest);
      assert.equal(refreshed.vrpCount, 2);
      // An ASPA file under review is compared with what the cache serves the routers.
      const uri = 'file:///rpki-lsp/customer.aspa';
      await lsp.open(uri, 'aspa', 'AS64500 => AS64502\n');
      const diags = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'aspa/differs-from-cache'));
      const diff = diags.find((x) => x.code === 'aspa/differs-from-cache')!;
      assert.deepEqual(diff.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
      assert.match(diff.message as string, /this file adds AS64502; the cache also has AS64501/);
    });
  } finally {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
