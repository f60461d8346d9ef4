import type { Severity } from '../diagnostics/diagnostic';
import { AFRINIC_ORG_TYPES, AFRINIC_STATUS_BY_CLASS, APNIC_STATUS_BY_CLASS, STATUS_BY_CLASS } from './enums';
import type { RpslAttribute, RpslObject } from './model';
import type { SetClass } from './setName';
import type { ValueRules, ValueType } from './valueTypes';

/**
 * One profile per registry family. `rfc`, `irrd` and `ripe` are the three columns of the class tables
 * (templates.ts); every other profile starts from one of them and lists its registry's differences.
 */
export type RpslDialect = 'rfc' | 'irrd' | 'ripe' | 'apnic' | 'afrinic' | 'arin' | 'lacnic' | 'rpki';

/** The `routelens.rpsl.dialect` setting: one profile for every object, or `auto` to choose per object from its source. */
export type RpslDialectSetting = 'auto' | RpslDialect;

export const DIALECTS: readonly RpslDialect[] = ['rfc', 'irrd', 'ripe', 'apnic', 'afrinic', 'arin', 'lacnic', 'rpki'];

/** Every value of the dialect setting (package.json's enum, the CLI's `--dialect`). */
export const DIALECT_SETTINGS: readonly RpslDialectSetting[] = ['auto', ...DIALECTS];

export function isDialectSetting(v: unknown): v is RpslDialectSetting {
  return typeof v === 'string' && (DIALECT_SETTINGS as readonly string[]).includes(v);
}

/** The class-table columns (templates.ts) a profile can start from. */
export type BaseColumn = 'rfc' | 'irrd' | 'ripe';

/** A row's status in a class table (templates.ts): m mandatory · o optional · c conditional · g generated · d deprecated · - absent. */
export type Col = 'm' | 'o' | 'c' | 'g' | 'd' | '-';

/** A profile's change to one row: its status, or its status and the value type the registry gives it. */
export type RowChange = Col | { readonly col: Col; readonly type: ValueType };

/** A registry's own published template, documentation or source the profile is read from. */
export interface Citation {
  readonly title: string;
  readonly url: string;
}

/**
 * What differs between the dialects beyond the class tables (templates.ts has a column per base dialect):
 * which value rules a registry enforces, and how hard. A code set to 'off' is not reported at all.
 */
export interface DialectProfile extends ValueRules {
  readonly id: RpslDialect;
  /** The registries (source: names, upper case, without -NONAUTH/-GRS) this profile is chosen for. */
  readonly registries: string;
  /** Where every rule of this profile comes from: the registry's own templates, documentation or code. */
  readonly cites: readonly Citation[];
  /** The class-table column this profile starts from. */
  readonly base: BaseColumn;
  /**
   * The registry's template differences from `base`, class → attribute → status (the tables' letters:
   * m mandatory · o optional · c conditional · g generated · d deprecated · - absent), with the value type
   * where the registry writes the value its own way. An attribute that the class table lacks takes its value
   * type from the first table that has it.
   */
  readonly templates: Readonly<Record<string, Readonly<Record<string, RowChange>>>>;
  /** Mandatory attributes the registry's whois leaves out of query answers: absent from a copy, they are information. */
  readonly hiddenInAnswers?: ReadonlySet<string>;
  /** Severity of a code in this dialect when it differs from the code's default. */
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Value types this registry checks by its own syntax: the templates' type → the type checked instead.
   * The templates' types follow the RFCs; the registries' own rules live here, not in the checkers.
   */
  readonly valueSyntax: Readonly<Partial<Record<ValueType, ValueType>>>;
}

/** LACNIC's whois attributes (templates.ts LACNIC_WHOIS rows), optional where LACNIC writes them. */
const LACNIC_WHOIS_ATTRIBUTES = {
  owner: 'o',
  ownerid: 'o',
  responsible: 'o',
  city: 'o',
  'owner-c': 'o',
  inetrev: 'o',
  nsstat: 'o',
  nslastaa: 'o',
  'inetnum-up': 'o',
  changed: 'o',
} as const;

