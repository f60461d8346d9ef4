import type { Asn } from '../net/asn';
import { asnValue, segmentsText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { AsPathSegment, LgFormat } from './types';

/**
 * Nokia SR OS MD-CLI `info state router … bgp rib`: a brace tree in which each `routes <prefix> neighbor
 * "<addr>" … {` entry names its attributes only by `attr-id N`, and the attributes (origin, next hop,
 * `as-path { segment K { type as-sequence as-numbers K { as-number X } } }`) come later in `attr-sets {
 * attr-set rib-in|rib-out index N { … } }`. So this form, unlike the others, holds its routes until the
 * end of the block; a state tree is small. Routes of the `rib-out-*` sections take `rib-out` sets.
 */
const ROUTE = /^\s*routes (\S+) neighbor "([^"]*)".*\{\s*$/;
const ATTR_SET = /^\s*attr-set (rib-in|rib-out) index (\d+) \{\s*$/;
const OPEN = /^\s*(\S+)(?: [^{}]*)?\{\s*$/;
const CLOSE = /^\s*\}\s*$/;
const SEGMENT_TYPES: Readonly<Record<string, AsPathSegment['type']>> = {
  'as-sequence': 'sequence',
  'as-set': 'set',
  'confed-sequence': 'confed-sequence',
  'as-confed-sequence': 'confed-sequence',
  'confed-set': 'confed-set',
  'as-confed-set': 'confed-set',
};

interface Held {
  readonly draft: RouteDraft;
  readonly out: boolean;
  attrId?: string;
}

interface AttrSet {
  origin?: string;
  nextHop?: string;
  med?: number;
  localPref?: number;
  segments: AsPathSegment[];
}

export class NokiaStateParser implements LineParser {
  /** Names of the open blocks, innermost last. */
  private readonly stack: string[] = [];
  private readonly held: Held[] = [];
  private readonly sets = new Map<string, AttrSet>();
  private route: Held | undefined;
  private set: AttrSet | undefined;
  private segment: { type: AsPathSegment['type']; asns: Asn[] } | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    const r = ROUTE.exec(s);
    if (r !== null && isPrefixToken(r[1] ?? '')) {
      const d = newDraft(r[1] ?? '', n);
      if (isAddress(r[2] ?? '') && r[2] !== '0.0.0.0' && r[2] !== '::') d.peerAddress = r[2];
      this.route = { draft: d, out: this.stack.some((b) => b.startsWith('rib-out')) };
      this.stack.push('routes');
      return;
    }
    const a = ATTR_SET.exec(s);
    if (a !== null) {
      this.set = { segments: [] };
      this.sets.set(`${a[1] ?? ''}:${a[2] ?? ''}`, this.set);
      this.stack.push('attr-set');
      return;
    }
    if (CLOSE.test(s)) {
      const closed = this.stack.pop();
      if (closed === 'routes' && this.route !== undefined) {
        this.route.draft.end = n;
        this.held.push(this.route);
        this.route = undefined;
      } else if (closed === 'attr-set') this.set = undefined;
      else if (closed === 'segment' && this.segment !== undefined) {
        this.set?.segments.push(this.segment);
        this.segment = undefined;
      }
      return;
    }
    const o = OPEN.exec(s);
    if (o !== null) {
      const name = o[1] ?? '';
      this.stack.push(name);
      if (name === 'segment' && this.set !== undefined) this.segment = { type: 'sequence', asns: [] };
      return;
    }
    const kv = /^\s*([\w-]+)\s+(.+?)\s*$/.exec(s);
    if (kv !== null) {
      this.value(kv[1] ?? '', (kv[2] ?? '').replace(/^"|"$/g, ''));
      return;
    }
    this.sink.unparsed({ line: n, text: s, reason: 'not part of an SR OS state tree' });
  }

  private value(key: string, v: string): void {
    const rt = this.route;
    if (rt !== undefined && this.stack[this.stack.length - 1] === 'routes') {
      if (key === 'attr-id') rt.attrId = v;
      else if (key === 'next-hop' && isAddress(v)) rt.draft.nextHop = v;
      else if (key === 'best-route') rt.draft.best = v === 'true';
      else if (key === 'valid-route') rt.draft.valid = v === 'true';
      return;
    }
    const set = this.set;
    if (set === undefined) return;
    const seg = this.segment;
    if (seg !== undefined && key === 'type') seg.type = SEGMENT_TYPES[v] ?? 'sequence';
    else if (seg !== undefined && key === 'as-number') {
      const asn = asnValue(v);
      if (asn !== undefined) seg.asns.push(asn as Asn);
    } else if (key === 'origin') set.origin = v;
    else if (key === 'next-hop') set.nextHop = v;
    else if (key === 'med') set.med = uint(v);
    else if (key === 'local-preference' || key === 'local-pref') set.localPref = uint(v);
  }

  end(): void {
    for (const h of this.held) {
      const d = h.draft;
      const set = h.attrId === undefined ? undefined : (this.sets.get(`${h.out ? 'rib-out' : 'rib-in'}:${h.attrId}`) ?? this.sets.get(`${h.out ? 'rib-in' : 'rib-out'}:${h.attrId}`));
      if (set === undefined) {
        // The route names attributes the paste does not hold: its path is unknown, not empty.
        d.path = { segments: [], text: '', textStart: 0, truncated: false, invalid: [] };
        d.uncertain = `its attributes (attr-id ${h.attrId ?? 'none'}) are not in the paste, so its AS path is unknown`;
      } else {
        d.path = { segments: set.segments, text: segmentsText(set.segments), textStart: 0, truncated: false, invalid: [] };
        d.origin = originWord(set.origin);
        if (d.nextHop === undefined && set.nextHop !== undefined && isAddress(set.nextHop)) d.nextHop = set.nextHop;
        d.med = set.med;
        d.localPref = set.localPref;
      }
      this.sink.route(finishDraft(d));
    }
    this.held.length = 0;
  }
}
