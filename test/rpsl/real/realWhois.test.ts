import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../../server/src/cli/main';
import { frameRpsl } from '../../../server/src/core/rpsl/frame';
import { ALL_CLASSES } from '../../../server/src/core/rpsl/templates';
import { memoryIo } from '../../support/memoryIo';

/**
 * Real whois answers and registry dumps from public sources (each `<registry>__<slug>.txt` beside a
 * `.meta.json` naming where it came from), linted as a user would: `routelens lint --dialect auto <this
 * directory>`. Every error and warning must have an expert's verdict in verdicts.json — a true finding
 * and why, or FALSE and why. The registries hold these objects: a false error is the linter crying wolf.
 *
 * False errors still reported are counted against FALSE_ERROR_BASELINE, which may only go down until it
 * reaches zero (the goal). A verdict whose finding no longer appears is stale: a FALSE one is a
 * fix (remove it), a TRUE one means the linter lost a real finding.
 */
const FALSE_ERROR_BASELINE = 0;
/** The corpus's size may only grow (the goal: 500 objects, 12 classes, 6 registries). */
const MIN_OBJECTS = 565;
const MIN_CLASSES = 17;
const MIN_REGISTRIES = 16;

const DIR = __dirname;

interface Row {
  file: string;
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

interface Verdicts {
  /** Why a finding is true or false, by id: several findings share one reason. */
  reasons: Record<string, { verdict: 'true' | 'false'; why: string }>;
  /** Per file, "line:column code" (1-based, as the text report prints) → reason id. */
  findings: Record<string, Record<string, string>>;
}

const verdicts = JSON.parse(readFileSync(path.join(DIR, 'verdicts.json'), 'utf8')) as Verdicts;
const corpusFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const registryOf = (file: string): string => path.basename(file).split('__')[0]!.toUpperCase();

/**
 * Each object of a file by the registry that holds it — its source: without "# …", "-GRS" or "-NONAUTH"
 * (a whois answer mixes registries: RADB serves RIPE's objects, NTT's IRRd RPKI's) or, without source:
 * (LACNIC), the registry the answer came from — with the lines it spans (1-based, inclusive).
 */
function objectsOf(file: string): { registry: string; className: string; from: number; to: number }[] {
  const text = readFileSync(path.join(DIR, file), 'utf8');
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  return frameRpsl(text).objects.map((o) => {
    const source = o.attributes.find((a) => a.name === 'source')?.value.split(/\s/)[0]?.toUpperCase().replace(/-(GRS|NONAUTH)$/, '');
    return { registry: source || registryOf(file), className: o.className, from: lineOf(o.span.start), to: lineOf(o.span.end) };
  });
}
const corpusObjects = new Map(corpusFiles.map((f) => [f, objectsOf(f)]));
const keyOf = (r: Row): string => `${r.range.start.line + 1}:${r.range.start.character + 1} ${r.code}`;

async function lintCorpus(): Promise<{ rows: Row[]; err: string; code: number }> {
  const io = memoryIo();
  const code = await main(['lint', '--dialect', 'auto', '--format', 'json', DIR], io);
  return { rows: (JSON.parse(io.out) as Row[]).map((r) => ({ ...r, file: path.basename(r.file) })), err: io.err, code };
}

test('every corpus file names its source (.meta.json: registry, source, how obtained)', () => {
  for (const f of corpusFiles) {
    const meta = JSON.parse(readFileSync(path.join(DIR, f.replace(/\.txt$/, '.meta.json')), 'utf8')) as Record<string, unknown>;
    assert.equal(typeof meta.registry, 'string', `${f}: registry`);
    assert.equal(registryOf(f), String(meta.registry).toUpperCase(), `${f}: the file name's registry prefix is the meta's registry`);
    assert.ok(meta.source && typeof meta.source === 'object', `${f}: source`);
    assert.equal(typeof meta.obtained, 'string', `${f}: how it was obtained`);
  }
});

test('the corpus: objects, classes and registries (may only grow)', () => {
  const classes = new Set<string>();
  const otherRecords = new Set<string>();
  const perRegistry = new Map<string, number>();
  let objects = 0;
  for (const f of corpusFiles)
    for (const o of corpusObjects.get(f) ?? []) {
      objects++;
      // Classes some registry's templates have; LACNIC's nic-hdl or IANA's referral records are counted apart.
      (ALL_CLASSES.includes(o.className) ? classes : otherRecords).add(o.className);
      perRegistry.set(o.registry, (perRegistry.get(o.registry) ?? 0) + 1);
    }
  console.log(
    `corpus: ${corpusFiles.length} files, ${objects} objects, ${classes.size} classes (${[...classes].sort().join(' ')}; other records: ${[...otherRecords].sort().join(' ')}), ${perRegistry.size} registries (${[...perRegistry.keys()].sort().join(' ')})`,
  );
  assert.ok(objects >= MIN_OBJECTS, `${objects} objects, at least ${MIN_OBJECTS}`);
  assert.ok(classes.size >= MIN_CLASSES, `${classes.size} classes, at least ${MIN_CLASSES}`);
  assert.ok(perRegistry.size >= MIN_REGISTRIES, `${perRegistry.size} registries, at least ${MIN_REGISTRIES}`);
});

test('real whois answers: every error and warning has a verdict, and false errors only go down', async () => {
  const { rows, err } = await lintCorpus();
  // The directory walk lints every answer (by content: they are .txt) and says what it skipped.
  assert.match(err, /skipped \d+ file\(s\), neither RPSL nor ASPA/);
  const linted = new Set(rows.map((r) => r.file));
  const findings = rows.filter((r) => r.severity === 'error' || r.severity === 'warning');

  const missing: string[] = [];
  const falseErrors: string[] = [];
  const seen = new Set<string>();
  type Tally = { objects: number; error: number; warning: number; information: number; trueFindings: number; falseFindings: number; falseErrors: number };
  const tally = new Map<string, Tally>();
  const tallyOf = (reg: string): Tally => {
    let t = tally.get(reg);
    if (!t) tally.set(reg, (t = { objects: 0, error: 0, warning: 0, information: 0, trueFindings: 0, falseFindings: 0, falseErrors: 0 }));
    return t;
  };
  for (const objects of corpusObjects.values()) for (const o of objects) tallyOf(o.registry).objects++;
  /** The registry of the object a finding is in (or of the file, for a finding outside every object). */
  const registryAt = (file: string, line: number): string =>
    corpusObjects.get(file)?.find((o) => o.from <= line && line <= o.to)?.registry ?? registryOf(file);

  // Information (mirror copies' findings, notes) needs no verdict; it is counted per registry.
  for (const r of rows) if (r.severity === 'information') tallyOf(registryAt(r.file, r.range.start.line + 1)).information++;
  for (const r of findings) {
    const key = keyOf(r);
    const id = verdicts.findings[r.file]?.[key];
    const t = tallyOf(registryAt(r.file, r.range.start.line + 1));
    t[r.severity as 'error' | 'warning']++;
    if (id === undefined) {
      missing.push(`${r.file} "${key}": ${r.severity} ${r.message}`);
      continue;
    }
    const reason = verdicts.reasons[id];
    assert.ok(reason, `${r.file} "${key}": reason "${id}" is not defined in verdicts.json`);
    seen.add(`${r.file} ${key}`);
    if (reason.verdict === 'true') t.trueFindings++;
    else {
      t.falseFindings++;
      if (r.severity === 'error') {
        t.falseErrors++;
        falseErrors.push(`${r.file}:${key} (${id})`);
      }
    }
  }

  const lines = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(
    ([reg, t]) =>
      `  ${reg.padEnd(8)} ${String(t.objects).padStart(4)} objects  ${String(t.error).padStart(3)} errors ${String(t.warning).padStart(3)} warnings ${String(t.information).padStart(3)} information  ` +
      `true ${t.trueFindings}, false ${t.falseFindings} (false errors ${t.falseErrors})`,
  );
  console.log(`real whois answers, routelens lint --dialect auto, by the registry holding each object:\n${lines.join('\n')}`);

  // Stale verdicts: a FALSE one no longer seen is a fix; a TRUE one no longer seen is a lost finding.
  const lost: string[] = [];
  for (const [file, byKey] of Object.entries(verdicts.findings))
    for (const [key, id] of Object.entries(byKey)) {
      if (seen.has(`${file} ${key}`)) continue;
      if (verdicts.reasons[id]?.verdict === 'true' && linted.has(file)) lost.push(`${file} "${key}" (${id})`);
      else console.log(`stale verdict (fixed? remove it from verdicts.json): ${file} "${key}" (${id})`);
    }

  assert.deepEqual(missing, [], 'findings without a verdict: add each to verdicts.json with an honest reason');
  assert.deepEqual(lost, [], 'true findings the linter no longer reports');
  assert.ok(
    falseErrors.length <= FALSE_ERROR_BASELINE,
    `${falseErrors.length} false errors, more than the baseline ${FALSE_ERROR_BASELINE}:\n${falseErrors.join('\n')}`,
  );
  if (falseErrors.length < FALSE_ERROR_BASELINE) console.log(`false errors down to ${falseErrors.length}: lower FALSE_ERROR_BASELINE`);
});

/** A real aut-num at real size (GTT's AS3257 as RIPE served it, 9,567 lines of policy) from ../shared. */
const AS3257 = path.resolve(DIR, '../../../../shared/corpora/rpsl/AS3257.rpsl');
test(
  "GTT's AS3257 aut-num as RIPE served it lints without an error or warning",
  { skip: !existsSync(AS3257) && `${AS3257} not present (../shared is absent)` },
  async () => {
    const io = memoryIo();
    await main(['lint', '--dialect', 'auto', '--format', 'json', AS3257], io);
    const rows = (JSON.parse(io.out) as Row[]).filter((r) => r.severity === 'error' || r.severity === 'warning');
    assert.deepEqual(
      rows.map((r) => `${keyOf(r)} ${r.message}`),
      [],
    );
  },
);
