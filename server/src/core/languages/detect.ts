import { looksLikeRpsl } from '../rpsl/whoisText';

/** File name endings and the language they hold; the order matters (first match wins). */
const BY_EXTENSION: readonly { suffix: string; languageId: string }[] = [
  { suffix: '.rpsl', languageId: 'rpsl' },
  { suffix: '.irr', languageId: 'rpsl' },
  { suffix: '.aspa', languageId: 'aspa' },
];

/** JSON files that carry ASPA data (rpki-client, Routinator, SLURM) are linted as `aspa`. */
const ASPA_JSON_HINT = /"(aspas|provider_authorizations|aspaAssertions|aspaFilters|customer_asid)"/;

/**
 * Names whose extension says the file is something else — source code, markup, configuration, tables —
 * however RPSL-like a line of it looks ("domain: example.com" opens many a YAML file). A directory walk
 * skips them by name; a file named explicitly is still read by its content.
 */
const NOT_RPSL_BY_NAME =
  /\.(?:md|markdown|rst|adoc|html?|xml|svg|ya?ml|toml|ini|cfg|env|js|mjs|cjs|jsx|ts|tsx|py|go|rs|c|h|cc|cpp|hpp|java|kt|rb|php|pl|sh|bash|zsh|ps1|bat|css|scss|csv|tsv|lock|sql|tf|j2|jinja)$/i;

/** The language a file's name alone says it holds, if any. */
export function languageOfName(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  for (const e of BY_EXTENSION) if (lower.endsWith(e.suffix)) return e.languageId;
  return undefined;
}

/**
 * The language a text holds by its content alone: ASPA JSON (rpki-client, Routinator, SLURM), or RPSL —
 * objects, or a whois answer saved as it came (`%`/`#` remarks, a whois client's lines before the first
 * object). Undefined when it is neither.
 */
export function languageOfContent(text: string): string | undefined {
  // JSON opens with "{" or with "[" and a value; "[Querying whois.ripe.net]" is a whois client's line.
  if (/^\s*(?:\{|\[\s*[{["\d\]-])/.test(text)) return ASPA_JSON_HINT.test(text.slice(0, 65536)) ? 'aspa' : undefined;
  return looksLikeRpsl(text) ? 'rpsl' : undefined;
}

/**
 * Which language a file holds, by name and, for files without a telling extension, by content — the
 * same decision VS Code makes from `extensions` and `firstLine` (which the language server completes
 * with the same content check), plus the ASPA JSON forms for the CLI.
 */
export function languageOfFile(fileName: string, text: string): string | undefined {
  const byName = languageOfName(fileName);
  if (byName) return byName;
  if (NOT_RPSL_BY_NAME.test(fileName)) return undefined;
  if (fileName.toLowerCase().endsWith('.json')) return ASPA_JSON_HINT.test(text.slice(0, 65536)) ? 'aspa' : undefined;
  return looksLikeRpsl(text) ? 'rpsl' : undefined;
}

/**
 * The first lines package.json's `firstLine` gives to RPSL for saved whois answers: a `%` or `#` remark
 * (not a "#!" script), a whois client's "Warning: …" or "[Querying …]". Broad by necessity — VS Code sees
 * one line — so the content must confirm it.
 */
const WHOIS_FIRST_LINE = /^(?:%|#(?!!)|Warning: |\[)/;

/**
 * The language the language server treats an open document as. A document VS Code called RPSL only for
 * its first line (no .rpsl/.irr name) and whose content holds no RPSL object — a LaTeX file, a `#`
 * commented config, ARIN's own whois format — is plain text: no diagnostics for what is not RPSL.
 */
export function languageOfDocument(uri: string, languageId: string, text: string | (() => string)): string {
  if (languageId !== 'rpsl' || languageOfName(uri)) return languageId;
  // A function: an editor's text is read only when the decision needs it.
  const content = typeof text === 'string' ? text : text();
  return WHOIS_FIRST_LINE.test(content) && !looksLikeRpsl(content) ? 'plaintext' : languageId;
}
