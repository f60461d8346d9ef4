import { LineIndex, type TextPositions } from './text/lineIndex';

/**
 * One version of one document, as every service sees it. Services cache their parse in a WeakMap keyed
 * by this object, so a new version (a new object) is re-parsed and an old one is collected.
 */
export class SourceDocument {
  private index: TextPositions | undefined;

  /**
   * `positions` lets an editor host pass the line offsets its own document already keeps up to date
   * incrementally; building a LineIndex anew costs a scan of the whole text on every version.
   */
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly text: string,
    positions?: () => TextPositions | undefined,
  ) {
    this.positions = positions;
  }

  private readonly positions: (() => TextPositions | undefined) | undefined;

  get lineIndex(): TextPositions {
    return (this.index ??= this.positions?.() ?? new LineIndex(this.text));
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
