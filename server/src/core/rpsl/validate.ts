import type { Severity, SpanDiagnostic } from '../diagnostics/diagnostic';
import { validatePolicyAttribute } from '../policy/validateAttribute';
import type { RpslDialectSetting } from './dialects';
import { severityOf } from '../diagnostics/registry';
import type { RpslCode } from './codes';
import type { PolicyCode } from '../policy/codes';
import { DIALECT_PROFILES, DIALECTS, dialectOfNamed, isIanaNamed, isMirrored, sourceIndex, sourceInfo, type DialectProfile, type RpslDialect } from './dialects';
import { frameRpslViews } from './frame';
import { FramedObject } from './framedObject';
import { joinSplitObjects } from './splitObject';
import { documentFixes, valueSpanToDocument, type RpslAttribute, type RpslObject, type ValueFix } from './model';
import { classesWithAttribute, dialectsWithClass, templateFor, type AttributeRule, type ClassTemplate } from './templates';
import type { ValueContext } from './valueTypes';
import type { PolicyMemo } from './policyMemo';

/**
 * Pushes a diagnostic unless the dialect turns its code off; applies the dialect's severity. Copied with
 * Object.assign, not `{ ...d, severity }`: in V8 (Node 20) a spread followed by a property the source lacks
 * gives every copy a map of its own, kept by the source's transitions, so each finding left ~100 bytes in the
 * old generation and cost ~0.8 µs (a file of a million tiny bad objects: ~110 MB promoted).
 */
function emit(out: SpanDiagnostic[], profile: DialectProfile, d: Omit<SpanDiagnostic, 'severity' | 'code'> & { code: RpslCode | PolicyCode; severity?: Severity }): void {
  const override = profile.severities[d.code];
  if (override === 'off') return;
  out.push(Object.assign({}, d, { severity: override ?? d.severity ?? severityOf(d.code) }));
}

/** One reusable context for the value checkers: validation allocates nothing per attribute that is fine. */
class ValueCheck implements ValueContext {
  value = '';
  className = '';
  attrName = '';
  profile: DialectProfile = DIALECT_PROFILES.rfc;
  private obj: FramedObject | undefined;
  private at = 0;
  private out: SpanDiagnostic[] = [];

  reset(obj: FramedObject, at: number, value: string, className: string, profile: DialectProfile, out: SpanDiagnostic[]): this {
    this.obj = obj;
    this.at = at;
    this.value = value;
    this.className = className;
    this.attrName = obj.names[at]!;
    this.profile = profile;
    this.out = out;
    return this;
  }

  report(code: RpslCode, start: number, end: number, message: string, fix?: ValueFix): void {
    if (!this.obj) return;
    // The attribute object is made only now, for its segments: a finding is rare, a value checked is not.
    const span = valueSpanToDocument(this.obj.attribute(this.at), start, end);
    const fixes = documentFixes(span, start, end, fix);
    emit(this.out, this.profile, { code, span, message, ...(fixes ? { fixes } : {}) });
  }
}

const check = new ValueCheck();

/** Checks the value of `obj`'s attribute `at` against `rule`. */
function checkValue(obj: FramedObject, at: number, className: string, rule: AttributeRule, profile: DialectProfile, out: SpanDiagnostic[], memo?: PolicyMemo): void {
  if (rule.type === 'policy') {
    if (memo?.knows(profile, obj.names[at]!, obj.value(at))) return;
    // Another area's parser, which reads attribute objects (and shares the index's parse by their identity).
    const attr = obj.attribute(at);
    // Another area's parser: a bug there must cost this attribute's findings, not the rest of the document.
    let found: ReturnType<typeof validatePolicyAttribute> = [];
    try {
      found = validatePolicyAttribute(attr, className, profile);
      if (found.length === 0) memo?.learn(profile, attr.name, attr.value);
    } catch {
      found = [];
    }
    // Through emit, so the dialect's severity table applies to policy findings as to the rest.
    for (const d of found) emit(out, profile, d);
    return;
  }
  if (obj.isEmpty(at)) {
    if (rule.type !== 'free') {
      const attr = obj.attribute(at);
      emit(out, profile, { code: 'rpsl/empty-value', span: attr.nameSpan, message: `${attr.name}: has no value. Write the value after the colon.` });
    }
    return;
  }
  if (rule.type === 'free') return;
  rule.check(check.reset(obj, at, obj.value(at), className, profile, out));
}

