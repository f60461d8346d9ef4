import type { Span } from '../text/range';
import type { RpslAttribute, RpslObject, ValueSegment } from './model';
import { knownAttributeId } from './templates';

/**
 * An attribute object made from a FramedObject (FramedObject.attribute): what `frameRpsl` hands to callers that
 * keep objects (the editor, the index). Its spans and the segment list of a one-line value are made on first use.
 */
class FramedAttribute implements RpslAttribute {
  // Declared, and assigned in the constructor in one order: every attribute gets the same shape.
  declare readonly name: string;
  declare readonly rawName: string;
  declare readonly value: string;
  declare private readonly start: number;
  declare private readonly nameEnd: number;
  declare private readonly end: number;
  declare readonly valueStart: number;
  declare private readonly valueEnd: number;
  /** Set for a value of several segments; made from `value` for one or none. */
  declare private segs: readonly ValueSegment[] | undefined;
  declare private nameSpanMemo: Span | undefined;
  declare private spanMemo: Span | undefined;
  declare private valueSpanMemo: Span | undefined;

  constructor(name: string, rawName: string, value: string, start: number, nameEnd: number, end: number, valueStart: number, valueEnd: number, segs: readonly ValueSegment[] | undefined) {
    this.name = name;
    this.rawName = rawName;
    this.value = value;
    this.start = start;
    this.nameEnd = nameEnd;
    this.end = end;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.segs = segs;
    this.nameSpanMemo = undefined;
    this.spanMemo = undefined;
    this.valueSpanMemo = undefined;
  }

  get nameSpan(): Span {
    return (this.nameSpanMemo ??= { start: this.start, end: this.nameEnd });
  }

  get span(): Span {
    return (this.spanMemo ??= { start: this.start, end: this.end });
  }

  get valueSpan(): Span {
    return (this.valueSpanMemo ??= { start: this.valueStart, end: this.valueEnd });
  }

  get wrapped(): boolean {
    // Joined segments are one space apart where the document has a line break and more between them.
    return this.valueEnd - this.valueStart !== this.value.length;
  }

  get segments(): readonly ValueSegment[] {
    return (this.segs ??= this.value === '' ? [] : [{ text: this.value, offset: this.valueStart }]);
  }
}

const FILTERED = 1;

