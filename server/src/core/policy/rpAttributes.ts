import { parseAsn } from '../net/asn';
import { parseIPv4, parseIPv6 } from '../net/prefix';
import type { ActionItem, ActionValue } from './ast';
import { checkCommunity } from './community';
import type { Span } from '../text/range';

/** A problem with one action, at a span of the attribute value. */
export interface ActionProblem {
  readonly code: 'policy/unknown-rp-attribute' | 'policy/invalid-action' | 'policy/action-value-out-of-range' | 'policy/invalid-community';
  readonly span: Span;
  readonly message: string;
}

type ValueCheck = (v: ActionValue) => string | undefined;

const U16 = 65535;
const U32 = 4294967295;

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function integer(max: number, also: readonly string[] = []): ValueCheck {
  return (v) => {
    if (v.kind !== 'word') return `expected a number 0–${max}, not a list`;
    if (isDigits(v.text)) return Number(v.text) > max ? `${v.text} is above ${max}` : undefined;
    if (also.includes(v.text.toLowerCase())) return undefined;
    return `"${v.text}" is not a number 0–${max}${also.length ? ` or ${also.join(', ')}` : ''}`;
  };
}

const nextHop: ValueCheck = (v) =>
  v.kind === 'word' && (v.text.toLowerCase() === 'self' || parseIPv4(v.text)?.parts === 4 || parseIPv6(v.text) !== undefined)
    ? undefined
    : `"${v.kind === 'word' ? v.text : '{…}'}" is not an address or "self"`;

const asnValue: ValueCheck = (v) => {
  if (v.kind !== 'word') return 'expected an AS number';
  if (v.text.toLowerCase() === 'peeras') return undefined;
  const a = parseAsn(v.text);
  return a.ok && a.hadPrefix ? undefined : `"${v.text}" is not an AS number (write AS<number>)`;
};

/** Community problems go under their own code, so they are checked apart from the generic value check. */
const communities: ValueCheck = () => undefined;

/** RFC 2622 §7's rp-attribute dictionary, as data: operators and methods each attribute has, and its value type. */
const RP_ATTRIBUTES: ReadonlyMap<string, { operators: readonly string[]; methods: readonly string[]; value: ValueCheck; community?: boolean }> = new Map(Object.entries({
  pref: { operators: ['='], methods: [], value: integer(U16) },
  med: { operators: ['='], methods: [], value: integer(U32, ['igp_cost']) },
  dpa: { operators: ['='], methods: [], value: integer(U16) },
  cost: { operators: ['='], methods: [], value: integer(U16) },
  'next-hop': { operators: ['='], methods: [], value: nextHop },
  aspath: { operators: [], methods: ['prepend'], value: asnValue },
  community: { operators: ['=', '.='], methods: ['append', 'delete'], value: communities, community: true },
}));

/** What checkAction returns for an action without problems (most): shared, never written to. */
const NONE: readonly ActionProblem[] = Object.freeze([]);

function* words(values: readonly ActionValue[]): Iterable<{ text: string; span: Span }> {
  for (const v of values) {
    if (v.kind === 'word') yield v;
    else yield* words(v.items);
  }
}

export function checkAction(item: ActionItem): readonly ActionProblem[] {
  const name = item.attribute.toLowerCase();
  const def = RP_ATTRIBUTES.get(name);
  if (!def) {
    return [
      {
        code: 'policy/unknown-rp-attribute',
        span: item.attributeSpan,
        message: `"${item.attribute}" is not an rp-attribute of the RFC 2622 dictionary (pref, med, dpa, aspath, community, next-hop, cost); tools will ignore this action.`,
      },
    ];
  }
  const problems: ActionProblem[] = [];
  if (item.operator === 'method') {
    if (!def.methods.includes((item.method ?? '').toLowerCase())) {
      problems.push({
        code: 'policy/invalid-action',
        span: item.span,
        message: `${name} has no method "${item.method ?? ''}"${def.methods.length ? `: use ${def.methods.map((m) => `${name}.${m}(…)`).join(' or ')}` : `: write ${name} ${def.operators[0] ?? '='} <value>`}.`,
      });
      return problems;
    }
  } else if (!def.operators.includes(item.operator)) {
    problems.push({
      code: 'policy/invalid-action',
      span: item.span,
      message: `${name} does not take "${item.operator}": ${def.operators.length ? `use ${def.operators.map((o) => `"${o}"`).join(' or ')}` : `use ${def.methods.map((m) => `${name}.${m}(…)`).join(' or ')}`}.`,
    });
    return problems;
  }
  if (item.args.length === 0) {
    problems.push({ code: 'policy/invalid-action', span: item.span, message: `The action on ${name} has no value.` });
    return problems;
  }
  if (def.community) {
    for (const w of words(item.args)) {
      const msg = checkCommunity(w.text);
      if (msg) problems.push({ code: 'policy/invalid-community', span: w.span, message: msg });
    }
    return problems;
  }
  // An operator takes the first value only; a method all its arguments.
  const count = item.operator === 'method' ? item.args.length : 1;
  for (let k = 0; k < count; k++) {
    const v = item.args[k]!;
    const msg = def.value(v);
    if (msg) problems.push({ code: 'policy/action-value-out-of-range', span: v.span, message: `${name}: ${msg}.` });
  }
  return problems.length > 0 ? problems : NONE;
}
