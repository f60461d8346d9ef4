import { asideKind } from './pasteFrame';

/**
 * What surrounds router output when it is pasted from a terminal or a web looking glass: ANSI colour
 * escapes, HTML tags and entities, carriage returns, prompts, timestamps. Cleaning keeps the columns of
 * plain text unchanged, since the table parsers read column positions.
 */
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]/g;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = { '&gt;': '>', '&lt;': '<', '&amp;': '&', '&nbsp;': ' ', '&quot;': '"', '&#39;': "'" };
const ENTITY = /&(?:gt|lt|amp|nbsp|quot|#39);/g;

export function cleanLine(raw: string): string {
  let s = raw;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (s.indexOf('\x1b') >= 0) s = s.replace(ANSI, '');
  if (s.indexOf('<') >= 0) s = s.replace(TAG, '');
  if (s.indexOf('&') >= 0) s = s.replace(ENTITY, (m) => ENTITIES[m] ?? m);
  if (s.indexOf('\t') >= 0 && !/^\t/.test(s)) s = expandTabs(s);
  return s;
}

/** Tabs inside a line (not BIRD's leading ones) are expanded to 8-column stops so column arithmetic holds. */
function expandTabs(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/** The router's own one-line messages: `% Network not in table`, `% BGP not active`. */
const ROUTER_MESSAGE = /^\s*% /;

/** True for a line any format may contain without it being a route or an error (blank, prompt, log, chrome). */
export function isChromeLine(s: string): boolean {
  if (s.length === 0) return true;
  let blank = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      blank = false;
      break;
    }
  }
  if (blank) return true;
  return ROUTER_MESSAGE.test(s) || asideKind(s) !== undefined;
}
