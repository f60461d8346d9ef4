/**
 * Runs every fast-check property of the test files it is loaded into FC_MULT times as often (default 20), from a
 * seed drawn at random or given as FC_SEED, and says which seeds it used. The rule: a property test you add or
 * touch passes at about 20× its numRuns before it merges (CI draws a new seed each run).
 *   FC_MULT=20 node --import tsx --import ./test/support/fcSoak.ts --test server/src/core/paths/graph.test.ts
 *   FC_SEED=1159360023 FC_MULT=20 …   (replay: every property gets that seed; a failure message names its own)
 * FC_OVERRIDE_FIXED=1 replaces the seeds tests fix themselves too. Not a test file: `npm test` never loads it.
 */
import Module from 'node:module';
import fc from 'fast-check';

type Params = { numRuns?: number; seed?: number } | undefined;

const mult = Number(process.env.FC_MULT ?? 20);
const given = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const base = given ?? Math.floor(Math.random() * 2 ** 31);
const overrideFixed = process.env.FC_OVERRIDE_FIXED === '1';
const used: string[] = [];

function boosted(params: Params): Params {
  const p = { ...params };
  p.numRuns = (p.numRuns ?? fc.readConfigureGlobal().numRuns ?? 100) * mult;
  // Drawn at random, each property of a file gets its own seed; a given one is replayed as it is.
  if (p.seed === undefined || overrideFixed) p.seed = given ?? (base + 7919 * used.length) | 0;
  used.push(`${p.seed}×${p.numRuns}`);
  return p;
}

// The test files import fast-check through require (tsx compiles them as CommonJS) or import(): both get this one.
const wrapped: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
for (const k of Object.keys(fc)) {
  if (k !== 'assert' && k !== 'check' && k !== 'default') Object.defineProperty(wrapped, k, { enumerable: true, get: () => (fc as unknown as Record<string, unknown>)[k] });
}
wrapped.assert = (prop: Parameters<typeof fc.assert>[0], params?: Params) => fc.assert(prop, boosted(params));
wrapped.check = (prop: Parameters<typeof fc.check>[0], params?: Params) => fc.check(prop, boosted(params));
Object.defineProperty(wrapped, '__esModule', { value: true });
Object.defineProperty(wrapped, 'default', { value: wrapped });

const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = loader._load.bind(loader);
loader._load = (request: string, ...rest: unknown[]): unknown => (request === 'fast-check' ? wrapped : load(request, ...rest));

// import('fast-check') goes through the ESM loader instead: a resolve hook hands it a module of the same object.
(globalThis as { __fcSoak?: unknown }).__fcSoak = wrapped;
const shim = 'const w = globalThis.__fcSoak; export default w; export const assert = w.assert, check = w.check, property = w.property;';
const hooks = `export async function resolve(s, c, next) {
  return s === 'fast-check' ? { url: 'data:text/javascript,${encodeURIComponent(shim)}', shortCircuit: true } : next(s, c);
}`;
Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);

process.on('exit', () => process.stderr.write(`fcSoak: FC_MULT=${mult}, ${used.length} properties: ${used.join(' ')}\n`));
