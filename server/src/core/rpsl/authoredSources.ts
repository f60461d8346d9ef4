import { commonLength } from '../text/commonLength';
import { unchangedEnds, type TextRevision } from '../text/revision';
import { sourceInfo } from './dialects';

/** What one edited document names: its text when last seen and how many source: lines name each registry. */
interface Named {
  readonly text: string;
  /** The editor's revision of `text`, when it came from an editor: later ones tell what changed. */
  readonly revision?: TextRevision;
  readonly counts: ReadonlyMap<string, number>;
  readonly names: ReadonlySet<string>;
}

/**
 * The registries a user writes to, when `routelens.rpsl.authoritativeSources` names none: the sources of the
 * objects in the documents the user edits. IRRd checks strictly what its users submit and leniently what it
 * mirrors; a workspace mixes both (the user's own objects beside saved whois answers and registry dumps), and
 * the files the user changes say which are theirs. Until the user edits a document that names a source, every
 * source is theirs, as with the setting unset before.
 */
export class AuthoredSources {
  /** Document URI → the registries its source: lines name (upper case, without -NONAUTH/-GRS). */
  private readonly byUri = new Map<string, Named>();
  private cached: ReadonlySet<string> | undefined;
  private stale = true;

  /**
   * Notes what an edited document names; returns whether the registries the user writes to changed (then
   * diagnostics of other documents change too).
   */
  edited(uri: string, text: string, revision?: TextRevision): boolean {
    const before = this.byUri.get(uri);
    // Only the lines an edit touched are scanned again: a 20 MB dump is not read whole after every pause.
    const counts = before ? recount(before, text, revision) : countRegistries(text, 0, text.length, new Map());
    const now: Named = { text, revision, counts, names: before && sameKeys(before.names, counts) ? before.names : new Set(counts.keys()) };
    if (before && now.names === before.names) {
      this.byUri.set(uri, now);
      return false;
    }
    const was = this.registries();
    this.byUri.set(uri, now);
    this.stale = true;
    return !sameOptionalSet(was, this.registries());
  }

  /** Forgets a document (closed or deleted); returns whether the registries the user writes to changed. */
  forget(uri: string): boolean {
    if (!this.byUri.has(uri)) return false;
    const was = this.registries();
    this.byUri.delete(uri);
    this.stale = true;
    return !sameOptionalSet(was, this.registries());
  }

  /** The registries named in edited documents; undefined while none names one (every source is the user's). */
  registries(): ReadonlySet<string> | undefined {
    if (this.stale) {
      const all = new Set<string>();
      for (const { names } of this.byUri.values()) for (const n of names) all.add(n);
      this.cached = all.size > 0 ? all : undefined;
      this.stale = false;
    }
    return this.cached;
  }

  /** The authoritative sources in effect: the setting when it names some, else the edited documents' registries. */
  effective(setting: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
    return setting ?? this.registries();
  }
}

/**
 * Registries named by `source:` lines (an attribute starts a line: continuation lines begin with blanks or
 * "+"). -GRS copies and RPKI pseudo-objects are never the user's (isMirrored), so they name no registry here.
 */
export function registriesNamedIn(text: string): ReadonlySet<string> {
  return new Set(countRegistries(text, 0, text.length, new Map()).keys());
}

/** Adds (sign 1) or takes away (sign -1) the registries named by source: lines in text[from, to), which starts a line. */
function countRegistries(text: string, from: number, to: number, counts: Map<string, number>, sign = 1): Map<string, number> {
  for (const m of text.slice(from, to).matchAll(/^source:[ \t]*([^\s#]+)/gim)) {
    const info = sourceInfo(m[1]!);
    if (info.grs || info.registry === 'RPKI' || info.registry === '') continue;
    const n = (counts.get(info.registry) ?? 0) + sign;
    if (n === 0) counts.delete(info.registry);
    else counts.set(info.registry, n);
  }
  return counts;
}

/**
 * The counts after an edit: the lines the old and the new text do not share are taken away and added again.
 * The changed span is widened to whole lines (as the regex's `^` sees them: after any line terminator), so a
 * line whose start or end the edit moved is read whole on both sides.
 */
function recount(before: Named, text: string, revision: TextRevision | undefined): ReadonlyMap<string, number> {
  const old = before.text;
  if (old === text) return before.counts;
  const { prefix, suffix } = changedEnds(before, text, revision);
  let from = prefix;
  while (from > 0 && !LINE_END.test(old[from - 1]!)) from--;
  const oldTo = lineEnd(old, old.length - suffix);
  const newTo = lineEnd(text, text.length - suffix);
  const counts = countRegistries(old, from, oldTo, new Map(before.counts), -1);
  return countRegistries(text, from, newTo, counts);
}

/** What the old and new text share at their ends: told by the editor's edits when it has them, else compared. */
function changedEnds(before: Named, text: string, revision: TextRevision | undefined): { prefix: number; suffix: number } {
  const edits = before.revision && revision?.editsSince(before.revision);
  if (edits) return unchangedEnds(edits, text.length);
  const max = Math.min(before.text.length, text.length);
  const prefix = commonLength(before.text, text, max, false);
  return { prefix, suffix: commonLength(before.text, text, max - prefix, true) };
}

/** The line terminators of a JavaScript regex in multiline mode. */
const LINE_END = /[\n\r\u2028\u2029]/;

function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !LINE_END.test(text[i]!)) i++;
  return i;
}

function sameKeys(a: ReadonlySet<string>, counts: ReadonlyMap<string, number>): boolean {
  if (a.size !== counts.size) return false;
  for (const x of a) if (!counts.has(x)) return false;
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameOptionalSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameSet(a, b);
}
