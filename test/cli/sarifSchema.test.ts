import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli/main';
import { memoryIo } from '../support/memoryIo';

/**
 * `--format sarif` validated against the official SARIF 2.1.0 JSON schema — the OASIS Standard's schema as
 * SchemaStore serves it (`sarif-2.1.0-rtm.5.json`, the `$schema` our output names), shipped in Microsoft's
 * @microsoft/jest-sarif package (MIT), of which only that file is used. The schema is draft-04 and uses the
 * `uri`, `uri-reference` and `date-time` formats, so formats are checked too: an artifact URI that is not a
 * URI reference fails here.
 */
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const repoRoot = path.resolve(__dirname, '..', '..');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema['title']), /SARIF\) Version 2\.1\.0/);
  // `unicodeRegExp: false`: JSON Schema patterns are ECMA-262 regexes without the `u` flag, and the schema's
  // `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not valid with it.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function lintSarif(args: readonly string[], stdin?: string): Promise<{ code: number; log: unknown }> {
  const io = memoryIo(stdin);
  const code = await main(['lint', '--format', 'sarif', ...args], io);
  return { code, log: JSON.parse(io.out) as unknown };
}

function assertValid(validate: ReturnType<typeof sarifValidator>, log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

test('SARIF from real registry data, the examples and odd file names validates against the SARIF 2.1.0 schema', async () => {
  const validate = sarifValidator();
  // Real whois answers of many registries (errors, warnings and information of many codes) and the examples
  // (RPSL and ASPA files).
  const real = await lintSarif([path.join(repoRoot, 'test', 'rpsl', 'real'), path.join(repoRoot, 'examples')]);
  const results = (real.log as { runs: { results: unknown[] }[] }).runs[0]!.results;
  assert.ok(results.length > 10, `expected findings on real data, got ${results.length}`);
  assertValid(validate, real.log);

  // File names a URI must encode: spaces, '#', '%', non-ASCII; relative and absolute paths.
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens sarif #%-'));
  const broken = 'aut-num:        AS8048\nthis is not an attribute\nsource:         RADB\n';
  for (const name of ['a b.rpsl', 'c#d.rpsl', '50%.rpsl', 'réseau.rpsl']) writeFileSync(path.join(dir, name), broken);
  const odd = await lintSarif([dir]);
  assert.equal(odd.code, 1);
  assert.equal((odd.log as { runs: { results: unknown[] }[] }).runs[0]!.results.length >= 4, true);
  assertValid(validate, odd.log);

  const fromStdin = await lintSarif(['-'], broken);
  assertValid(validate, fromStdin.log);

  // Nothing to report is still a valid log.
  writeFileSync(path.join(dir, 'clean.rpsl'), readFileSync(path.join(repoRoot, 'examples', 'cantv', 'cantv.rpsl'), 'utf8'));
  const clean = await lintSarif([path.join(dir, 'clean.rpsl')]);
  assert.equal(clean.code, 0);
  assertValid(validate, clean.log);
});

test('the schema check can fail: a result with an unknown level or a region at column 0 is rejected', async () => {
  const validate = sarifValidator();
  const { log } = await lintSarif(['-'], 'aut-num:        AS8048\nnot an attribute\nsource:         RADB\n');
  const result = (log as { runs: { results: Record<string, unknown>[] }[] }).runs[0]!.results[0]!;
  const level = result['level'];
  result['level'] = 'fatal';
  assert.equal(validate(log), false);
  result['level'] = level;
  assert.equal(validate(log), true);
  const region = (result['locations'] as { physicalLocation: { region: Record<string, number> } }[])[0]!.physicalLocation.region;
  region['startColumn'] = 0; // SARIF columns are 1-based (§3.30.6)
  assert.equal(validate(log), false);
});
