/**
 * `s` as a string of its own, which keeps no larger string alive. V8 represents a substring of 13 or more
 * characters as a view into its parent (a "sliced string"), and `toUpperCase` of an upper-case string returns
 * it as it is: a name cut from a 20 MB document would keep the whole document in memory for as long as the
 * name lives — in an index that keeps entries across edits, one old version of the document per edit.
 * Concatenating and cutting again makes V8 copy the characters.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
