import type { DialectProfile } from '../rpsl/dialects';
import type { RpslAttribute } from '../rpsl/model';
import type { PolicyAst } from './ast';
import { parsePolicy, type PolicyProblem } from './parser';

/**
 * The policy parses of the aut-num the linter frames now, shared by its two readers: the index reads the
 * trees of its import and export lines (routePolicy.ts computeRules), the validator reads the problems of
 * the same lines (validateAttribute.ts). Parsed once for both, not twice: on a dump of real aut-nums the
 * second parse was a twentieth of a lint run.
 *
 * Sound because a tree does not depend on the dialect: the profile only decides which problems the value
 * checkers report (sharedParses.test.ts shows the trees equal in every profile on real and generated
 * policies). So while the index reads a primed aut-num it parses in the object's own profile, and the
 * problems are kept for the validator, who takes them only when it asks in that same profile.
 *
 * Trees are never kept here, only problems (none, mostly), and only the current aut-num's: the validator
 * comes after the next object is framed (joinSplitObjects holds one back), and trees kept that long outlived
 * the young generation, which cost more garbage collection than the second parse saved.
 */
/** The profile the index parses in now, set by primePolicyParses until releasePolicyTrees. */
let parsingIn: DialectProfile | undefined;
/** The profile the kept problems were found in. */
let problemsIn: DialectProfile | undefined;
const problemsOf = new Map<RpslAttribute, readonly PolicyProblem[]>();

/** The index is about to read an aut-num of dialect `profile`: its policy lines are parsed in that profile, and their problems kept. The previous aut-num's are let go. */
export function primePolicyParses(profile: DialectProfile): void {
  releasePolicyParses();
  parsingIn = problemsIn = profile;
}

/** The index has read the aut-num: parses from now on are not kept. */
export function releasePolicyTrees(): void {
  parsingIn = undefined;
}

/** Lets go of everything kept. */
export function releasePolicyParses(): void {
  if (problemsOf.size > 0) problemsOf.clear();
  parsingIn = problemsIn = undefined;
}

/** The problems of `attr`'s value, when the index parsed it in `profile`. */
export function primedProblems(attr: RpslAttribute, profile: DialectProfile): readonly PolicyProblem[] | undefined {
  return profile === problemsIn ? problemsOf.get(attr) : undefined;
}

/** `attr`'s tree, parsed now: in the primed profile (its problems kept) or the default one (trees do not depend on it). */
export function policyTree(attr: RpslAttribute): PolicyAst | undefined {
  if (parsingIn === undefined) return parsePolicy(attr.name, attr.value)?.ast;
  const parse = parsePolicy(attr.name, attr.value, parsingIn);
  if (parse) problemsOf.set(attr, parse.problems);
  return parse?.ast;
}
