/**
 * JSON as it arrives in a paste rather than as the router printed it: a terminal that wrapped long
 * lines (FRR prints a whole path object on one line, so an 80-column terminal cuts inside its strings:
 * `"incomple` / `te"`), and a document cut short (a copy that stopped early, a prompt printed where the
 * closing brackets should be). Routers never put a raw line break inside a JSON string, so one there is
 * a wrap and is taken out; a document cut short is cut back to its last closed object or array (no
 * string is ever completed by guess, so no AS path is cut silently) and the brackets still open are closed.
 */

export interface RepairedJson {
  readonly text: string;
  /** The document was cut short: only what precedes `cutAt` (an offset in the input) was read. */
  readonly cutAt?: number;
}

/** The repaired text, or undefined when there is nothing a repair could change. */
export function repairJson(raw: string): RepairedJson | undefined {
  // An author's elision (`...` on a line of its own between two values) is no part of the document.
  const input = raw.replace(/^[ \t]*(?:\.{3,}|…)[ \t]*\r?\n/gm, '');
  let changed = input !== raw;
  let out = '';
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  /** Length of `out` and depth after the last `}`/`]` closed outside a string, and the input offset there. */
  let lastClose = -1;
  let lastCloseDepth = 0;
  let lastCloseIn = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      else if (c === '\n' || c === '\r') {
        // A terminal wrap inside a string: the line break is no part of the value.
        changed = true;
        continue;
      }
      out += c;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return undefined;
      out += c;
      lastClose = out.length;
      lastCloseDepth = stack.length;
      lastCloseIn = i + 1;
      continue;
    }
    out += c;
  }
  if (stack.length === 0 && !inString) return changed ? { text: out } : undefined;
  // Cut short: back to the last closed value, then close what is still open there.
  if (lastClose < 0) return undefined;
  const open: string[] = [];
  let depth = 0;
  inString = false;
  escaped = false;
  for (let i = 0; i < lastClose; i++) {
    const c = out[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      open[depth++] = c === '{' ? '}' : ']';
    } else if (c === '}' || c === ']') depth--;
  }
  if (depth !== lastCloseDepth) return undefined;
  const closers = open.slice(0, depth).reverse().join('');
  return { text: out.slice(0, lastClose) + closers, cutAt: lastCloseIn };
}