/** How objects are read beyond their dialect: which registries the user writes to (undefined: every one). */
export interface RpslCheckOptions {
  /** Upper-case source: names (or registries, without -NONAUTH) the user authors; the rest are mirror copies. */
  readonly authoritative?: ReadonlySet<string> | undefined;
  /** Policy values known clean (an edited document's large objects): they are not parsed again. */
  readonly policyMemo?: PolicyMemo | undefined;
}

/** The view validateObject reads an object made elsewhere through (FramedObject.load). */
const loaded = new FramedObject();

/**
 * Validates one framed object against its class template in `dialect`: class, attributes known and in
 * place, multiplicity, mandatory and conditional attributes, then each value's syntax. Never throws.
 * With the `text` the object was framed from, fixes that delete whole lines are offered too. An object of a source the user does not author
 * (`options.authoritative`) is checked as a mirror would: its findings are information.
 */
export function validateObject(obj: RpslObject, dialect: RpslDialect, out: SpanDiagnostic[] = [], text?: string, options: RpslCheckOptions = {}): SpanDiagnostic[] {
  try {
    return validateFramed(loaded.load(obj), dialect, out, text, options);
  } finally {
    loaded.reset('');
  }
}

/** validateObject for an object as the framer hands it (frameRpslViews), without making its attribute objects. */
export function validateFramed(obj: FramedObject, dialect: RpslDialect, out: SpanDiagnostic[] = [], text?: string, options: RpslCheckOptions = {}): SpanDiagnostic[] {
  if (isIanaNamed(obj)) return out;
  const first = out.length;
  validateTemplate(obj, dialect, out, text, options.policyMemo);
  if (out.length === first) return out;
  const source = sourceIndex(obj);
  const info = sourceInfo(source < 0 ? '' : obj.value(source));
  if (isMirrored(info, options.authoritative)) {
    const why = info.grs
      ? `a copy of ${info.registry} data served by RIPE's GRS`
      : info.registry === 'RPKI'
        ? 'an object IRRd generates from an RPKI ROA'
        : `mirrored from ${info.source}, not a registry you write to (routelens.rpsl.authoritativeSources; unset, the sources of the documents you edit)`;
    for (let r = first; r < out.length; r++) {
      const d = out[r]!;
      if (d.severity === 'error' || d.severity === 'warning') out[r] = { ...d, severity: 'information', message: `${d.message} (Information only: ${why}; the registry holds it as it is.)` };
    }
  }
  return out;
}

