/**
 * Where the JSON documents of a paste start. Routers print JSON pretty, nested values indented: a line
 * that opens with `{` or `[` in its first column opens a document. A paste of two outputs (two routers,
 * two commands, a prompt between) has two such lines; each document is then read on its own, so one
 * output does not make the other unreadable.
 *
 * Only where every piece parses (or the paste holds one start) is the split taken: a terminal that
 * wrapped a document may have put a `{` in the first column, and that document is better read whole
 * (jsonRepair.ts rejoins it).
 */
export function documentStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 123 /* { */ || c === 91 /* [ */) starts.push(i + 1);
  }
  if (starts.length <= 1) return [0];
  for (let k = 0; k < starts.length; k++) {
    const piece = text.slice(starts[k], starts[k + 1] ?? text.length);
    if (!parses(piece)) return [0];
  }
  return starts;
}

/** The piece up to its last closing bracket is one JSON value. */
function parses(piece: string): boolean {
  const last = Math.max(piece.lastIndexOf('}'), piece.lastIndexOf(']'));
  if (last < 0) return false;
  try {
    JSON.parse(piece.slice(0, last + 1));
    return true;
  } catch {
    return false;
  }
}
