import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { CliIo } from './io';
import { EXIT } from './io';
import { run as aspa } from './aspa';
import { run as explain } from './explain';
import { run as lint } from './lint';
import { run as paths } from './pathsMrt';
import { run as scan } from './scan';
import { version } from '../../../package.json';
// Registers the path analysis (ASPA, valley-free, OTC, html/svg drawing) with `paths`.
import './pathsAnalysis';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Subcommands; each exists when its feature does. */
const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  lint: { run: lint, summary: 'check RPSL and ASPA files (text, json or sarif output)' },
  paths: { run: paths, summary: 'parse looking-glass output or MRT files and analyse their AS paths (text, json, html, svg)' },
  scan: { run: scan, summary: 'scan MRT RIB dumps and updates for route leaks, grouped into episodes per leaker' },
  aspa: { run: aspa, summary: 'verify an AS path with ASPA data (aspa verify --aspa FILE --path "…")' },
  explain: { run: explain, summary: 'print the documentation of a diagnostic code (explain rpsl/host-bits-set)' },
};

/**
 * A reader that went away (`| head`, `| less` quit, `grep -m1`) closes the pipe: the next write fails with EPIPE.
 * That is the reader's way of saying "enough", so the command ends quietly with status 0, as Unix tools do,
 * at once (a long check need not finish for nobody) — not with an unhandled 'error' event.
 */
function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    throw err;
  });
}

function write(stream: NodeJS.WriteStream, s: string): void {
  if (stream.destroyed) process.exit(0);
  stream.write(s);
  // Writes to a pipe are synchronous on Linux: a failed one has destroyed the stream already, its error event comes later.
  if (stream.destroyed) process.exit(0);
}

const nodeIo: CliIo = {
  stdout: (s) => write(process.stdout, s),
  stderr: (s) => write(process.stderr, s),
  readFile: (p) => fs.readFile(p),
  fileSize: async (p) => (await fs.stat(p)).size,
  readChunks: (p) => createReadStream(p, { highWaterMark: 16 << 20 }),
  writeFile: (p, d) => fs.writeFile(p, d, 'utf8'),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  },
  async listFiles(p) {
    const st = await fs.stat(p);
    if (!st.isDirectory()) return [p];
    const out: string[] = [];
    // Directories reached through symbolic links are walked last, and each real directory once: files keep
    // their real paths where they have one, and a link back up the tree cannot loop.
    const visited = new Set<string>();
    const linked: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const real = await fs.realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (e.isSymbolicLink() && (await fs.stat(full).then((s) => s.isDirectory(), () => false))) linked.push(full);
        else out.push(full);
      }
    };
    await walk(p);
    for (let dir = linked.shift(); dir !== undefined; dir = linked.shift()) await walk(dir);
    return out;
  },
};

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`routelens ${version}\n`);
    return EXIT.ok;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (command) return command.run(rest, io);
  const list = Object.entries(COMMANDS)
    .map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`)
    .join('\n');
  const usage = `usage: routelens <command> [options]\n       routelens --version\n\ncommands:\n${list}\n`;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return EXIT.ok;
  }
  // No command or an unknown one is a usage error: usage on standard error, status 2, as the README says.
  io.stderr(`${name === undefined ? '' : `routelens: unknown command \`${name}\`\n\n`}${usage}`);
  return EXIT.usage;
}

/**
 * Writes to a pipe wait for the reader. Node writes to a pipe without blocking and queues in memory what the
 * reader has not taken yet; a command that writes its report in one run (lint) then held as much of it as the
 * reader (jq, a CI log) lagged behind: 37 MB of JSON put 100 MB on the peak of lint on a 52 MB dump.
 */
function blockOnPipe(stream: NodeJS.WriteStream): void {
  const handle = (stream as unknown as { _handle?: { constructor?: { name?: string }; setBlocking?: (on: boolean) => unknown } })._handle;
  if (handle?.constructor?.name === 'Pipe') handle.setBlocking?.(true);
}

// A worker thread of `scan --jobs` loads this bundle too (cli/scanJob.ts answers there): it runs no command.
if (require.main === module && isMainThread) {
  blockOnPipe(process.stdout);
  endQuietlyWhenClosed(process.stdout);
  endQuietlyWhenClosed(process.stderr);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`routelens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
