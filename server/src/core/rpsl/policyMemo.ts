import type { DialectProfile } from './dialects';

/**
 * Policy values (import:, export:, mp-import:, …) known to parse without a problem, by dialect profile and
 * attribute name: `parsePolicy` reads nothing else, so a value found here needs no parse to report nothing.
 * It is kept per large object of an edited document (rpsl/incremental.ts): a keystroke in a 9,000-line
 * aut-num parses the one line it changed instead of all of them (about three quarters of re-validating it).
 * A memo built while re-validating an object looks up the memos of the object's previous versions and
 * records only the values the new version holds, so it never keeps lines the text no longer has. Values with
 * problems are not kept: their findings carry messages, and they are few.
 */
export class PolicyMemo {
  private readonly clean = new Map<DialectProfile, Map<string, Set<string>>>();
  private size = 0;

  constructor(private previous: readonly PolicyMemo[] = []) {}

  /** Whether `value` of attribute `name` is known clean in `profile`; a value found in a previous version is kept here. */
  knows(profile: DialectProfile, name: string, value: string): boolean {
    if (this.clean.get(profile)?.get(name)?.has(value)) return true;
    for (const p of this.previous)
      if (p.clean.get(profile)?.get(name)?.has(value)) {
        this.learn(profile, name, value);
        return true;
      }
    return false;
  }

  /** `value` parsed without a problem. */
  learn(profile: DialectProfile, name: string, value: string): void {
    let byName = this.clean.get(profile);
    if (!byName) this.clean.set(profile, (byName = new Map<string, Set<string>>()));
    let values = byName.get(name);
    if (!values) byName.set(name, (values = new Set<string>()));
    if (!values.has(value)) {
      values.add(value);
      this.size++;
    }
  }

  /** The object is validated: the previous versions' memos are no longer needed. */
  seal(): this {
    this.previous = [];
    return this;
  }

  /** Values kept (for tests and benches). */
  get values(): number {
    return this.size;
  }
}
