import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceDocument } from '../document';
import type { WorkspaceContext } from '../workspace/context';
import type { CachedAspas } from '../aspa/cacheCheck';
import type { ObservedPaths } from '../aspa/observedChecks';
import type { IncrementalRpslDocuments } from '../rpsl/document';

/** What a service may look at beyond its document. */
export interface ServiceContext extends WorkspaceContext {
  /** Validated ASPAs from the RPKI cache or data files, when the host has any. */
  readonly cachedAspas?: CachedAspas;
  /** Routes someone observed (`routelens.data.pathFiles`), the evidence ASPA authoring rests on. */
  readonly observedPaths?: ObservedPaths;
  /** Large RPSL documents kept between versions (an editor host's); absent, each version is validated whole. */
  readonly incrementalRpsl?: IncrementalRpslDocuments;
}

/**
 * A language's features as pure functions, the way vscode-json-languageservice is shaped: the LSP
 * layer and the CLI call these and only translate types. Every method must not throw on any input.
 */
export interface LanguageService {
  readonly languageId: string;
  validate(doc: SourceDocument, ctx: ServiceContext): Diagnostic[];
  hover?(doc: SourceDocument, pos: Position, ctx: ServiceContext): Hover | null;
  complete?(doc: SourceDocument, pos: Position, ctx: ServiceContext): CompletionItem[];
  documentSymbols?(doc: SourceDocument, ctx: ServiceContext): DocumentSymbol[];
  format?(doc: SourceDocument, options: FormattingOptions, ctx: ServiceContext): TextEdit[];
  foldingRanges?(doc: SourceDocument): FoldingRange[];
  definition?(doc: SourceDocument, pos: Position, ctx: ServiceContext): Location[];
  references?(doc: SourceDocument, pos: Position, ctx: ServiceContext, includeDeclaration: boolean): Location[];
  rename?(doc: SourceDocument, pos: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null;
  /** Code actions beyond the fixes attached to diagnostics (those the LSP layer turns into actions itself). */
  codeActions?(doc: SourceDocument, range: { start: Position; end: Position }, ctx: ServiceContext): CodeAction[];
  /** Code lenses with their commands resolved (information above declarations). */
  codeLenses?(doc: SourceDocument, ctx: ServiceContext): CodeLens[];
}
