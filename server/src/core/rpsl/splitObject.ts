import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { FramedSink } from './frame';
import { FramedObject } from './framedObject';
import { ALL_ATTRIBUTES, dialectsWithClass, templateFor } from './templates';

const DIALECTS = ['rfc', 'irrd', 'ripe'] as const;

/**
 * A stray empty line inside an object ends it early in RPSL: the lines after it frame as a second "object"
 * whose class is an attribute (`source:`, `export:`). Checked apart, the two halves give a pile of findings
 * (unknown class, every mandatory attribute of the second half "missing" from the first). This sink adapter
 * recognises the case — an object whose first attribute is no class but an attribute of the object just
 * above, with only blank lines between — and hands on the two halves as one object, with one diagnostic on
 * the empty line(s) and a fix that deletes them. One object is held back until the next arrives (or `flush`):
 * its view is kept, and the framer given another (FramedSink.framed).
 */
export function joinSplitObjects(sink: FramedSink, text: string): FramedSink & { flush(): void } {
  /** The object held back (when `holding`); once handed on, the view the framer goes on with. */
  let held = new FramedObject();
  let holding = false;
  // Framing findings after the held object wait for it, so the order is the one without holding.
  const later: SpanDiagnostic[] = [];
  const flush = (): void => {
    if (holding) held = sink.framed(held) ?? held;
    holding = false;
    held.reset('');
    if (later.length === 0) return;
    for (const d of later) sink.diagnostic(d);
    later.length = 0;
  };
  return {
    diagnostic: (d) => (holding ? later.push(d) : sink.diagnostic(d)),
    flush,
    framed(o) {
      if (holding && later.length === 0 && isTailOf(held, o, text)) {
        sink.diagnostic(splitDiagnostic(held, o, text));
        held.append(o);
        return;
      }
      flush();
      // Kept as it is: the framer goes on with the view that held the object before.
      const spare = held;
      held = o;
      holding = true;
      return spare;
    },
  };
}

/** Attribute names that are no class in any dialect: an object framed with one first may be the tail of the one above. */
const NOT_CLASSES: ReadonlySet<string> = new Set([...ALL_ATTRIBUTES].filter((name) => dialectsWithClass(name).length === 0));

/**
 * An object that starts with `name` may be the tail of the one above (an attribute that is no class). Whoever
 * cuts a text into parts to frame alone (incremental.ts) must not cut before such a line.
 */
export function mayContinueObject(name: string): boolean {
  return NOT_CLASSES.has(name);
}

function isTailOf(head: FramedObject, tail: FramedObject, text: string): boolean {
  const name = tail.className;
  if (!mayContinueObject(name)) return false;
  if (!DIALECTS.some((d) => templateFor(head.className, d)?.byName.has(name))) return false;
  for (let i = head.end; i < tail.start; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

/** What /\s/ matches (ECMAScript WhiteSpace and LineTerminator). */
function isWhiteSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function splitDiagnostic(head: FramedObject, tail: FramedObject, text: string): SpanDiagnostic {
  // The empty lines: from the line after the head's last line to the tail's first line (LF or CRLF).
  const eol = text.indexOf('\n', head.end);
  const blank = { start: Math.min(eol + 1, tail.start), end: tail.start };
  const key = head.count > 0 ? head.value(0) : '';
  return {
    code: 'rpsl/blank-line-in-object',
    severity: 'error',
    span: blank,
    message: `An empty line cuts ${head.className} ${key} in two: "${tail.rawNames[0] ?? tail.className}:" and the lines after it belong to it, but an empty line ends an object in RPSL. Remove the empty line (the object is checked as if it were gone).`.replace('  ', ' '),
    fixes: [{ title: 'Remove the empty line', preferred: true, edits: [{ span: blank, newText: '' }] }],
  };
}
