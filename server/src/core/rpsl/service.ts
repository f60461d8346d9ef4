import type { LanguageService } from '../service';
import { memoByDocument } from '../document';
import { frameRpsl } from './frame';
import type { Diagnostic } from '../diagnostics/diagnostic';

// First cut: framing only. The RPSL area replaces this with the full template/value validator.
export const parseRpslDocument = memoByDocument((doc) => frameRpsl(doc.text));

export const rpslService: LanguageService = {
  languageId: 'rpsl',
  validate(doc): Diagnostic[] {
    const parsed = parseRpslDocument(doc);
    return parsed.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: doc.lineIndex.range(d.span),
    }));
  },
};
