import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/range';
import { jsonAsnToken } from './asnToken';
import type { AspaDeclaration, AspaFormat, AspaParse, AsnToken, DiagnosticSink, ProviderListStyle } from './declarations';
import { type JsonNode, type JsonProperty, parseJsonTree, prop } from './jsonTree';

/**
 * The JSON forms validators and RTR caches read or write, as a table: where the ASPA list lives, which
 * key names the customer and the providers, and which spellings are standard. One generic reader walks it.
 */
interface KeyChoice {
  readonly standard: readonly string[];
  /** Accepted but reported (`aspa/nonstandard-key`), with the standard spelling as the fix. */
  readonly variants: readonly string[];
}

const CUSTOMER_KEYS: Readonly<Record<string, KeyChoice>> = {
  'rpki-client': { standard: ['customer_asid'], variants: [] },
  'rpki-client-legacy': { standard: ['customer_asid'], variants: [] },
  routinator: { standard: ['customer'], variants: [] },
  slurm: { standard: ['customerAsid'], variants: ['customerAsn', 'customer_asid', 'customer'] },
};
const PROVIDER_KEYS: Readonly<Record<string, KeyChoice>> = {
  'rpki-client': { standard: ['providers'], variants: [] },
  'rpki-client-legacy': { standard: ['providers'], variants: [] },
  routinator: { standard: ['providers'], variants: [] },
  slurm: { standard: ['providers'], variants: ['providerAsns', 'providerSet', 'provider_asids'] },
};
/** SLURM drafts and implementations disagree on provider entries: a bare ASN or an object with one of these. */
const PROVIDER_OBJECT_KEYS = ['providerAsid', 'providerAsn', 'provider_asid', 'asn'];

export function parseAspaJson(text: string, sink?: DiagnosticSink): AspaParse {
  const kept: SpanDiagnostic[] = [];
  const diagnostics: DiagnosticSink = sink ?? kept;
  const { root, errors } = parseJsonTree(text);
  for (const e of errors) diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: e.span, message: e.message });
  const declarations: AspaDeclaration[] = [];
  const format = detectJsonFormat(root);
  const list = (node: JsonNode | undefined, fmt: Exclude<AspaFormat, 'krill' | 'bird' | 'openbgpd' | 'unknown'>, extra: Partial<AspaDeclaration> = {}) => {
    if (node === undefined) return;
    if (node.type !== 'array') {
      diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: node.span, message: 'Expected an array of ASPA entries.' });
      return;
    }
    for (const item of node.items) {
      const d = readEntry(item, text, fmt, diagnostics);
      if (d) declarations.push({ ...d, ...extra });
    }
  };
  switch (format) {
    case 'rpki-client':
    case 'routinator':
      list(prop(root, 'aspas')?.value, format);
      break;
    case 'rpki-client-legacy': {
      const pa = prop(root, 'provider_authorizations')!;
      diagnostics.push({
        code: 'aspa/legacy-format',
        severity: 'warning',
        span: pa.keySpan,
        message:
          '`provider_authorizations` with ipv4/ipv6 lists is the rpki-client 8.0–8.4 output of the old ASPA profile (with address-family limits). Regenerate it with rpki-client 8.5 or later, which writes `aspas`.',
        tags: ['deprecated'],
      });
      for (const family of ['ipv4', 'ipv6'] as const) list(prop(pa.value, family)?.value, 'rpki-client-legacy', { afi: family });
      break;
    }
    case 'slurm': {
      const added = prop(root, 'locallyAddedAssertions')?.value;
      const filters = prop(root, 'validationOutputFilters')?.value;
      list(prop(added, 'aspaAssertions')?.value, 'slurm');
      const f = prop(filters, 'aspaFilters')?.value;
      if (f?.type === 'array') {
        for (const item of f.items) {
          const c = readCustomer(item, text, 'slurm', diagnostics);
          if (c) declarations.push({ customer: c, providers: [], span: item.span, filter: true });
        }
      }
      break;
    }
    default:
      if (root !== undefined && errors.length === 0) {
        diagnostics.push({
          code: 'aspa/unknown-format',
          severity: 'information',
          span: { start: root.span.start, end: Math.min(root.span.end, root.span.start + 1) },
          message:
            'No ASPA data recognised in this JSON: expected rpki-client (`aspas` with `customer_asid`), Routinator (`aspas` with `customer`), SLURM (`aspaAssertions`) or the old `provider_authorizations`.',
        });
      }
  }
  return { format, declarations, diagnostics: kept };
}

