import { isAddress, isPrefixToken } from './address';
import type { SkipKind } from './types';

/**
 * The front stage: what a paste carries around the router output, taken off before detection and
 * parsing so that the same output parses the same however it was pasted. A ticket or an e-mail indents
 * it or quotes it with `> `; a terminal or an automation log adds prompts, command echoes, timestamps
 * and log lines; a terminal 80 columns wide wraps long rows. Byte decoding (BOM, UTF-16) happens before
 * this stage: it takes strings.
 */

/** Quote depth and common indentation of a paste, read once from its first lines. */
export interface PasteFrame {
  /** How many `>` quote markers every line starts with (e-mail quoting, markdown block quotes). */
  readonly quote: number;
  /** Leading whitespace every content line shares (a ticket, a markdown code block). */
  readonly indent: string;
  /** Every line starts with a time stamp a terminal logger added (`[2024-05-14 09:40:00] `), inside the quotes. */
  readonly stamp: boolean;
  /** How many `# ` comment marks every line starts with (output kept in a shell script or a config file). */
  readonly comment: number;
}

export const NO_FRAME: PasteFrame = { quote: 0, indent: '', stamp: false, comment: 0 };

/** The `#` that comments a line out, and the blank after it. */
const COMMENT = /^[ \t]*#(?: |$)/;

/**
 * The time stamp a terminal logger or session recorder puts before every line (SecureCRT, MobaXterm,
 * `ts`, `script` post-processing): an ISO date and time, bracketed or not, or a bracketed time alone,
 * and the one blank after it. What follows is the line as the router printed it, columns intact.
 */
const STAMP_PREFIX = /^[ \t]*(?:\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?(?= )|\[\d\d:\d\d:\d\d(?:[.,]\d+)?\]) ?/;

