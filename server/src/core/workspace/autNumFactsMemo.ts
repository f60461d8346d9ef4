import type { Asn } from '../net/asn';
import type { RpslAttribute, RpslObject } from '../rpsl/model';
import { detached } from '../text/detach';
import { autNumFacts, noteAutNum, type AutNumFacts } from './routePolicy';
import type { IndexedObject } from './workspaceIndex';

const POLICY_ATTRIBUTES: ReadonlySet<string> = new Set(['import', 'mp-import', 'export', 'mp-export']);

/**
 * Where runs of policy lines end: after a line whose value hashes to 0 under this mask (a run is 32 lines on
 * average), or at RUN_MAX lines. The ends depend on the lines' own text, not on their place, so a line added or
 * removed changes the run it is in and no other.
 */
const RUN_MASK = 31;
const RUN_MAX = 128;
/** Aut-nums from this size on are noted (see AutNumFactsMemo). */
const NOTED_FROM = 16 * 1024;

/** One run of an aut-num's policy lines as the memo keeps it: its facts, offsets from the run's first line. */
interface Run {
  /** The run's text, the memo's own copy (a slice would keep the whole document it was cut from alive). */
  readonly key: string;
  readonly facts: AutNumFacts;
  /** How many of the aut-nums noted (and not released) have this run. */
  users: number;
}

/**
 * The editor's memo of an aut-num's cross-check facts (routePolicy.ts autNumFacts: export facts, import peers)
 * by runs of its policy lines. A keystroke in a registry's big aut-num (GTT's AS3257: 9,567 policy lines, 460 kB)
 * replaces its index entry, and the pause after it read the facts of the new entry by parsing every line again:
 * 150–300 ms of a pause's budget of 300. Here the lines come in runs, each run's facts kept by its text while an
 * aut-num noted here has it, and a new version of an aut-num parses only the runs an edit changed, then joins
 * the runs' facts (the same facts as one walk over all lines: autNumFactsMemo.test.ts).
 *
 * A run is told by its whole text (from its first line's name to its last line's end): that text alone decides
 * the lines' names, values and their offsets from the run's start, all the facts depend on. Only aut-nums of at
 * least NOTED_FROM characters are noted here (the small ones are read when asked, as before): the runs' texts are
 * copies, and an index's whole policy text held twice is what this keeps small.
 */
export class AutNumFactsMemo {
  private readonly runs = new Map<string, Run>();
  /** The runs each noted aut-num holds (by id), to release with it. */
  private readonly held = new Map<number, readonly string[]>();

  constructor(
    /** Smaller in tests, to exercise runs of a few lines. */
    private readonly runMask = RUN_MASK,
    private readonly runMax = RUN_MAX,
    private readonly notedFrom = NOTED_FROM,
  ) {}

  /** Runs kept (for tests and figures). */
  get size(): number {
    return this.runs.size;
  }

  /** Whether `aut` is one to note here and is not noted yet. */
  wants(aut: IndexedObject): boolean {
    return !this.held.has(aut.id) && aut.className === 'aut-num' && aut.span.end - aut.span.start >= this.notedFrom;
  }

  /** Reads `aut`'s facts through the memo (its object framed from `text`) and hands them to routePolicy's caches. */
  note(aut: IndexedObject, text: string): void {
    if (this.held.has(aut.id)) return;
    const object = aut.object;
    const { facts, keys } = this.factsOf(object, text);
    noteAutNum(aut, object, facts);
    for (const k of keys) this.runs.get(k)!.users++;
    this.held.set(aut.id, keys);
  }

  /** The aut-num `id` left the index: the runs only it held are dropped. */
  release(id: number): void {
    const keys = this.held.get(id);
    if (!keys) return;
    this.held.delete(id);
    for (const k of keys) {
      const run = this.runs.get(k);
      if (run && --run.users <= 0) this.runs.delete(k);
    }
  }

  clear(): void {
    this.runs.clear();
    this.held.clear();
  }

  /** The facts of `object` (framed from `text`), and the keys of the runs they were joined from. */
  factsOf(object: RpslObject, text: string): { facts: AutNumFacts; keys: string[] } {
    const parts: { facts: AutNumFacts; shift: number }[] = [];
    const keys: string[] = [];
    let run: RpslAttribute[] = [];
    const close = (): void => {
      if (run.length === 0) return;
      const start = run[0]!.span.start;
      const end = run[run.length - 1]!.span.end;
      const slice = text.slice(start, end);
      let known = this.runs.get(slice);
      if (!known) {
        const key = detached(slice);
        known = { key, facts: autNumFacts({ className: object.className, attributes: run, span: { start, end } }), users: 0 };
        this.runs.set(key, known);
      }
      parts.push({ facts: known.facts, shift: start - object.span.start });
      keys.push(known.key);
      run = [];
    };
    for (const attr of object.attributes) {
      if (!POLICY_ATTRIBUTES.has(attr.name)) continue;
      run.push(attr);
      if ((valueHash(attr.value) & this.runMask) === 0 || run.length >= this.runMax) close();
    }
    close();
    return { facts: joinFacts(parts), keys };
  }
}

/** A cheap hash of a line's value (FNV-1a over its characters), for where runs end. */
function valueHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The facts of consecutive runs as one walk over all their lines gives them: rules counted, peers and other
 * peerings together, each announcement text's first announcement kept (a later run's repeat dropped, as the
 * walk drops a later line's), import peers' offsets moved from their run's start to the object's.
 */
function joinFacts(parts: readonly { facts: AutNumFacts; shift: number }[]): AutNumFacts {
  if (parts.length === 1 && parts[0]!.shift === 0) return parts[0]!.facts;
  let rules = 0;
  let imported = 0;
  const peers = new Set<Asn>();
  const otherPeerings: AutNumFacts['exports']['otherPeerings'][number][] = [];
  const v4: AutNumFacts['exports']['v4'][number][] = [];
  const v6: AutNumFacts['exports']['v6'][number][] = [];
  const keys = { 4: [] as string[], 6: [] as string[] };
  const seen = { 4: new Set<string>(), 6: new Set<string>() };
  for (const { facts } of parts) {
    const x = facts.exports;
    rules += x.rules;
    for (const a of x.peers) peers.add(a);
    for (const p of x.otherPeerings) otherPeerings.push(p);
    for (const afi of [4, 6] as const) {
      const from = afi === 4 ? x.v4 : x.v6;
      const to = afi === 4 ? v4 : v6;
      facts.announcementKeys[afi].forEach((k, i) => {
        if (seen[afi].has(k)) return;
        seen[afi].add(k);
        keys[afi].push(k);
        to.push(from[i]!);
      });
    }
    imported += facts.importPeers.length;
  }
  const importPeers = new Float64Array(imported);
  let at = 0;
  for (const { facts, shift } of parts) {
    const p = facts.importPeers;
    for (let i = 0; i < p.length; i += 3, at += 3) {
      importPeers[at] = p[i]!;
      importPeers[at + 1] = p[i + 1]! + shift;
      importPeers[at + 2] = p[i + 2]! + shift;
    }
  }
  return { exports: { rules, peers, otherPeerings, v4, v6 }, importPeers, announcementKeys: keys };
}
