/**
 * node --import tsx test/lab/run.ts [--update-fixtures | --update-mrt-fixtures] [--mrt] [--only frr,bird,openbgpd] [--keep] [--out DIR]
 *
 * Runs the lab once. --update-fixtures rewrites test/fixtures/lab/ (every daemon; commit the result);
 * --update-mrt-fixtures rewrites test/fixtures/lab-mrt/ (the daemons' MRT files, bgpdump's reading of each);
 * --out DIR writes the captures and ground truth there instead (with --mrt, the MRT files too); without either it
 * only reports.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_RECEIVERS, labUnavailable, runLab, type LabResult } from './lab';
import { MRT_FIXTURE_DIR, writeMrtFixtures } from './mrtFixtures';
import type { Receiver } from './routes';

export const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/lab');

export async function writeFixtures(result: LabResult, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.endsWith('.txt') || f === 'ground-truth.json') await rm(path.join(dir, f));
  for (const o of result.outputs) await writeFile(path.join(dir, o.file), o.text);
  await writeFile(path.join(dir, 'ground-truth.json'), JSON.stringify(result.groundTruth, null, 2) + '\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const update = argv.includes('--update-fixtures');
  const updateMrt = argv.includes('--update-mrt-fixtures');
  const mrt = updateMrt ? 'slow' : argv.includes('--mrt');
  const onlyAt = argv.indexOf('--only');
  const outAt = argv.indexOf('--out');
  const receivers = onlyAt >= 0 ? ((argv[onlyAt + 1] ?? '').split(',') as Receiver[]) : ALL_RECEIVERS;
  if (receivers.some((r) => !ALL_RECEIVERS.includes(r))) {
    process.stderr.write(`lab: --only takes a comma list of ${ALL_RECEIVERS.join(', ')}\n`);
    return 2;
  }
  if ((update || updateMrt) && onlyAt >= 0) {
    process.stderr.write('lab: --update-fixtures and --update-mrt-fixtures capture every daemon; drop --only\n');
    return 2;
  }
  const why = await labUnavailable(receivers);
  if (why) {
    process.stderr.write(`lab: cannot run: ${why}\n`);
    return 1;
  }
  const started = Date.now();
  const result = await runLab({
    receivers,
    keepDir: argv.includes('--keep'),
    mrt,
    log: (l) => process.stderr.write(`lab: ${l}\n`),
  });
  const out = update ? FIXTURE_DIR : updateMrt ? undefined : outAt >= 0 ? path.resolve(argv[outAt + 1] ?? '.') : undefined;
  if (out) await writeFixtures(result, out);
  if (updateMrt) await writeMrtFixtures(result, MRT_FIXTURE_DIR);
  else if (mrt && out) await writeMrtFixtures(result, path.join(out, 'mrt'));
  for (const m of result.mrt) process.stderr.write(`lab: ${m.dump.file} ${m.bytes.length} bytes (${m.dump.how})\n`);
  for (const o of result.outputs) process.stderr.write(`lab: ${o.file} ${o.text.length} bytes\n`);
  process.stderr.write(`lab: done in ${((Date.now() - started) / 1000).toFixed(1)} s${out ? `, wrote ${out}` : ''}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