const RIPE_SOURCES_CITED: readonly Citation[] = [
  { title: 'RIPE-NCC/whois ObjectTemplate.java (class templates)', url: 'https://github.com/RIPE-NCC/whois/blob/master/whois-rpsl/src/main/java/net/ripe/db/whois/common/rpsl/ObjectTemplate.java' },
  { title: 'RIPE-NCC/whois AttributeSyntax.java (value syntax)', url: 'https://github.com/RIPE-NCC/whois/blob/master/whois-rpsl/src/main/java/net/ripe/db/whois/common/rpsl/AttributeSyntax.java' },
  { title: 'RIPE-NCC/whois attrs/InetnumStatus.java, Inet6numStatus.java', url: 'https://github.com/RIPE-NCC/whois/tree/master/whois-rpsl/src/main/java/net/ripe/db/whois/common/rpsl/attrs' },
  { title: 'RIPE Database documentation', url: 'https://docs.db.ripe.net/' },
];

const IRRD_CITED: readonly Citation[] = [
  { title: 'irrdnet/irrd irrd/rpsl/rpsl_objects.py (class fields)', url: 'https://github.com/irrdnet/irrd/blob/main/irrd/rpsl/rpsl_objects.py' },
  { title: 'irrdnet/irrd irrd/rpsl/fields.py (value syntax, strict mode)', url: 'https://github.com/irrdnet/irrd/blob/main/irrd/rpsl/fields.py' },
];

/** Registries that take a short set name for every class. */
const NO_SET_CLASSES: ReadonlySet<SetClass> = new Set();

const RIPE_LIKE = {
  hierarchicalSetClasses: new Set<SetClass>(['as-set']),
  maxSetComponents: 5,
  md5HashShape: true, // AttributeSyntax.AUTH_SCHEME_SYNTAX: MD5-PW \$1\$[A-Z0-9./]{1,8}\$[A-Z0-9./]{22}
  inetnumPrefixNotation: true, // AttributeParser.Ipv4ResourceParser → Ipv4Resource.parse takes a prefix
  // The filter grammar (FilterParser, AddressPrefixRange) takes any address/length; the prefix is read as its network.
  filterHostBitsAccepted: true,
  // RIPE-NCC/whois AttributeSyntax.java: NIC_HANDLE_SYNTAX, ORGANISATION_SYNTAX, IRT_SYNTAX.
  valueSyntax: {
    'nic-hdl': 'ripe-nic-hdl',
    'nic-ref': 'ripe-nic-hdl',
    'org-ref': 'ripe-org',
    'irt-name': 'ripe-irt',
  },
} as const;

const IRRD_LIKE = {
  severities: {
    // IRRd keeps these as free text; only the syntax of keys and references is enforced.
    'rpsl/invalid-status': 'off',
    'rpsl/invalid-netname': 'off',
    'rpsl/unknown-country': 'off',
    'rpsl/invalid-country': 'off',
    'rpsl/invalid-phone': 'off',
    'rpsl/weak-auth': 'error', // crypt-pw is "legacy" in IRRd's default config: rejected in strict mode
  },
  hierarchicalSetClasses: NO_SET_CLASSES,
  maxSetComponents: 5,
  authSchemes: new Set(['MD5-PW', 'BCRYPT-PW', 'CRYPT-PW', 'PGPKEY']),
  // IRRd's RPSLAuthField checks the scheme only ("MD5-pw hashhash" is valid in its own tests); a bad hash
  // fails later, when a password is checked against it.
  md5HashShape: false,
  inetnumPrefixNotation: false,
  filterHostBitsAccepted: false,
  valueSyntax: {
    email: 'email-addr-spec', // RPSLEmailField: re_email, local-part@domain only, no display name
    geofeed: 'url', // RPSLURLField: http and https
    nserver: 'free', // RPSLDomain: nserver is an RPSLTextField
  },
  statusByClass: {},
} as const;

