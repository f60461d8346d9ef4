/**
 * Where a diagnostic code is documented. Editors show `codeDescription.href` as a link on the code in their
 * problem lists; the CLI prints the same address with `routelens explain`. One place, so the generated
 * docs/diagnostics.md, the editor link and the CLI can never disagree about an anchor.
 */

/** docs/diagnostics.md as published with the source (package.json `repository`). */
export const DIAGNOSTICS_DOC_URL = 'https://github.com/routelens/routelens/blob/main/docs/diagnostics.md';

/** The heading anchor GitHub (and most Markdown renderers) make for `### <code>`: lower case, punctuation dropped. */
export function codeAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

export function codeDocUrl(code: string): string {
  return `${DIAGNOSTICS_DOC_URL}#${codeAnchor(code)}`;
}
