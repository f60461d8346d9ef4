import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/range';
import type { RpslDialectSetting } from './dialects';
import { freshAt, Line, lineKind } from './freshAt';
import { mayContinueObject } from './splitObject';
import { validateRpslText } from './validate';
import { PolicyMemo } from './policyMemo';
import { commonLength } from '../text/commonLength';
import type { TextEdit, TextRevision } from '../text/revision';

/**
 * Re-validation that re-parses only what an edit touched. The text is kept as chunks that begin at a
 * non-empty line after an empty line: an empty line resets the framer completely, so each chunk frames
 * and validates alone with the same result as inside the whole text (the only context is "a blank line
 * came before", true for every chunk but one at offset 0). Results are kept per chunk, with offsets
 * relative to the chunk, and looked up by the chunk's text, so an edit costs the chunks it touches plus
 * a comparison of the unchanged chunks against the new text (a native memcmp).
 */
interface Chunk {
  readonly text: string;
  readonly afterBlank: boolean;
  /** Diagnostics with offsets relative to the chunk. */
  readonly diagnostics: readonly SpanDiagnostic[];
  /** The same with document offsets, for the chunk's start when they were last asked for. */
  absolute?: { base: number; list: readonly SpanDiagnostic[] };
  /** A large chunk's policy values known clean: its next version parses only the lines an edit changed. */
  readonly policyMemo?: PolicyMemo;
}

/**
 * Chunks from this size on keep a PolicyMemo. A keystroke re-validates its whole chunk, and a big aut-num is
 * one chunk: 460 kB of GTT's policy took 20 ms warm and 200 ms cold, three quarters of it parsing policy.
 */
const MEMO_FROM = 16 * 1024;
/** The recent chunks (kept for undo) hold at most this much text: 256 versions of a 460 kB aut-num were 118 MB. */
const RECENT_CHARS = 4_000_000;

export interface IncrementalStats {
  /** Chunks framed and validated by the last update. */
  readonly reparsed: number;
  /** Chunks kept from before (or found in the cache) by the last update. */
  readonly reused: number;
  readonly chunks: number;
}

/** The lower-cased attribute name the line text[pos, eol) starts with, if it starts with one. */
function lineAttribute(text: string, pos: number, eol: number): string | undefined {
  const colon = text.indexOf(':', pos);
  if (colon < 0 || colon >= eol) return undefined;
  const name = text.slice(pos, colon);
  return /^[A-Za-z0-9_-]+$/.test(name) ? name.toLowerCase() : undefined;
}

/**
 * Chunk boundaries in text[from, to): the start of each line of text after an empty line (and any lines of
 * blanks), except before a line that may be the tail of an object cut by a stray empty line (validation joins
 * the two halves). A boundary sits on the line it was decided by, so an edit after it cannot change that
 * decision without re-framing the chunk it starts (a boundary on a blanks-only line would be decided by the
 * line after it, which the edit's region may not include).
 */
function chunkStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  let fresh = false;
  let pos = from;
  while (pos < to) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol >= to) eol = to;
    const kind = lineKind(text, pos, eol);
    if (kind === Line.Empty) fresh = true;
    else if (kind === Line.Text) {
      if (fresh && pos > from) {
        const name = lineAttribute(text, pos, eol);
        if (name === undefined || !mayContinueObject(name)) starts.push(pos);
      }
      fresh = false;
    }
    pos = eol + 1;
  }
  return starts;
}

function shiftSpan(x: Span, by: number): Span {
  return { start: x.start + by, end: x.end + by };
}

function shift(d: SpanDiagnostic, by: number): SpanDiagnostic {
  const out: { -readonly [K in keyof SpanDiagnostic]: SpanDiagnostic[K] } = { code: d.code, severity: d.severity, span: shiftSpan(d.span, by), message: d.message };
  if (d.fixes) out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ span: shiftSpan(e.span, by), newText: e.newText })) }));
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: shiftSpan(r.span, by) }));
  if (d.tags) out.tags = d.tags;
  return out;
}

