/**
 * The RTR client against a real cache: Debian's stayrtr 0.5.1 serving a JSON file on loopback. Checks the full
 * load (VRPs and ASPAs over RTR version 2), an incremental update after the file changes (Serial Notify →
 * Serial Query), and that killing the cache mid-session is reported and retried.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatPrefix } from '../../server/src/core/net/prefix';
import { netConnector } from '../../server/src/core/rpki/node/netConnector';
import { RtrClient, type RtrSnapshot, type RtrState } from '../../server/src/core/rpki/rtrClient';
import { systemClock } from '../../server/src/core/rpki/transport';
import type { RpkiIssue } from '../../server/src/core/rpki/types';
import { waitFor } from './fakeCache';
import { freePort } from '../support/freePort';

const haveStayrtr = spawnSync('stayrtr', ['-version'], { encoding: 'utf8' }).status === 0;
const WAIT = 20_000;

interface CacheFile {
  roas: { prefix: string; maxLength: number; asn: string | number; ta: string }[];
  provider_authorizations: { ipv4: { customer_asid: number; providers: number[] }[]; ipv6: { customer_asid: number; providers: number[] }[] };
}

/** stayrtr 0.5.1 reads `roas` and, for ASPA, `provider_authorizations` split by address family. */
const FIRST: CacheFile = {
  roas: [
    { prefix: '192.0.2.0/24', maxLength: 24, asn: 'AS64496', ta: 'test' },
    { prefix: '198.51.100.0/22', maxLength: 24, asn: 64497, ta: 'test' },
    { prefix: '2001:db8::/32', maxLength: 48, asn: 64498, ta: 'test' },
    // The CANTV case: Dayco's prefix has a ROA, so ROV sees the leaked route as valid.
    { prefix: '200.74.224.0/20', maxLength: 24, asn: 21980, ta: 'lacnic' },
  ],
  provider_authorizations: {
    ipv4: [
      { customer_asid: 21980, providers: [269832, 52320] },
      { customer_asid: 64500, providers: [64501, 64502] },
    ],
    ipv6: [{ customer_asid: 64500, providers: [64501, 64502] }],
  },
};

const SECOND: CacheFile = {
  roas: [
    { prefix: '192.0.2.0/24', maxLength: 24, asn: 'AS64496', ta: 'test' },
    { prefix: '2001:db8::/32', maxLength: 48, asn: 64498, ta: 'test' },
    { prefix: '200.74.224.0/20', maxLength: 24, asn: 21980, ta: 'lacnic' },
    { prefix: '203.0.113.0/24', maxLength: 24, asn: 64499, ta: 'test' },
  ],
  provider_authorizations: {
    ipv4: [
      { customer_asid: 21980, providers: [269832, 52320] },
      { customer_asid: 64500, providers: [64501, 64503] },
    ],
    ipv6: [{ customer_asid: 64500, providers: [64501, 64502] }],
  },
};

const expectVrps = (f: CacheFile): string[] =>
  f.roas.map((r) => `${r.prefix}-${r.maxLength} AS${String(r.asn).replace(/^AS/, '')}`).sort();
const expectAspas = (f: CacheFile): string[] =>
  [...f.provider_authorizations.ipv4.map((a) => ({ ...a, afi: 4 })), ...f.provider_authorizations.ipv6.map((a) => ({ ...a, afi: 6 }))]
    .map((a) => `AS${a.customer_asid} v${a.afi} → ${[...a.providers].sort((x, y) => x - y).join(',')}`)
    .sort();
const gotVrps = (s: RtrSnapshot): string[] => [...s.vrps.values()].map((v) => `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`).sort();
const gotAspas = (s: RtrSnapshot): string[] =>
  [...s.aspas.values()].map((a) => `AS${a.customer} v${a.afi} → ${[...a.providers].sort((x, y) => x - y).join(',')}`).sort();

function writeAtomically(file: string, data: CacheFile): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(data));
  renameSync(`${file}.tmp`, file);
}

/** Starts stayrtr and resolves once it logs that it serves; stderr is kept for failure messages. */
async function startStayrtr(port: number, cacheFile: string, log: string[]): Promise<ChildProcess> {
  const child = spawn(
    'stayrtr',
    ['-bind', `127.0.0.1:${port}`, '-cache', cacheFile, '-checktime=false', '-refresh', '1', '-rtr.refresh', '3600', '-rtr.retry', '1', '-rtr.expire', '7200', '-metrics.addr', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: ((l: string) => void)[] = [];
  const onText = (b: Buffer): void => {
    for (const l of b.toString('utf8').split('\n')) {
      if (!l) continue;
      log.push(l);
      lines.forEach((f) => f(l));
    }
  };
  child.stdout?.on('data', onText);
  child.stderr?.on('data', onText);
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`stayrtr exited (${code}): ${log.slice(-5).join(' | ')}`))));
  await Promise.race([waitFor<string>('stayrtr to start serving', WAIT, (cb) => lines.push(cb), (l) => /Server started/.test(l)), exited]);
  return child;
}

