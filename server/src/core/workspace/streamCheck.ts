import type { Diagnostic, SpanDiagnostic } from '../diagnostics/diagnostic';
import { toDiagnostic } from '../diagnostics/fromSpans';
import { DIALECT_PROFILES, dialectOf, dialectOfNamed } from '../rpsl/dialects';
import { primePolicyParses, releasePolicyParses, releasePolicyTrees } from '../policy/sharedParses';
import { frameRpslInto, frameRpslViews, type FramedSink, type FrameSink } from '../rpsl/frame';
import { joinSplitObjects } from '../rpsl/splitObject';
import { validateFramed } from '../rpsl/validate';
import type { RpslDialectSetting } from '../rpsl/dialects';
import { LineIndex } from '../text/lineIndex';
import { crossCheckEntry, newPass, placeFinding, type CrossCheckPass } from './crossCheck';
import { noteAutNum } from './routePolicy';
import { noteSet } from './setExpansion';
import { WorkspaceIndex } from './workspaceIndex';

export interface StreamCheckSettings {
  readonly rpslDialect: RpslDialectSetting;
  /** The registries the user writes to; undefined: every source (core/settings.ts). */
  readonly authoritativeSources?: ReadonlySet<string> | undefined;
  readonly crossChecks: boolean;
}

/** About this much text is framed and validated between two hand-outs of findings. */
const SLICE = 256 * 1024;

/**
 * Own findings kept from the index pass, at most this many for all files together. Past it a file's own
 * findings are found again when asked for (framing it a second time), so a file of nothing but findings
 * costs no more memory than before; a real dump has few and is framed once.
 */
const KEPT_FINDINGS = 1 << 16;

/**
 * The start of the first empty line at or after `from` (a line after which no object continues), or the
 * text's length: where a text can be cut so that each part frames as it does within the whole.
 */
function emptyLineAfter(text: string, from: number): number {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const c = text.charCodeAt(nl + 1);
    if (c === 10 || (c === 13 && text.charCodeAt(nl + 2) === 10)) return nl + 1;
  }
  return text.length;
}

/** The slices `[from, to)` a text is checked in, in order: each ends at an empty line (emptyLineAfter). */
function* slicesOf(text: string, size: number): Generator<{ from: number; to: number }> {
  for (let from = 0; from < text.length || from === 0; ) {
    const to = emptyLineAfter(text, Math.min(text.length, from + size));
    yield { from, to };
    if (to >= text.length) return;
    from = to;
  }
}

export interface StreamCheckLimits {
  /** Characters per slice (tests make it small, to cut texts in many places). */
  readonly slice?: number;
  /** Own findings kept from the index pass (0: none, every file is framed again for them). */
  readonly keptFindings?: number;
}

/**
 * RPSL files checked as a stream, for the linter. `index` frames every file once, slice by slice, keeps
 * compact facts of its objects for the cross-object checks (WorkspaceIndex.openFile: no framed object is
 * kept) and validates each object while it is framed, keeping the findings (few, in a real dump) up to
 * KEPT_FINDINGS; `findings` then hands out one file's own findings — those kept, or else found again by
 * framing and validating it slice by slice, handing out each slice's before reading on — and then runs the
 * cross-object checks of its objects one by one. Memory is the texts, the index's facts and the kept
 * findings, never all objects at once.
 *
 * The findings are those of the editor's path (rpslService.validate over a WorkspaceIndex.set of every
 * file), in the same order for each file: its own findings in document order, then the cross-object ones.
 */
export class RpslStreamCheck {
  readonly workspace = new WorkspaceIndex();
  private readonly texts = new Map<string, { readonly text: string; readonly lines: LineIndex; own: SpanDiagnostic[] | undefined }>();
  private pass: CrossCheckPass | undefined;
  private readonly slice: number;
  /** How many more own findings the index pass may keep. */
  private keptLeft: number;

  constructor(
    private readonly settings: StreamCheckSettings,
    limits: StreamCheckLimits = {},
  ) {
    this.slice = limits.slice ?? SLICE;
    this.keptLeft = limits.keptFindings ?? KEPT_FINDINGS;
  }

  /** Adds `text` to the workspace the cross-object checks read. Index every file before asking for findings. */
  index(uri: string, text: string): void {
    const lines = new LineIndex(text);
    if (!this.settings.crossChecks) {
      this.texts.set(uri, { text, lines, own: undefined });
      return;
    }
    const file = this.workspace.openFile(uri, text, lines);
    const indexed: FrameSink = {
      object: (o) => {
        const entry = file.add(o);
        // What the cross-checks read of these is kept now, while the object is framed (not framed again later).
        if (o.className === 'aut-num') noteAutNum(entry, o);
        else if (o.className === 'as-set' || o.className === 'route-set') noteSet(entry, o);
      },
      diagnostic: () => undefined,
    };
    let own: SpanDiagnostic[] | undefined = this.keptLeft > 0 ? [] : undefined;
    const validated = own ? this.ownSink(text, own) : undefined;
    // Both at once, each object framed once. joinSplitObjects holds an object back until the next comes, so
    // the one before is validated first; then this one is indexed, an aut-num's policy lines parsed in its
    // dialect so that its validation reuses their problems (sharedParses.ts, by attribute object: the index
    // takes objects, made before the validator copies the view so that both read the same ones).
    const setting = this.settings.rpslDialect;
    const both: FramedSink | undefined = validated && {
      framed: (v) => {
        const o = v.toObject();
        // The validator keeps `v` back (joinSplitObjects) and gives the framer another view to go on with.
        const next = validated.framed(v);
        if (o.className !== 'aut-num') {
          indexed.object(o);
          return next;
        }
        primePolicyParses(DIALECT_PROFILES[dialectOf(o, setting)]);
        indexed.object(o);
        releasePolicyTrees();
        return next;
      },
      diagnostic: (d) => validated.diagnostic(d),
    };
    // The index reads the text as one (a foreign answer may run across a cut); the findings, slice by slice.
    let foreign = false;
    for (const { from, to } of slicesOf(text, this.slice)) {
      if (own && validated && both && !foreign) {
        foreign = frameRpslViews(text, both, { from, to });
        validated.flush();
      } else {
        const before = foreign;
        foreign = frameRpslInto(text, indexed, { from, to, foreign: before });
        if (own && validated) {
          frameRpslViews(text, validated, { from, to });
          validated.flush();
        }
      }
      if (own && own.length > this.keptLeft) own = undefined;
    }
    releasePolicyParses();
    file.close();
    if (own) this.keptLeft -= own.length;
    this.texts.set(uri, { text, lines, own });
  }