export const DIALECT_PROFILES: Readonly<Record<RpslDialect, DialectProfile>> = {
  rfc: {
    id: 'rfc',
    title: 'RFC 2622/4012/2725',
    registries: '(objects without source:)',
    cites: [
      { title: 'RFC 2622 Routing Policy Specification Language', url: 'https://www.rfc-editor.org/rfc/rfc2622' },
      { title: 'RFC 4012 RPSLng', url: 'https://www.rfc-editor.org/rfc/rfc4012' },
      { title: 'RFC 2725 Routing Policy System Security', url: 'https://www.rfc-editor.org/rfc/rfc2725' },
    ],
    base: 'rfc',
    templates: {},
    statusByClass: {},
    severities: {
      'rpsl/asdot': 'warning', // RFC 5396 allows asdot; asplain is the canonical form
      'rpsl/weak-auth': 'warning',
      'rpsl/invalid-status': 'off',
      'rpsl/invalid-netname': 'off',
      'rpsl/unknown-country': 'warning',
      'rpsl/invalid-phone': 'warning',
    },
    hierarchicalSetClasses: NO_SET_CLASSES,
    maxSetComponents: 5,
    authSchemes: new Set(['NONE', 'MAIL-FROM', 'CRYPT-PW', 'MD5-PW', 'PGPKEY', 'BCRYPT-PW']),
    md5HashShape: true,
    inetnumPrefixNotation: false,
    filterHostBitsAccepted: false,
    valueSyntax: {},
  },
  irrd: {
    id: 'irrd',
    title: 'IRRd 4 (strict)',
    registries: 'RADB, ALTDB, NTTCOM, LEVEL3, JPIRR, IDNIC, TC, BELL, CANARIE, REACH, BBOI, WCGDB and any other IRRd 4 source',
    cites: IRRD_CITED,
    base: 'irrd',
    templates: {},
    ...IRRD_LIKE,
  },
  arin: {
    id: 'arin',
    title: "ARIN's IRR",
    registries: 'ARIN, ARIN-NONAUTH',
    cites: [
      { title: "ARIN's Internet Routing Registry (IRR) Object Templates", url: 'https://www.arin.net/resources/manage/irr/templates/' },
      { title: 'ARIN IRR-online User Guide', url: 'https://www.arin.net/resources/manage/irr/userguide/' },
      ...IRRD_CITED,
    ],
    base: 'irrd',
    // ARIN's IRR software stamps every object it serves with created: and last-modified: (generated).
    templates: Object.fromEntries(['aut-num', 'as-set', 'route', 'route6', 'route-set', 'filter-set', 'peering-set', 'rtr-set', 'inet-rtr', 'mntner', 'person', 'role', 'key-cert', 'as-block'].map((c) => [c, { created: 'g', 'last-modified': 'g' }])),
    ...IRRD_LIKE,
  },
  lacnic: {
    id: 'lacnic',
    title: 'LACNIC (IRR on IRRd 4, and LACNIC whois)',
    registries: 'LACNIC; objects without source: that carry LACNIC whois attributes (ownerid:, owner-c:, inetrev:, nic-hdl: first)',
    cites: [
      { title: 'IRRd wiki: LACNIC case study (an RPSL dump of MiLACNIC imported into IRRd v4)', url: 'https://github.com/irrdnet/irrd/wiki/LACNIC-Case-Study' },
      { title: 'LACNIC: What are route and route6 objects', url: 'https://lacnic.zendesk.com/hc/en-us/articles/360038667154-What-are-a-route-and-a-route-6-objects' },
      { title: "LACNIC whois answers as served by whois.lacnic.net (secynic/ipwhois ipwhois/tests/whois.json, test/rpsl/real)", url: 'https://github.com/secynic/ipwhois/blob/master/ipwhois/tests/whois.json' },
      ...IRRD_CITED,
    ],
    base: 'irrd',
    // The IRR (irr.lacnic.net) is IRRd 4. LACNIC's whois and registry dump are its own format: inetnum: for
    // both families as a short prefix, aut-num: as a bare number, owner:/ownerid:/owner-c:, contacts as
    // nic-hdl: objects, dates as YYYYMMDD in created:/changed:, no mnt-by:, no source: in whois answers.
    templates: {
      inetnum: {
        inetnum: { col: 'm', type: 'lacnic-inetnum' },
        ...LACNIC_WHOIS_ATTRIBUTES,
        netname: 'o', descr: 'o', country: 'o', 'admin-c': 'o', 'tech-c': 'o', status: 'o', 'mnt-by': 'o', source: 'o', 'abuse-c': 'o', 'aut-num': 'o', address: 'o', phone: 'o', nserver: 'o', created: 'o',
      },
      'aut-num': {
        'aut-num': { col: 'm', type: 'lacnic-asn' },
        ...LACNIC_WHOIS_ATTRIBUTES,
        'as-name': 'o', 'admin-c': 'o', 'tech-c': 'o', 'mnt-by': 'o', country: 'o', created: 'o',
      },
      'nic-hdl': { 'nic-hdl': 'm', person: 'o', 'e-mail': 'o', address: 'o', country: 'o', phone: 'o', created: 'o', changed: 'o', 'mnt-by': 'o', source: 'o' },
    },
    ...IRRD_LIKE,
    valueSyntax: {
      ...IRRD_LIKE.valueSyntax,
      datetime: 'free', // created: 20001204, 1989-03-31
      changed: 'free', // changed: 20140716 (a date alone)
      'nic-ref': 'free', // handles such as RYT2, NIT, MAP193; blank in the registry dump
      'nic-hdl': 'free',
    },
  },
  rpki: {
    id: 'rpki',
    title: 'IRRd RPKI pseudo-objects',
    registries: 'RPKI',
    cites: [
      { title: 'irrdnet/irrd irrd/rpki/importer.py (RPSLObjectFromROA.render_rpsl_text)', url: 'https://github.com/irrdnet/irrd/blob/main/irrd/rpki/importer.py' },
      { title: 'IRRd documentation: RPKI integration, pseudo-IRR objects (docs/admins/rpki.rst)', url: 'https://github.com/irrdnet/irrd/blob/main/docs/admins/rpki.rst' },
    ],
    base: 'irrd',
    // route:/route6:, descr:, remarks:, max-length:, origin:, source: RPKI  # Trust Anchor: … — and no mnt-by:.
    templates: {
      route: { 'max-length': 'g', 'mnt-by': 'o' },
      route6: { 'max-length': 'g', 'mnt-by': 'o' },
    },
    ...IRRD_LIKE,
  },
  ripe: {
    id: 'ripe',
    title: 'RIPE whois',
    registries: 'RIPE, RIPE-NONAUTH',
    cites: RIPE_SOURCES_CITED,
    base: 'ripe',
    templates: {},
    statusByClass: STATUS_BY_CLASS,
    // AttributeType.E_MAIL: "filtered from the default whois output when at least one of the objects returned
    // by the query contains an abuse-mailbox attribute" — without a "# Filtered" mark.
    hiddenInAnswers: new Set(['e-mail']),
    severities: {
      'rpsl/weak-auth': 'error',
      'rpsl/set-name-not-hierarchical': 'warning',
    },
    authSchemes: new Set(['MD5-PW', 'PGPKEY', 'X509', 'SSO', 'CRYPT-PW', 'AUTO']),
    ...RIPE_LIKE,
  },
  apnic: {
    id: 'apnic',
    title: 'APNIC whois',
    registries: 'APNIC (and the NIRs it serves: JPNIC, KRNIC, TWNIC, CNNIC, IDNIC whois)',
    cites: [
      { title: 'APNIC-net/whois ObjectTemplateMapConfig.java (APNIC class templates)', url: 'https://github.com/APNIC-net/whois/blob/master/whois-commons/src/main/java/net/apnic/db/whois/common/rpsl/ObjectTemplateMapConfig.java' },
      { title: 'APNIC-net/whois attrs/InetnumStatus.java, Inet6numStatus.java', url: 'https://github.com/APNIC-net/whois/tree/master/whois-commons/src/main/java/net/apnic/db/whois/common/domain/attrs' },
      { title: 'APNIC whois guide: object templates (inetnum, irt, …)', url: 'https://www.apnic.net/manage-ip/using-whois/guide/inetnum/' },
    ],
    base: 'ripe',
    // APNIC whois is RIPE's, with APNIC's templates: descr: mandatory, country: on many classes, mnt-irt:
    // mandatory on inetnum/inet6num, referral-by: on mntner, abuse-mailbox: on irt. Current objects carry
    // last-modified: where the templates of the source still list changed: (apnic.net guide).
    templates: {
      'as-block': { 'admin-c': 'm', 'tech-c': 'm', country: 'o', changed: 'o' },
      'as-set': { descr: 'm', country: 'o', changed: 'o' },
      'aut-num': { descr: 'm', country: 'o', 'mnt-lower': 'o', 'mnt-routes': 'o', 'mnt-irt': 'o', status: '-', 'import-via': 'o', 'export-via': 'o', changed: 'o' },
      domain: { descr: 'm', country: 'o', nserver: 'o', 'mnt-lower': 'o', changed: 'o' },
      'filter-set': { descr: 'm', changed: 'o' },
      'inet-rtr': { descr: 'm', changed: 'o' },
      // mnt-irt: is mandatory in APNIC's template, yet APNIC serves allocation blocks without it (2001:240::/32).
      inet6num: { descr: 'm', 'mnt-irt': 'o', 'mnt-domains': '-', prefixlen: '-', 'assignment-size': '-', changed: 'o' },
      inetnum: { descr: 'm', 'mnt-irt': 'o', 'mnt-domains': '-', prefixlen: '-', 'assignment-size': '-', changed: 'o' },
      irt: { 'abuse-mailbox': 'm', 'mnt-ref': '-', changed: 'o' },
      'key-cert': { changed: 'o' },
      mntner: { descr: 'm', country: 'o', 'abuse-mailbox': 'o', 'referral-by': 'o', 'mnt-ref': '-', changed: 'o' },
      // org-type: is in APNIC's template, yet APNIC's answers leave it out (ORG-ARAD1-AP, test/rpsl/real).
      organisation: { country: 'o', 'abuse-mailbox': 'o', 'org-type': 'o', changed: 'o' },
      'peering-set': { descr: 'm', changed: 'o' },
      person: { country: 'o', 'e-mail': 'm', 'abuse-mailbox': 'o', 'mnt-ref': '-', changed: 'o' },
      role: { country: 'o', phone: 'm', 'admin-c': 'm', 'tech-c': 'm', 'abuse-mailbox': 'o', 'mnt-ref': '-', changed: 'o' },
      route: { descr: 'm', country: 'o', pingable: '-', 'ping-hdl': '-', changed: 'o' },
      route6: { descr: 'm', country: 'o', pingable: '-', 'ping-hdl': '-', changed: 'o' },
      'route-set': { descr: 'm', changed: 'o' },
      'rtr-set': { descr: 'm', changed: 'o' },
    },
    statusByClass: APNIC_STATUS_BY_CLASS,
    extraCountries: new Set(['AP']), // "country: AP" in APNIC's own template examples (apnic.net guide)
    severities: {
      'rpsl/weak-auth': 'error',
      'rpsl/set-name-not-hierarchical': 'warning',
    },
    authSchemes: new Set(['MD5-PW', 'PGPKEY', 'X509', 'CRYPT-PW']),
    ...RIPE_LIKE,
    hierarchicalSetClasses: NO_SET_CLASSES,
  },
  afrinic: {
    id: 'afrinic',
    title: 'AFRINIC whois',
    registries: 'AFRINIC',
    cites: [
      { title: 'AFRINIC WHOIS DB: Objects and Attributes', url: 'https://afrinic.net/support/whois/objects-and-attributes' },
      { title: 'AFRINIC: Creating customer assignments (inetnum template)', url: 'https://afrinic.net/support/whois/creating-customer-assignments' },
      { title: "AFRINIC's whois (RIPE's, forked) attrs/InetnumStatus.java, Inet6numStatus.java, OrgType.java", url: 'https://github.com/michelafrinic/WHOIS/tree/master/whois-commons/src/main/java/net/ripe/db/whois/common/domain/attrs' },
    ],
    base: 'ripe',
    // AFRINIC whois derives from RIPE's: org: mandatory and rev-srv: on inetnum, country: and referral-by:
    // on mntner, changed: still served beside last-modified:.
    templates: {
      'aut-num': { 'mnt-lower': 'o', 'mnt-routes': 'o', 'mnt-irt': 'o', changed: 'o' },
      inetnum: { org: 'o', 'rev-srv': 'o', parent: 'o', prefixlen: '-', 'assignment-size': '-', changed: 'o' },
      inet6num: { org: 'o', 'rev-srv': 'o', parent: 'o', prefixlen: '-', 'assignment-size': '-', changed: 'o' },
      mntner: { country: 'o', 'referral-by': 'o', changed: 'o' },
      irt: { 'abuse-mailbox': 'o', changed: 'o' },
      person: { changed: 'o' },
      role: { changed: 'o' },
      route: { changed: 'o' },
      route6: { changed: 'o' },
      'as-set': { changed: 'o' },
      organisation: { changed: 'o' },
    },
    statusByClass: AFRINIC_STATUS_BY_CLASS,
    orgTypes: AFRINIC_ORG_TYPES,
    severities: {
      'rpsl/weak-auth': 'error',
      'rpsl/set-name-not-hierarchical': 'warning',
    },
    authSchemes: new Set(['MD5-PW', 'PGPKEY', 'X509', 'CRYPT-PW']),
    ...RIPE_LIKE,
    hierarchicalSetClasses: NO_SET_CLASSES,
  },
};

