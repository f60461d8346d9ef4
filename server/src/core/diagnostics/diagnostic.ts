import type { Range, Span } from '../text/range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** An edit by document range; a fix is applied as a whole or not at all. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Set where the fix is certain (the only meaning the value can have), so editors may apply it with one key. */
  readonly preferred?: boolean;
}

export interface RelatedInformation {
  /** Absent when it points into the same document. */
  readonly uri?: string;
  readonly range: Range;
  readonly message: string;
}

/** What every checker of the core returns: a stable code, an exact range, and a message that says how to fix it. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly related?: readonly RelatedInformation[];
  readonly fixes?: readonly Fix[];
  /** Marks deprecated or unnecessary code so editors strike it through or fade it. */
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
}

/** The offset-based form parsers produce before a LineIndex turns it into a Diagnostic. */
export interface SpanDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly { title: string; edits: readonly { span: Span; newText: string }[]; preferred?: boolean }[];
  readonly related?: readonly { uri?: string; span: Span; message: string }[];
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
}
