/**
 * Levels of brackets, NOTs and refinements the policy parsers follow before policy/too-deep. Real policies nest a
 * handful of levels; the parsers recurse, and a value nested 50,000 deep would overflow the stack.
 */
export const MAX_NESTING = 100;
