/** Fixed value sets of RPSL/registry attributes, for validation and completion. */

/** ISO 3166-1 alpha-2, plus EU and ZZ which RIPE accepts. */
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU ZZ'
  ).split(' '),
);

/**
 * RIPE Database status values by class. inetnum and inet6num are exactly what RIPE whois accepts, in its
 * order: RIPE-NCC/whois whois-rpsl/…/rpsl/attrs/InetnumStatus.java and Inet6numStatus.java.
 */
export const STATUS_BY_CLASS: Readonly<Record<string, readonly string[]>> = {
  inetnum: [
    'ALLOCATED PA',
    'ALLOCATED UNSPECIFIED',
    'LIR-PARTITIONED PA',
    'SUB-ALLOCATED PA',
    'AGGREGATED-BY-LIR',
    'ALLOCATED-ASSIGNED PA',
    'ASSIGNED PA',
    'ASSIGNED PI',
    'ASSIGNED ANYCAST',
    'LEGACY',
  ],
  inet6num: ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR', 'ASSIGNED', 'ASSIGNED ANYCAST', 'ASSIGNED PI'],
  'aut-num': ['ASSIGNED', 'LEGACY', 'OTHER'],
};

/**
 * APNIC whois status values, exactly as its own code has them: APNIC-net/whois whois-commons/…/apnic/db/whois/
 * common/domain/attrs/InetnumStatus.java and Inet6numStatus.java. APNIC aut-nums have no status:.
 */
export const APNIC_STATUS_BY_CLASS: Readonly<Record<string, readonly string[]>> = {
  inetnum: ['UNSPECIFIED', 'ALLOCATED PORTABLE', 'ALLOCATED NON-PORTABLE', 'ASSIGNED PORTABLE', 'ASSIGNED NON-PORTABLE'],
  inet6num: ['ALLOCATED PORTABLE', 'ALLOCATED NON-PORTABLE', 'ASSIGNED PORTABLE', 'ASSIGNED NON-PORTABLE'],
};

/**
 * AFRINIC whois status values, from AFRINIC's fork of RIPE's whois (michelafrinic/WHOIS, its changes marked
 * "-AFRINIC-"): whois-commons/…/domain/attrs/InetnumStatus.java and Inet6numStatus.java. Two stored versions of
 * Inet6numStatus differ (one has ALLOCATED UNSPECIFIED, the other SUB-ALLOCATED PA): both are taken, since a value
 * AFRINIC has accepted is one its database holds. AFRINIC writes IPv6 statuses with the IPv4 names (ASSIGNED PA,
 * not RIPE's AGGREGATED-BY-LIR). Its aut-nums have no status:.
 */
export const AFRINIC_STATUS_BY_CLASS: Readonly<Record<string, readonly string[]>> = {
  inetnum: ['ALLOCATED PA', 'ALLOCATED UNSPECIFIED', 'SUB-ALLOCATED PA', 'ASSIGNED PA', 'ASSIGNED PI', 'ASSIGNED ANYCAST'],
  inet6num: ['ALLOCATED UNSPECIFIED', 'ALLOCATED-BY-RIR', 'SUB-ALLOCATED PA', 'ASSIGNED PA', 'ASSIGNED PI'],
};

/** AFRINIC's org-type: values (the same fork's OrgType.java, "_" written "-" as its toString does). */
export const AFRINIC_ORG_TYPES: readonly string[] = ['IANA', 'RIR', 'LIR', 'EU-PI', 'EU-AS', 'MEMBER-ONLY', 'CLOSED', 'INACTIVE-MEMBER', 'NON-REGISTRY', 'OTHER'];

export const ORG_TYPES: readonly string[] = ['IANA', 'RIR', 'NIR', 'LIR', 'WHITEPAGES', 'DIRECT_ASSIGNMENT', 'OTHER'];

export const AUTH_SCHEMES: readonly string[] = ['BCRYPT-PW', 'MD5-PW', 'PGPKEY-', 'X509-', 'SSO', 'CRYPT-PW', 'MAIL-FROM', 'NONE'];
