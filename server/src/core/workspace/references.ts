import { parseAsn } from '../net/asn';
import { detached } from '../text/detach';
import { valueSpanToDocument, type RpslAttribute, type RpslObject } from '../rpsl/model';
import type { Span } from '../text/range';
import { POLICY_ATTRIBUTES } from '../policy/parser';
import { scanPolicy } from '../policy/scanner';
import { setClassOf } from '../policy/setName';

/**
 * What a name refers to. Set classes are told by the name itself (RFC 2622 §5); `contact` is a person or
 * role (nic-handles share one name space); `aut-num` is an AS number.
 */
export type TargetKind = 'as-set' | 'route-set' | 'rtr-set' | 'filter-set' | 'peering-set' | 'mntner' | 'contact' | 'aut-num' | 'inet-rtr';

/**
 * IRRd distinguishes strong references (mnt-by, admin-c, tech-c …: the target must exist when the object is
 * saved) from weak ones (members, mp-members, mbrs-by-ref, member-of since IRRd 4.0.3: syntax only).
 * Names inside policy text are not checked by IRRd at all; `policy` marks them.
 */
export type Strength = 'strong' | 'weak' | 'policy';

export interface ObjectReference {
  readonly kind: TargetKind;
  /** Upper-cased name, or `AS<n>` for aut-num. */
  readonly key: string;
  readonly attribute: string;
  /** Document span of the name. */
  readonly span: Span;
  readonly strength: Strength;
}

/** The object classes a target kind resolves to. */
export const TARGET_CLASSES: Readonly<Record<TargetKind, readonly string[]>> = {
  'as-set': ['as-set'],
  'route-set': ['route-set'],
  'rtr-set': ['rtr-set'],
  'filter-set': ['filter-set'],
  'peering-set': ['peering-set'],
  mntner: ['mntner'],
  contact: ['person', 'role'],
  'aut-num': ['aut-num'],
  'inet-rtr': ['inet-rtr'],
};

/** Attributes whose comma- or blank-separated words are references, as data. */
const LIST_REFERENCES: Readonly<Record<string, { readonly kind: 'mntner' | 'contact' | 'set'; readonly strength: Strength }>> = {
  'mnt-by': { kind: 'mntner', strength: 'strong' },
  'mnt-lower': { kind: 'mntner', strength: 'strong' },
  'mnt-routes': { kind: 'mntner', strength: 'strong' },
  'mnt-domains': { kind: 'mntner', strength: 'strong' },
  'mnt-ref': { kind: 'mntner', strength: 'strong' },
  'admin-c': { kind: 'contact', strength: 'strong' },
  'tech-c': { kind: 'contact', strength: 'strong' },
  'zone-c': { kind: 'contact', strength: 'strong' },
  'mbrs-by-ref': { kind: 'mntner', strength: 'weak' },
  'member-of': { kind: 'set', strength: 'weak' },
  members: { kind: 'set', strength: 'weak' },
  'mp-members': { kind: 'set', strength: 'weak' },
};

/** Words of a value with their offsets in it; separators are commas and blanks. */
export function valueWords(value: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.push({ text: m[0], start: m.index });
  return out;
}

function listReferences(attr: RpslAttribute, def: { kind: 'mntner' | 'contact' | 'set'; strength: Strength }, out: ObjectReference[]): void {
  for (const w of valueWords(attr.value)) {
    // mnt-routes may carry a prefix list after the mntner; only the names are references.
    if (w.text.startsWith('{') || w.text.includes('/')) {
      if (attr.name === 'mnt-routes') break;
      continue;
    }
    const caret = w.text.indexOf('^');
    const name = caret >= 0 ? w.text.slice(0, caret) : w.text;
    const span = valueSpanToDocument(attr, w.start, w.start + name.length);
    const key = detached(name.toUpperCase());
    if (def.kind === 'set') {
      const cls = setClassOf(name);
      if (cls && key !== 'AS-ANY' && key !== 'RS-ANY') out.push({ kind: cls, key, attribute: attr.name, span, strength: def.strength });
      else {
        const a = parseAsn(name);
        if (a.ok && a.hadPrefix) out.push({ kind: 'aut-num', key: `AS${a.asn}`, attribute: attr.name, span, strength: 'policy' });
        else if (attr.name === 'members' && /[a-z]/i.test(name) && name.includes('.')) out.push({ kind: 'inet-rtr', key: detached(name.toUpperCase()), attribute: attr.name, span, strength: 'weak' });
      }
    } else if (!(attr.name === 'mbrs-by-ref' && key === 'ANY')) {
      out.push({ kind: def.kind, key, attribute: attr.name, span, strength: def.strength });
    }
  }
}

/**
 * Set names and AS numbers in policy text, from the tokens alone: cheaper than a parse (indexing reads
 * every policy line of a registry dump) and indifferent to syntax errors, which the validator reports.
 */
export function policyNames(value: string): { kind: TargetKind; key: string; span: Span }[] {
  const out: { kind: TargetKind; key: string; span: Span }[] = [];
  const word = (text: string, start: number): void => {
    const caret = text.indexOf('^');
    const base = caret >= 0 ? text.slice(0, caret) : text;
    const cls = setClassOf(base);
    const key = detached(base.toUpperCase());
    if (cls) {
      if (key !== 'AS-ANY' && key !== 'RS-ANY') out.push({ kind: cls, key, span: { start, end: start + base.length } });
      return;
    }
    if (base.length > 2 && (base.charCodeAt(0) | 32) === 97 && (base.charCodeAt(1) | 32) === 115) {
      const a = parseAsn(base);
      if (a.ok) out.push({ kind: 'aut-num', key: `AS${a.asn}`, span: { start, end: start + base.length } });
    }
  };
  for (const t of scanPolicy(value)) {
    if (t.kind === 'word') word(t.text, t.start);
    else if (t.kind === 'regex') {
      const re = /[A-Za-z0-9_:-]+/g;
      for (let m = re.exec(t.text); m; m = re.exec(t.text)) word(m[0], t.start + m.index);
    }
  }
  return out;
}

/** Every reference an object makes, in document order of its attributes. */
export function objectReferences(obj: RpslObject): ObjectReference[] {
  const out: ObjectReference[] = [];
  for (const attr of obj.attributes) {
    const list = LIST_REFERENCES[attr.name];
    if (list) {
      listReferences(attr, list, out);
      continue;
    }
    if (attr.name === 'origin') {
      const a = parseAsn(attr.value.trim());
      if (a.ok) out.push({ kind: 'aut-num', key: `AS${a.asn}`, attribute: 'origin', span: attr.valueSpan, strength: 'policy' });
      continue;
    }
    if (!POLICY_ATTRIBUTES[attr.name]) continue;
    for (const n of policyNames(attr.value)) {
      out.push({ kind: n.kind, key: n.key, attribute: attr.name, span: valueSpanToDocument(attr, n.span.start, n.span.end), strength: 'policy' });
    }
  }
  return out;
}
