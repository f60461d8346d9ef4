import type { Hover, Location, Position, WorkspaceEdit, SymbolInformation } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import type { ServiceContext } from '../service';

/**
 * Cross-object navigation for RPSL: the RPSL service delegates to these for names that refer to other
 * objects (sets, mntners, ASNs, contact handles). Owned by the policy/workspace area, which fills them in.
 */
export function workspaceDefinition(doc: SourceDocument, pos: Position, ctx: ServiceContext): Location[] {
  void doc, pos, ctx;
  return [];
}

export function workspaceReferences(doc: SourceDocument, pos: Position, ctx: ServiceContext, includeDeclaration: boolean): Location[] {
  void doc, pos, ctx, includeDeclaration;
  return [];
}

/** Hover for a reference (a set's expanded members, an AS's aut-num), or null to let the RPSL hover speak. */
export function workspaceHover(doc: SourceDocument, pos: Position, ctx: ServiceContext): Hover | null {
  void doc, pos, ctx;
  return null;
}

export function workspaceRename(doc: SourceDocument, pos: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null {
  void doc, pos, newName, ctx;
  return null;
}

export function workspaceSymbols(query: string, ctx: ServiceContext): SymbolInformation[] {
  void query, ctx;
  return [];
}