function leadingBlanks(s: string): number {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * The frame of a paste from its first lines. Quotes count only when every non-blank line has them (a
 * router never starts every line with `>`); the indentation is the whitespace all content lines share,
 * prompts and log lines aside (a ticket may quote the prompt flush left and the output indented).
 */
/** What a paste may add before each line, in any order: a time stamp, quote markers, a comment mark. */
interface Peeled {
  readonly rest: string;
  readonly stamps: number;
  readonly quotes: number;
  readonly comments: number;
}

/**
 * Takes off, from the left and in whatever order they come, what `allow` permits: time stamps, up
 * to `quote` quote markers (`>` and the blank after it), up to `comment` comment marks (`# `).
 */
function peel(line: string, allow: { readonly stamp: boolean; readonly quote: number; readonly comment: number }): Peeled {
  let s = line;
  let stamps = 0;
  let quotes = 0;
  let comments = 0;
  for (;;) {
    const lead = leadingBlanks(s);
    const m = allow.stamp ? STAMP_PREFIX.exec(s) : null;
    if (m !== null) {
      s = s.slice(m[0].length);
      stamps++;
    } else if (quotes < allow.quote && s.charCodeAt(lead) === 62) {
      s = s.slice(s.charCodeAt(lead + 1) === 32 ? lead + 2 : lead + 1);
      quotes++;
    } else if (comments < allow.comment && COMMENT.test(s)) {
      s = s.replace(COMMENT, '');
      comments++;
    } else return { rest: s, stamps, quotes, comments };
  }
}

const PEEL_ALL = { stamp: true, quote: Infinity, comment: Infinity } as const;

/** The line with whatever a paste may have added taken off, for decisions made before the frame is known. */
export function roughlyUnframed(s: string): string {
  return peel(s, PEEL_ALL).rest;
}

/**
 * The frame of a paste from its first lines. Quotes, time stamps and comment marks count only when every
 * line of output has them (a router never starts every line with `>` or `# `), prompts and log lines
 * added around the output aside; the indentation is the whitespace all output lines share under them.
 */
export function readFrame(lines: readonly string[]): PasteFrame {
  const content: Peeled[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    const p = peel(raw.endsWith('\r') ? raw.slice(0, -1) : raw, PEEL_ALL);
    if (p.rest.trim() === '' || asideKind(p.rest) === undefined) content.push(p);
  }
  const stamp = content.length > 0 && content.every((p) => p.stamps > 0);
  let quote = Infinity;
  let comment = Infinity;
  for (const p of content) {
    if (p.quotes < quote) quote = p.quotes;
    if (p.comments < comment) comment = p.comments;
  }
  if (quote === Infinity) quote = 0;
  if (comment === Infinity) comment = 0;
  const allow = { stamp, quote, comment };
  let indent: string | undefined;
  for (const raw of lines) {
    const s = peel(raw.endsWith('\r') ? raw.slice(0, -1) : raw, allow).rest;
    if (s.trim() === '' || asideKind(s) !== undefined) continue;
    const lead = s.slice(0, leadingBlanks(s));
    if (indent === undefined) indent = lead;
    else {
      let k = 0;
      while (k < indent.length && k < lead.length && indent.charCodeAt(k) === lead.charCodeAt(k)) k++;
      indent = indent.slice(0, k);
    }
    if (indent === '') break;
  }
  return { quote, indent: indent ?? '', stamp, comment };
}

/** The line as the router printed it: carriage return, quote markers and the paste's indentation taken off. */
export function unframe(raw: string, frame: PasteFrame): string {
  let s = raw;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (frame.stamp || frame.quote > 0 || frame.comment > 0) s = peel(s, frame).rest;
  const ind = frame.indent;
  if (ind.length > 0) {
    if (s.startsWith(ind)) s = s.slice(ind.length);
    else {
      // A line indented less than the rest (a blank line, a shorter tab): take what there is.
      const b = Math.min(leadingBlanks(s), ind.length);
      if (b > 0) s = s.slice(b);
    }
  }
  return s;
}

/**
 * A prompt with a command (`router# show ip bgp`, `user@re0> show route …`, `bird> show route all`, `RP/0/RSP0/CPU0:pe1#show bgp`,
 * Huawei/H3C `<R1>display …`, `[R1]display …`, RouterOS `[admin@PE1] > /ip/route/print …` and, inside a menu,
 * `[admin@PE1] /routing/route> print detail`).
 */
const COMMAND =
  /^\s*(?:(?:(?:\[[\w.@~ -]+\]\s*|[\w.@:/()[\]~-]+(?:\([\w-]+\))?)\s?[#>$%]\s*|<[\w.@-]+>\s*|\[[\w.@~-]+\]\s*)?(?:show|sh|display|dis|birdc|bgpctl|gobgp|vtysh|\/(?:routing|ip|ipv6)\b[\w/.-]*|run\s+show|do\s+sh\w*)(?:\s|$)|\[[\w.@~ -]+\]\s*\/[\w/.-]*>\s*[a-z])/i;
/**
 * Any other command after a prompt flush left: `edge1#curl …`, `user@host:~$ birdc …`, `rtr1>terminal length 0`.
 * The prompt's name holds a letter and two characters at least, so status marks (`*>`, `s>`) never match.
 */
const PROMPT_COMMAND = /^(?:[\w.-]+@)?(?=[\w.-]*[A-Za-z])[\w.-]{2,}(?::[\w~/.-]*)?[#$%>]\s?[A-Za-z/]/;
/** A prompt alone on its line: `router1#`, `user@re0>`, `[admin@MikroTik] >`, `<HUAWEI>`, `[RouterB]`, `A:PE1#`. */
const LONE_PROMPT = /^\s*(?:\[[\w.@ ~-]+\]\s*[>#$%]|<[\w.-]+>|\[(?=[\w.~-]*[A-Za-z])[\w.~-]+\]|[\w.@:/()~-]+[#>$%])\s*$/;
/** A time stamp alone on its line: IOS-XR's `Wed Jun 20 18:46:11.356 BST`, `2026-01-02 10:00:00`, `*Jan  2 10:00:00.123: `. */
const STAMP =
  /^\s*(?:(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+(?:\d{4}\s+)?\d\d:\d\d:\d\d(?:\.\d+)?(?:\s+[A-Z]{2,5})?|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|\s?[+-]\d\d:?\d\d)?(?:\s+[A-Z]{2,5})?)\s*$/;
/**
 * A log or automation line: a time stamp (bracketed or not) followed by more text (`2024-01-01
 * 12:00:00,123: %UNICON-INFO: …`, `[2024-01-01 12:00:00] INFO …`, `Jan  2 10:00:00 r1 bgpd[123]: …`),
 * a syslog message (`%BGP-5-ADJCHANGE: …`), or the banners of unicon/pyATS and Netmiko sessions.
 */
const LOG =
  /^\s*(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?[:,]?\s+\S|\*?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d\d:\d\d:\d\d(?:\.\d+)?(?:\s+[A-Z]{2,5})?:?\s+(?:%|\S+\s+\S+\[\d+\]:|\S+:)|%[A-Z][A-Z0-9_]*-(?:\d-)?[A-Z0-9_]+:|\+{3}\s.*\+{3}\s*$|(?:INFO|DEBUG|WARNING|WARN|ERROR|CRITICAL)\s*[:|-]\s)/;
/** Terminal and looking-glass chrome that carries no route. */
const CHROME =
  /^\s*(?:\{(?:master|backup|primary|secondary|linecard)[^}]*\}\s*$|BIRD \d[\w.-]* ready\.|Access restricted|Connection (?:closed|to \S+ closed)|Last login:|-{1,3}\(?more[^)]*\)?-{1,3}|-{4} More -{4}\s*$|--More--|<---\s?More\s?--->|\[(?:edit|ok)\]\s*$|Building configuration|Load for five secs:|Time source is |Command: show |Router: \S|Query: |On \S.{4,120}\swrote:\s*$|--\{[^}]*\}--\[[^\]]*\]--\s*$|\.{3,}\s*$)/i;

/** What kind of non-output line `s` is (already unframed), or undefined for a line of router output. */
export function asideKind(s: string): SkipKind | undefined {
  const c = s.charCodeAt(leadingBlanks(s));
  if (Number.isNaN(c)) return undefined;
  if (COMMAND.test(s) || LONE_PROMPT.test(s) || PROMPT_COMMAND.test(s)) return 'prompt';
  // Both start with a digit, `[`, `*`, `%`, `+` or a letter; the cheap test first.
  if (STAMP.test(s)) return 'timestamp';
  if (LOG.test(s)) return 'log';
  if (CHROME.test(s)) return 'chrome';
  return undefined;
}

/** A prompt line that runs a command: the output after it is a new block. */
export function isCommandLine(s: string): boolean {
  return COMMAND.test(s) || PROMPT_COMMAND.test(s);
}

/** Terminal widths whose wrapped rows are rejoined. */
const WRAP_WIDTHS: readonly number[] = [80, 132];

/**
 * How a line of this length joins the next if that one is the wrapped tail of a row: `''` when the
 * line filled the terminal exactly (the cut may fall inside an ASN: `645` + `12`), `' '` when it is one
 * short (the blank at the last column was dropped when copying), undefined when it cannot be a wrap.
 */
export function wrapJoiner(length: number): string | undefined {
  for (const w of WRAP_WIDTHS) {
    if (length === w) return '';
    if (length === w - 1) return ' ';
  }
  return undefined;
}

/**
 * The rest of a row a terminal wrapped: at most three blanks, then only AS-path material (ASNs,
 * brackets, commas, `...`) and an optional origin code. A line of the output proper never looks like this:
 * continuation rows of the table formats are indented to the next-hop column, and detail lines start with a word.
 */
export function isWrapTail(s: string): boolean {
  const lead = leadingBlanks(s);
  if (lead > 3 || lead === s.length) return false;
  let i = lead;
  let sawDigit = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) sawDigit = true;
    else if (c === 32 || c === 9 || c === 44 || c === 46 || c === 123 || c === 125 || c === 40 || c === 41 || c === 91 || c === 93) continue;
    else break;
  }
  if (i === s.length) return sawDigit;
  // An origin code, alone or glued to the last ASN, then nothing.
  const rest = s.slice(i).trimEnd();
  return /^(?:[ieIE?]|IGP|EGP|Incomplete|incomplete)$/.test(rest) && (i === lead || sawDigit || s.charCodeAt(i - 1) === 32);
}

/** Status marks a table row may start with before its prefix (`*>`, `*>i`, `s>`, `V*>`, `* >Ec`). */
const ROW_STATUS = /^[*>+=!sdhirSmbfxacteRVIN&|#ElupLq~ -]{0,7}/;

/**
 * Whether a line starts a line of output on its own (so it is no wrapped piece of the line before):
 * an indented word (`    Accepted`, `\tBGP.origin:`), or a prefix or address first (a route row,
 * after its status marks).
 */
export function startsLine(s: string): boolean {
  const lead = leadingBlanks(s);
  if (lead > 0 && lead < s.length && /[A-Za-z]/.test(s.charAt(lead))) return true;
  const status = ROW_STATUS.exec(s.slice(lead))?.[0].length ?? 0;
  const rest = s.slice(lead + status).trimStart();
  const sp = rest.search(/\s/);
  const first = sp < 0 ? rest : rest.slice(0, sp);
  return first !== '' && (isPrefixToken(first) || isAddress(first));
}

/**
 * Whether `next` is the wrapped rest of `prev`, a line whose length gave `joiner` (see wrapJoiner): a
 * path's tail always; when `prev` filled the width and was cut inside a word (`fe80:ffff:` + `:2]`),
 * whatever does not start a line of its own.
 */
export function continuesWrap(prev: string, joiner: string, next: string): boolean {
  if (isWrapTail(next)) return true;
  return joiner === '' && !/\s$/.test(prev) && /^\S/.test(next) && !startsLine(next);
}