/** APNIC's national registries: APNIC's whois serves their objects, mirrored, with their name as source:. */
const APNIC_NIRS: ReadonlySet<string> = new Set(['JPNIC', 'KRNIC', 'TWNIC', 'CNNIC', 'VNNIC', 'IRINN']);

/**
 * IDNIC is both an NIR whose address objects APNIC's whois serves, and an IRRd instance (irr.idnic.net) holding
 * routing objects: the class decides.
 */
const IDNIC_RIR_CLASSES: ReadonlySet<string> = new Set(['inetnum', 'inet6num', 'irt', 'person', 'role', 'mntner', 'organisation', 'domain']);

/** Attributes only LACNIC's whois writes: an object without source: that has one is LACNIC's. */
const LACNIC_WHOIS_MARKERS: ReadonlySet<string> = new Set(['ownerid', 'owner-c', 'inetrev', 'inetnum-up', 'responsible', 'nsstat', 'nslastaa']);

/** Registry name (upper case, suffixes removed) → profile; every other named source is an IRRd instance. */
const PROFILE_OF_REGISTRY: ReadonlyMap<string, RpslDialect> = new Map([
  ['RIPE', 'ripe'],
  ['APNIC', 'apnic'],
  // National registries whose objects APNIC's whois serves in its own format ("partially mirrored by APNIC").
  ...[...APNIC_NIRS].map((n) => [n, 'apnic'] as const),
  ['AFRINIC', 'afrinic'],
  ['ARIN', 'arin'],
  ['LACNIC', 'lacnic'],
  ['RPKI', 'rpki'],
]);

