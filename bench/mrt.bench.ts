// Reading MRT files, side by side with Debian's bgpdump on the same files: RouteLens decodes every record to
// route objects (prefix, AS path, attributes, peer, time) and bgpdump -m prints every route to /dev/null. Both
// include gunzip. CPU seconds, best of three runs each (the machine is shared); RouteLens after one warm-up read. Files: a whole RIS RIB of 2002 in
// TABLE_DUMP (115k entries) and a RIS update file of 2015 in BGP4MP_ET (578k routes) from ../shared/corpora/mrt,
// or the repository's small copies when ../shared is absent. Budget: >= 5x bgpdump's speed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { report } from './figure';
import { readMrtFile } from '../server/src/core/mrt/node/readMrtFile';

const shared = path.resolve(__dirname, '../../shared/corpora/mrt');
const local = path.resolve(__dirname, '../test/fixtures/mrt');
const FILES = existsSync(shared)
  ? [path.join(shared, 'bview.20020722.2337.gz'), path.join(shared, 'updates.et-header.2015.gz')]
  : [path.join(local, 'updates.20071015.1505.gz'), path.join(local, 'updates.20100722.2015.gz')];

/** CPU seconds of `bgpdump -m FILE > /dev/null`, from bash's `time` (user + sys of the child). */
function bgpdumpSeconds(file: string): number | undefined {
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; { time bgpdump -m "$1" > /dev/null 2>&1 ; } 2>&1`, 'bench', file], { encoding: 'utf8' });
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stdout);
  return r.status === 0 && m ? Number(m[1]) + Number(m[2]) : undefined;
}

async function ourSeconds(file: string): Promise<{ seconds: number; routes: number }> {
  let routes = 0;
  const c0 = process.cpuUsage();
  await readMrtFile(file, { route: () => void routes++, state: () => void routes++ });
  const c = process.cpuUsage(c0);
  return { seconds: (c.user + c.system) / 1e6, routes };
}

async function main(): Promise<void> {
  const haveBgpdump = spawnSync('bgpdump', ['-T'], { encoding: 'utf8' }).error === undefined;
  if (!haveBgpdump) process.stderr.write('mrt: bgpdump is not installed (scripts/apt-packages.txt); only RouteLens figures\n');
  for (const file of FILES) {
    const name = path.basename(file);
    // The first read also compiles the reader (JIT); a file of hundreds of MB pays that once, so the budget is on
    // the steady state (best of three after it), and the first read is printed beside it.
    const cold = await ourSeconds(file);
    report({ bench: 'mrt', metric: `RouteLens first read in the process of ${name} (JIT warming up)`, value: cold.routes / cold.seconds / 1e6, unit: 'M routes/CPU s' });
    const ours = [await ourSeconds(file), await ourSeconds(file), await ourSeconds(file)].sort((a, b) => a.seconds - b.seconds)[0]!;
    report({ bench: 'mrt', metric: `RouteLens read ${name} (${ours.routes} routes)`, value: ours.routes / ours.seconds / 1e6, unit: 'M routes/CPU s' });
    if (!haveBgpdump) continue;
    const theirs = [bgpdumpSeconds(file), bgpdumpSeconds(file), bgpdumpSeconds(file)].filter((x): x is number => x !== undefined).sort((a, b) => a - b)[0];
    if (theirs === undefined) continue;
    report({ bench: 'mrt', metric: `bgpdump -m ${name}`, value: ours.routes / theirs / 1e6, unit: 'M routes/CPU s' });
    report({ bench: 'mrt', metric: `RouteLens vs bgpdump -m on ${name}`, value: theirs / ours.seconds, unit: 'x', budget: '>= 5x', ok: theirs / ours.seconds >= 5 });
  }
}

void main();
