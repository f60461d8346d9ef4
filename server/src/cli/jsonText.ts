/**
 * JSON text for report rows, written directly: a row of the JSON report built as an object and handed to
 * JSON.stringify cost several times the row itself, and a dump's report has a million rows.
 */

/** A character JSON.stringify writes escaped: `"`, `\`, a control character, or a UTF-16 surrogate (it escapes lone ones). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `s` as a JSON string, exactly as JSON.stringify writes it; most messages, codes and paths need no escape and are only quoted. */
export function jsonString(s: string): string {
  return ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`;
}