function grown(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * One object as the framer found it: for each attribute, offsets in the text (name, value segments, end) and its
 * interned name, in columns reused from object to object. A sink that reads it in its call (the linter's
 * validation) makes no object per attribute and no string for a value it does not ask for; `attribute(i)` and
 * `toObject()` make the RpslAttribute/RpslObject that `frameRpsl` has always handed out, once each.
 *
 * Valid only during the sink call that receives it: the framer reuses it for the next object. What outlives the
 * call must be an object from `toObject()`/`attribute(i)`, or a copy (`copyFrom`).
 */
export class FramedObject {
  text = '';
  /** The object's span. */
  start = 0;
  end = 0;
  /** Attributes. */
  count = 0;
  /** Lower-cased names (interned: equal names are one string), raw spellings, known ids (knownAttributeId, or -1). */
  readonly names: string[] = [];
  readonly rawNames: string[] = [];
  ids: Int32Array = new Int32Array(32);
  nameStarts: Int32Array = new Int32Array(32);
  nameEnds: Int32Array = new Int32Array(32);
  /** The value's first to last character (or an empty span after the colon). */
  valueStarts: Int32Array = new Int32Array(32);
  valueEnds: Int32Array = new Int32Array(32);
  /** The end of the attribute's last line's text (its span's end). */
  ends: Int32Array = new Int32Array(32);
  /** Value segments: 0, 1 (the value span), or more, listed from segFirst in segStarts/segEnds. */
  segCounts: Int32Array = new Int32Array(32);
  segFirsts: Int32Array = new Int32Array(32);
  flags: Uint8Array = new Uint8Array(32);
  segStarts: Int32Array = new Int32Array(64);
  segEnds: Int32Array = new Int32Array(64);
  private segUsed = 0;
  private anyFiltered = false;
  /** Attribute objects made (or given, `load`), by position; `made`: some are. */
  private readonly objs: (RpslAttribute | undefined)[] = [];
  private made = false;
  private object: RpslObject | undefined = undefined;

  /** Empties it for an object of `text`. */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.segUsed = 0;
    this.anyFiltered = false;
    if (this.made) {
      this.objs.length = 0;
      this.made = false;
    }
    this.object = undefined;
  }

  get className(): string {
    return this.names[0] ?? '';
  }

  /** Attribute i's lower-cased name. */
  name(i: number): string {
    return this.names[i]!;
  }

  /** Starts attribute `count` (the framer's); its value comes by addSegment, then `close`. */
  open(nameStart: number, nameEnd: number, name: string, rawName: string, id: number, lineEnd: number): void {
    const i = this.count;
    if (i >= this.ids.length) this.grow(i + 1);
    this.names[i] = name;
    this.rawNames[i] = rawName;
    this.ids[i] = id;
    this.nameStarts[i] = nameStart;
    this.nameEnds[i] = nameEnd;
    this.valueStarts[i] = nameEnd + 1;
    this.valueEnds[i] = nameEnd + 1;
    this.ends[i] = lineEnd;
    this.segCounts[i] = 0;
    this.segFirsts[i] = -1;
    this.flags[i] = 0;
  }

  /** Adds text[s, e) (trimmed, not empty) to the open attribute's value. */
  addSegment(s: number, e: number): void {
    const i = this.count;
    const n = this.segCounts[i]!;
    this.segCounts[i] = n + 1;
    if (n === 0) {
      this.valueStarts[i] = s;
      this.valueEnds[i] = e;
      return;
    }
    // From the second segment on, all of them are listed (the first one too).
    let at = this.segUsed;
    if (at + 2 > this.segStarts.length) {
      this.segStarts = grown(this.segStarts, at + 2);
      this.segEnds = grown(this.segEnds, at + 2);
    }
    if (n === 1) {
      this.segFirsts[i] = at;
      this.segStarts[at] = this.valueStarts[i]!;
      this.segEnds[at++] = this.valueEnds[i]!;
    }
    this.segStarts[at] = s;
    this.segEnds[at++] = e;
    this.segUsed = at;
    this.valueEnds[i] = e;
  }

  /** The open attribute's last line ends at `lineEnd`. */
  extend(lineEnd: number): void {
    this.ends[this.count] = lineEnd;
  }

  /** Completes the open attribute (`filtered`: its first line ends in `# Filtered`). */
  close(filtered: boolean): void {
    if (filtered) {
      this.flags[this.count] = FILTERED;
      this.anyFiltered = true;
    }
    this.count++;
  }

  isFiltered(i: number): boolean {
    return (this.flags[i]! & FILTERED) !== 0;
  }

  get hasFiltered(): boolean {
    return this.anyFiltered;
  }

  /** Attribute i's value, its segments joined by one space (a string made on each call unless an object holds it). */
  value(i: number): string {
    const o = this.made ? this.objs[i] : undefined;
    if (o !== undefined) return o.value;
    const n = this.segCounts[i]!;
    if (n === 0) return '';
    if (n === 1) return this.text.slice(this.valueStarts[i], this.valueEnds[i]);
    const f = this.segFirsts[i]!;
    let v = this.text.slice(this.segStarts[f], this.segEnds[f]);
    for (let k = f + 1; k < f + n; k++) v += ' ' + this.text.slice(this.segStarts[k], this.segEnds[k]);
    return v;
  }

  /** Whether attribute i's value is empty. */
  isEmpty(i: number): boolean {
    const o = this.made ? this.objs[i] : undefined;
    return o !== undefined ? o.value === '' : this.segCounts[i] === 0;
  }

  /**
   * Keeps attribute i's object. Position i may be past the end of `objs` (an edit in a 9,000-line aut-num makes
   * one object): the places before it are filled with undefined first, since a store far past the end turns the
   * array into a dictionary, slow for every later read and still one after `reset`.
   */
  private keep(i: number, o: RpslAttribute): void {
    const objs = this.objs;
    while (objs.length < i) objs.push(undefined);
    objs[i] = o;
  }

  /** Attribute i as an object, made once. */
  attribute(i: number): RpslAttribute {
    let o = this.made ? this.objs[i] : undefined;
    if (o === undefined) {
      const n = this.segCounts[i]!;
      let segs: ValueSegment[] | undefined;
      if (n > 1) {
        segs = new Array<ValueSegment>(n);
        const f = this.segFirsts[i]!;
        for (let k = 0; k < n; k++) segs[k] = { text: this.text.slice(this.segStarts[f + k], this.segEnds[f + k]), offset: this.segStarts[f + k]! };
      }
      const value = segs ? segs.map((s) => s.text).join(' ') : this.value(i);
      o = new FramedAttribute(this.names[i]!, this.rawNames[i]!, value, this.nameStarts[i]!, this.nameEnds[i]!, this.ends[i]!, this.valueStarts[i]!, this.valueEnds[i]!, segs);
      this.keep(i, o);
      this.made = true;
    }
    return o;
  }

  /** The object, made once (its attributes by `attribute`). */
  toObject(): RpslObject {
    if (this.object) return this.object;
    const attributes = new Array<RpslAttribute>(this.count);
    for (let i = 0; i < this.count; i++) attributes[i] = this.attribute(i);
    let filtered: Set<RpslAttribute> | undefined;
    if (this.anyFiltered) {
      filtered = new Set();
      for (let i = 0; i < this.count; i++) if (this.isFiltered(i)) filtered.add(attributes[i]!);
    }
    return (this.object = { className: this.className, attributes, span: { start: this.start, end: this.end }, ...(filtered ? { filtered } : {}) });
  }

  /** Holds `obj` (an object made elsewhere): names and flags in the columns, values and spans read from its attributes. */
  load(obj: RpslObject): this {
    this.reset('');
    const n = obj.attributes.length;
    if (n > this.ids.length) this.grow(n);
    for (let i = 0; i < n; i++) {
      const a = obj.attributes[i]!;
      this.names[i] = a.name;
      this.rawNames[i] = a.rawName;
      this.ids[i] = knownAttributeId(a.name);
      this.flags[i] = obj.filtered?.has(a) ? FILTERED : 0;
      this.objs[i] = a;
    }
    this.made = n > 0;
    this.count = n;
    this.anyFiltered = obj.filtered !== undefined;
    this.start = obj.span.start;
    this.end = obj.span.end;
    this.object = obj;
    return this;
  }

  /** Appends `other`'s attributes (an object cut from this one by an empty line: splitObject.ts). */
  append(other: FramedObject): void {
    const base = this.count;
    const n = other.count;
    if (base + n > this.ids.length) this.grow(base + n);
    const segBase = this.segUsed;
    if (segBase + other.segUsed > this.segStarts.length) {
      this.segStarts = grown(this.segStarts, segBase + other.segUsed);
      this.segEnds = grown(this.segEnds, segBase + other.segUsed);
    }
    this.segStarts.set(other.segStarts.subarray(0, other.segUsed), segBase);
    this.segEnds.set(other.segEnds.subarray(0, other.segUsed), segBase);
    this.segUsed = segBase + other.segUsed;
    for (let k = 0; k < n; k++) {
      const i = base + k;
      this.names[i] = other.names[k]!;
      this.rawNames[i] = other.rawNames[k]!;
      const made = other.made ? other.objs[k] : undefined;
      if (made !== undefined) {
        this.keep(i, made);
        this.made = true;
      }
      this.segFirsts[i] = other.segFirsts[k]! < 0 ? -1 : other.segFirsts[k]! + segBase;
    }
    this.ids.set(other.ids.subarray(0, n), base);
    this.nameStarts.set(other.nameStarts.subarray(0, n), base);
    this.nameEnds.set(other.nameEnds.subarray(0, n), base);
    this.valueStarts.set(other.valueStarts.subarray(0, n), base);
    this.valueEnds.set(other.valueEnds.subarray(0, n), base);
    this.ends.set(other.ends.subarray(0, n), base);
    this.segCounts.set(other.segCounts.subarray(0, n), base);
    this.flags.set(other.flags.subarray(0, n), base);
    this.count = base + n;
    this.anyFiltered ||= other.anyFiltered;
    this.end = other.end;
    // A joined object is made anew (from the same attribute objects, where they were made).
    if (base > 0) this.object = undefined;
  }

  private grow(n: number): void {
    const size = Math.max(n, this.ids.length * 2);
    const to = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.ids = to(this.ids, (s) => new Int32Array(s));
    this.nameStarts = to(this.nameStarts, (s) => new Int32Array(s));
    this.nameEnds = to(this.nameEnds, (s) => new Int32Array(s));
    this.valueStarts = to(this.valueStarts, (s) => new Int32Array(s));
    this.valueEnds = to(this.valueEnds, (s) => new Int32Array(s));
    this.ends = to(this.ends, (s) => new Int32Array(s));
    this.segCounts = to(this.segCounts, (s) => new Int32Array(s));
    this.segFirsts = to(this.segFirsts, (s) => new Int32Array(s));
    this.flags = to(this.flags, (s) => new Uint8Array(s));
  }
}
