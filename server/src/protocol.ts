/**
 * Every custom message between the extension client, the language server and the webview, in one file
 * (as rust-analyzer's lsp_ext.ts). Plain types and method names only: this file imports nothing at runtime,
 * so the webview bundle can import it too.
 */

// ─── client ⇄ server: path analysis ────────────────────────────────────────────────────────────
export const AnalyzePathsRequest = 'routelens/analyzePaths' as const;

export interface AnalyzePathsParams {
  /** Raw looking-glass output as pasted. */
  readonly text: string;
}

// ─── client ⇄ webview ──────────────────────────────────────────────────────────────────────────
/** Messages the webview sends to the extension. */
export type WebviewToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'analyze'; readonly text: string };

/** Messages the extension sends to the webview. */
export type HostToWebview =
  | { readonly type: 'init'; readonly text: string }
  | { readonly type: 'model'; readonly model: unknown };
