import type { LanguageService } from '../service';
import { memoByDocument } from '../document';
import { toDiagnostics } from '../diagnostics/fromSpans';
import { crossCheckDocument } from '../workspace/crossCheck';
import { frameRpsl } from './frame';
import { validateRpslText } from './validate';

/** The framed objects and framing diagnostics of a document, cached per version: for other areas. */
export const parseRpslDocument = memoByDocument((doc) => frameRpsl(doc.text));

export const rpslService: LanguageService = {
  languageId: 'rpsl',
  validate(doc, ctx) {
    const own = toDiagnostics(doc.lineIndex, validateRpslText(doc.text, ctx.settings.rpslDialect));
    return ctx.settings.crossChecks ? [...own, ...crossCheckDocument(doc, ctx)] : own;
  },
};
