import { ALL_CLASSES } from './templates';

/**
 * What a saved whois answer holds besides RPSL objects, as data. Servers add `%` remarks (RIPE, APNIC,
 * AFRINIC, LACNIC) and `#` remarks (IRRd, ARIN); a whois client adds lines of its own before, between or
 * after answers. None of them belongs to an object, and none can be mistaken for an attribute line of one.
 */
export const WHOIS_CLIENT_LINES: readonly { readonly pattern: RegExp; readonly example: string }[] = [
  // The Linux whois client (Marco d'Itri's) with -v or on referral: the server it asks and the one it follows.
  { pattern: /^\[(?:Querying|Redirected to) [^\]\s]+\]$/, example: '[Querying whois.ripe.net]' },
  { pattern: /^\[[A-Za-z0-9][A-Za-z0-9.-]*(?::\d+)?\]$/, example: '[whois.ripe.net]' },
  // Its warnings on the first line, e.g. when RIPE flags go to a server that is not RIPE's.
  { pattern: /^Warning: /, example: 'Warning: RIPE flags used with a traditional server.' },
  // The BSD whois client between the answers of a referral chain.
  { pattern: /^Found a referral to [^\s]+\.?$/, example: 'Found a referral to whois.ripe.net.' },
  // The likexian/whois client (Go) after each answer, in dig's style.
  { pattern: /^;; (?:Query time|WHEN): /, example: ';; Query time: 2292 msec' },
];

/**
 * Headers of whois servers whose answers are not RPSL, as data. In a saved answer their records (IANA's
 * `refer:`/`whois:`, ARIN's `NetRange:`) come before the RPSL answer a client was referred to.
 */
export const FOREIGN_ANSWER_HEADERS: readonly { readonly server: string; readonly pattern: RegExp }[] = [
  { server: "IANA's", pattern: /^% IANA WHOIS server/ },
  { server: "ARIN's", pattern: /^# ARIN WHOIS data and services are subject to the Terms of Use/ },
];

/** Headers of the RPSL servers' answers: where a foreign answer ends at the latest. */
const RPSL_ANSWER_HEADERS: readonly RegExp[] = [
  /^% This is the RIPE Database query service/,
  /^% \[whois\.apnic\.net\]/,
  /^% This is the AfriNIC Whois server/i,
  /^% Joint Whois - whois\.lacnic\.net/,
  /^% IP Client: /,
];

/** The server whose non-RPSL answer `line` opens, if it is such a header. */
export function foreignAnswerHeader(line: string): string | undefined {
  return FOREIGN_ANSWER_HEADERS.find((h) => h.pattern.test(line))?.server;
}

/**
 * Whether `line` begins another answer after a foreign one: a whois client's line ("[Redirected to …]",
 * "Found a referral to …"), the BSD client's "# whois.ripe.net" before each server's answer, or the header
 * of an RPSL server's answer.
 */
export function startsAnotherAnswer(line: string): boolean {
  return isWhoisClientLine(line) || /^# whois\.[A-Za-z0-9.-]+\s*$/.test(line) || RPSL_ANSWER_HEADERS.some((h) => h.test(line));
}

/** Whether `line` (one line, without its line break) is a whois client's own line. */
export function isWhoisClientLine(line: string): boolean {
  const c = line.charCodeAt(0);
  // Cheap first test: every pattern starts with "[", "W", "F" or ";".
  if (c !== 91 && c !== 87 && c !== 70 && c !== 59) return false;
  return WHOIS_CLIENT_LINES.some((l) => l.pattern.test(line.trimEnd()));
}

/** `# Filtered` after a value (or in place of it): the server removed or hid something of this object. */
export function isFilteredComment(comment: string): boolean {
  return /^\s*filtered\s*$/i.test(comment);
}

const CLASS_NAMES: ReadonlySet<string> = new Set(ALL_CLASSES);

/**
 * The first line of `text` that is not blank, a `%` or `#` remark or a whois client's line — where a
 * saved whois answer's first object starts — looking at most `maxLines` lines in.
 */
export function firstContentLine(text: string, maxLines = 500): string | undefined {
  let pos = 0;
  for (let n = 0; n < maxLines && pos < text.length; n++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r+$/, '');
    pos = eol + 1;
    if (line.trim() === '' || line.startsWith('%') || line.startsWith('#') || isWhoisClientLine(line)) continue;
    return line;
  }
  return undefined;
}

const ATTRIBUTE_LINE = /^([A-Za-z0-9][A-Za-z0-9_-]*):/;

/**
 * Whether `text` holds RPSL by its content: its first content line is an attribute line, and an object
 * of a class some registry has starts within the first `maxLines` lines. How a whois answer saved under
 * any name is recognised (CLI, language server) — also one that opens with another server's record, as
 * the BSD and macOS clients print IANA's referral ("refer: whois.ripe.net") before the registry's answer.
 */
export function looksLikeRpsl(text: string, maxLines = 300): boolean {
  const first = firstContentLine(text);
  if (first === undefined || !ATTRIBUTE_LINE.test(first)) return false;
  let pos = 0;
  let objectStart = true;
  for (let n = 0; n < maxLines && pos < text.length; n++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r+$/, '');
    pos = eol + 1;
    if (line.trim() === '' || line.startsWith('%') || line.startsWith('#') || isWhoisClientLine(line)) {
      objectStart = objectStart || line.trim() === '' || n === 0;
      continue;
    }
    if (objectStart) {
      const m = ATTRIBUTE_LINE.exec(line);
      if (m && CLASS_NAMES.has(m[1]!.toLowerCase())) return true;
    }
    objectStart = false;
  }
  return false;
}