function validateTemplate(obj: FramedObject, dialect: RpslDialect, out: SpanDiagnostic[], text: string | undefined, memo: PolicyMemo | undefined): void {
  const profile = DIALECT_PROFILES[dialect];
  if (obj.count === 0) return;
  const className = obj.className;
  let template = templateOf(className, dialect);
  if (!template) {
    const classAttr = obj.attribute(0);
    const elsewhere = dialectsWithClass(className);
    const other = elsewhere[0];
    if (other === undefined) {
      emit(out, profile, {
        code: 'rpsl/unknown-class',
        span: classAttr.nameSpan,
        message: `"${classAttr.rawName}" is not an object class. The first attribute names the class: aut-num, route, route6, as-set, route-set, mntner, person, role, …`,
      });
      return;
    }
    emit(out, profile, {
      code: 'rpsl/class-not-in-dialect',
      span: classAttr.nameSpan,
      message: `${className} is not a class of the ${profile.title} dialect (it is one of ${elsewhere.map((d) => DIALECT_PROFILES[d].title).join(', ')}); checked as ${DIALECT_PROFILES[other].title}. Add a source: or set routelens.rpsl.dialect.`,
    });
    template = templateFor(className, other);
    if (!template) return;
  }
  const tprofile = DIALECT_PROFILES[template.dialect];
  const byId = template.byId;

  const counts = countsFor(template.attributes.length);
  for (let i = 0; i < obj.count; i++) {
    const id = obj.ids[i]!;
    const rule = id >= 0 ? byId[id] : undefined;
    if (!rule) {
      const attr = obj.attribute(i);
      if (id >= 0) {
        const here = classesWithAttribute(attr.name, template.dialect);
        const inClassElsewhere = dialectsWithClassAttribute(className, attr.name);
        emit(out, tprofile, {
          code: 'rpsl/attribute-not-in-class',
          span: attr.nameSpan,
          message: inClassElsewhere.length
            ? `${attr.name}: belongs to ${className} only in the ${wordList(inClassElsewhere.map((d) => DIALECT_PROFILES[d].title))} dialect${inClassElsewhere.length > 1 ? 's' : ''}, not in ${tprofile.title}. Remove it.`
            : `${attr.name}: is not an attribute of ${className}${here.length ? ` (it belongs to ${here.slice(0, 4).join(', ')})` : ''}. Remove it or move it to the right object.`,
        });
      } else {
        const near = nearestAttribute(attr.name, template);
        emit(out, tprofile, {
          code: 'rpsl/unknown-attribute',
          span: attr.nameSpan,
          message: `"${attr.rawName}" is not an RPSL attribute. ${near ? `Did you mean ${near}:?` : 'Correct the name, or put the text in remarks:.'}`,
          ...(near ? { fixes: [{ title: `Rename to ${near}`, edits: [{ span: attr.nameSpan, newText: near }] }] } : {}),
        });
      }
      continue;
    }
    const n = ++counts[rule.index]!;
    if (n > 1 && !rule.multiple) {
      const name = rule.name;
      emit(out, tprofile, {
        code: 'rpsl/multiple-single',
        span: obj.attribute(i).nameSpan,
        message: `${name}: may appear only once in ${className}. Keep one${name === className || rule.primaryKey || name === 'source' ? ' — or, if two objects ran together, separate them with an empty line' : ''}.`,
      });
    }
    if (rule.requirement === 'deprecated') {
      const attr = obj.attribute(i);
      emit(out, tprofile, {
        code: 'rpsl/deprecated-attribute',
        span: attr.nameSpan,
        message: `${attr.name}: is deprecated in ${tprofile.title}; the registry drops it. Remove it.`,
        tags: ['deprecated'],
        ...(text !== undefined ? { fixes: [{ title: `Delete ${attr.name}:`, preferred: true, edits: [{ span: attributeLines(text, attr), newText: '' }] }] } : {}),
      });
    }
    // Generated attributes (created:, fingerpr:, rpki-ov-state:, …) are accepted silently: every object of a
    // registry dump has them; hover and completion say they are generated.
    // `auth: # Filtered`, `auth: MD5-PW # Filtered`: the server hid (part of) the value; what is left is no
    // value to check. The other attributes of a filtered object are checked as usual.
    if (!obj.isFiltered(i)) checkValue(obj, i, className, rule, tprofile, out, memo);
  }

  if (template.mandatory.length === 0 && template.oneOf.length === 0) return;
  for (const rule of template.mandatory) {
    if (counts[rule.index] === 0) {
      const classAttr = obj.attribute(0);
      emit(out, tprofile, {
        code: 'rpsl/missing-mandatory',
        span: classAttr.nameSpan,
        // A filtered whois answer leaves out what the server hides (e-mail:, auth:, …): absent here says
        // nothing about the registry's copy, so it is information, not an error.
        ...(obj.hasFiltered
          ? {
              severity: 'information' as const,
              message: `${className} ${classAttr.value || ''} has no ${rule.name}: here, which ${tprofile.title} requires; this whois answer is filtered (# Filtered), so the server may have left it out. Query with -B for the full object.`.replace('  ', ' '),
            }
          : tprofile.hiddenInAnswers?.has(rule.name)
            ? {
                severity: 'information' as const,
                message: `${className} ${classAttr.value || ''} has no ${rule.name}: here, which ${tprofile.title} requires; its whois leaves ${rule.name}: out of query answers, so a copy from whois lacks it. Add it when you submit the object.`.replace('  ', ' '),
              }
            : { message: `${className} ${classAttr.value || ''} lacks the mandatory attribute ${rule.name}: (${tprofile.title}). Add it.`.replace('  ', ' ') }),
      });
    }
  }
  for (const group of template.oneOf)
    if (!group.some((g) => (counts[template.byName.get(g)?.index ?? -1] ?? 0) > 0))
      emit(out, tprofile, { code: 'rpsl/missing-one-of', span: obj.attribute(0).nameSpan, message: `${className} needs at least one of ${group.map((g) => g + ':').join(', ')}. Add one.` });
}

