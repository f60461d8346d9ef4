import type { Hover, Location, Position, WorkspaceEdit, SymbolInformation } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import type { ServiceContext } from '../service';

/**
 * Cross-object navigation for RPSL: the RPSL service delegates to these for names that refer to other
 * objects (sets, mntners, ASNs, contact handles). Owned by the policy/workspace area, which fills them in.
 */
export function workspaceDefinition(_doc: SourceDocument, _pos: Position, _ctx: ServiceContext): Location[] {
  return [];
}

export function workspaceReferences(_doc: SourceDocument, _pos: Position, _ctx: ServiceContext, _includeDeclaration: boolean): Location[] {
  return [];
}

/** Hover for a reference (a set's expanded members, an AS's aut-num), or null to let the RPSL hover speak. */
export function workspaceHover(_doc: SourceDocument, _pos: Position, _ctx: ServiceContext): Hover | null {
  return null;
}

export function workspaceRename(_doc: SourceDocument, _pos: Position, _newName: string, _ctx: ServiceContext): WorkspaceEdit | null {
  return null;
}

export function workspaceSymbols(_query: string, _ctx: ServiceContext): SymbolInformation[] {
  return [];
}
