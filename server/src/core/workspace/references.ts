import { parseAsn } from '../net/asn';
import { valueSpanToDocument, type RpslAttribute, type RpslObject } from '../rpsl/model';
import type { Span } from '../text/range';
import type { AsExpr, Filter, PolicyAst, PolicyExpr, Peering, RegexNode, RouterExpr } from '../policy/ast';
import { parsePolicy } from '../policy/parser';
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
    const key = name.toUpperCase();
    if (def.kind === 'set') {
      const cls = setClassOf(name);
      if (cls && key !== 'AS-ANY' && key !== 'RS-ANY') out.push({ kind: cls, key, attribute: attr.name, span, strength: def.strength });
      else {
        const a = parseAsn(name);
        if (a.ok && a.hadPrefix) out.push({ kind: 'aut-num', key: `AS${a.asn}`, attribute: attr.name, span, strength: 'policy' });
        else if (attr.name === 'members' && /[a-z]/i.test(name) && name.includes('.')) out.push({ kind: 'inet-rtr', key: name.toUpperCase(), attribute: attr.name, span, strength: 'weak' });
      }
    } else if (!(attr.name === 'mbrs-by-ref' && key === 'ANY')) {
      out.push({ kind: def.kind, key, attribute: attr.name, span, strength: def.strength });
    }
  }
}

/** Every set name and AS number in a policy tree, with value spans. */
export function policyNames(ast: PolicyAst): { kind: TargetKind; key: string; span: Span }[] {
  const out: { kind: TargetKind; key: string; span: Span }[] = [];
  const asExpr = (e: AsExpr | undefined): void => {
    if (!e) return;
    if (e.kind === 'asn') out.push({ kind: 'aut-num', key: `AS${e.asn}`, span: e.span });
    else if (e.kind === 'set') out.push({ kind: 'as-set', key: e.name, span: e.span });
    else if (e.kind === 'and' || e.kind === 'or' || e.kind === 'except') {
      asExpr(e.left);
      asExpr(e.right);
    }
  };
  const router = (e: RouterExpr | undefined): void => {
    if (!e) return;
    if (e.kind === 'rtr-set') out.push({ kind: 'rtr-set', key: e.name, span: e.span });
    else if (e.kind === 'dns') out.push({ kind: 'inet-rtr', key: e.name.toUpperCase(), span: e.span });
    else if (e.kind === 'and' || e.kind === 'or' || e.kind === 'except') {
      router(e.left);
      router(e.right);
    }
  };
  const peering = (p: Peering): void => {
    if (p.peeringSet) out.push({ kind: 'peering-set', key: p.peeringSet.name, span: p.peeringSet.span });
    asExpr(p.as);
    router(p.remoteRouter);
    router(p.localRouter);
  };
  const regex = (r: RegexNode): void => {
    switch (r.kind) {
      case 'asn':
        out.push({ kind: 'aut-num', key: `AS${r.asn}`, span: r.span });
        break;
      case 'set':
        out.push({ kind: 'as-set', key: r.name, span: r.span });
        break;
      case 'seq':
        r.items.forEach(regex);
        break;
      case 'alt':
        r.options.forEach(regex);
        break;
      case 'repeat':
        regex(r.operand);
        break;
      default:
        break;
    }
  };
  const filter = (f: Filter | undefined): void => {
    if (!f) return;
    switch (f.kind) {
      case 'asn':
        out.push({ kind: 'aut-num', key: `AS${f.asn}`, span: { start: f.span.start, end: f.range ? f.range.span.start : f.span.end } });
        break;
      case 'set':
        out.push({ kind: f.setClass, key: f.name, span: { start: f.span.start, end: f.span.start + f.name.length } });
        break;
      case 'aspath':
        regex(f.regex);
        break;
      case 'not':
        filter(f.operand);
        break;
      case 'and':
      case 'or':
        filter(f.left);
        filter(f.right);
        break;
      default:
        break;
    }
  };
  const expr = (e: PolicyExpr): void => {
    if (e.kind === 'term') {
      for (const f of e.factors) {
        for (const p of f.peerings) peering(p.peering);
        filter(f.filter);
      }
    } else {
      expr(e.left);
      expr(e.right);
    }
  };
  switch (ast.kind) {
    case 'import':
    case 'export':
      expr(ast.expr);
      break;
    case 'import-via':
    case 'export-via':
      peering(ast.via);
      expr(ast.expr);
      break;
    case 'default':
      for (const p of ast.factor.peerings) peering(p.peering);
      filter(ast.factor.filter);
      break;
    case 'filter':
      filter(ast.filter);
      break;
    case 'peering':
      peering(ast.peering);
      break;
    case 'components':
      filter(ast.filter);
      for (const p of ast.protocols) filter(p.filter);
      break;
    case 'aggr-bndry':
      asExpr(ast.expr);
      break;
    case 'aggr-mtd':
      asExpr(ast.expr);
      break;
    case 'inject':
      router(ast.at);
      break;
    default:
      break;
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
    const parsed = parsePolicy(attr.name, attr.value);
    if (!parsed) continue;
    for (const n of policyNames(parsed.ast)) {
      out.push({ kind: n.kind, key: n.key, attribute: attr.name, span: valueSpanToDocument(attr, n.span.start, n.span.end), strength: 'policy' });
    }
  }
  return out;
}
