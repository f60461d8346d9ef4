import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, type LineParser, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * The `display bgp routing-table` table of Huawei VRP 3 (Quidway switches): `Dest/Mask Pref Next-Hop Med
 * Local-pref Origin As-path`, the origin printed as a word (IGP, EGP, INC) before the path. The origin
 * word ends the numeric columns, so the path is what follows it, whatever the spacing (these manuals
 * print the rows both aligned and squeezed). Med and Local-pref, both optional, are told apart by the
 * header column each value stands under.
 */
export const VRP3_HEADER = /^\s*Dest(?:ination)?\/Mask\s+Pref\s+Next-?hop\s+Med\s+Local-?pref\s+Origin\s+As-?path\s*$/i;
const ROW = /^\s*([#^*>DHISBdhisb ]*?)\s*(\S+\/\d{1,3})\s+(\d+)\s+(\S+)\s+((?:\d+\s+){0,2})(IGP|EGP|INC|INCOMPLETE|\?)(?:\s+(.*?))?\s*$/;
const LEGEND = /^\s*(?:Flags:|[#^DHISB]\s*[-–]\s|-{5,}|Total Number|BGP Local router|Status codes|Origin codes)/;

export class HuaweiOriginTableParser implements LineParser {
  private med = -1;
  private localPref = -1;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (VRP3_HEADER.test(s)) {
      this.med = s.search(/Med/i);
      this.localPref = s.search(/Local-?pref/i);
      return;
    }
    if (isChromeLine(s) || LEGEND.test(s) || /^\s*[A-Z][\w -]*[-–] [a-z]/.test(s)) return;
    const m = ROW.exec(s);
    if (m === null || !isPrefixToken(m[2] ?? '') || !isAddress(m[4] ?? '')) {
      this.sink.unparsed({ line: n, text: s, reason: 'not a route line of this table' });
      return;
    }
    const d = newDraft(m[2] ?? '', n);
    const flags = m[1] ?? '';
    d.valid = flags.includes('#');
    d.best = flags.includes('^');
    d.nextHop = m[4];
    const numbers = m[5] ?? '';
    if (numbers.trim() !== '') {
      const at = s.indexOf(numbers, (m.index ?? 0) + m[0].indexOf(m[4] ?? '') + (m[4] ?? '').length);
      for (const t of numbers.matchAll(/\d+/g)) {
        const col = at + (t.index ?? 0);
        // The nearer header word; without a header the first is the Med.
        const isLp = this.localPref >= 0 && Math.abs(col - this.localPref) < Math.abs(col - this.med);
        if (isLp) d.localPref = Number(t[0]);
        else d.med = Number(t[0]);
      }
    }
    d.origin = originWord(m[6] === 'INC' || m[6] === 'INCOMPLETE' ? 'incomplete' : m[6]);
    d.path = parseAsPathText(m[7] ?? '');
    d.pathLine = n;
    this.sink.route(finishDraft(d));
  }

  end(): void {}
}
