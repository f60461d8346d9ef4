import type { Severity } from '../diagnostics/diagnostic';
import type { RpslDialectSetting } from '../settings';
import type { RpslObject } from './model';
import type { ValueType } from './templates';

export type RpslDialect = 'rfc' | 'irrd' | 'ripe';

export const DIALECTS: readonly RpslDialect[] = ['rfc', 'irrd', 'ripe'];

/**
 * What differs between the dialects beyond the class tables (templates.ts has a column per dialect):
 * which value rules a registry enforces, and how hard. A code set to 'off' is not reported at all.
 */
export interface DialectProfile {
  readonly id: RpslDialect;
  readonly title: string;
  /** Severity of a code in this dialect when it differs from the code's default. */
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  /** Hierarchical set names must start with an AS number (RIPE since 2020 for new sets). */
  readonly setNameNeedsAsnFirst: boolean;
  /** Most components a hierarchical set name may have (RFC 2622 sets none; IRRd strict: 5). */
  readonly maxSetComponents: number;
  /** Auth schemes accepted by `auth:`; the rest are errors. */
  readonly authSchemes: ReadonlySet<string>;
  /** `MD5-PW` must carry a FreeBSD crypt-md5 hash, `$1$<salt of 1–8>$<22 characters>`. */
  readonly md5HashShape: boolean;
  /** `inetnum:` may be written as a prefix; the registry stores the range it covers. */
  readonly inetnumPrefixNotation: boolean;
  /**
   * Value types this registry checks by its own syntax: the templates' type → the type checked instead.
   * The templates' types follow the RFCs; the registries' own rules live here, not in the checkers.
   */
  readonly valueSyntax: Readonly<Partial<Record<ValueType, ValueType>>>;
}

export const DIALECT_PROFILES: Readonly<Record<RpslDialect, DialectProfile>> = {
  rfc: {
    id: 'rfc',
    title: 'RFC 2622/4012/2725',
    severities: {
      'rpsl/asdot': 'warning', // RFC 5396 allows asdot; asplain is the canonical form
      'rpsl/weak-auth': 'warning',
      'rpsl/invalid-status': 'off',
      'rpsl/invalid-netname': 'off',
      'rpsl/unknown-country': 'warning',
      'rpsl/invalid-phone': 'warning',
    },
    setNameNeedsAsnFirst: false,
    maxSetComponents: 5,
    authSchemes: new Set(['NONE', 'MAIL-FROM', 'CRYPT-PW', 'MD5-PW', 'PGPKEY', 'BCRYPT-PW']),
    md5HashShape: true,
    inetnumPrefixNotation: false,
    valueSyntax: {},
  },
  irrd: {
    id: 'irrd',
    title: 'IRRd 4 (strict)',
    severities: {
      // IRRd keeps these as free text; only the syntax of keys and references is enforced.
      'rpsl/invalid-status': 'off',
      'rpsl/invalid-netname': 'off',
      'rpsl/unknown-country': 'off',
      'rpsl/invalid-country': 'off',
      'rpsl/invalid-phone': 'off',
      'rpsl/weak-auth': 'error', // crypt-pw is "legacy" in IRRd's default config: rejected in strict mode
    },
    setNameNeedsAsnFirst: false,
    maxSetComponents: 5,
    authSchemes: new Set(['MD5-PW', 'BCRYPT-PW', 'CRYPT-PW', 'PGPKEY']),
    // IRRd's RPSLAuthField checks the scheme only ("MD5-pw hashhash" is valid in its own tests); a bad hash
    // fails later, when a password is checked against it.
    md5HashShape: false,
    inetnumPrefixNotation: false,
    valueSyntax: {
      email: 'email-addr-spec', // RPSLEmailField: re_email, local-part@domain only, no display name
      geofeed: 'url', // RPSLURLField: http and https
      nserver: 'free', // RPSLDomain: nserver is an RPSLTextField
    },
  },
  ripe: {
    id: 'ripe',
    title: 'RIPE whois',
    severities: {
      'rpsl/weak-auth': 'error',
      'rpsl/set-name-not-hierarchical': 'warning',
    },
    setNameNeedsAsnFirst: true,
    maxSetComponents: 5,
    authSchemes: new Set(['MD5-PW', 'PGPKEY', 'X509', 'SSO', 'CRYPT-PW']),
    md5HashShape: true, // AttributeSyntax.AUTH_SCHEME_SYNTAX: MD5-PW \$1\$[A-Z0-9./]{1,8}\$[A-Z0-9./]{22}
    inetnumPrefixNotation: true, // AttributeParser.Ipv4ResourceParser → Ipv4Resource.parse takes a prefix
    // RIPE-NCC/whois AttributeSyntax.java: NIC_HANDLE_SYNTAX, ORGANISATION_SYNTAX, IRT_SYNTAX.
    valueSyntax: {
      'nic-hdl': 'ripe-nic-hdl',
      'nic-ref': 'ripe-nic-hdl',
      'org-ref': 'ripe-org',
      'irt-name': 'ripe-irt',
    },
  },
};

/** Sources served by RIPE's whois software; other sources are IRRd instances (RADB, ALTDB, NTTCOM, …). */
const RIPE_SOURCES: ReadonlySet<string> = new Set(['RIPE', 'RIPE-NONAUTH', 'RIPE-GRS', 'RIPE-TEST']);

/** Well-known IRR databases, for completion of `source:` values. */
export const KNOWN_SOURCES: readonly string[] = [
  'RIPE', 'RIPE-NONAUTH', 'RADB', 'ARIN', 'ARIN-NONAUTH', 'APNIC', 'AFRINIC', 'LACNIC', 'ALTDB', 'NTTCOM', 'LEVEL3', 'BELL', 'JPIRR', 'IDNIC', 'TC', 'REACH', 'BBOI', 'CANARIE', 'WCGDB',
];

/**
 * The dialect an object is checked against: the setting, or with `auto` its `source:` (RIPE → ripe,
 * any other registry → irrd, none → rfc).
 */
export function dialectOf(obj: RpslObject, setting: RpslDialectSetting): RpslDialect {
  if (setting !== 'auto') return setting;
  let source: string | undefined;
  for (const a of obj.attributes) if (a.name === 'source') source = a.value;
  if (source === undefined || source === '') return 'rfc';
  // Every RIPE source starts with "RI": a source that plainly does not (most of a dump) needs no upper-case copy.
  const c0 = source.charCodeAt(0);
  const c1 = source.charCodeAt(1);
  if (c0 < 128 && c1 < 128 && ((c0 | 32) !== 114 || (c1 | 32) !== 105)) return 'irrd';
  return RIPE_SOURCES.has(source.toUpperCase()) ? 'ripe' : 'irrd';
}
