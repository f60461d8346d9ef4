import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, uint, type LineParser, type RouteSink } from './lineParser';
import type { LgFormat, LgRoute } from './types';

/**
 * OpenBGPD `bgpctl show rib`: `flags [vs|ovs [avs]] destination gateway lpref med aspath origin`.
 * The validation columns vary by version (`N-?` in one column, or `N` then `?`), so the line is read by
 * tokens: flags, then short state tokens, then the prefix; the origin code closes the path.
 */
const LEGEND = /^\s*(?:flags:|origin validation state:|aspa validation state:|origin:|[A-Z!?] = |S = Stale|flags\s+(?:vs|ovs)?\s*)/;
const OVS: Readonly<Record<string, LgRoute['rpki']>> = { N: 'not-found', V: 'valid', '!': 'invalid' };
const AVS: Readonly<Record<string, LgRoute['aspa']>> = { '?': 'unknown', V: 'valid', '!': 'invalid' };

export class OpenbgpdParser implements LineParser {
  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s) || LEGEND.test(s)) return;
    const toks = s.trim().split(/\s+/);
    this.sink.step(toks.length);
    let k = toks.findIndex((t) => isPrefixToken(t) && t.includes('/'));
    if (k < 0 || k > 4 || !isAddress(toks[k + 1] ?? '')) {
      this.sink.unparsed({ line: n, text: s, reason: 'not a bgpctl show rib line' });
      return;
    }
    const d = newDraft(toks[k] ?? '', n);
    const head = toks.slice(0, k);
    const flags = /^[*>IASE=]+$/.test(head[0] ?? '') ? (head.shift() ?? '') : '';
    d.valid = flags.includes('*');
    d.best = flags.includes('>');
    // `N-?` (ovs-avs) or separate tokens.
    const states = head.join('-').split('-');
    if (states[0] !== undefined && OVS[states[0]] !== undefined) d.rpki = OVS[states[0]];
    if (states[1] !== undefined && AVS[states[1]] !== undefined) d.aspa = AVS[states[1]];
    d.nextHop = toks[k + 1];
    k += 2;
    const lp = uint(toks[k]);
    const med = uint(toks[k + 1]);
    if (lp !== undefined) d.localPref = lp;
    if (med !== undefined) d.med = med;
    // The path starts after the two numbers; find its offset in the line to keep columns exact.
    let at = 0;
    for (let j = 0; j < k + 2 && j < toks.length; j++) at = s.indexOf(toks[j] ?? '', at) + (toks[j] ?? '').length;
    d.path = parseAsPathText(s, { originCode: true }, at, s.length);
    d.pathLine = n;
    this.sink.route(finishDraft(d));
  }

  end(): void {}
}
