import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextPositions } from '../core/text/lineIndex';
import type { Position, Range, Span } from '../core/text/range';

/**
 * The line offsets of the editor's own document, which it updates incrementally on each change, so a
 * one-character edit in a 20 MB file costs no rescan. Valid only while the document is at `version`:
 * after that the caller falls back to building its own index from its text.
 */
export function documentPositions(doc: TextDocument, version: number): () => TextPositions | undefined {
  return () => (doc.version === version ? new DocumentPositions(doc) : undefined);
}

class DocumentPositions implements TextPositions {
  constructor(private readonly doc: TextDocument) {}

  get lineCount(): number {
    return this.doc.lineCount;
  }

  lineStart(line: number): number {
    return this.doc.offsetAt({ line, character: 0 });
  }

  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  offsetAt(pos: Position): number {
    return this.doc.offsetAt(pos);
  }

  range(s: Span): Range {
    return { start: this.doc.positionAt(s.start), end: this.doc.positionAt(s.end) };
  }
}