test('stayrtr 0.5.1: full load, incremental update after Serial Notify, cache killed and retried', { timeout: 120_000 }, async (t) => {
  if (!haveStayrtr) {
    t.skip('stayrtr not installed (apt-get install stayrtr)');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-stayrtr-'));
  const cacheFile = path.join(dir, 'cache.json');
  writeAtomically(cacheFile, FIRST);
  const port = await freePort();
  const log: string[] = [];
  const children: ChildProcess[] = [];
  const on = { update: [] as ((s: RtrSnapshot) => void)[], issue: [] as ((i: RpkiIssue) => void)[], state: [] as ((s: RtrState) => void)[], notify: [] as ((n: number) => void)[] };
  const client = new RtrClient(
    { host: '127.0.0.1', port, connector: netConnector, clock: systemClock },
    {
      onUpdate: (s) => on.update.forEach((f) => f(s)),
      onIssue: (i) => on.issue.forEach((f) => f(i)),
      onState: (s) => on.state.forEach((f) => f(s)),
      onNotify: (n) => on.notify.forEach((f) => f(n)),
    },
  );
  const issues: RpkiIssue[] = [];
  on.issue.push((i) => issues.push(i));
  try {
    children.push(await startStayrtr(port, cacheFile, log));

    // 1. Full load over RTR version 2.
    const first = waitFor<RtrSnapshot>('the first End of Data', WAIT, (cb) => on.update.push(cb));
    client.start();
    const s1 = await first;
    assert.equal(s1.version, 2);
    assert.deepEqual(gotVrps(s1), expectVrps(FIRST));
    assert.deepEqual(gotAspas(s1), expectAspas(FIRST));

    // 2. Change the file: stayrtr notices within its 1 s refresh, sends Serial Notify, the client asks for the delta.
    const notified = waitFor<number>('a Serial Notify', WAIT, (cb) => on.notify.push(cb));
    const second = waitFor<RtrSnapshot>('the incremental update', WAIT, (cb) => on.update.push(cb), (s) => gotVrps(s).includes('203.0.113.0/24-24 AS64499'));
    writeAtomically(cacheFile, SECOND);
    await notified;
    const s2 = await second;
    assert.deepEqual(gotVrps(s2), expectVrps(SECOND));
    assert.deepEqual(gotAspas(s2), expectAspas(SECOND));
    assert.ok((s2.serial ?? 0) > (s1.serial ?? 0), `serial grew: ${s1.serial} → ${s2.serial}`);
    assert.equal(s2.sessionId, s1.sessionId);

    // 3. Kill the cache mid-session: the client reports it, keeps its data, and retries after the cache's retry interval (1 s).
    const lost = waitFor<RpkiIssue>('the lost-connection report', WAIT, (cb) => on.issue.push(cb), (i) => i.code === 'rpki/rtr-connection-lost');
    const retried = waitFor<RpkiIssue>('a failed reconnect', WAIT, (cb) => on.issue.push(cb), (i) => i.code === 'rpki/rtr-connect-failed');
    // Killed mid-transaction, a truncated PDU is a legitimate report; before the kill there must be none.
    const malformedBeforeKill = issues.filter((i) => i.code === 'rpki/rtr-malformed-pdu');
    assert.deepEqual(malformedBeforeKill, []);
    children[0]?.kill('SIGKILL');
    await lost;
    assert.deepEqual(gotVrps(client.snapshot()), expectVrps(SECOND));
    assert.match((await retried).message, /ECONNREFUSED/);

    // 4. A new cache process on the same port: the client reconnects and resynchronises.
    const back = waitFor<RtrSnapshot>('resync with the restarted cache', WAIT, (cb) => on.update.push(cb));
    children.push(await startStayrtr(port, cacheFile, log));
    const s3 = await back;
    assert.deepEqual(gotVrps(s3), expectVrps(SECOND));
    assert.deepEqual(gotAspas(s3), expectAspas(SECOND));
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nclient issues:\n${issues.slice(-6).map((i) => i.message).join("\n")}\nstayrtr log tail:\n${log.slice(-15).join('\n')}`);
  } finally {
    client.stop();
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
