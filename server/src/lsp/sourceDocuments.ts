import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceDocument } from '../core/document';
import { languageOfDocument, languageOfFile } from '../core/languages/detect';
import type { LanguageService } from '../core/languages/service';
import { languageServices } from '../core/languages/services';
import { documentPositions } from './documentPositions';

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

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The current version of an open document (the same object until it changes). */
  get(uri: string): SourceDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.sources.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    // A saved whois answer is RPSL by its first line (package.json firstLine) only if its content agrees.
    const fresh = new SourceDocument(uri, languageOfDocument(uri, servedLanguage(uri, doc.languageId, text), text), doc.version, text, documentPositions(doc, doc.version));
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
function servedLanguage(uri: string, languageId: string, text: string): string {
  if (languageServices.has(languageId)) return languageId;
  return languageOfFile(uri.replace(/[?#].*$/, ''), text) ?? languageId;
}
