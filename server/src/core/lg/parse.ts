import { AsPathListParser } from './aspathList';
import { BgpdumpParser } from './bgpdump';
import { BirdParser } from './bird';
import { CiscoDetailParser } from './ciscoDetail';
import { CiscoTableParser } from './ciscoTable';
import { DETECT_LINES, detectFormat } from './detect';
import { GobgpParser } from './gobgp';
import { parseJsonLg } from './jsonForms';
import { JunosParser } from './junos';
import { cleanLine } from './lineClean';
import type { LineParser, ParserFactory, RouteSink } from './lineParser';
import { MikrotikParser } from './mikrotik';
import { NokiaParser } from './nokia';
import { OpenbgpdParser } from './openbgpd';
import type { LgFormat, LgParseResult, LgRoute, UnparsedLine } from './types';

/** Which parser reads which format; the JSON forms are read whole by jsonForms.ts. */
const PARSERS: Readonly<Record<LgFormat, ParserFactory | undefined>> = {
  'cisco-ios': (s, f) => new CiscoTableParser(s, f),
  'cisco-iosxr': (s, f) => new CiscoTableParser(s, f),
  'cisco-nxos': (s, f) => new CiscoTableParser(s, f),
  frr: (s, f) => new CiscoTableParser(s, f),
  arista: (s, f) => new CiscoTableParser(s, f),
  huawei: (s, f) => new CiscoTableParser(s, f),
  'cisco-ios-detail': (s, f) => new CiscoDetailParser(s, f),
  'cisco-nxos-detail': (s, f) => new CiscoDetailParser(s, f),
  'arista-detail': (s, f) => new CiscoDetailParser(s, f),
  'frr-detail': (s, f) => new CiscoDetailParser(s, f),
  'openbgpd-detail': (s, f) => new CiscoDetailParser(s, f),
  bird: (s, f) => new BirdParser(s, f),
  bgpdump: (s, f) => new BgpdumpParser(s, f),
  'aspath-list': (s, f) => new AsPathListParser(s, f),
  junos: (s, f) => new JunosParser(s, f),
  openbgpd: (s, f) => new OpenbgpdParser(s, f),
  gobgp: (s, f) => new GobgpParser(s, f),
  'nokia-sros': (s, f) => new NokiaParser(s, f),
  mikrotik: (s, f) => new MikrotikParser(s, f),
  'junos-json': undefined,
  'arista-json': undefined,
  'frr-json': undefined,
  'openbgpd-json': undefined,
  'gobgp-json': undefined,
  'ripestat-json': undefined,
  'alice-json': undefined,
  'birdwatcher-json': undefined,
  unknown: undefined,
};

const ENCODER = new TextEncoder();

const JSON_FORMATS: ReadonlySet<LgFormat> = new Set<LgFormat>(
  (Object.keys(PARSERS) as LgFormat[]).filter((f) => f.endsWith('-json')),
);

export interface LgParseOptions {
  /** Skip detection. */
  readonly format?: LgFormat;
  /** Receive routes as they are parsed instead of collecting them (big inputs: the result's `routes` stays empty). */
  readonly onRoute?: (r: LgRoute) => void;
}

/**
 * Line-oriented parser for big inputs: `push` chunks as they arrive, then `end()`. Holds only the
 * first lines until the format is known, and only the current route after that. Never throws.
 */
export class LgStreamParser {
  private carry = '';
  /** The current chunk as bytes for the parser's fast path; reused across chunks. */
  private bytes = new Uint8Array(0);
  private lineNo = 0;
  private held: string[] | undefined = [];
  private heldNonEmpty = 0;
  private parser: LineParser | undefined;
  private format: LgFormat = 'unknown';
  private jsonText: string[] | undefined;
  private readonly routes: LgRoute[] = [];
  private readonly unparsed: UnparsedLine[] = [];
  private readonly sink: RouteSink;
  /** Units of work done so far (lines and tokens); proportional to input size. */
  steps = 0;

  constructor(private readonly opts: LgParseOptions = {}) {
    const onRoute = opts.onRoute;
    this.sink = {
      route: onRoute !== undefined ? (r) => onRoute(r) : (r) => this.routes.push(r),
      unparsed: (u) => this.unparsed.push(u),
      step: (n) => {
        this.steps += n;
      },
    };
    if (opts.format !== undefined) {
      this.held = undefined;
      this.choose(opts.format, JSON_FORMATS.has(opts.format));
    }
  }