  /**
   * The sink that validates framed objects into `out`, joining an object cut by a stray empty line as the
   * editor does; `after` runs after each object or framing finding reaches `out`.
   */
  private ownSink(text: string, out: SpanDiagnostic[], after?: () => void): FramedSink & { flush(): void } {
    const setting = this.settings.rpslDialect;
    const options = { authoritative: this.settings.authoritativeSources };
    const base: FramedSink = {
      framed: (o) => {
        validateFramed(o, dialectOfNamed(o, setting), out, text, options);
        after?.();
      },
      diagnostic: (d) => {
        out.push(d);
        after?.();
      },
    };
    // One finding for an object cut by a stray empty line, as in the editor (a cut at a slice boundary stays two).
    return joinSplitObjects(base, text);
  }

  /** The findings of one indexed file, each handed to `emit` the moment it is found: its own, then the cross-object ones. */
  eachFinding(uri: string, emit: (d: Diagnostic) => void): void {
    this.eachOwnFinding(uri, emit);
    for (const d of this.crossFindings(uri)) emit(d);
  }

  /**
   * The findings of one indexed file's objects on their own, in document order, each handed to `emit` the moment
   * its object is validated. Held until the end of a slice, a slice of a file of tiny bad objects (some 40,000
   * findings) outlived the young generation's collections and went to the old one as garbage, which V8 lets grow
   * to several times the live heap before it collects.
   */
  eachOwnFinding(uri: string, emit: (d: Diagnostic) => void): void {
    const file = this.texts.get(uri);
    if (!file) return;
    const { text, lines, own } = file;
    if (own) {
      // Once handed out they are let go; asked again, the file is framed again for them.
      file.own = undefined;
      for (const d of own) emit(toDiagnostic(lines, d));
      return;
    }
    const pending: SpanDiagnostic[] = [];
    const drain = (): void => {
      for (const d of pending) emit(toDiagnostic(lines, d));
      pending.length = 0;
    };
    const sink = this.ownSink(text, pending, drain);
    for (const { from, to } of slicesOf(text, this.slice)) {
      frameRpslViews(text, sink, { from, to });
      sink.flush();
    }
  }

  /** The cross-object findings of one indexed file's objects. */
  *crossFindings(uri: string): Generator<Diagnostic> {
    const file = this.texts.get(uri);
    if (!file || !this.settings.crossChecks) return;
    const { lines } = file;
    const pass = (this.pass ??= newPass(this.workspace));
    const range = lines.range.bind(lines);
    for (const e of this.workspace.eachObjectIn(uri)) for (const f of crossCheckEntry(pass, e)) yield placeFinding(this.workspace, e, f, range);
  }
}

/**
 * Cuts a text that comes in pieces into parts of about `size` characters or more, each ending where the
 * chain of slices `eachOwnFinding` walks would end one (see emptyLineAfter), so that a part framed and
 * checked on its own gives what the whole text would: V8 cannot hold a string of more than about 512 M
 * characters, and a registry dump can be bigger. A part ends after a line end, so its lines continue the
 * previous part's. Pieces are kept as they come and joined once per part.
 */
export class TextParts {
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly size: number) {}

  /** Adds a piece of the text; returns the parts it completed. */
  push(piece: string): string[] {
    this.pieces.push(piece);
    this.length += piece.length;
    const out: string[] = [];
    while (this.length >= this.size + 2 * SLICE) {
      const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
      const cut = sliceEndAtOrAfter(text, this.size);
      // Known only if the empty line that ends the slice is wholly within what came so far.
      if (cut >= text.length - 2) {
        this.pieces = [text];
        break;
      }
      out.push(text.slice(0, cut));
      const rest = text.slice(cut);
      this.pieces = [rest];
      this.length = rest.length;
    }
    return out;
  }

  /** What is left after the last piece: the last part ('' when the text ended at a cut). */
  end(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    return text;
  }
}

/** The first end of a slice of `eachOwnFinding`'s chain (from 0) at or after `at`, or the text's length. */
function sliceEndAtOrAfter(text: string, at: number): number {
  let from = 0;
  for (;;) {
    const to = emptyLineAfter(text, Math.min(text.length, from + SLICE));
    if (to >= at || to >= text.length) return to;
    from = to;
  }
}
