import { memoByDocument, type SourceDocument } from '../document';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import { sourceListKey, type RpslDialectSetting } from './dialects';
import { frameRpsl } from './frame';
import { RpslIncrementalDocument } from './incremental';
import type { RpslDocument } from './model';
import { validateRpslText } from './validate';

/** The framed objects and framing diagnostics of a document, cached per version: for other areas. */
export const parseRpslDocument: (doc: SourceDocument) => RpslDocument = memoByDocument((doc) => frameRpsl(doc.text));

/** Documents from this size on are re-validated incrementally (only the objects an edit touched). */
const INCREMENTAL_FROM = 256 * 1024;
const MAX_INCREMENTAL_DOCS = 4;

/**
 * The large documents a host keeps between versions, so an edit re-validates only the objects it touched:
 * one per language server, on its service context (the last few documents validated, by URI).
 */
export class IncrementalRpslDocuments {
  private readonly byUri = new Map<string, RpslIncrementalDocument>();

  diagnostics(doc: SourceDocument, setting: RpslDialectSetting, authoritative: ReadonlySet<string> | undefined): SpanDiagnostic[] {
    let inc = this.byUri.get(doc.uri);
    if (inc && inc.dialect === setting && inc.authoritative === authoritative) {
      // An editor's document tells the edits since the version validated last: no whole-text comparison.
      const edits = inc.revision && doc.revision?.editsSince(inc.revision);
      if (edits) inc.applyEdits(edits);
      else inc.update(doc.text);
    } else inc = new RpslIncrementalDocument(doc.text, setting, authoritative);
    inc.revision = doc.revision;
    this.byUri.delete(doc.uri);
    this.byUri.set(doc.uri, inc);
    for (const k of this.byUri.keys()) {
      if (this.byUri.size <= MAX_INCREMENTAL_DOCS) break;
      this.byUri.delete(k);
    }
    return inc.diagnostics();
  }
}

function ownDiagnostics(
  doc: SourceDocument,
  setting: RpslDialectSetting,
  authoritative: ReadonlySet<string> | undefined,
  incremental: IncrementalRpslDocuments | undefined,
): SpanDiagnostic[] {
  if (doc.textLength < INCREMENTAL_FROM) return validateRpslText(doc.text, setting, { authoritative });
  return (incremental ?? new IncrementalRpslDocuments()).diagnostics(doc, setting, authoritative);
}

const validated = memoByDocument(() => new Map<string, SpanDiagnostic[]>());

/**
 * The RPSL diagnostics of a document (framing, templates, values), cached per version, dialect setting
 * and authoritative sources. `incremental` keeps large documents between versions (a host that validates
 * one version only, as the CLI, passes none).
 */
export function validateRpslDocument(
  doc: SourceDocument,
  setting: RpslDialectSetting,
  authoritative?: ReadonlySet<string>,
  incremental?: IncrementalRpslDocuments,
): readonly SpanDiagnostic[] {
  const bySetting = validated(doc);
  const key = `${setting}|${sourceListKey(authoritative)}`;
  let d = bySetting.get(key);
  if (!d) bySetting.set(key, (d = ownDiagnostics(doc, setting, authoritative, incremental)));
  return d;
}
