import { parseLookingGlass } from '../../../server/src/core/lg/parse';

/** How much of a file is tried as looking-glass output before deciding it is something else. */
const SNIFF_CHARS = 64 * 1024;

/** What "Analyze AS Paths" finds in the editor (no `vscode` here, so it is tested in node). */
export interface EditorSnapshot {
  readonly selection?: string;
  readonly languageId: string;
  readonly text: string;
}

/**
 * What the panel starts with: the selection, else the active file when it is looking-glass output, else
 * nothing (the page then shows a hint and an example link). An `.aspa` or `.rpsl` file is never a paste.
 */
export function choosePaste(editor: EditorSnapshot | undefined): { text: string; fromSelection: boolean } {
  if (!editor) return { text: '', fromSelection: false };
  if (editor.selection) return { text: editor.selection, fromSelection: true };
  if (editor.languageId === 'rpsl' || editor.languageId === 'aspa') return { text: '', fromSelection: false };
  return { text: parseLookingGlass(editor.text.slice(0, SNIFF_CHARS)).routes.length > 0 ? editor.text : '', fromSelection: false };
}
