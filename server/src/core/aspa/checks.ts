import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import { type Asn, classifyAsn } from '../net/asn';
import type { AspaDeclaration, AsnToken, ProviderListStyle } from './declarations';

/** An ASPA's provider set may hold at most this many ASes (draft-ietf-sidrops-aspa-profile: SIZE(1..16380)). */
export const MAX_PROVIDERS = 16380;

const SPECIAL_WORDS: Readonly<Record<string, string>> = {
  'as-trans': 'AS_TRANS, the stand-in for 4-byte ASNs on 2-byte sessions',
  documentation: 'reserved for documentation',
  private: 'a private-use AS number',
  reserved: 'a reserved AS number',
};

/** The provider list written in the file's own notation, for the fixes. */
export function renderProviders(style: ProviderListStyle, asns: readonly Asn[], sample?: AsnToken): string {
  switch (style) {
    case 'krill':
      return asns.length === 0 ? 'AS0' : asns.map((a) => `AS${a}`).join(', ');
    case 'json-string': {
      const prefix = sample && /^as/i.test(sample.text) ? 'AS' : '';
      return asns.map((a) => `"${prefix}${a}"`).join(', ');
    }
    default:
      return asns.join(', ');
  }
}

/** The semantic checks every format shares; the parsers report syntax. */
export function checkDeclarations(declarations: readonly AspaDeclaration[]): SpanDiagnostic[] {
  const out: SpanDiagnostic[] = [];
  const firstByCustomer = new Map<string, AspaDeclaration>();
  for (const d of declarations) {
    const c = d.customer.asn;
    if (c === undefined) continue;
    if (c === 0) {
      out.push({
        code: 'aspa/as0-customer',
        severity: 'error',
        span: d.customer.span,
        message: 'AS0 cannot be a customer: no one holds AS0, so no ASPA can be signed for it. Use the real customer AS.',
      });
    } else special(d.customer, 'customer', out);
    if (d.filter) continue;

    const key = `${c}|${d.afi ?? ''}`;
    const first = firstByCustomer.get(key);
    if (first) {
      out.push({
        code: 'aspa/duplicate-customer',
        severity: 'information',
        span: d.customer.span,
        message: `AS${c} has another declaration above; validators take the union of both provider sets. Merge them into one to keep the list reviewable.`,
        related: [{ span: first.customer.span, message: `first declaration for AS${c}` }],
      });
    } else firstByCustomer.set(key, d);

    if (d.empty) {
      out.push({
        code: 'aspa/empty-providers',
        severity: 'warning',
        span: d.providersSpan && d.providersSpan.end > d.providersSpan.start ? d.providersSpan : d.span,
        message: 'The provider list is empty: registries and CA software reject an ASPA without providers. Write AS0 to declare that this AS has no providers.',
        ...(d.providersSpan && d.style && d.style !== 'bird' && d.style !== 'openbgpd'
          ? { fixes: [{ title: 'Declare no providers (AS0)', edits: [{ span: d.providersSpan, newText: d.style === 'json-string' ? '"AS0"' : d.style === 'krill' ? 'AS0' : '0' }], preferred: true }] }
          : {}),
      });
    }
    const valid = d.providers.filter((p): p is AsnToken & { asn: Asn } => p.asn !== undefined);
    const allValid = valid.length === d.providers.length;
    const canRewrite = allValid && d.providersSpan !== undefined && d.style !== undefined;
    const rewrite = (title: string, asns: readonly Asn[], preferred = true) =>
      canRewrite ? [{ title, edits: [{ span: d.providersSpan, newText: renderProviders(d.style, asns, d.providers[0]) }], ...(preferred ? { preferred } : {}) }] : undefined;
    const sortedUnique = [...new Set(valid.map((p) => p.asn))].sort((a, b) => a - b);
    const withoutAs0 = sortedUnique.filter((a) => a !== 0);

    if (d.providers.length > MAX_PROVIDERS) {
      out.push({
        code: 'aspa/too-many-providers',
        severity: 'error',
        span: d.providersSpan ?? d.span,
        message: `${d.providers.length} providers: an ASPA holds at most ${MAX_PROVIDERS}. Split the network into several customer ASes or drop providers that are not upstreams.`,
      });
    }
    const seen = new Set<number>();
    for (const p of valid) {
      if (p.asn === c) {
        const fixes = rewrite(`Remove AS${c} from its own providers`, withoutAs0.filter((a) => a !== c));
        out.push({
          code: 'aspa/customer-is-provider',
          severity: 'error',
          span: p.span,
          message: `AS${c} is listed as its own provider. An AS cannot be its own upstream: remove it.`,
          ...(fixes ? { fixes } : {}),
        });
      } else if (seen.has(p.asn)) {
        const fixes = rewrite('Remove duplicate providers (sorted)', sortedUnique);
        out.push({
          code: 'aspa/duplicate-provider',
          severity: 'warning',
          span: p.span,
          message: `AS${p.asn} is listed twice; the ASPA profile forbids duplicates. Remove the repetition.`,
          tags: ['unnecessary'],
          ...(fixes ? { fixes } : {}),
        });
      } else if (p.asn === 0) {
        if (d.providers.length > 1) {
          const fixes = rewrite('Remove AS0', withoutAs0);
          out.push({
            code: 'aspa/as0-with-providers',
            severity: 'error',
            span: p.span,
            message: 'AS0 means "no providers" and cannot stand beside real providers. Remove AS0, or the other providers if this AS truly has none.',
            ...(fixes ? { fixes } : {}),
          });
        }
      } else special(p, 'provider', out);
      seen.add(p.asn);
    }
    let sorted = true;
    for (let i = 1; i < valid.length; i++) if (valid[i]!.asn < valid[i - 1]!.asn) sorted = false;
    if (!sorted) {
      const fixes = rewrite('Sort providers', sortedUnique);
      out.push({
        code: 'aspa/providers-unsorted',
        severity: 'information',
        span: d.providersSpan ?? d.span,
        message: 'The providers are not in ascending order, the order the ASPA profile requires in the signed object. Sort them so diffs and reviews stay readable.',
        ...(fixes ? { fixes } : {}),
      });
    }
  }
  return out;
}

function special(t: AsnToken, role: 'customer' | 'provider', out: SpanDiagnostic[]): void {
  const k = t.asn === undefined ? undefined : classifyAsn(t.asn);
  if (!k || k.kind === 'as0') return;
  out.push({
    code: 'aspa/special-asn',
    severity: 'warning',
    span: t.span,
    message: `AS${t.asn} is ${SPECIAL_WORDS[k.kind] ?? k.kind} (${k.rfc}) and never appears in the global routing table; as a ${role} it cannot be in a published ASPA. Use the public AS number.`,
  });
}
