/**
 * Brings the lab up on loopback, waits until every daemon holds every route, captures each
 * daemon's own CLI output, and always tears everything down again.
 */
import { access, constants, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { birdDaemon } from './bird';
import { fixtureName, terminalWrap, type Field, type LabDaemon, type MrtDump } from './daemon';
import { frrDaemon } from './frr';
import { gobgpDaemon } from './gobgp';
import { openbgpdDaemon } from './openbgpd';
import { ProcessGroup, SEARCH_PATH, freePort, runCmd, waitFor } from './processes';
import { GOBGP, RECEIVERS, pathText, type DaemonName, type Receiver, type Route } from './routes';

export const ALL_RECEIVERS: readonly Receiver[] = ['frr', 'bird', 'openbgpd'];

export interface LabOptions {
  readonly receivers?: readonly Receiver[];
  /** Bound on the wait for sessions and routes. */
  readonly timeoutMs?: number;
  /** Keep the temp dir (configs, logs) for a post-mortem. */
  readonly keepDir?: boolean;
  readonly log?: (line: string) => void;
  /** Runs once every daemon holds every route, before the captures (e.g. to inject more routes and read them back). */
  /**
   * Every daemon also writes MRT (its RIB and its sessions' messages); the files come back in `mrt`. 'slow' also
   * waits a minute for gobgpd's table dump (it has no on-demand one).
   */
  readonly mrt?: boolean | 'slow';
  readonly afterReady?: (lab: { readonly dir: string; readonly daemons: readonly LabDaemon[] }) => Promise<void>;
}

export interface CapturedOutput {
  readonly file: string;
  readonly daemon: DaemonName;
  readonly command: string;
  readonly text: string;
}

export interface GroundTruthRoute {
  readonly prefix: string;
  readonly asPath: Route['asPath'];
  readonly asPathText: string;
  readonly origin: Route['origin'];
  readonly nextHop: string;
  readonly med?: number;
  readonly communities: Route['communities'];
  readonly largeCommunities: Route['largeCommunities'];
  readonly extCommunities: Route['extCommunities'];
  readonly otc?: number;
  readonly rd?: string;
  readonly vrf?: string;
}

export interface GroundTruthFixture {
  readonly file: string;
  readonly daemon: DaemonName;
  readonly command: string;
  readonly view: string;
  /** Exactly the prefixes this output lists: every route of the view with one of them (a VPN prefix may be there under several RDs). */
  readonly prefixes: readonly string[];
  /** The fields this output prints; only these are compared. */
  readonly fields: readonly Field[];
  /** Copied from a terminal this many columns wide (see `terminalWrap`). */
  readonly wrapAt?: number;
}

export interface GroundTruth {
  readonly note: string;
  readonly versions: Readonly<Partial<Record<DaemonName, string>>>;
  readonly speakers: Readonly<Partial<Record<DaemonName, { asn: number; address: string; role?: string }>>>;
  readonly views: Readonly<Record<string, readonly GroundTruthRoute[]>>;
  readonly fixtures: readonly GroundTruthFixture[];
}

/** A daemon's MRT file, read back before the lab's temp dir goes. */
export interface CapturedMrt {
  readonly dump: MrtDump;
  readonly bytes: Uint8Array;
}

export interface LabResult {
  readonly outputs: readonly CapturedOutput[];
  /** Empty unless the lab ran with `mrt`. */
  readonly mrt: readonly CapturedMrt[];
  /** Unix seconds (whole) before gobgpd started and after the last dump: every MRT time stamp lies between. */
  readonly window: { readonly from: number; readonly to: number };
  readonly groundTruth: GroundTruth;
}

async function onPath(bin: string): Promise<boolean> {
  const dirs = bin.includes('/') ? [''] : SEARCH_PATH;
  for (const d of dirs) {
    try {
      await access(path.join(d, bin), constants.X_OK);
      return true;
    } catch {
      /* next */
    }
  }
  return false;
}

const MAKE: Readonly<Record<Receiver, (port: number, mrt?: boolean) => LabDaemon>> = { frr: frrDaemon, bird: birdDaemon, openbgpd: openbgpdDaemon };

/** Why the lab cannot run here (not root, a daemon missing), or undefined when it can. */
export async function labUnavailable(receivers: readonly Receiver[] = ALL_RECEIVERS): Promise<string | undefined> {
  if (process.platform !== 'linux') return 'the lab needs Linux';
  if (process.getuid?.() !== 0) return 'the lab needs root (OpenBGPD chroots, FRR runs as root)';
  const wanted = [gobgpDaemon([]), ...receivers.map((r) => MAKE[r](0))].flatMap((d) => d.binaries);
  const missing: string[] = [];
  for (const b of wanted) if (!(await onPath(b))) missing.push(b);
  return missing.length > 0 ? `daemons not installed: ${missing.join(', ')} (apt-get install frr bird2 gobgpd openbgpd)` : undefined;
}

function toTruth(r: Route): GroundTruthRoute {
  return {
    prefix: r.prefix,
    asPath: r.asPath,
    asPathText: pathText(r.asPath),
    origin: r.origin,
    nextHop: r.nextHop,
    ...(r.med !== undefined ? { med: r.med } : {}),
    communities: r.communities,
    largeCommunities: r.largeCommunities,
    extCommunities: r.extCommunities,
    ...(r.otc !== undefined ? { otc: r.otc } : {}),
    ...(r.rd !== undefined ? { rd: r.rd } : {}),
    ...(r.vrf !== undefined ? { vrf: r.vrf } : {}),
  };
}

/** The last lines of every daemon's log, so a failure in CI explains itself. */
async function logTails(dir: string, lines = 15): Promise<string> {
  const parts: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) {
    for (const f of await readdir(path.join(dir, sub)).catch(() => [] as string[])) {
      if (!f.endsWith('.log')) continue;
      const text = await readFile(path.join(dir, sub, f), 'utf8').catch(() => '');
      parts.push(`--- ${sub}/${f}\n${text.split('\n').slice(-lines).join('\n')}`);
    }
  }
  return parts.join('\n');
}

