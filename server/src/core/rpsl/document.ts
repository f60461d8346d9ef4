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
const incrementalByUri = new Map<string, RpslIncrementalDocument>();

function ownDiagnostics(doc: SourceDocument, setting: RpslDialectSetting, authoritative: ReadonlySet<string> | undefined): SpanDiagnostic[] {
  if (doc.text.length < INCREMENTAL_FROM) return validateRpslText(doc.text, setting, { authoritative });
  let inc = incrementalByUri.get(doc.uri);
  if (inc && inc.dialect === setting && inc.authoritative === authoritative) inc.update(doc.text);
  else inc = new RpslIncrementalDocument(doc.text, setting, authoritative);
  incrementalByUri.delete(doc.uri);
  incrementalByUri.set(doc.uri, inc);
  for (const k of incrementalByUri.keys()) {
    if (incrementalByUri.size <= MAX_INCREMENTAL_DOCS) break;
    incrementalByUri.delete(k);
  }
  return inc.diagnostics();
}

const validated = memoByDocument(() => new Map<string, SpanDiagnostic[]>());

/**
 * The RPSL diagnostics of a document (framing, templates, values), cached per version, dialect setting
 * and authoritative sources.
 */
export function validateRpslDocument(doc: SourceDocument, setting: RpslDialectSetting, authoritative?: ReadonlySet<string>): readonly SpanDiagnostic[] {
  const bySetting = validated(doc);
  const key = `${setting}|${sourceListKey(authoritative)}`;
  let d = bySetting.get(key);
  if (!d) bySetting.set(key, (d = ownDiagnostics(doc, setting, authoritative)));
  return d;
}
