/**
 * Levels of brackets, NOTs and refinements the policy parsers follow before policy/too-deep. Real policies nest a
 * handful of levels; the parsers recurse, and a value nested 50,000 deep would overflow the stack.
 *
 * What other parsers do: RFC 2622 sets no limit. RIPE whois parses each attribute with a byacc/j grammar
 * (whois-rpsl/src/main/parser/byacc/*.y) whose stack doubles as it fills, so it has no limit either, but it stops
 * at the first syntax error of the attribute (ParserHelper.parserError throws): one error per attribute. The older
 * C whois server's bison grammars (whoisserver-legacy, src/modules/rpsl/filter.y) stop at bison's YYMAXDEPTH of
 * 10,000 states with "parser stack overflow". IRRd 4 keeps import/export as text (RPSLTextField) and parses no
 * policy at all. So 100 is our choice: far above any real policy, far below a stack overflow, and like RIPE's
 * parsers we report once and skip the rest of the attribute; the other attributes and objects are still checked.
 */
export const MAX_NESTING = 100;
