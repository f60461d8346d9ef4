/**
 * The daemons' MRT files as fixtures (test/fixtures/lab-mrt/): each file, Debian bgpdump's `-m` reading of it (the
 * oracle, so the test runs where bgpdump is not installed), and a manifest saying which daemon wrote it, how, and
 * the time window of the run.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MrtDumpKind } from './daemon';
import type { DaemonName } from './routes';
import type { LabResult } from './lab';
import { runCmd } from './processes';

export const MRT_FIXTURE_DIR = path.resolve(__dirname, '../fixtures/lab-mrt');

export interface MrtManifestEntry {
  readonly file: string;
  readonly daemon: DaemonName;
  readonly how: string;
  readonly kind: MrtDumpKind;
  /** How bgpdump took it: 'read' (its output is `<file>.bgpdump.txt`), or why it could not. */
  readonly bgpdump: string;
}

export interface MrtManifest {
  readonly note: string;
  readonly versions: LabResult['groundTruth']['versions'] & { readonly bgpdump?: string };
  readonly window: LabResult['window'];
  readonly dumps: readonly MrtManifestEntry[];
}

export type BgpdumpReading = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly why: string };

/** `bgpdump -m FILE`, the oracle; undefined when bgpdump is not installed. */
export async function bgpdumpOf(file: string): Promise<BgpdumpReading | undefined> {
  const r = await runCmd('bgpdump', ['-m', file]);
  if (r.code === -1 && !/Assertion|abort/i.test(r.stderr)) return undefined;
  if (r.code !== 0) {
    // bgpdump logs to syslog and stderr; keep its own complaint (an assertion that aborted it, say).
    const why = r.stderr.split('\n').find((l) => /Assertion|error|fail/i.test(l)) ?? `exit code ${r.code}`;
    return { ok: false, why: `bgpdump -m exits ${r.code}: ${why.replace(/^.*?bgpdump: /, '').trim()}` };
  }
  return { ok: true, text: r.stdout };
}

export async function bgpdumpVersion(): Promise<string | undefined> {
  const r = await runCmd('dpkg-query', ['-W', '-f', '${Version}', 'bgpdump']);
  return r.code === 0 ? `bgpdump ${r.stdout.trim()} (Debian)` : undefined;
}

export async function writeMrtFixtures(result: LabResult, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (/\.(mrt|txt|json)$/.test(f)) await rm(path.join(dir, f));
  const written: MrtManifestEntry[] = [];
  for (const m of result.mrt) {
    const file = path.join(dir, m.dump.file);
    await writeFile(file, m.bytes);
    const reading = await bgpdumpOf(file);
    if (reading === undefined) throw new Error('lab: bgpdump is needed to write the MRT fixtures (apt-get install bgpdump)');
    if (reading.ok) await writeFile(`${file}.bgpdump.txt`, reading.text);
    written.push({ file: m.dump.file, daemon: m.dump.daemon, how: m.dump.how, kind: m.dump.kind, bgpdump: reading.ok ? 'read' : reading.why });
  }
  const bgpdump = await bgpdumpVersion();
  const manifest: MrtManifest = {
    note: 'Written by test/lab/run.ts --update-mrt-fixtures: MRT files the lab daemons wrote, and bgpdump -m of each. See test/lab/README.md.',
    versions: { ...result.groundTruth.versions, ...(bgpdump !== undefined ? { bgpdump } : {}) },
    window: result.window,
    dumps: written,
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
