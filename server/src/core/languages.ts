import type { LanguageService } from './service';
import { rpslService } from './rpsl/service';
import { aspaService } from './aspa/service';

/** The language services by VS Code language id. */
export const languageServices: ReadonlyMap<string, LanguageService> = new Map<string, LanguageService>([
  ['rpsl', rpslService],
  ['aspa', aspaService],
]);

/** File name endings and the language they hold; the order matters (first match wins). */
const BY_EXTENSION: readonly { suffix: string; languageId: string }[] = [
  { suffix: '.rpsl', languageId: 'rpsl' },
  { suffix: '.irr', languageId: 'rpsl' },
  { suffix: '.aspa', languageId: 'aspa' },
];

/** The RPSL classes whose name on a file's first line marks it as RPSL (package.json `firstLine` agrees). */
const RPSL_FIRST_LINE =
  /^(aut-num|as-set|route|route6|route-set|rtr-set|filter-set|peering-set|inet-rtr|mntner|person|role|key-cert|inetnum|inet6num|as-block|dictionary|domain|irt|organisation|poetic-form|poem):/i;

/** JSON files that carry ASPA data (rpki-client, Routinator, SLURM) are linted as `aspa`. */
const ASPA_JSON_HINT = /"(aspas|provider_authorizations|aspaAssertions|aspaFilters|customer_asid)"/;

/**
 * Which language a file holds, by name and, for files without a telling extension, by content — the
 * same decision VS Code makes from `extensions` and `firstLine`, plus the ASPA JSON forms for the CLI.
 */
export function languageOfFile(fileName: string, text: string): string | undefined {
  const lower = fileName.toLowerCase();
  for (const e of BY_EXTENSION) if (lower.endsWith(e.suffix)) return e.languageId;
  if (lower.endsWith('.json')) return ASPA_JSON_HINT.test(text.slice(0, 65536)) ? 'aspa' : undefined;
  const firstLine = text.replace(/^(?:[#%][^\n]*\n|\s*\n)*/, '').split('\n', 1)[0] ?? '';
  return RPSL_FIRST_LINE.test(firstLine) ? 'rpsl' : undefined;
}