/** arr.splice(start, count, ...items) in place, or by concatenation when items are too many for arguments. */
function replaceRange<T>(arr: T[], start: number, count: number, items: T[]): T[] {
  if (items.length < 10000) {
    arr.splice(start, count, ...items);
    return arr;
  }
  return arr.slice(0, start).concat(items, arr.slice(start + count));
}

export class RpslIncrementalDocument {
  private chunks: Chunk[] = [];
  private starts: number[] = [];
  private length = 0;
  /** Results of chunks dropped by recent edits, by text, so undoing an edit costs nothing. */
  private recent = [new Map<string, Chunk>(), new Map<string, Chunk>()] as const;
  private recentChars = 0;
  private lastStats: IncrementalStats = { reparsed: 0, reused: 0, chunks: 0 };
  /**
   * The current text as one string, for finding what a new version changed; made from the chunks only when
   * asked after edits (a 20 MB copy per keystroke when edits come with their ranges, as from an editor).
   */
  private current: string | undefined;
  /** The editor's revision of the text this document is at, when it came from one: later ones tell their edits. */
  revision: TextRevision | undefined;

  constructor(
    text: string,
    readonly dialect: RpslDialectSetting,
    readonly authoritative?: ReadonlySet<string>,
    /** Chunks from this size on keep their clean policy values (smaller in tests, to exercise it). */
    private readonly memoFrom = MEMO_FROM,
  ) {
    this.current = text;
    this.chunks = this.build(text, 0, text.length, false);
    this.length = text.length;
    this.reindex();
    this.lastStats = { reparsed: this.chunks.length, reused: 0, chunks: this.chunks.length };
  }

  get stats(): IncrementalStats {
    return this.lastStats;
  }

  /** The whole current text. */
  get text(): string {
    return (this.current ??= this.chunkedText);
  }

  /** The chunks joined again: equal to `text` unless the bookkeeping is broken (for tests). */
  get chunkedText(): string {
    return this.chunks.map((c) => c.text).join('');
  }

  /** Applies edits in the order they were made, each as `applyEdit`. */
  applyEdits(edits: readonly TextEdit[]): void {
    for (const e of edits) this.applyEdit(e.start, e.end, e.text);
  }

  /** Applies one edit: text[start, end) becomes `newText`. */
  applyEdit(start: number, end: number, newText: string): void {
    const s = Math.max(0, Math.min(start, this.length));
    const e = Math.max(s, Math.min(end, this.length));
    this.current = undefined;
    // Region: from the chunk before the one holding s to the chunk after the one holding e.
    const first = Math.max(0, this.chunkAt(s) - 1);
    const last = Math.min(this.chunks.length - 1, this.chunkAt(e) + 1);
    const regionStart = this.starts[first] ?? 0;
    const regionEnd = (this.starts[last] ?? 0) + (this.chunks[last]?.text.length ?? 0);
    const oldRegion = this.chunks
      .slice(first, last + 1)
      .map((c) => c.text)
      .join('');
    const region = oldRegion.slice(0, s - regionStart) + newText + oldRegion.slice(e - regionStart);
    this.replaceRegion(first, last, region, regionStart, regionEnd);
  }

  /**
   * Brings the document to `newText` (a full-sync client, or a new SourceDocument version): finds the one
   * changed range by comparing with the current text from both ends (native comparisons of halving
   * windows, so about two passes of memcmp) and applies it as an edit.
   */
  update(newText: string): void {
    const old = this.text;
    if (old === newText) {
      this.lastStats = { reparsed: 0, reused: this.chunks.length, chunks: this.chunks.length };
      return;
    }
    const max = Math.min(old.length, newText.length);
    const prefix = commonLength(old, newText, max, false);
    const suffix = commonLength(old, newText, max - prefix, true);
    this.applyEdit(prefix, old.length - suffix, newText.slice(prefix, newText.length - suffix));
    this.current = newText;
  }

