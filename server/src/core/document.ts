import { LineIndex } from './text/lineIndex';

/**
 * One version of one document, as every service sees it. Services cache their parse in a WeakMap keyed
 * by this object, so a new version (a new object) is re-parsed and an old one is collected.
 */
export class SourceDocument {
  private index: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly text: string,
  ) {}

  get lineIndex(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

/** Per-document memo: computes once per SourceDocument object. */
export function memoByDocument<T>(compute: (doc: SourceDocument) => T): (doc: SourceDocument) => T {
  const cache = new WeakMap<SourceDocument, T>();
  return (doc) => {
    let v = cache.get(doc);
    if (v === undefined && !cache.has(doc)) {
      v = compute(doc);
      cache.set(doc, v);
    }
    return v as T;
  };
}
