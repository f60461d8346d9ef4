/**
 * How many characters a and b share at the start (or, with `fromEnd`, at the end), at most `max`: a binary
 * search over halving windows compared with native string equality (a memcmp), so about two passes over
 * the shorter string instead of a character loop in JavaScript. Finds what an edit changed in a large text.
 */
export function commonLength(a: string, b: string, max: number, fromEnd: boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const same = fromEnd ? a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo) : a.slice(lo, mid) === b.slice(lo, mid);
    if (same) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
