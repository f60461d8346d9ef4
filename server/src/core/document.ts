import { LineIndex, type TextPositions } from './text/lineIndex';
import type { TextRevision } from './text/revision';

/**
 * A text the host makes only when it is read: an editor's piece table joins its pieces (a 20 MB copy) only when
 * a service reads the whole text, not on every keystroke.
 */
export interface LazyText {
  readonly length: number;
  read(): string;
}

/** What an editor host knows of a version beyond its text. */
export interface EditorKnowledge {
  /**
   * The line offsets its own document already keeps up to date incrementally (building a LineIndex anew costs
   * a scan of the whole text on every version); undefined once that document has moved on.
   */
  readonly positions?: () => TextPositions | undefined;
  /** The version's place in the document's edit history: the edits since an earlier version, without comparing texts. */
  readonly revision?: TextRevision;
}

/**
 * One version of one document, as every service sees it. Services cache their parse in a WeakMap keyed
 * by this object, so a new version (a new object) is re-parsed and an old one is collected.
 */
export class SourceDocument {
  private index: TextPositions | undefined;
  private source: string | LazyText;
  private readonly positions: (() => TextPositions | undefined) | undefined;
  readonly revision: TextRevision | undefined;
  /** The text's length in UTF-16 code units, known without reading a lazy text. */
  readonly textLength: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    text: string | LazyText,
    editor: EditorKnowledge = {},
  ) {
    this.source = text;
    this.textLength = text.length;
    this.positions = editor.positions;
    this.revision = editor.revision;
  }

  get text(): string {
    if (typeof this.source !== 'string') this.source = this.source.read();
    return this.source;
  }

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
