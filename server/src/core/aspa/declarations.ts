import type { SpanDiagnostic } from '../diagnostics/diagnostic';

/**
 * Where a parser puts its diagnostics as it finds them: an array, or a caller's sink that keeps only what it
 * needs (`aspa verify` keeps the first errors and counts the rest: a file of a million bad lines had made a
 * million diagnostics before its verdict, a usage error, was known).
 */
export interface DiagnosticSink {
  push(d: SpanDiagnostic): void;
}
import type { Asn } from '../net/asn';
import type { Span } from '../text/range';

/** The ASPA file formats the loader knows. */
export type AspaFormat =
  | 'krill' // `AS65000 => AS65001, AS65002` (krillc aspas), our `.aspa` files
  | 'rpki-client' // rpki-client ≥ 8.5 JSON `aspas[].customer_asid/providers`
  | 'rpki-client-legacy' // rpki-client 8.0–8.4 JSON `provider_authorizations.ipv4/ipv6`
  | 'routinator' // Routinator json/jsonext `aspas[].customer/providers`
  | 'slurm' // RFC 8416 SLURM with the ASPA extension (`aspaAssertions`, `aspaFilters`)
  | 'bird' // BIRD ≥ 2.16 `route aspa 65540 providers 65544, 65549;`
  | 'openbgpd' // OpenBGPD `aspa-set { customer-as 4608 provider-as { 1, 2 } }`
  | 'unknown';

/** How a provider list is written, so a fix can rewrite it in the file's own notation. */
export type ProviderListStyle = 'krill' | 'json-number' | 'json-string' | 'bird' | 'openbgpd';

/** An AS number as written; `asn` is undefined when the text is not a valid ASN (a diagnostic says so). */
export interface AsnToken {
  readonly asn: Asn | undefined;
  readonly text: string;
  readonly span: Span;
}

export interface AspaDeclaration {
  readonly customer: AsnToken;
  /** AS0 is kept as written here (checks report it); the AspaDb drops it. */
  readonly providers: readonly AsnToken[];
  /** The whole declaration (a line, a JSON object, a statement). */
  readonly span: Span;
  /** The provider list's inside, what the "sort providers" fix replaces; absent when it cannot be rewritten. */
  readonly providersSpan?: Span;
  readonly style?: ProviderListStyle;
  /** `<none>` or an empty list: no providers written at all (not AS0). */
  readonly empty?: boolean;
  /** A SLURM `aspaFilters` entry: removes ASPA data instead of adding it. */
  readonly filter?: boolean;
  /** The address family of the old profile's per-family lists (rpki-client 8.0–8.4). */
  readonly afi?: 'ipv4' | 'ipv6';
}

export interface AspaParse {
  readonly format: AspaFormat;
  readonly declarations: readonly AspaDeclaration[];
  /** Syntax and format diagnostics; the semantic checks (checks.ts) come on top. */
  readonly diagnostics: readonly SpanDiagnostic[];
}
