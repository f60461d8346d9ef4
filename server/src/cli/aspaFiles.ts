import { loadAspaData, mergeAspaDbs } from '../core/aspa/loader';
import type { AspaDb } from '../core/aspa/types';
import { LineIndex } from '../core/text/lineIndex';
import type { CliIo } from './io';
import { problemLine, readDecoded } from './readText';

/**
 * Errors that mean part of a file was not read (a line or JSON that does not parse, an AS number that is not
 * one): a verdict without those ASPAs could call a leak valid. Semantic errors (an ASPA listing its own
 * customer) are printed but leave the data whole.
 */
const UNREADABLE: ReadonlySet<string> = new Set(['aspa/syntax', 'aspa/invalid-asn']);

/** Errors printed per file; the count of the rest follows. */
const MAX_ERRORS_SHOWN = 20;

/**
 * ASPA data files merged into one database, their errors printed as `file:line:col` lines. `undefined` when a
 * file cannot be read whole (binary, truncated, not ASPA): no verdict or impact is computed from half the data.
 */
export async function loadAspaFiles(files: readonly string[], io: Pick<CliIo, 'stderr' | 'readFile'>, command: string): Promise<AspaDb | undefined> {
  const dbs: AspaDb[] = [];
  let unreadable = 0;
  for (const f of files) {
    let decoded;
    try {
      decoded = await readDecoded(() => io.readFile(f));
    } catch (e) {
      io.stderr(`routelens ${command}: cannot read ${f}: ${e instanceof Error ? e.message : String(e)}\n`);
      return undefined;
    }
    if (decoded.kind === 'binary') {
      io.stderr(problemLine(f, decoded.problem));
      unreadable++;
      continue;
    }
    for (const p of decoded.problems) io.stderr(problemLine(f, p));
    const text = decoded.text;
    const index = new LineIndex(text);
    let broken = false;
    let errors = 0;
    // Taken as the parser finds them, never kept: the first errors say what is wrong, the rest are counted (a
    // file that is not ASPA at all has one per line, and a million of them were a million objects).
    const load = loadAspaData(text, f, {
      push(d) {
        if (d.severity !== 'error') return;
        broken ||= UNREADABLE.has(d.code);
        if (++errors > MAX_ERRORS_SHOWN) return;
        const p = index.positionAt(d.span.start);
        io.stderr(`${f}:${p.line + 1}:${p.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
      },
    });
    if (errors > MAX_ERRORS_SHOWN) io.stderr(`${f}: … and ${(errors - MAX_ERRORS_SHOWN).toLocaleString('en-US')} more error(s); routelens lint ${f} lists them all\n`);
    if (broken) unreadable++;
    dbs.push(load.db);
  }
  if (unreadable > 0) {
    io.stderr(`routelens ${command}: ${unreadable} ASPA file(s) could not be read whole; nothing is computed from part of the data\n`);
    return undefined;
  }
  return mergeAspaDbs(dbs);
}
