import { sourceInfo } from './dialects';

/**
 * The registries a user writes to, when `routelens.rpsl.authoritativeSources` names none: the sources of the
 * objects in the documents the user edits. IRRd checks strictly what its users submit and leniently what it
 * mirrors; a workspace mixes both (the user's own objects beside saved whois answers and registry dumps), and
 * the files the user changes say which are theirs. Until the user edits a document that names a source, every
 * source is theirs, as with the setting unset before.
 */
export class AuthoredSources {
  /** Document URI → the registries its source: lines name (upper case, without -NONAUTH/-GRS). */
  private readonly byUri = new Map<string, ReadonlySet<string>>();
  private cached: ReadonlySet<string> | undefined;
  private stale = true;

  /**
   * Notes what an edited document names; returns whether the registries the user writes to changed (then
   * diagnostics of other documents change too).
   */
  edited(uri: string, text: string): boolean {
    const now = registriesNamedIn(text);
    const before = this.byUri.get(uri);
    if (before && sameSet(before, now)) return false;
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
      for (const names of this.byUri.values()) for (const n of names) all.add(n);
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
  const out = new Set<string>();
  for (const m of text.matchAll(/^source:[ \t]*([^\s#]+)/gim)) {
    const info = sourceInfo(m[1]!);
    if (!info.grs && info.registry !== 'RPKI' && info.registry !== '') out.add(info.registry);
  }
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameOptionalSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameSet(a, b);
}
