import type { LanguageService } from './service';
import { rpslService } from './rpsl';
import { aspaService } from './aspa';

/** The language services by VS Code language id. */
export const languageServices: ReadonlyMap<string, LanguageService> = new Map<string, LanguageService>([
  ['rpsl', rpslService],
  ['aspa', aspaService],
]);
