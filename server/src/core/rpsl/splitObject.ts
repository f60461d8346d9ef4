import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { FrameSink } from './frame';
import type { RpslObject } from './model';
import { ALL_ATTRIBUTES, dialectsWithClass, templateFor } from './templates';

const DIALECTS = ['rfc', 'irrd', 'ripe'] as const;

/**
 * A stray empty line inside an object ends it early in RPSL: the lines after it frame as a second "object"
 * whose class is an attribute (`source:`, `export:`). Checked apart, the two halves give a pile of findings
 * (unknown class, every mandatory attribute of the second half "missing" from the first). This sink adapter
 * recognises the case — an object whose first attribute is no class but an attribute of the object just
 * above, with only blank lines between — and hands on the two halves as one object, with one diagnostic on
 * the empty line(s) and a fix that deletes them. One object is held back until the next arrives (or `flush`).
 */
export function joinSplitObjects(sink: FrameSink, text: string): FrameSink & { flush(): void } {
  let held: RpslObject | undefined;
  // Framing findings after the held object wait for it, so the order is the one without holding.
  const later: SpanDiagnostic[] = [];
  const flush = (): void => {
    if (held) sink.object(held);
    held = undefined;
    for (const d of later) sink.diagnostic(d);
    later.length = 0;
  };
  return {
    diagnostic: (d) => (held ? later.push(d) : sink.diagnostic(d)),
    flush,
    object(o) {
      if (held && later.length === 0 && isTailOf(held, o, text)) {
        sink.diagnostic(splitDiagnostic(held, o, text));
        held = { ...held, attributes: [...held.attributes, ...o.attributes], span: { start: held.span.start, end: o.span.end }, ...mergedFiltered(held, o) };
        return;
      }
      flush();
      held = o;
    },
  };
}

/**
 * An object that starts with `name` may be the tail of the one above (an attribute that is no class). Whoever
 * cuts a text into parts to frame alone (incremental.ts) must not cut before such a line.
 */
export function mayContinueObject(name: string): boolean {
  return ALL_ATTRIBUTES.has(name) && dialectsWithClass(name).length === 0;
}

function isTailOf(head: RpslObject, tail: RpslObject, text: string): boolean {
  const name = tail.className;
  if (!mayContinueObject(name)) return false;
  if (!DIALECTS.some((d) => templateFor(head.className, d)?.byName.has(name))) return false;
  return /^\s*$/.test(text.slice(head.span.end, tail.span.start));
}

function splitDiagnostic(head: RpslObject, tail: RpslObject, text: string): SpanDiagnostic {
  // The empty lines: from the line after the head's last line to the tail's first line (LF or CRLF).
  const eol = text.indexOf('\n', head.span.end);
  const blank = { start: Math.min(eol + 1, tail.span.start), end: tail.span.start };
  const key = head.attributes[0]?.value ?? '';
  return {
    code: 'rpsl/blank-line-in-object',
    severity: 'error',
    span: blank,
    message: `An empty line cuts ${head.className} ${key} in two: "${tail.attributes[0]?.rawName ?? tail.className}:" and the lines after it belong to it, but an empty line ends an object in RPSL. Remove the empty line (the object is checked as if it were gone).`.replace('  ', ' '),
    fixes: [{ title: 'Remove the empty line', preferred: true, edits: [{ span: blank, newText: '' }] }],
  };
}

function mergedFiltered(head: RpslObject, tail: RpslObject): Pick<RpslObject, 'filtered'> {
  if (!head.filtered && !tail.filtered) return {};
  return { filtered: new Set([...(head.filtered ?? []), ...(tail.filtered ?? [])]) };
}