/**
 * The lines of `attr` in `text` with the line break after them: the span whose deletion removes the
 * attribute, its continuation lines and an end-of-line comment, and leaves the other lines as they were.
 */
function attributeLines(text: string, attr: RpslAttribute): { start: number; end: number } {
  const nl = text.indexOf('\n', attr.span.end);
  return { start: attr.span.start, end: nl < 0 ? text.length : nl + 1 };
}

/** The template templateOf found last: a dump lists objects of one class in runs (route after route). */
let lastClass = '';
let lastDialect: RpslDialect | undefined;
let lastTemplate: ClassTemplate | undefined;

/** templateFor, remembering the last answer. */
function templateOf(className: string, dialect: RpslDialect): ClassTemplate | undefined {
  if (className !== lastClass || dialect !== lastDialect) {
    lastClass = className;
    lastDialect = dialect;
    lastTemplate = templateFor(className, dialect);
  }
  return lastTemplate;
}

let countBuffer = new Uint16Array(64);
/** Per-object attribute counters by template index, in a buffer reused across objects. */
function countsFor(n: number): Uint16Array {
  if (countBuffer.length < n) countBuffer = new Uint16Array(n * 2);
  countBuffer.fill(0, 0, n);
  return countBuffer;
}

function dialectsWithClassAttribute(className: string, attribute: string): RpslDialect[] {
  return DIALECTS.filter((d) => templateFor(className, d)?.byName.has(attribute));
}

/** "a", "a and b", "a, b and c". */
function wordList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** An attribute of the class one edit away from `name` (a typo), if any. */
function nearestAttribute(name: string, template: ClassTemplate): string | undefined {
  for (const a of template.attributes) if (editDistanceAtMostOne(name, a.name)) return a.name;
  return undefined;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Frames and validates a whole text in one pass, keeping only diagnostics: memory stays near the size of
 * the text however many objects it holds. Each object is checked in the dialect `setting` selects for it.
 */
export function validateRpslText(text: string, setting: RpslDialectSetting, options: { from?: number; to?: number; afterBlank?: boolean } & RpslCheckOptions = {}): SpanDiagnostic[] {
  const out: SpanDiagnostic[] = [];
  const sink = joinSplitObjects(
    {
      framed: (o) => void validateFramed(o, dialectOfNamed(o, setting), out, text, options),
      diagnostic: (d) => out.push(d),
    },
    text,
  );
  frameRpslViews(text, sink, options);
  sink.flush();
  return out;
}

/** The value check alone for one attribute, as if it stood in an object of `className`: for tests and tools. */
export function validateAttributeValue(attr: RpslAttribute, className: string, dialect: RpslDialect): SpanDiagnostic[] {
  const out: SpanDiagnostic[] = [];
  const template = templateFor(className, dialect) ?? templateFor(className, dialectsWithClass(className)[0] ?? dialect);
  const rule = template?.byName.get(attr.name);
  if (template && rule) {
    try {
      checkValue(loaded.load({ className, attributes: [attr], span: attr.span }), 0, className, rule, DIALECT_PROFILES[template.dialect], out);
    } finally {
      loaded.reset('');
    }
  }
  return out;
}
