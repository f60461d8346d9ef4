import type { LanguageService } from '../service';

// Placeholder until the ASPA area's service lands (same file).
export const aspaService: LanguageService = {
  languageId: 'aspa',
  validate() {
    return [];
  },
};
