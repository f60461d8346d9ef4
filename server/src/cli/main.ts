import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from './io';
import { EXIT } from './io';
import { run as aspa } from './aspa';
import { run as explain } from './explain';
import { run as lint } from './lint';
import { run as paths } from './paths';
// Registers the path analysis (ASPA, valley-free, OTC, html/svg drawing) with `paths`.
import './pathsAnalysis';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Subcommands; each exists when its feature does. */
const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  lint: { run: lint, summary: 'check RPSL and ASPA files (text, json or sarif output)' },
  paths: { run: paths, summary: 'parse looking-glass output and analyse its AS paths (text, json, html, svg)' },
  aspa: { run: aspa, summary: 'verify an AS path with ASPA data (aspa verify --aspa FILE --path "…")' },
  explain: { run: explain, summary: 'print the documentation of a diagnostic code (explain rpsl/host-bits-set)' },
};

const nodeIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (p) => fs.readFile(p, 'utf8'),
  writeFile: (p, d) => fs.writeFile(p, d, 'utf8'),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
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
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const list = Object.entries(COMMANDS)
      .map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`)
      .join('\n');
    (name && name !== '--help' ? io.stderr : io.stdout)(`usage: routelens <command> [options]\n\ncommands:\n${list}\n`);
    return name && name !== '--help' ? EXIT.usage : EXIT.ok;
  }
  return command.run(rest, io);
}

if (require.main === module) {
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
