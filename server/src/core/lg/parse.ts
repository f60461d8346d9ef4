import { AsPathListParser } from './aspathList';
import { BgpdumpParser } from './bgpdump';
import { BirdParser } from './bird';
import { CiscoDetailParser } from './ciscoDetail';
import { CiscoTableParser } from './ciscoTable';
import { DETECT_LINES, detectFormat, JSON_START, startsOtherFormat, type Detection } from './detect';
import { GobgpParser } from './gobgp';
import { HuaweiOriginTableParser } from './huaweiOriginTable';
import { parseJsonLg } from './jsonForms';
import { JunosParser } from './junos';
import { documentStarts } from './jsonDocuments';
import { looksLikeXml } from './junosXml';
import { cleanLine } from './lineClean';
import type { LineParser, ParserFactory, RouteSink } from './lineParser';
import { MikrotikParser } from './mikrotik';
import { NokiaParser } from './nokia';
import { NokiaStateParser } from './nokiaState';
import { OpenbgpdParser } from './openbgpd';
import { asideKind, continuesWrap, isCommandLine, NO_FRAME, readFrame, roughlyUnframed, unframe, wrapJoiner, type PasteFrame } from './pasteFrame';
import { SrLinuxParser } from './srlinux';
import { VrpDetailParser } from './vrpDetail';
import type { LgBlock, LgFormat, LgParseResult, LgRoute, SkippedLine, UnparsedLine } from './types';