  /** Every diagnostic with document offsets. */
  diagnostics(): SpanDiagnostic[] {
    const out: SpanDiagnostic[] = [];
    for (let k = 0; k < this.chunks.length; k++) {
      const c = this.chunks[k]!;
      if (c.diagnostics.length === 0) continue;
      const base = this.starts[k] ?? 0;
      if (c.absolute?.base !== base) c.absolute = { base, list: base === 0 ? c.diagnostics : c.diagnostics.map((d) => shift(d, base)) };
      for (const d of c.absolute.list) out.push(d);
    }
    return out;
  }

  // ---- internals ----

  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** Replaces chunks first..last (old text [regionStart, oldRegionEnd)) with the chunks of `region`. */
  private replaceRegion(first: number, last: number, region: string, regionStart: number, oldRegionEnd: number): void {
    let text = region;
    let lastIdx = last;
    // The region must end where the next chunk can start alone: where the framer starts afresh (or at the end).
    while (lastIdx + 1 < this.chunks.length && !freshAt(text, text.length)) {
      lastIdx++;
      text += this.chunks[lastIdx]!.text;
      oldRegionEnd += this.chunks[lastIdx]!.text.length;
    }
    const removed = this.chunks.slice(first, lastIdx + 1);
    const before = { reparsed: 0 };
    // Before building: the region's chunks the edit did not change (its first and last, mostly) are found again.
    for (const c of removed) this.remember(c);
    const memos = removed.flatMap((c) => (c.policyMemo ? [c.policyMemo] : []));
    const fresh = this.build(text, 0, text.length, regionStart > 0, before, memos);
    this.trimRecent();
    this.chunks = replaceRange(this.chunks, first, lastIdx - first + 1, fresh);
    const delta = text.length - (oldRegionEnd - regionStart);
    this.length += delta;
    // Starts: the new chunks' from the region start, the later ones moved by delta (no full rebuild).
    const freshStarts: number[] = [];
    let at = regionStart;
    for (const c of fresh) {
      freshStarts.push(at);
      at += c.text.length;
    }
    this.starts = replaceRange(this.starts, first, lastIdx - first + 1, freshStarts);
    if (delta !== 0) for (let k = first + fresh.length; k < this.starts.length; k++) this.starts[k]! += delta;
    this.lastStats = { reparsed: before.reparsed, reused: this.chunks.length - before.reparsed, chunks: this.chunks.length };
  }

  private build(text: string, from: number, to: number, afterBlankAtStart: boolean, counter?: { reparsed: number }, memos: readonly PolicyMemo[] = []): Chunk[] {
    const starts = chunkStarts(text, from, to);
    const out: Chunk[] = [];
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k]!;
      const e = k + 1 < starts.length ? starts[k + 1]! : to;
      if (e <= s) continue;
      const chunkText = text.slice(s, e);
      const afterBlank = k > 0 || afterBlankAtStart;
      const cached = this.recent[afterBlank ? 1 : 0].get(chunkText);
      if (cached) {
        out.push(cached);
        continue;
      }
      if (counter) counter.reparsed++;
      const policyMemo = chunkText.length >= this.memoFrom ? new PolicyMemo(memos) : undefined;
      const diagnostics = validateRpslText(chunkText, this.dialect, { afterBlank, authoritative: this.authoritative, policyMemo });
      out.push({ text: chunkText, afterBlank, diagnostics, ...(policyMemo ? { policyMemo: policyMemo.seal() } : {}) });
    }
    return out;
  }

  private reindex(): void {
    const starts = new Array<number>(this.chunks.length);
    let pos = 0;
    for (let k = 0; k < this.chunks.length; k++) {
      starts[k] = pos;
      pos += this.chunks[k]!.text.length;
    }
    this.starts = starts;
  }

  private remember(c: Chunk): void {
    const m = this.recent[c.afterBlank ? 1 : 0];
    if (m.has(c.text)) return;
    m.set(c.text, c);
    this.recentChars += c.text.length;
  }

  private trimRecent(): void {
    for (const m of this.recent)
      for (const k of m.keys()) {
        if (m.size <= 256 && this.recentChars <= RECENT_CHARS) break;
        m.delete(k);
        this.recentChars -= k.length;
      }
  }
}