  push(chunk: string): void {
    if (this.jsonText !== undefined) {
      this.jsonText.push(chunk);
      return;
    }
    // Only the new chunk can hold a line end: scanning the carried part again would be quadratic.
    const nl0 = chunk.indexOf('\n');
    if (nl0 < 0) {
      this.carry += chunk;
      return;
    }
    this.feed(this.carry + chunk.slice(0, nl0));
    this.carry = '';
    let at = nl0 + 1;
    // The fast path reads bytes: an ASCII chunk encodes to exactly one byte per character (else it
    // does not fit, and the chunk goes the general way). Format and detection cannot change while the
    // fast path has the chunk, so this is decided once per chunk.
    const parser = this.parser;
    let bytes: Uint8Array | undefined;
    if (parser?.fast !== undefined && this.held === undefined && this.jsonText === undefined) {
      if (this.bytes.length < chunk.length) this.bytes = new Uint8Array(chunk.length);
      const r = ENCODER.encodeInto(chunk, this.bytes);
      if (r.read === chunk.length && r.written === chunk.length) bytes = this.bytes;
    }
    for (;;) {
      const json = this.jsonBuffer();
      if (json !== undefined) {
        // Detection found JSON: everything from here on is kept whole.
        json.push(chunk.slice(at - 1));
        return;
      }
      const nl = chunk.indexOf('\n', at);
      if (nl < 0) break;
      if (bytes !== undefined && parser !== undefined) {
        // Lines are read in place from the chunk; only the lines the fast path declines are cut out,
        // cleaned and fed the general way.
        const n = this.lineNo;
        let taken: boolean;
        try {
          taken = parser.fast?.(chunk, bytes, at, nl, n) === true;
        } catch (e) {
          this.sink.unparsed({ line: n, text: chunk.slice(at, nl), reason: `internal error: ${String(e)}` });
          taken = true;
        }
        if (taken) {
          this.lineNo = n + 1;
          at = nl + 1;
          continue;
        }
      }
      this.feed(chunk.slice(at, nl));
      at = nl + 1;
    }
    this.carry = chunk.slice(at);
  }

  end(): LgParseResult {
    if (this.carry.length > 0 && this.jsonText === undefined) this.feed(this.carry);
    this.carry = '';
    // A whole paste pushed at once made the byte buffer as big as the paste: do not keep it.
    this.bytes = new Uint8Array(0);
    if (this.held !== undefined) this.decide();
    if (this.jsonText !== undefined) {
      const text = this.jsonText.join('');
      this.jsonText = [];
      try {
        const f = parseJsonLg(text, this.sink, this.opts.format);
        this.format = f;
      } catch (e) {
        this.sink.unparsed({ line: 0, text: text.slice(0, 200), reason: `JSON could not be read: ${String(e)}` });
      }
    } else if (this.parser !== undefined) {
      try {
        this.parser.end();
      } catch (e) {
        this.sink.unparsed({ line: this.lineNo, text: '', reason: `internal error: ${String(e)}` });
      }
    }
    return { format: this.format, routes: this.routes, unparsed: this.unparsed };
  }

  /** A method, not the field, so the compiler does not carry a narrowing across `feed`. */
  private jsonBuffer(): string[] | undefined {
    return this.jsonText;
  }

  private feed(raw: string): void {
    if (this.held !== undefined) {
      this.held.push(raw);
      if (raw.trim().length > 0) this.heldNonEmpty++;
      if (this.heldNonEmpty >= DETECT_LINES) this.decide();
      return;
    }
    this.lineTo(raw);
  }

  private lineTo(raw: string): void {
    const n = this.lineNo++;
    const p = this.parser;
    if (p === undefined) {
      if (raw.trim().length > 0) this.sink.unparsed({ line: n, text: raw, reason: 'format not recognised' });
      return;
    }
    const s = cleanLine(raw);
    try {
      p.line(s, n);
    } catch (e) {
      this.sink.unparsed({ line: n, text: s, reason: `internal error: ${String(e)}` });
    }
  }

  private decide(): void {
    const held = this.held ?? [];
    this.held = undefined;
    if (this.parser === undefined && this.jsonText === undefined) {
      const d = detectFormat(held);
      this.choose(d.format, d.json);
    }
    if (this.jsonText !== undefined) {
      this.jsonText.push(held.join('\n'));
      return;
    }
    for (const raw of held) this.lineTo(raw);
  }

  private choose(format: LgFormat, json: boolean): void {
    this.format = format;
    if (json) {
      this.jsonText = [];
      this.held = undefined;
      return;
    }
    const f = PARSERS[format];
    if (f !== undefined) this.parser = f(this.sink, format);
  }
}

/** Parses a whole paste; see LgStreamParser for big inputs. Never throws. */
export function parseLookingGlass(text: string, opts: LgParseOptions = {}): LgParseResult {
  const p = new LgStreamParser(opts);
  p.push(text);
  return p.end();
}