/** Which parser reads which format; the JSON forms are read whole by jsonForms.ts. */
const PARSERS: Readonly<Record<LgFormat, ParserFactory | undefined>> = {
  'cisco-ios': (s, f) => new CiscoTableParser(s, f),
  'cisco-iosxr': (s, f) => new CiscoTableParser(s, f),
  'cisco-nxos': (s, f) => new CiscoTableParser(s, f),
  frr: (s, f) => new CiscoTableParser(s, f),
  arista: (s, f) => new CiscoTableParser(s, f),
  huawei: (s, f) => new CiscoTableParser(s, f),
  'huawei-vrp3': (s, f) => new HuaweiOriginTableParser(s, f),
  'huawei-detail': (s, f) => new VrpDetailParser(s, f),
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
  'nokia-srlinux': (s, f) => new SrLinuxParser(s, f),
  'nokia-sros-state': (s, f) => new NokiaStateParser(s, f),
  mikrotik: (s, f) => new MikrotikParser(s, f),
  'junos-json': undefined,
  'junos-xml': undefined,
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

/** Formats read as whole documents (JSON, and Junos XML, which jsonForms.ts reads in its JSON shape). */
const JSON_FORMATS: ReadonlySet<LgFormat> = new Set<LgFormat>(
  (Object.keys(PARSERS) as LgFormat[]).filter((f) => f.endsWith('-json') || f === 'junos-xml'),
);

export interface LgParseOptions {
  /** Skip detection. */
  readonly format?: LgFormat;
  /** Receive routes as they are parsed instead of collecting them (big inputs: the result's `routes` stays empty). */
  readonly onRoute?: (r: LgRoute) => void;
}

/** Formats whose lines are whole records: a short line after a long one is another record, never a wrapped tail. */
const NO_WRAP: ReadonlySet<LgFormat> = new Set<LgFormat>(['aspath-list', 'bgpdump', 'unknown']);

/**
 * Line-oriented parser for big inputs: `push` chunks as they arrive, then `end()`. Holds only the
 * first lines of each output until its frame and format are known, and only the current route after
 * that. Never throws.
 *
 * Each line goes through the front stage (pasteFrame.ts: quote markers and the paste's indentation
 * off, prompts, timestamps and log lines set aside, wrapped rows rejoined) and then to the parser of
 * the block's format. A prompt with a command, or the header of another format where the current
 * parser understands nothing, starts a new block, detected on its own.
 */
export class LgStreamParser {
  private carry = '';
  /** The current chunk as bytes for the parser's fast path; reused across chunks. */
  private bytes = new Uint8Array(0);
  private lineNo = 0;
  /** Lines of the current block held until its frame and format are known, from line `heldStart`. */
  private held: string[] | undefined = [];
  private heldStart = 0;
  private heldNonEmpty = 0;
  private frame: PasteFrame = NO_FRAME;
  private frameRead = false;
  /** Output lines the current block's parser has been given (a prompt before any is no block boundary). */
  private blockLines = 0;
  private parser: LineParser | undefined;
  /** Format of the current block; `firstFormat` is the first recognised one, which the result reports. */
  private format: LgFormat = 'unknown';
  private firstFormat: LgFormat | undefined;
  /** The last text format recognised: a following block that names none is read as this one. */
  private lastFormat: LgFormat | undefined;
  private jsonText: string[] | undefined;
  private jsonStart = 0;
  /** A row that filled the terminal, waiting to see whether the next line is its wrapped tail. */
  private wrapHeld: { text: string; n: number; joiner: string } | undefined;
  private readonly routes: LgRoute[] = [];
  private readonly unparsed: UnparsedLine[] = [];
  private readonly skipped: SkippedLine[] = [];
  private readonly blocks: LgBlock[] = [];
  private readonly sink: RouteSink;
  /** Units of work done so far (lines and tokens); proportional to input size. */
  steps = 0;

  /**
   * `again`: this parser reads again, as text, what followed a line that opened like a JSON document but started
   * none (endDocument); it enters no JSON document itself, and a block that names no format is read as `lastFormat`.
   */
  constructor(
    private readonly opts: LgParseOptions = {},
    private readonly again?: { readonly lastFormat: LgFormat | undefined },
  ) {
    this.lastFormat = again?.lastFormat;
    const onRoute = opts.onRoute;
    this.sink = {
      route: onRoute !== undefined ? (r) => onRoute(r) : (r) => this.routes.push(r),
      unparsed: (u) => this.unparsed.push(u),
      step: (n) => {
        this.steps += n;
      },
    };
    if (opts.format !== undefined) {
      // The caller knows the format: no detection, and no frame (the fast path starts at once).
      this.held = undefined;
      this.frameRead = true;
      this.choose(opts.format, JSON_FORMATS.has(opts.format), 0);
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
    // does not fit, and the chunk goes the general way).
    const parser = this.parser;
    let bytes: Uint8Array | undefined;
    if (parser?.fast !== undefined && this.held === undefined && this.jsonText === undefined && this.frame === NO_FRAME) {
      if (this.bytes.length < chunk.length) this.bytes = new Uint8Array(chunk.length);
      const r = ENCODER.encodeInto(chunk, this.bytes);
      if (r.read === chunk.length && r.written === chunk.length) bytes = this.bytes;
    }
    for (;;) {
      const json = this.jsonBuffer();
      if (json !== undefined) {
        // A JSON block: everything from here on is kept whole.
        json.push(chunk.slice(at));
        return;
      }
      const nl = chunk.indexOf('\n', at);
      if (nl < 0) break;
      // The fast path takes ordinary rows only: not while a block starts, a wrapped row waits, or a
      // row is long enough to have been wrapped by a terminal.
      if (bytes !== undefined && this.parser === parser && parser !== undefined && this.held === undefined && this.wrapHeld === undefined && this.notWrapped(chunk, at, nl)) {
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

  /**
   * Whether the line `chunk[at, nl)` is whole: not as long as a terminal's width, or followed (in this
   * chunk) by a line that is not its wrapped rest. Lets the fast path take full-width rows of a table.
   */
  private notWrapped(chunk: string, at: number, nl: number): boolean {
    const len = nl - at;
    // Most rows: no call, no allocation.
    if (len < 79 || (len > 80 && len < 131) || len > 132) return true;
    const joiner = wrapJoiner(len);
    if (joiner === undefined) return true;
    if (NO_WRAP.has(this.format)) return true;
    const next = chunk.indexOf('\n', nl + 1);
    if (next < 0) return false;
    return !continuesWrap(chunk.slice(at, nl), joiner, chunk.slice(nl + 1, next));
  }

  end(): LgParseResult {
    if (this.carry.length > 0 && this.jsonText === undefined) this.feed(this.carry);
    this.carry = '';
    // A whole paste pushed at once made the byte buffer as big as the paste: do not keep it.
    this.bytes = new Uint8Array(0);
    this.endBlock();
    const found = this.blocks.filter((b) => b.format !== 'unknown');
    const blocks = found.length > 1 ? { blocks: found } : {};
    return { format: this.firstFormat ?? this.format, routes: this.routes, unparsed: this.unparsed, skipped: this.skipped, ...blocks };
  }

  /** A method, not the field, so the compiler does not carry a narrowing across `feed`. */
  private jsonBuffer(): string[] | undefined {
    return this.jsonText;
  }

  private feed(raw: string): void {
    this.take(raw, this.lineNo++);
  }

  /** A raw line: held while its block's format is not known, else through the front stage. */
  private take(raw: string, n: number): void {
    if (this.held !== undefined) {
      if (this.held.length === 0) this.heldStart = n;
      this.held.push(raw);
      if (raw.trim().length > 0) this.heldNonEmpty++;
      if (this.heldNonEmpty >= DETECT_LINES) this.decide();
      return;
    }
    this.frontStage(raw, n);
  }

  /** One line of a block whose frame and format are known. */
  private frontStage(raw: string, n: number): void {
    const s = unframe(raw, this.frame);
    const aside = s.length > 0 ? asideKind(s) : undefined;
    if (aside !== undefined) {
      this.releaseWrap();
      this.skipped.push({ line: n, kind: aside });
      if (isCommandLine(s) && this.blockLines > 0) {
        // A new command: the output after it is another block.
        this.endBlock();
        this.held = [];
      }
      return;
    }
    const w = this.wrapHeld;
    if (w !== undefined) {
      this.wrapHeld = undefined;
      const again = wrapJoiner(s.length);
      if (continuesWrap(w.text, w.joiner, s)) {
        const joined = w.text + w.joiner + s;
        if (again !== undefined) this.wrapHeld = { text: joined, n: w.n, joiner: again };
        else this.toParser(joined, w.n, joined);
        return;
      }
      this.toParser(w.text, w.n, w.text);
    }
    const joiner = NO_WRAP.has(this.format) ? undefined : wrapJoiner(s.length);
    if (joiner !== undefined) {
      this.wrapHeld = { text: s, n, joiner };
      return;
    }
    this.toParser(s, n, raw);
  }

  private releaseWrap(): void {
    const w = this.wrapHeld;
    if (w === undefined) return;
    this.wrapHeld = undefined;
    this.toParser(w.text, w.n, w.text);
  }

  /** An output line to the block's parser; `raw` is kept in case it turns out to start another block. */
  private toParser(line: string, n: number, raw: string): void {
    this.blockLines++;
    const p = this.parser;
    if (p === undefined) {
      if (line.trim().length > 0) this.sink.unparsed({ line: n, text: line, reason: 'format not recognised' });
      return;
    }
    const s = cleanLine(line);
    const before = this.unparsed.length;
    try {
      p.line(s, n);
    } catch (e) {
      this.sink.unparsed({ line: n, text: s, reason: `internal error: ${String(e)}` });
    }
    // (Never on a block's first line: the new block would start with it again.)
    if (this.blockLines > 1 && this.unparsed.length === before + 1 && this.unparsed[before]?.line === n) {
      // Not understood: maybe another output starts here without a prompt before it.
      const other = startsOtherFormat(s, this.format);
      if (other !== undefined) {
        this.unparsed.pop();
        this.endBlock();
        this.held = [];
        this.take(raw, n);
      }
    }
  }

  /** Ends the current block: decides it if still held, then lets its parser finish its last route. */
  private endBlock(): void {
    // Deciding may meet a prompt and start another block, whose lines are then held again.
    while (this.held !== undefined) {
      if (this.held.every((l) => l.trim() === '')) this.held = undefined;
      else this.decide();
    }
    this.releaseWrap();
    if (this.jsonText !== undefined) this.endJson();
    else if (this.parser !== undefined) {
      try {
        this.parser.end();
      } catch (e) {
        this.sink.unparsed({ line: this.lineNo, text: '', reason: `internal error: ${String(e)}` });
      }
    }
    this.parser = undefined;
    this.blockLines = 0;
  }

  private endJson(): void {
    let text = (this.jsonText ?? []).join('');
    this.jsonText = undefined;
    // The document's lines after the held ones came in raw: take the quote markers off them too
    // (taking them off the held lines again is harmless: no JSON line starts with `>`).
    const frame = this.frame;
    if (frame !== NO_FRAME) text = text.split('\n').map((l) => unframe(l, frame)).join('\n');
    // A paste of two outputs (`show ip bgp json` on two routers, two commands) holds two documents.
    const pieces = looksLikeXml(text) ? [0] : documentStarts(text);
    for (let k = 0; k < pieces.length; k++) {
      const from = pieces[k] ?? 0;
      const to = pieces[k + 1] ?? text.length;
      this.endDocument(text.slice(from, to), this.jsonStart + countLines(text, from));
    }
  }

  /** One JSON or XML document, from line `start` of the paste, followed perhaps by a prompt or `{master}`. */
  private endDocument(doc: string, start: number): void {
    let text = doc;
    // Junos ends `| display json` with `{master}` (itself in braces) and a prompt: keep only the document.
    let body = text.length;
    for (;;) {
      const nl = body > 0 ? text.lastIndexOf('\n', body - 1) : -1;
      const lastLine = text.slice(nl + 1, body);
      if (lastLine.trim() !== '' && asideKind(lastLine) === undefined) break;
      if (nl < 0) break;
      body = nl;
    }
    const xml = looksLikeXml(text);
    const last = xml ? text.lastIndexOf('>', body) : Math.max(text.lastIndexOf('}', body), text.lastIndexOf(']', body));
    const tail: SkippedLine[] = [];
    if (last >= 0 && text.slice(last + 1).trim() !== '') {
      const tailStart = start + countLines(text, last);
      text.slice(last + 1).split('\n').forEach((t, k) => {
        if (t.trim() !== '') tail.push({ line: tailStart + k, kind: asideKind(t.trim()) ?? 'chrome' });
      });
      text = text.slice(0, last + 1);
    }
    const sink = start === 0 ? this.sink : shiftLines(this.sink, start);
    try {
      const f = parseJsonLg(text, sink, this.opts.format);
      this.setFormat(f);
    } catch (e) {
      if (this.readAsText(doc, start)) return;
      this.sink.unparsed({ line: start, text: text.slice(0, 200), reason: `JSON could not be read: ${String(e)}` });
    }
    this.skipped.push(...tail);
  }

  /**
   * A "document" that is no JSON: a line that only opens like one (`[`, `{"` in random text, a log, a mail) took
   * the rest of the paste with it. The lines after that first one are read again as text, as a paste of their
   * own, and taken when they give routes; a JSON document that is only broken gives none and stays one finding.
   * The second reader enters no JSON document, so no line is read more than twice.
   */
  private readAsText(doc: string, start: number): boolean {
    const nl = doc.indexOf('\n');
    if (this.opts.format !== undefined || this.again !== undefined || nl < 0) return false;
    const routes: LgRoute[] = [];
    const reader = new LgStreamParser({ onRoute: (r) => routes.push(r) }, { lastFormat: this.lastFormat });
    reader.push(doc.slice(nl + 1));
    const read = reader.end();
    this.steps += reader.steps;
    if (routes.length === 0) return false;
    this.sink.unparsed({ line: start, text: doc.slice(0, Math.min(nl, 200)), reason: 'not understood: it opens like a JSON document, but none follows' });
    const by = start + 1;
    const sink = shiftLines(this.sink, by);
    for (const r of routes) sink.route(r);
    for (const u of read.unparsed) sink.unparsed(u);
    for (const s of read.skipped ?? []) this.skipped.push({ ...s, line: s.line + by });
    for (const b of read.blocks ?? [{ format: read.format, start: 0 }]) {
      this.blocks.push({ format: b.format, start: b.start + by });
      this.setFormat(b.format);
    }
    return true;
  }

  /** Reads the held lines' frame and format, then runs them through the block's parser. */
  private decide(): void {
    const held = this.held ?? [];
    const start = this.heldStart;
    this.held = undefined;
    this.heldNonEmpty = 0;
    // Detection reads this block only: up to a prompt that runs another command.
    let cut = held.length;
    let content = false;
    for (let k = 0; k < held.length; k++) {
      const s = roughlyUnframed(held[k] ?? '').trimStart();
      if (s === '') continue;
      if (content && isCommandLine(s)) {
        cut = k;
        break;
      }
      if (asideKind(s) === undefined) content = true;
    }
    const mine = cut < held.length ? held.slice(0, cut) : held;
    // The frame is the paste's: read once, from the first block.
    let frame = this.frameRead ? this.frame : readFrame(mine);
    let d = this.detect(mine, frame);
    if (!this.frameRead && frame.indent !== '' && this.opts.format === undefined && !d.json) {
      // A snippet may be indented by nature (the attribute lines of a detail form): keep the
      // indentation only when the lines are not recognised without it.
      const flush = { ...frame, indent: '' };
      const d2 = this.detect(mine, flush);
      if (d.format === 'unknown' && d2.format !== 'unknown') {
        d = d2;
        frame = flush;
      }
    }
    this.frameRead = true;
    this.frame = frame.quote === 0 && frame.indent === '' && !frame.stamp && frame.comment === 0 ? NO_FRAME : frame;
    if (this.opts.format !== undefined) this.choose(this.opts.format, JSON_FORMATS.has(this.opts.format), start);
    else if (d.format === 'unknown' && !d.json && this.lastFormat !== undefined) {
      // A block nothing in it names (an output whose header the author cut, `< output omitted >`) after
      // a recognised one: another command on the same router, read as that one's format.
      this.choose(this.lastFormat, false, start);
    } else this.choose(d.format, d.json, start);
    if (this.jsonText !== undefined) {
      // Whatever precedes the document (prompts, logs, a script's banner) is set aside; the rest is the document.
      const opens = (s: string): boolean => JSON_START.test(cleanLine(s)) || looksLikeXml(s);
      const at = held.findIndex((x) => opens(unframe(x, this.frame)));
      let k = 0;
      for (; k < held.length; k++) {
        const s = unframe(held[k] ?? '', this.frame);
        if (k === at || (at < 0 && (/^\s*[{[]/.test(cleanLine(s)) || (s.trim() !== '' && asideKind(s) === undefined)))) break;
        if (s.trim() !== '') this.skipped.push({ line: start + k, kind: asideKind(s) ?? 'chrome' });
      }
      this.jsonStart = start + k;
      this.jsonText.push(held.slice(k).map((x) => unframe(x, this.frame)).join('\n'), '\n');
      return;
    }
    // Through `take`: a prompt among them starts the next block, whose lines are held again.
    held.forEach((raw, k) => this.take(raw, start + k));
  }

  private detect(held: readonly string[], frame: PasteFrame): Detection {
    const lines: string[] = [];
    for (const raw of held) {
      const s = unframe(raw, frame);
      if (s.trim() === '' || asideKind(s) === undefined) lines.push(s);
    }
    return detectFormat(lines, { json: this.again === undefined });
  }

  private setFormat(format: LgFormat): void {
    this.format = format;
    if (format !== 'unknown') this.firstFormat ??= format;
    if (format !== 'unknown' && !JSON_FORMATS.has(format)) this.lastFormat = format;
  }

  private choose(format: LgFormat, json: boolean, start: number): void {
    this.setFormat(format);
    this.blocks.push({ format, start });
    if (json) {
      this.jsonText = [];
      this.jsonStart = start;
      this.held = undefined;
      return;
    }
    const f = PARSERS[format];
    this.parser = f !== undefined ? f(this.sink, format) : undefined;
  }
}

function countLines(text: string, upTo: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A sink for a block read on its own (a JSON document after line 0, text read again): its lines count from its start. */
function shiftLines(sink: RouteSink, by: number): RouteSink {
  return {
    route: (r) =>
      sink.route({
        ...r,
        lines: { start: r.lines.start + by, end: r.lines.end + by },
        asPathLine: r.asPathLine === undefined ? undefined : r.asPathLine + by,
        invalidAsns: r.invalidAsns?.map((x) => ({ ...x, line: x.line + by })),
      }),
    unparsed: (u) => sink.unparsed({ ...u, line: u.line + by }),
    step: (n) => sink.step(n),
  };
}

/** Parses a whole paste; see LgStreamParser for big inputs. Never throws. */
export function parseLookingGlass(text: string, opts: LgParseOptions = {}): LgParseResult {
  const p = new LgStreamParser(opts);
  p.push(text);
  return p.end();
}
