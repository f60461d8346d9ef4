/** One replacement in a text: its characters [start, end) in the version before became `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How far back a revision can tell its edits: beyond this, users of the history compare whole texts again. */
const MAX_LINKS = 64;
/** Inserted text the kept links may hold in all: a chain of pasted megabytes must not stay alive for history. */
const MAX_INSERTED = 4 * 1024 * 1024;

/**
 * One version of an edited text, linked to the version before by the edits that made it. An editor's document
 * knows what each change replaced; a consumer that kept results for an older version (the incremental RPSL
 * validation) asks for the edits since then instead of comparing two 20 MB texts to find them. The links hold
 * only the edits, never the texts; the history is cut after MAX_LINKS versions or MAX_INSERTED characters.
 */
export class TextRevision {
  private previous: TextRevision | undefined;

  /** The first revision of a text (`edits` empty), or the one `edits` made from `previous`. */
  constructor(previous: TextRevision | undefined, readonly edits: readonly TextEdit[]) {
    this.previous = previous;
    let links = 1;
    let inserted = 0;
    for (const e of edits) inserted += e.text.length;
    if (inserted > MAX_INSERTED) this.previous = undefined;
    for (let r = this.previous; r?.previous; r = r.previous) {
      for (const e of r.edits) inserted += e.text.length;
      if (++links >= MAX_LINKS || inserted > MAX_INSERTED) {
        r.previous = undefined;
        break;
      }
    }
  }

  /**
   * The edits, in the order they were made, that turn the text of `older` into this revision's; [] for this
   * revision itself, undefined when `older` is not in the history kept (or is not an ancestor at all).
   */
  editsSince(older: TextRevision): TextEdit[] | undefined {
    if (older === this) return [];
    const chain: (readonly TextEdit[])[] = [this.edits];
    let r = this.previous;
    for (; r && r !== older; r = r.previous) chain.push(r.edits);
    if (!r) return undefined;
    const out: TextEdit[] = [];
    for (let k = chain.length - 1; k >= 0; k--) for (const e of chain[k]!) out.push(e);
    return out;
  }
}

/**
 * Where two versions first differ, when `edits` (as `editsSince` gives them) changed anything: the lowest
 * offset an edit touched, which stays put under later edits (they only move what lies after them). May be
 * before the first differing character when an edit replaced text with the same text.
 */
export function firstEditedOffset(edits: readonly TextEdit[]): number | undefined {
  let at: number | undefined;
  for (const e of edits) if (e.start !== e.end || e.text.length > 0) at = Math.min(at ?? e.start, e.start);
  return at;
}

/**
 * How much of the start and of the end two versions share at least, by the edits between them (as `editsSince`
 * gives them, `length` the later text's length): what a comparison of the two texts (`commonLength` from both
 * ends) would find, or less when an edit wrote what was there. Each edit keeps what lies before its start and
 * what follows its inserted text; later edits only shorten that. `prefix + suffix` never exceeds either length.
 */
export function unchangedEnds(edits: readonly TextEdit[], length: number): { prefix: number; suffix: number } {
  // No edits: the same text, all of it prefix.
  let prefix = length;
  let suffix = edits.length > 0 ? length : 0;
  // The text's length after each edit, found backwards from the final one.
  let after = length;
  for (let k = edits.length - 1; k >= 0; k--) {
    const e = edits[k]!;
    prefix = Math.min(prefix, e.start);
    suffix = Math.min(suffix, after - e.start - e.text.length);
    after -= e.text.length - (e.end - e.start);
  }
  return { prefix, suffix };
}
