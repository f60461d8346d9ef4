import type { TextDocuments } from 'vscode-languageserver';
import { SourceDocument } from '../core/document';
import { languageOfDocument, languageOfFile } from '../core/languages/detect';
import type { LanguageService } from '../core/languages/service';
import { languageServices } from '../core/languages/services';
import { documentPositions } from './documentPositions';
import type { EditorDocument } from './editorDocument';

/** An open document's current version and the language service that serves it. */
export interface ServedDocument {
  readonly doc: SourceDocument;
  readonly service: LanguageService;
}

/**
 * The SourceDocument of each open document, made once per version (the services' caches are keyed by it),
 * with the language it is served as.
 */
export class SourceDocuments {
  private readonly sources = new Map<string, SourceDocument>();

  constructor(private readonly documents: TextDocuments<EditorDocument>) {}

  /** The current version of an open document (the same object until it changes). */
  get(uri: string): SourceDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.sources.get(uri);
    if (cached && cached.version === doc.version) return cached;
    // The text is joined from the editor's pieces only when something reads it (a keystroke in a dump need not).
    const { text, revision } = doc.snapshot();
    const read = (): string => text.read();
    // A saved whois answer is RPSL by its first line (package.json firstLine) only if its content agrees.
    const language = languageOfDocument(uri, servedLanguage(uri, doc.languageId, read), read);
    const fresh = new SourceDocument(uri, language, doc.version, text, { positions: documentPositions(doc, doc.version), revision });
    this.sources.set(uri, fresh);
    return fresh;
  }

  /** The version last made by `get`, without making a new one: what a change replaced. */
  last(uri: string): SourceDocument | undefined {
    return this.sources.get(uri);
  }

  served(uri: string): ServedDocument | undefined {
    const doc = this.get(uri);
    const service = doc && languageServices.get(doc.languageId);
    return doc && service ? { doc, service } : undefined;
  }

  forget(uri: string): void {
    this.sources.delete(uri);
  }
}

/**
 * The language a document is served as. Editors other than VS Code name languages their own way (Sublime's
 * `plaintext`, an unconfigured Neovim's empty filetype): where the id is not one of ours, the file's name and
 * first line decide, as `routelens lint` does.
 */
function servedLanguage(uri: string, languageId: string, text: () => string): string {
  if (languageServices.has(languageId)) return languageId;
  return languageOfFile(uri.replace(/[?#].*$/, ''), text()) ?? languageId;
}