export function detectJsonFormat(root: JsonNode | undefined): AspaFormat {
  if (root?.type !== 'object') return 'unknown';
  if (prop(root, 'provider_authorizations')) return 'rpki-client-legacy';
  if (prop(root, 'locallyAddedAssertions') || prop(root, 'validationOutputFilters') || prop(root, 'slurmVersion')) return 'slurm';
  const aspas = prop(root, 'aspas')?.value;
  if (aspas?.type === 'array') {
    const first = aspas.items.find((i) => i.type === 'object');
    return first && prop(first, 'customer') && !prop(first, 'customer_asid') ? 'routinator' : 'rpki-client';
  }
  return 'unknown';
}

function findKey(obj: JsonNode, fmt: string, table: Readonly<Record<string, KeyChoice>>, diagnostics: DiagnosticSink): JsonProperty | undefined {
  const choice = table[fmt]!;
  for (const k of choice.standard) {
    const p = prop(obj, k);
    if (p) return p;
  }
  for (const k of choice.variants) {
    const p = prop(obj, k);
    if (!p) continue;
    const std = choice.standard[0]!;
    diagnostics.push({
      code: 'aspa/nonstandard-key',
      severity: 'warning',
      span: p.keySpan,
      message: `\`${k}\` is not the key the ASPA SLURM draft defines; some validators ignore it. Rename it to \`${std}\`.`,
      fixes: [{ title: `Rename to "${std}"`, edits: [{ span: p.keySpan, newText: JSON.stringify(std) }], preferred: true }],
    });
    return p;
  }
  return undefined;
}

function readCustomer(item: JsonNode, text: string, fmt: string, diagnostics: DiagnosticSink): AsnToken | undefined {
  if (item.type !== 'object') {
    diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: item.span, message: 'Expected an object for each ASPA entry.' });
    return undefined;
  }
  const c = findKey(item, fmt, CUSTOMER_KEYS, diagnostics);
  if (!c?.value) {
    diagnostics.push({
      code: 'aspa/syntax',
      severity: 'error',
      span: { start: item.span.start, end: item.span.start + 1 },
      message: `This entry has no customer: add \`"${CUSTOMER_KEYS[fmt]!.standard[0]!}"\`.`,
    });
    return undefined;
  }
  return jsonAsnToken(c.value, text, diagnostics);
}

function readEntry(item: JsonNode, text: string, fmt: string, diagnostics: DiagnosticSink): AspaDeclaration | undefined {
  const customer = readCustomer(item, text, fmt, diagnostics);
  if (!customer) return undefined;
  const p = findKey(item, fmt, PROVIDER_KEYS, diagnostics);
  if (!p?.value || p.value.type !== 'array') {
    diagnostics.push({
      code: 'aspa/syntax',
      severity: 'error',
      span: p?.value?.span ?? customer.span,
      message: `Expected a \`"${PROVIDER_KEYS[fmt]!.standard[0]!}"\` array (use [0] for an AS0 ASPA).`,
    });
    return { customer, providers: [], span: item.span };
  }
  const arr = p.value;
  const providers: AsnToken[] = [];
  let style: ProviderListStyle | undefined = arr.items.every((i) => i.type === 'number')
    ? 'json-number'
    : arr.items.every((i) => i.type === 'string')
      ? 'json-string'
      : undefined;
  for (const i of arr.items) {
    if (i.type === 'object') {
      const inner = PROVIDER_OBJECT_KEYS.map((k) => prop(i, k)).find((x) => x?.value);
      if (!inner?.value) {
        diagnostics.push({ code: 'aspa/syntax', severity: 'error', span: i.span, message: `Expected a provider ASN (\`${PROVIDER_OBJECT_KEYS[0]!}\`).` });
        continue;
      }
      providers.push({ ...jsonAsnToken(inner.value, text, diagnostics), span: inner.value.span });
      style = undefined;
      continue;
    }
    providers.push(jsonAsnToken(i, text, diagnostics));
  }
  const inside: Span = { start: arr.span.start + 1, end: Math.max(arr.span.start + 1, arr.span.end - 1) };
  return {
    customer,
    providers,
    span: item.span,
    providersSpan: inside,
    ...(style ? { style } : {}),
    ...(arr.items.length === 0 ? { empty: true } : {}),
  };
}
