import type { DiagnosticCodeInfo } from './codeInfo';

/** What the server itself reports about a document, rather than any checker (`budget.ts`). */
export const routelensCodes = [
  {
    code: 'routelens/diagnostics-limited',
    severity: 'information',
    summary: 'The file has more findings than the editor is sent; the ones shown are the most severe nearest the last edit.',
    description:
      'Editors keep a bounded number of markers per file (VS Code: 1000, the first ones of the file), and sending 100,000 findings of a ' +
      'registry dump on every keystroke takes seconds. So the language server sends at most `routelens.diagnostics.maxPerFile` ' +
      '(default 1000) per file: errors first, then warnings, information and hints, and within a severity the ones nearest the line ' +
      'you last edited (the top of the file before any edit). This notice, at the first line, takes the last slot and says how many ' +
      'of how many findings are shown. Raise the setting to see more, or run `routelens lint <file>` to list them all.',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type RoutelensCode = (typeof routelensCodes)[number]['code'];
