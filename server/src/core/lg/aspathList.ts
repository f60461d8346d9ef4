import { parseAsPathText } from './asPathText';
import { isPrefixToken, withClassfulLength } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, type LineParser, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/** One token of a bare path line: an ASN (asplain, asdot, `AS` prefix) with brackets around it, `...`, or an origin code. */
const PATH_TOKEN = /^[{([]*(?:(?:AS)?\d+(?:\.\d+)?[ie?]?|\.\.\.)?[})\]]*$/i;

function pathTokens(t: string): boolean {
  let digits = false;
  for (const tok of t.split(/[\s,]+/)) {
    if (tok === '') continue;
    if (tok === 'i' || tok === 'e' || tok === '?' || tok === 'I' || tok === 'E') continue;
    if (!PATH_TOKEN.test(tok)) return false;
    if (/\d/.test(tok)) digits = true;
    if (/^\d{1,3}(?:\.\d{1,3}){2,3}$/.test(tok)) return false;
  }
  return digits;
}

/** True for `24482 52320 8048 …`, `{1,2} 3 i`, or `200.74.226.0/24 24482 …` (an optional prefix first). */
export function isPathLine(s: string): boolean {
  const t = s.trim();
  if (t.length === 0) return false;
  const sp = t.search(/\s/);
  const head = sp < 0 ? t : t.slice(0, sp);
  if (head.includes('/') && isPrefixToken(head)) return sp > 0 && pathTokens(t.slice(sp));
  return pathTokens(t);
}

/** One AS path per line, optionally after its prefix: what people paste from a web looking glass or a mail. */
export class AsPathListParser implements LineParser {
  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s) || /^\s*#/.test(s)) return;
    if (!isPathLine(s)) {
      this.sink.unparsed({ line: n, text: s, reason: 'not an AS path' });
      return;
    }
    let from = 0;
    while (from < s.length && /\s/.test(s[from] ?? '')) from++;
    let prefix = '';
    const sp = s.slice(from).search(/\s/);
    const head = sp < 0 ? '' : s.slice(from, from + sp);
    if (head.includes('/') && isPrefixToken(head)) {
      prefix = withClassfulLength(head);
      from += sp;
    }
    const d = newDraft(prefix, n);
    d.path = parseAsPathText(s, { originCode: true }, from, s.length);
    d.pathLine = n;
    this.sink.route(finishDraft(d));
  }

  end(): void {}
}