/** Well-known IRR databases, for completion of `source:` values. */
export const KNOWN_SOURCES: readonly string[] = [
  'RIPE', 'RIPE-NONAUTH', 'RADB', 'ARIN', 'ARIN-NONAUTH', 'APNIC', 'AFRINIC', 'LACNIC', 'ALTDB', 'NTTCOM', 'LEVEL3', 'BELL', 'JPIRR', 'IDNIC', 'TC', 'REACH', 'BBOI', 'CANARIE', 'WCGDB',
];

/** What `source:` says of an object: the registry, whether it is a mirror copy, whether the server filtered it. */
export interface SourceInfo {
  /** The value as written, upper case ('' when absent). */
  readonly source: string;
  /** The registry without -NONAUTH / -GRS. */
  readonly registry: string;
  /** -GRS: a copy RIPE's Global Resource Service serves of another registry's data. */
  readonly grs: boolean;
  readonly nonauth: boolean;
}

const NO_SOURCE: SourceInfo = { source: '', registry: '', grs: false, nonauth: false };

export function sourceInfo(value: string): SourceInfo {
  const source = value.trim().toUpperCase();
  if (source === '') return NO_SOURCE;
  let registry = source;
  const grs = registry.endsWith('-GRS');
  if (grs) registry = registry.slice(0, -4);
  const nonauth = registry.endsWith('-NONAUTH');
  if (nonauth) registry = registry.slice(0, -8);
  return { source, registry, grs, nonauth };
}

