import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import type { SetClass } from '../rpsl/setName';
import type { Span } from '../text/range';

/**
 * The syntax tree of RPSL policy text. Every span is an offset range in the attribute's joined `value`
 * (map it to the document with `valueSpanToDocument`). Error nodes keep the tree whole after a recovery.
 */

/** `^-`, `^+`, `^n`, `^n-m` (RFC 2622 §2). */
export interface RangeOp {
  readonly kind: 'minus' | 'plus' | 'length';
  readonly min?: number;
  readonly max?: number;
  readonly span: Span;
}

export type AsExpr =
  | { readonly kind: 'asn'; readonly asn: Asn; readonly span: Span }
  | { readonly kind: 'set'; readonly name: string; readonly span: Span }
  | { readonly kind: 'as-any'; readonly span: Span }
  | { readonly kind: 'peeras'; readonly span: Span }
  | { readonly kind: 'and' | 'or' | 'except'; readonly left: AsExpr; readonly right: AsExpr; readonly span: Span }
  | { readonly kind: 'error'; readonly span: Span };

export type RouterExpr =
  | { readonly kind: 'address'; readonly text: string; readonly span: Span }
  | { readonly kind: 'rtr-set'; readonly name: string; readonly span: Span }
  | { readonly kind: 'dns'; readonly name: string; readonly span: Span }
  | { readonly kind: 'and' | 'or' | 'except'; readonly left: RouterExpr; readonly right: RouterExpr; readonly span: Span }
  | { readonly kind: 'error'; readonly span: Span };

/** `<as-expression> [<router-expression>] [at <router-expression>]`, or a peering-set name. */
export interface Peering {
  readonly span: Span;
  readonly as?: AsExpr;
  readonly peeringSet?: { readonly name: string; readonly span: Span };
  readonly remoteRouter?: RouterExpr;
  readonly localRouter?: RouterExpr;
}

export type ActionValue =
  | { readonly kind: 'word'; readonly text: string; readonly span: Span }
  | { readonly kind: 'list'; readonly items: readonly ActionValue[]; readonly span: Span };

/** `pref = 10`, `community .= {65000:1}`, `aspath.prepend(AS1, AS1)`. */
export interface ActionItem {
  readonly span: Span;
  readonly attribute: string;
  readonly attributeSpan: Span;
  /** `=`, `.=`, … or `method` for `attr.method(args)`. */
  readonly operator: string;
  readonly method?: string;
  readonly args: readonly ActionValue[];
}

export type RegexNode =
  | { readonly kind: 'asn'; readonly asn: Asn; readonly span: Span }
  | { readonly kind: 'set'; readonly name: string; readonly span: Span }
  | { readonly kind: 'peeras'; readonly span: Span }
  | { readonly kind: 'wildcard'; readonly span: Span }
  | { readonly kind: 'bol' | 'eol'; readonly span: Span }
  | {
      readonly kind: 'class';
      readonly negated: boolean;
      readonly items: readonly ({ kind: 'asn'; asn: Asn } | { kind: 'range'; from: Asn; to: Asn } | { kind: 'set'; name: string } | { kind: 'wildcard' } | { kind: 'peeras' })[];
      readonly span: Span;
    }
  | { readonly kind: 'seq'; readonly items: readonly RegexNode[]; readonly span: Span }
  | { readonly kind: 'alt'; readonly options: readonly RegexNode[]; readonly span: Span }
  /** `*`, `+`, `?`, `{m,n}`; `same` for the `~*`, `~+`, `~{m,n}` operators (the same AS repeated). */
  | { readonly kind: 'repeat'; readonly operand: RegexNode; readonly min: number; readonly max: number; readonly same: boolean; readonly span: Span };

export type CommunityValue = { readonly text: string; readonly span: Span };

export type Filter =
  | { readonly kind: 'any'; readonly span: Span }
  | { readonly kind: 'peeras'; readonly range?: RangeOp; readonly span: Span }
  | { readonly kind: 'asn'; readonly asn: Asn; readonly range?: RangeOp; readonly span: Span }
  | { readonly kind: 'set'; readonly name: string; readonly setClass: SetClass; readonly range?: RangeOp; readonly span: Span }
  | {
      readonly kind: 'prefixes';
      readonly items: readonly { readonly prefix: Prefix; readonly range?: RangeOp; readonly span: Span }[];
      readonly range?: RangeOp;
      readonly span: Span;
    }
  | { readonly kind: 'aspath'; readonly regex: RegexNode; readonly span: Span }
  | { readonly kind: 'community'; readonly method: string; readonly values: readonly CommunityValue[]; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Filter; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly left: Filter; readonly right: Filter; readonly span: Span }
  | { readonly kind: 'error'; readonly span: Span };

export type Direction = 'import' | 'export';

/** `from <peering> [action …] … accept <filter>` (or `to … announce`, or a default's `to … networks`). */
export interface PolicyFactor {
  readonly span: Span;
  readonly peerings: readonly { readonly peering: Peering; readonly actions: readonly ActionItem[]; readonly span: Span }[];
  readonly filter?: Filter;
}

export type AfiName = 'ipv4.unicast' | 'ipv4.multicast' | 'ipv6.unicast' | 'ipv6.multicast';

export interface AfiList {
  readonly afis: readonly AfiName[];
  readonly span: Span;
}

export type PolicyExpr =
  | { readonly kind: 'term'; readonly afi?: AfiList; readonly factors: readonly PolicyFactor[]; readonly structured: boolean; readonly span: Span }
  | { readonly kind: 'except' | 'refine'; readonly left: PolicyExpr; readonly right: PolicyExpr; readonly span: Span };

export interface ProtocolClause {
  readonly protocol?: { readonly name: string; readonly span: Span };
  readonly into?: { readonly name: string; readonly span: Span };
}

/** What each policy attribute parses to. */
export type PolicyAst =
  | ({ readonly kind: 'import' | 'export'; readonly mp: boolean; readonly expr: PolicyExpr } & ProtocolClause)
  | { readonly kind: 'default'; readonly mp: boolean; readonly afi?: AfiList; readonly factor: PolicyFactor }
  | ({ readonly kind: 'import-via' | 'export-via'; readonly afi?: AfiList; readonly via: Peering; readonly expr: PolicyExpr } & ProtocolClause)
  | { readonly kind: 'filter'; readonly mp: boolean; readonly filter: Filter }
  | { readonly kind: 'peering'; readonly mp: boolean; readonly peering: Peering }
  | { readonly kind: 'inject'; readonly at?: RouterExpr; readonly actions: readonly ActionItem[]; readonly upon?: InjectCondition }
  | { readonly kind: 'components'; readonly atomic: boolean; readonly filter?: Filter; readonly protocols: readonly { name: string; filter: Filter; span: Span }[] }
  | { readonly kind: 'aggr-bndry'; readonly expr: AsExpr }
  | { readonly kind: 'aggr-mtd'; readonly method: 'inbound' | 'outbound'; readonly expr?: AsExpr }
  | { readonly kind: 'interface' | 'ifaddr'; readonly address: string; readonly masklen?: number; readonly actions: readonly ActionItem[]; readonly tunnel?: { endpoint: string; encapsulation: string } }
  | { readonly kind: 'peer'; readonly mp: boolean; readonly protocol: string; readonly target: string; readonly options: readonly { name: string; args: readonly string[]; span: Span }[] }
  | { readonly kind: 'error' };

export type InjectCondition =
  | { readonly kind: 'have-components' | 'exclude'; readonly prefixes: Filter; readonly span: Span }
  | { readonly kind: 'static'; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly left: InjectCondition; readonly right: InjectCondition; readonly span: Span };