export async function runLab(opts: LabOptions = {}): Promise<LabResult> {
  const receivers = opts.receivers ?? ALL_RECEIVERS;
  const log = opts.log ?? ((): void => undefined);
  // Control sockets live in here, and a unix socket path must fit in 108 bytes.
  const tmp = os.tmpdir().length <= 48 ? os.tmpdir() : '/tmp';
  const dir = await mkdtemp(path.join(tmp, 'routelens-lab-'));
  const group = new ProcessGroup(opts.keepDir ? undefined : () => rmSync(dir, { recursive: true, force: true }));
  try {
    const ports = new Map<Receiver, number>();
    for (const r of receivers) ports.set(r, await freePort(RECEIVERS[r].address));
    const mrt = opts.mrt !== undefined && opts.mrt !== false;
    const receiverDaemons = receivers.map((r) => MAKE[r](ports.get(r)!, mrt));
    const hub = gobgpDaemon(
      receivers.map((r) => ({ receiver: r, port: ports.get(r)! })),
      mrt,
    );
    const from = Math.floor(Date.now() / 1000);
    const daemons = [hub, ...receiverDaemons];

    for (const d of daemons) await mkdir(path.join(dir, d.name), { recursive: true });
    for (const d of receiverDaemons) {
      await d.start(dir, group);
      log(`started ${d.name}`);
    }
    await hub.start(dir, group);
    log(`started gobgpd and injected routes (dir ${dir})`);

    const pending = new Set(daemons);
    await waitFor(
      'every daemon to hold every route',
      async () => {
        const dead = group.exited();
        if (dead.length > 0) throw new Error(`lab: ${dead.map((d) => `${d.cmd} exited with ${d.code}`).join(', ')}`);
        for (const d of [...pending]) {
          const ok = await d.ready();
          if (ok !== undefined) {
            pending.delete(d);
            log(`${d.name} ready: ${ok}`);
          }
        }
        return pending.size === 0 ? true : undefined;
      },
      opts.timeoutMs ?? 60_000,
      500,
    ).catch((e: Error) => {
      throw new Error(`${e.message} (still waiting on ${[...pending].map((d) => d.name).join(', ')})`);
    });

    await opts.afterReady?.({ dir, daemons });
    const mrtFiles: CapturedMrt[] = [];
    if (mrt) {
      for (const d of daemons) {
        for (const dump of (await d.dumpMrt?.({ slow: opts.mrt === 'slow' })) ?? []) mrtFiles.push({ dump, bytes: new Uint8Array(await readFile(dump.path)) });
        log(`${d.name} wrote MRT`);
      }
    }
    const to = Math.ceil(Date.now() / 1000);
    const outputs: CapturedOutput[] = [];
    const fixtures: GroundTruthFixture[] = [];
    const views: Record<string, GroundTruthRoute[]> = {};
    const versions: Partial<Record<DaemonName, string>> = {};
    for (const d of daemons) {
      versions[d.name] = await d.version();
      const dviews = d.views();
      for (const [name, routes] of Object.entries(dviews)) views[name] = routes.map(toTruth);
      for (const c of d.captures()) {
        const [cmd, ...args] = c.argv;
        const res = await runCmd(cmd!, args);
        if (res.code !== 0) throw new Error(`lab: ${c.argv.join(' ')} exited ${res.code}: ${res.stderr}`);
        const file = fixtureName(d.name, c.command, c.wrapAt);
        outputs.push({ file, daemon: d.name, command: c.command, text: c.wrapAt !== undefined ? terminalWrap(res.stdout, c.wrapAt) : res.stdout });
        const prefixes = c.prefixes ?? [...new Set((dviews[c.view] ?? []).map((r) => r.prefix))];
        fixtures.push({ file, daemon: d.name, command: c.command, view: c.view, prefixes, fields: c.fields, ...(c.wrapAt !== undefined ? { wrapAt: c.wrapAt } : {}) });
      }
    }
    const speakers: GroundTruth['speakers'] = {
      gobgp: { asn: GOBGP.asn, address: GOBGP.address },
      ...Object.fromEntries(receivers.map((r) => [r, { asn: RECEIVERS[r].asn, address: RECEIVERS[r].address, role: RECEIVERS[r].role }])),
    };
    return {
      outputs,
      mrt: mrtFiles,
      window: { from, to },
      groundTruth: {
        note: 'Written by test/lab/run.ts --update-fixtures from routes.ts; see test/lab/README.md. Views are each table as its daemon shows it.',
        versions,
        speakers,
        views,
        fixtures,
      },
    };
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${await logTails(dir)}`);
  } finally {
    await group.stop();
    if (!opts.keepDir) await rm(dir, { recursive: true, force: true });
  }
}