/** The `source:` attribute of an object (the last one, as registries read it). */
export function sourceAttribute(obj: RpslObject): RpslAttribute | undefined {
  let found: RpslAttribute | undefined;
  for (const a of obj.attributes) if (a.name === 'source') found = a;
  return found;
}

/**
 * Whether an object of this source is a copy the user cannot fix (checked as IRRd checks mirrored data,
 * in non-strict mode): -GRS copies and RPKI pseudo-objects always; with `authoritative` set, every source
 * it does not name (by source or by registry). Objects without source: are the user's own.
 */
export function isMirrored(info: SourceInfo, authoritative: ReadonlySet<string> | undefined): boolean {
  if (info.source === '') return false;
  if (info.grs || info.registry === 'RPKI') return true;
  if (authoritative === undefined) return APNIC_NIRS.has(info.registry);
  return !authoritative.has(info.source) && !authoritative.has(info.registry);
}

/** The profile a registry's objects are checked against (registry as in SourceInfo). */
/** A stable key for caches of results that depend on the authoritative sources. */
export function sourceListKey(sources: ReadonlySet<string> | undefined): string {
  return sources ? [...sources].sort().join(',') : '*';
}

export function profileOfRegistry(registry: string): RpslDialect {
  if (registry === '') return 'rfc';
  return PROFILE_OF_REGISTRY.get(registry) ?? 'irrd';
}

