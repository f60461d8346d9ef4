// Fails (exit 1) when the modules under server/src import each other in a cycle, type-only imports included:
// a cycle, even of types, means two modules that cannot be read or moved apart (issue 16).
// Dependency-free on purpose: TypeScript's own preProcessFile lists a file's imports without type-checking.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'server/src');

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the sources), or undefined for a package. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

const graph = new Map();
for (const file of sources(root)) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = new Set();
  for (const { fileName } of importedFiles) {
    const target = resolveImport(file, fileName);
    if (target !== undefined && target.startsWith(root)) targets.add(target);
  }
  graph.set(file, [...targets]);
}

// Tarjan's strongly connected components: every component of more than one file (or a self-import) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter++;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue;
    if (!index.has(next)) {
      visit(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
  }
  if (low.get(node) !== index.get(node)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== node);
  if (component.length > 1 || graph.get(node).includes(node)) cycles.push(component);
}
for (const node of graph.keys()) if (!index.has(node)) visit(node);

if (cycles.length === 0) process.exit(0);
for (const component of cycles) {
  const members = new Set(component);
  console.error(`import cycle among ${component.length} modules:`);
  for (const file of component.sort()) {
    const inCycle = graph.get(file).filter((t) => members.has(t)).map((t) => relative(root, t));
    console.error(`  ${relative(root, file)} -> ${inCycle.join(', ')}`);
  }
}
process.exit(1);
