import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { LazyText } from '../core/document';
import { lineStarts } from '../core/text/lineIndex';
import { PieceText } from '../core/text/pieceText';
import { TextRevision, type TextEdit } from '../core/text/revision';

const CR = 13;
const LF = 10;
const isEol = (c: number): boolean => c === CR || c === LF;

/**
 * An open document as the client syncs it, answering as `vscode-languageserver-textdocument`'s TextDocument
 * does (same positions, offsets and line counts), built for registry dumps. That one rebuilds its text as one
 * string on each change and reads a character of the result, which copies the whole text: 14–29 ms per
 * keystroke in a 20 MB dump, and 20 MB of garbage. Here the text is a piece table joined only when read,
 * and each version carries a TextRevision telling what the change replaced, so the incremental validation
 * re-checks the edited objects without comparing two 20 MB texts.
 */
export class EditorDocument implements TextDocument {
  private content: PieceText;
  /** Where each line starts; made on first use, then kept up to date by each change. */
  private starts: Uint32Array | undefined;
  private current: TextRevision;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private versionNumber: number,
    text: string,
  ) {
    this.content = PieceText.of(text);
    this.current = new TextRevision(undefined, []);
  }

  get version(): number {
    return this.versionNumber;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  /** This version's text, read when asked (later changes do not alter it), and its place in the edit history. */
  snapshot(): { text: LazyText; revision: TextRevision } {
    const content = this.content;
    return { text: { length: content.length, read: () => content.toString() }, revision: this.current };
  }

  getText(range?: Range): string {
    if (!range) return this.content.toString();
    return this.content.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.lineStarts();
    const line = lineOf(starts, at);
    return { line, character: this.beforeEol(at, starts[line]!) - starts[line]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.content.length;
    if (position.line < 0) return 0;
    const [lineStart, next] = this.lineBounds(position.line);
    if (position.character <= 0) return lineStart;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [start, end] = this.lineBounds(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(end, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineStarts().length) return '';
    const [start, end] = this.lineBounds(line);
    return this.content.slice(this.beforeEol(end, start), end);
  }

  /** Applies the client's changes in order, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const edits: TextEdit[] = [];
    let whole = false;
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.content = PieceText.of(change.text);
        this.starts = undefined;
        whole = true;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      // The lines the offsets are on (a range past the end of the text names lines that are not there).
      const lines = this.starts && [lineOf(this.starts, start), lineOf(this.starts, end)];
      this.content = this.content.replace(start, end, change.text);
      edits.push({ start, end, text: change.text });
      if (lines) this.updateLineStarts(lines[0]!, lines[1]!, start, end, change.text);
    }
    // A whole-text change says nothing of what changed: the history starts again (consumers compare texts).
    this.current = whole ? new TextRevision(undefined, []) : new TextRevision(this.current, edits);
    this.versionNumber = version;
  }

  private updateLineStarts(startLine: number, endLine: number, start: number, end: number, text: string): void {
    const starts = this.starts;
    if (!starts) return;
    const insertedEnd = start + text.length;
    // A CR and an LF brought together (or parted) at either end of the change: count the lines again when next asked.
    const c = this.content;
    if ((c.charCodeAt(start - 1) === CR && c.charCodeAt(start) === LF) || (c.charCodeAt(insertedEnd - 1) === CR && c.charCodeAt(insertedEnd) === LF)) {
      this.starts = undefined;
      return;
    }
    // The starts of the lines the inserted text begins (after each of its line breaks), in document offsets.
    const inserted = lineStarts(text);
    const added = inserted.length - 1;
    const delta = text.length - (end - start);
    const removed = endLine - startLine;
    let out = starts;
    if (added !== removed) {
      // Packed offsets cannot be spliced: a new table, the lines after the change moved as they are copied.
      out = new Uint32Array(starts.length - removed + added);
      out.set(starts.subarray(0, startLine + 1));
    }
    for (let k = 1; k <= added; k++) out[startLine + k] = inserted[k]! + start;
    if (out !== starts || delta !== 0) for (let k = endLine + 1, to = startLine + added + 1; k < starts.length; k++, to++) out[to] = starts[k]! + delta;
    this.starts = out;
  }

  /** Where line `line` (a line of the text) starts, and where the next one does (or the text ends). */
  private lineBounds(line: number): [number, number] {
    const starts = this.lineStarts();
    return [starts[line]!, line + 1 < starts.length ? starts[line + 1]! : this.content.length];
  }

  private lineStarts(): Uint32Array {
    return (this.starts ??= lineStarts(this.content.toString()));
  }

  /** `offset` moved back before any line break characters it follows on its line (positions never point inside CRLF). */
  private beforeEol(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isEol(this.content.charCodeAt(at - 1))) at--;
    return at;
  }
}

/** The line holding `offset`: the last one starting at or before it. */
function lineOf(starts: Uint32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** For `new TextDocuments(editorDocuments)`. */
export const editorDocuments: TextDocumentsConfiguration<EditorDocument> = {
  create: (uri, languageId, version, content) => new EditorDocument(uri, languageId, version, content),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    return doc;
  },
};