/**
 * An object's class and attributes by position, as the dialect and source tests read them: a FramedObject's
 * columns (the linter's framing), or an RpslObject's attributes (NamesOf).
 */
export interface NamedValues {
  readonly className: string;
  readonly count: number;
  name(i: number): string;
  value(i: number): string;
}

/** An RpslObject as NamedValues. */
class NamesOf implements NamedValues {
  constructor(private readonly obj: RpslObject) {}
  get className(): string {
    return this.obj.className;
  }
  get count(): number {
    return this.obj.attributes.length;
  }
  name(i: number): string {
    return this.obj.attributes[i]!.name;
  }
  value(i: number): string {
    return this.obj.attributes[i]!.value;
  }
}

/** The position of the last `source:` (as registries read it), or -1. */
export function sourceIndex(obj: NamedValues): number {
  for (let i = obj.count - 1; i >= 0; i--) if (obj.name(i) === 'source') return i;
  return -1;
}

/**
 * The dialect an object is checked against: the setting, or with `auto` its `source:` (RIPE, APNIC,
 * AFRINIC, ARIN, LACNIC and RPKI have their own profiles, with -NONAUTH and -GRS copies going to the
 * registry they come from; any other registry is an IRRd instance; none → rfc).
 */
export function dialectOf(obj: RpslObject, setting: RpslDialectSetting): RpslDialect {
  return setting !== 'auto' ? setting : dialectOfNamed(new NamesOf(obj), setting);
}

