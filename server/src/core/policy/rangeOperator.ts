import type { RangeOp } from './ast';

export type RangeOpParse = { ok: true; op: RangeOp } | { ok: false; message: string };

/**
 * Parses a range operator (`^-`, `^+`, `^n`, `^n-m`; RFC 2622 §2) written at `start`, and checks it against
 * the prefix length it applies to when known: n and m must lie between that length and the address width.
 */
export function parseRangeOperator(text: string, start: number, prefixLength: number | undefined, width: number): RangeOpParse {
  const span = { start, end: start + text.length };
  if (text === '^-') return { ok: true, op: { kind: 'minus', span } };
  if (text === '^+') return { ok: true, op: { kind: 'plus', span } };
  const m = /^\^([0-9]{1,3})(?:-([0-9]{1,3}))?$/.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not a range operator: write ^-, ^+, ^n or ^n-m.` };
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min > max) return { ok: false, message: `In "${text}" the lower length ${min} is above the upper ${max}: write ^${max}-${min}.` };
  if (max > width) return { ok: false, message: `"${text}" asks for lengths up to /${max}, beyond the address width /${width}.` };
  if (prefixLength !== undefined && min < prefixLength)
    return { ok: false, message: `"${text}" starts at /${min}, shorter than the prefix's own /${prefixLength}: the range must start at /${prefixLength} or longer.` };
  return { ok: true, op: { kind: 'length', min, max, span } };
}

/** The lengths [lo, hi] a prefix of `length` stands for under `op` (none: the prefix itself). */
export function rangeBounds(length: number, width: number, op: RangeOp | undefined): [number, number] {
  if (!op) return [length, length];
  if (op.kind === 'minus') return [length + 1, width];
  if (op.kind === 'plus') return [length, width];
  return [op.min ?? length, op.max ?? length];
}