/** dialectOf for an object read by position (the linter's FramedObject). */
export function dialectOfNamed(obj: NamedValues, setting: RpslDialectSetting): RpslDialect {
  if (setting !== 'auto') return setting;
  const at = sourceIndex(obj);
  const value = at < 0 ? '' : obj.value(at);
  if (value === '') return isLacnicWhois(obj) ? 'lacnic' : 'rfc';
  const registry = registryOf(value);
  if (registry === 'IDNIC') return IDNIC_RIR_CLASSES.has(obj.className) ? 'apnic' : 'irrd';
  return profileOfRegistry(registry);
}

/** source: values as written → their registry: a dump repeats a handful of values, so each is parsed once. */
const registryCache = new Map<string, string>();

function registryOf(value: string): string {
  let r = registryCache.get(value);
  if (r === undefined) {
    if (registryCache.size > 1024) registryCache.clear();
    registryCache.set(value, (r = sourceInfo(value).registry));
  }
  return r;
}

/**
 * IANA's whois answer (whois.iana.org: refer:, inetnum:/organisation:/status:, whois:, changed:/source: IANA),
 * which whois clients print before the registry's answer, is IANA's key-value format, not RPSL objects of any
 * registry: it is not checked. Recognised by source: IANA, by IANA's record names, or by organisation: (IANA's
 * name for the holder) on an object without source:.
 */
export function isIanaRecord(obj: RpslObject): boolean {
  return isIanaNamed(new NamesOf(obj));
}

/** isIanaRecord for an object read by position. */
export function isIanaNamed(obj: NamedValues): boolean {
  if (obj.className === 'refer' || obj.className === 'whois') return true;
  // One pass, no allocation: this runs for every object validated.
  let source = -1;
  let organisation = false;
  for (let i = 0; i < obj.count; i++) {
    const name = obj.name(i);
    if (name === 'source') source = i;
    else if (name === 'organisation') organisation = true;
  }
  if (source >= 0) {
    const value = obj.value(source);
    return (value.charCodeAt(0) | 32) === 105 /* i */ && sourceInfo(value).registry === 'IANA';
  }
  return organisation && obj.className !== 'organisation';
}

/** LACNIC's whois answers carry no source:; their own attributes say whose they are. */
function isLacnicWhois(obj: NamedValues): boolean {
  if (obj.className === 'nic-hdl') return true;
  for (let i = 0; i < obj.count; i++) if (LACNIC_WHOIS_MARKERS.has(obj.name(i))) return true;
  return false;
}

/** Why an object gets its profile, in words: for the hover on `source:` and for messages. */
export function whyDialect(obj: RpslObject, setting: RpslDialectSetting): string {
  const dialect = dialectOf(obj, setting);
  const profile = DIALECT_PROFILES[dialect];
  if (setting !== 'auto') return `${profile.title}, because routelens.rpsl.dialect (or --dialect) is set to "${setting}".`;
  const attr = sourceAttribute(obj);
  if (!attr || attr.value === '')
    return dialect === 'lacnic'
      ? `${profile.title}, because the object has no source: but LACNIC whois attributes (ownerid:, owner-c:, inetrev:, nic-hdl: first …).`
      : `${profile.title}, because the object has no source: to choose a registry by.`;
  const info = sourceInfo(attr.value);
  const copy = info.grs
    ? ` (a copy served by RIPE's Global Resource Service of ${info.registry}'s data)`
    : info.nonauth
      ? ` (${info.registry}'s non-authoritative database)`
      : APNIC_NIRS.has(info.registry) || (info.registry === 'IDNIC' && dialect === 'apnic')
        ? ', a national registry whose objects APNIC’s whois serves'
        : '';
  const which = PROFILE_OF_REGISTRY.has(info.registry) ? `the ${info.registry} registry${copy}` : `${info.source}${copy}, an IRRd instance`;
  return `${profile.title}, because source: names ${which}.`;
}
