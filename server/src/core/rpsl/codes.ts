import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';
import type { Severity } from '../diagnostics/diagnostic';

/** Every code the RPSL framer and validator emit. Severities here are defaults; dialects.ts may change them. */
export const rpslCodes: readonly DiagnosticCodeInfo[] = [
  // ---- Framing (frame.ts) ----
  {
    code: 'rpsl/not-an-attribute',
    severity: 'error',
    summary: 'A line is neither an attribute nor a continuation line.',
    description:
      'Inside an object every line is `name: value`, a continuation (starting with a space, tab or `+`), or a `#` comment. Add the attribute name and colon, or indent the line to continue the previous value.',
    example: 'route:  192.0.2.0/24\norigin: AS65000\nor',
  },
  {
    code: 'rpsl/empty-attribute-name',
    severity: 'error',
    summary: 'A line starts with ":", so the attribute name is missing.',
    description: 'Write the attribute name before the colon, e.g. `descr: …`.',
    example: ': AS65000',
  },
  {
    code: 'rpsl/invalid-attribute-name',
    severity: 'error',
    summary: 'The text before ":" is not a valid attribute name.',
    description: 'Attribute names are letters, digits, `-` and `_`, starting with a letter or digit (RFC 2622 §2). Correct the name.',
    example: '$$$-by: TEST-MNT',
  },
  {
    code: 'rpsl/orphan-continuation',
    severity: 'error',
    summary: 'A continuation line does not follow an attribute.',
    description: 'A line starting with a space, tab or `+` continues the previous attribute; here there is none. Start the line with `name:` or move it under the attribute it belongs to.',
    example: '  AS65000',
  },
  {
    code: 'rpsl/split-object',
    severity: 'error',
    summary: 'A blank line splits an object: the next line is a continuation.',
    description:
      'A blank line ends an object, so the continuation line after it belongs to nothing. Remove the blank line (use a line with just `+` for an empty line inside a value).',
    example: 'descr:  first line\n\n        second line',
  },
  {
    code: 'rpsl/foreign-answer',
    severity: 'information',
    summary: "A saved whois answer holds another server's answer that is not RPSL (IANA's, ARIN's); it is not checked.",
    description:
      "whois clients print every server they ask: the BSD and macOS clients IANA's referral records, the Linux client ARIN's own format before a referral to RIPE or APNIC. Those records are not RPSL objects, so their lines are skipped from the server's header up to the next answer (a client's referral line, the BSD client's `# whois.…` line or an RPSL server's header) and the RPSL answer after them is checked as usual.",
    example: '% IANA WHOIS server\n\nrefer:        whois.ripe.net\n\n# whois.ripe.net\n\nroute:          192.0.2.0/24',
  },
  {
    code: 'rpsl/whitespace-line',
    severity: 'error',
    summary: 'A line of only spaces stands between two objects.',
    description:
      'IRRd and RIPE read a line of spaces as a continuation line, so the objects before and after it become one object (and fail with duplicate attributes). Delete the spaces so the line is empty.',
    example: 'source: TEST\n \nroute: 192.0.2.0/24',
  },
  // ---- Structure (validate.ts) ----
  {
    code: 'rpsl/blank-line-in-object',
    severity: 'error',
    summary: 'An empty line inside an object cuts it in two.',
    description:
      'An empty line ends an RPSL object (RFC 2622 §2), so the lines after a stray one form a second object whose class is an ' +
      'attribute (source:, export:). Registries reject or split it. The two halves are checked as one object, so this is the only ' +
      'finding the split causes. Fix: remove the empty line.',
    example: 'route: 192.0.2.0/24\norigin: AS64500\n\nsource: TEST',
  },
  {
    code: 'rpsl/unknown-class',
    severity: 'error',
    summary: 'The first attribute names no known object class.',
    description: 'An object’s class is its first attribute. Use one of the RPSL/registry classes (aut-num, route, as-set, mntner, …), or check the spelling.',
    example: 'foo-block: 192.0.2.0/24',
  },
  {
    code: 'rpsl/class-not-in-dialect',
    severity: 'warning',
    summary: 'The class exists, but not in the selected dialect.',
    description: 'For example inetnum and organisation are registry classes that the RFCs do not define. Add a `source:` that selects the registry, or set `routelens.rpsl.dialect`.',
    example: 'poem: POEM-TEST\nsource: RADB',
  },
  {
    code: 'rpsl/unknown-attribute',
    severity: 'error',
    summary: 'No class in any dialect has this attribute.',
    description: 'The attribute is unknown to RPSL and to the registries (IRRd strict mode rejects it). Check the spelling, or move the text into `remarks:`.',
    example: 'route: 192.0.2.0/24\nfoo: bar',
  },
  {
    code: 'rpsl/attribute-not-in-class',
    severity: 'error',
    summary: 'The attribute exists, but not in this class (or not in this dialect).',
    description: 'The message names the classes or dialects that have it. Remove it, or move it to the object where it belongs.',
    example: 'route: 192.0.2.0/24\nas-name: TEST',
  },
  {
    code: 'rpsl/missing-mandatory',
    severity: 'error',
    summary: 'A mandatory attribute of the class is missing.',
    description: 'Every class has mandatory attributes (for a route: route, origin, mnt-by, source). Add the attribute named in the message.',
    example: 'route: 192.0.2.0/24\nsource: TEST',
  },
  {
    code: 'rpsl/missing-one-of',
    severity: 'error',
    summary: 'None of a group of conditional attributes is present.',
    description: 'Some classes need at least one of several attributes, e.g. a filter-set needs `filter:` or `mp-filter:`. Add one of them.',
    example: 'filter-set: FLTR-TEST\nsource: TEST',
  },
  {
    code: 'rpsl/multiple-single',
    severity: 'error',
    summary: 'A single-valued attribute occurs more than once.',
    description: 'Attributes such as the class key, `origin:` and `source:` may appear once per object. Keep one; two occurrences often mean two objects run together without a blank line.',
    example: 'source: TEST\nsource: OTHER',
  },
  {
    code: 'rpsl/deprecated-attribute',
    severity: 'warning',
    summary: 'The attribute is deprecated in this dialect.',
    description: 'The registry ignores or drops it (RIPE dropped `changed:` in 2015). Remove it.',
    example: 'changed: noc@example.net 20150101\nsource: RIPE',
  },
  {
    code: 'rpsl/empty-value',
    severity: 'error',
    summary: 'The attribute has no value.',
    description: 'Only free-text attributes (remarks, descr) may be empty. Write the value after the colon.',
    example: 'origin:',
  },
  // ---- Values (valueTypes.ts) ----
  {
    code: 'rpsl/invalid-asn',
    severity: 'error',
    summary: 'Not an AS number.',
    description: 'Write `AS` followed by a number from 0 to 4294967295 (asplain), e.g. `AS65000`.',
    example: 'origin: ASxxxx',
  },
  {
    code: 'rpsl/asdot',
    severity: 'error',
    summary: 'An AS number is written in asdot notation.',
    description: 'RFC 5396 asdot (`AS1.10`) is not accepted by IRRd or RIPE; the RFC dialect accepts it with a warning. Write asplain: AS1.10 is AS65546.',
    example: 'origin: AS1.10',
  },
  {
    code: 'rpsl/non-canonical',
    severity: 'information',
    summary: 'The value is valid but the registry will store it normalised.',
    description: 'Leading zeros (`AS065537`, `192.0.02.0`), lower-case `as`, upper-case or uncompressed IPv6 are rewritten by the registry. Apply the quick fix to write the stored form.',
    example: 'origin: as065537',
  },
  {
    code: 'rpsl/invalid-prefix',
    severity: 'error',
    summary: 'Not an address prefix.',
    description: 'Write an address and a length: `192.0.2.0/24`, `2001:db8::/32`.',
    example: 'route: not-a-prefix',
  },
  {
    code: 'rpsl/host-bits-set',
    severity: 'error',
    summary: 'The prefix has bits set beyond its length.',
    description: '`192.0.2.1/24` is not a prefix: the address must end where the length says. The quick fix offers the covering prefix (`192.0.2.0/24`); if you meant a longer prefix, change the length instead.',
    example: 'route: 192.0.2.1/24',
  },
  {
    code: 'rpsl/short-prefix',
    severity: 'error',
    summary: 'An IPv4 prefix is written with fewer than four octets.',
    description: 'Classful short forms such as `192.0.2/24` are rejected by IRRd and RIPE. Write all four octets: `192.0.2.0/24`.',
    example: 'route: 192.0.2/24',
  },
  {
    code: 'rpsl/wrong-address-family',
    severity: 'error',
    summary: 'An IPv6 value where IPv4 is required, or the reverse.',
    description: '`route:`, `members:` of a route-set and `inetnum:` take IPv4; `route6:`, `inet6num:` take IPv6; `mp-members:` takes both. Move the value to the attribute or object of its family.',
    example: 'route: 2001:db8::/32',
  },
  {
    code: 'rpsl/invalid-range-operator',
    severity: 'error',
    summary: 'A range operator is malformed or out of range.',
    description:
      'Range operators are `^-`, `^+`, `^n` and `^n-m` (RFC 2622 §2) with prefix length ≤ n ≤ m ≤ 32 (IPv4) or 128 (IPv6). IRRd accepts lengths beyond the address width; RouteLens does not, since no route can match them.',
    example: 'members: 192.0.2.0/24^23',
  },
  {
    code: 'rpsl/invalid-address-range',
    severity: 'error',
    summary: 'Not an IPv4 address range.',
    description: 'Write `first - last` with two IPv4 addresses (`192.0.2.0 - 192.0.2.255`), or one address.',
    example: 'inetnum: 192.0.1.5555 - 192.0.2.0',
  },
  {
    code: 'rpsl/range-reversed',
    severity: 'error',
    summary: 'The end of a range is below its start.',
    description: 'Swap the two ends.',
    example: 'as-block: AS300 - AS200',
  },
  {
    code: 'rpsl/invalid-as-block',
    severity: 'error',
    summary: 'Not an AS number range.',
    description: 'Write `ASfirst - ASlast`, e.g. `AS64496 - AS64511`.',
    example: 'as-block: AS65537',
  },
  {
    code: 'rpsl/invalid-set-name',
    severity: 'error',
    summary: 'Not a valid set name.',
    description:
      'A set name starts with its class prefix (AS-, RS-, RTRS-, FLTR-, PRNG-) followed by letters, digits, `-` or `_`; hierarchical names join components with `:` (`AS8048:AS-CUSTOMERS`), each an AS number or a set name, with at least one set name and no empty component.',
    example: 'as-set: AS1:AS3',
  },
  {
    code: 'rpsl/set-name-wrong-class',
    severity: 'error',
    summary: 'The set name is of another class than expected here.',
    description: 'An as-set must be named `AS-…`, a route-set `RS-…`, and so on; members and member-of must name sets of the right class.',
    example: 'route-set: AS1:AS-FOO',
  },
  {
    code: 'rpsl/set-name-too-long',
    severity: 'error',
    summary: 'The set name is longer than 80 characters.',
    description: 'Registries limit names to 80 characters. Shorten it.',
  },
  {
    code: 'rpsl/set-name-too-many-components',
    severity: 'error',
    summary: 'A hierarchical set name has more than five components.',
    description: 'IRRd strict mode and RIPE accept at most five `:`-separated components. Flatten the hierarchy.',
    example: 'as-set: AS1:AS-B:AS-C:AS-D:AS-E:AS-F',
  },
  {
    code: 'rpsl/set-name-reserved',
    severity: 'error',
    summary: 'The set name is a reserved word.',
    description: '`AS-ANY` and `RS-ANY` are predefined (RFC 2622 §5) and cannot be defined or used as a component. Choose another name.',
    example: 'as-set: AS1:AS-ANY',
  },
  {
    code: 'rpsl/set-name-not-hierarchical',
    severity: 'warning',
    summary: 'A new as-set has a short (non-hierarchical) name, which RIPE refuses.',
    description: 'RIPE refuses to create an as-set whose name has no `:` (RIPE-NCC/whois ASNameHierarchicalValidator): name it under the owner’s AS number (`AS65000:AS-CUSTOMERS`), so that the AS holder authorises it and no one else can squat the name. Existing short-named sets keep working, and the rule is RIPE’s for as-sets only: route-sets, rtr-sets, filter-sets and peering-sets may keep short names.',
    example: 'as-set: AS-CUSTOMERS\nsource: RIPE',
  },
  {
    code: 'rpsl/invalid-member',
    severity: 'error',
    summary: 'A member or reference is not of a kind the attribute takes.',
    description: 'as-set members are AS numbers and as-set names; route-set members are prefixes (with range operators), route-sets, AS numbers and as-sets; rtr-set members are inet-rtr names, rtr-sets and addresses.',
    example: 'members: FOOBAR',
  },
  {
    code: 'rpsl/member-wrong-family',
    severity: 'error',
    summary: 'An IPv6 member in an IPv4-only members list.',
    description: '`members:` of a route-set and rtr-set is IPv4 only (RFC 2622); IPv6 prefixes and addresses go in `mp-members:` (RFC 4012).',
    example: 'members: 2001:db8::/32',
  },
  {
    code: 'rpsl/invalid-name',
    severity: 'error',
    summary: 'Not a valid object name or handle.',
    description:
      'Names of mntners, contacts (nic-hdl) and sources are letters, digits, `-` and `_`, starting with a letter and ending with a letter or digit; they must not be reserved words (ANY, AS-ANY, …) or begin with a set prefix (AS-, RS-, …).',
    example: 'mnt-by: FOO$BAR',
  },
  {
    code: 'rpsl/invalid-email',
    severity: 'error',
    summary: 'Not an e-mail address.',
    description: 'Write `local@domain.example` (an address literal in brackets is also accepted).',
    example: 'e-mail: foo.bar+baz@',
  },
  {
    code: 'rpsl/invalid-date',
    severity: 'error',
    summary: 'Not a valid date.',
    description: 'Dates are `YYYYMMDD` in `changed:` and ISO 8601 (`2020-01-31T12:00:00Z`) in generated timestamps, and must exist in the calendar.',
    example: 'changed: noc@example.net 20191301',
  },
  {
    code: 'rpsl/invalid-changed',
    severity: 'error',
    summary: '`changed:` is not `e-mail [YYYYMMDD]`.',
    description: 'RFC 2622 §3.1: the address of who changed the object, optionally followed by the date. Remove anything else.',
    example: 'changed: noc@example.net yesterday',
  },
  {
    code: 'rpsl/invalid-auth',
    severity: 'error',
    summary: 'An `auth:` value the dialect does not accept.',
    description: 'Use a scheme the registry supports with its argument: `BCRYPT-PW <hash>`, `MD5-PW <hash>`, `PGPKEY-<8 hex digits>`, and in RIPE `X509-<n>` or `SSO <account>`.',
    example: 'auth: ARGON-PW hashhash',
  },
  {
    code: 'rpsl/weak-auth',
    severity: 'warning',
    summary: 'An authentication scheme that offers no real protection.',
    description: 'CRYPT-PW hashes are cracked in seconds, MAIL-FROM and NONE let anyone update. IRRd (default config) and RIPE reject CRYPT-PW. Use BCRYPT-PW or PGPKEY.',
    example: 'auth: CRYPT-PW LEuuhsBJNFV0Q',
  },
  {
    code: 'rpsl/invalid-country',
    severity: 'error',
    summary: 'Not a two-letter country code.',
    description: 'Write an ISO 3166-1 alpha-2 code such as `DE` or `VE`.',
    example: 'country: Germany',
  },
  {
    code: 'rpsl/unknown-country',
    severity: 'error',
    summary: 'A two-letter code that is no ISO 3166-1 country.',
    description: 'Check the code (UK is GB); RIPE also accepts EU and ZZ.',
    example: 'country: XQ',
  },
  {
    code: 'rpsl/invalid-status',
    severity: 'error',
    summary: 'A status value the class does not have.',
    description: 'RIPE defines the status values per class (inetnum: ASSIGNED PA, ALLOCATED PA, …; inet6num: ASSIGNED, ALLOCATED-BY-RIR, …). Completion offers them.',
    example: 'status: ASSIGNED PX',
  },
  {
    code: 'rpsl/invalid-phone',
    severity: 'error',
    summary: 'Not an international phone number.',
    description: 'Write `+`, the country code and the number, digits separated by spaces, e.g. `+31 20 535 4444`, optionally `ext. 123`.',
    example: 'phone: 020 535 4444',
  },
  {
    code: 'rpsl/invalid-dns-name',
    severity: 'error',
    summary: 'Not a DNS name.',
    description: 'Labels of letters, digits and `-` (not at either end), joined by dots; at most 63 characters per label and 253 in all.',
    example: 'inet-rtr: foo.bar+baz@',
  },
  {
    code: 'rpsl/invalid-nserver',
    severity: 'error',
    summary: 'The address after a name server is not one IPv4 or IPv6 address, or more follows it.',
    description:
      '`nserver:` is the host name of a name server, optionally followed by its glue address: one IPv4 or IPv6 address (as RIPE whois parses it). Write `ns1.example.net 192.0.2.53`, or the host name alone.',
    example: 'nserver: ns1.example.net 192.0.2.0/24',
  },
  {
    code: 'rpsl/invalid-url',
    severity: 'error',
    summary: 'Not an http or https URL.',
    description: 'Geofeed and similar attributes take an `https://…` URL (RIPE whois accepts https only for `geofeed:`; IRRd also accepts http).',
    example: 'geofeed: ftp://example.com/feed.csv',
  },
  {
    code: 'rpsl/empty-list-item',
    severity: 'warning',
    summary: 'A list has an empty item (two commas, or a trailing comma).',
    description: 'Registries skip it, but it usually means a value was lost. Remove the extra comma or add the missing item.',
    example: 'members: AS1, , AS2',
  },
  {
    code: 'rpsl/invalid-enum',
    severity: 'error',
    summary: 'A value outside the attribute’s fixed set of keywords.',
    description: 'The message lists the accepted keywords (for example `method:` is PGP or X509; `org-type:` is IANA, RIR, NIR, LIR, WHITEPAGES, DIRECT_ASSIGNMENT or OTHER).',
    example: 'method: GPG',
  },
  {
    code: 'rpsl/invalid-key-cert-name',
    severity: 'error',
    summary: 'A key-cert name that is not PGPKEY-<8 hex digits> or X509-<n>.',
    description: 'PGP key-certs are named after the last 8 hex digits of the key fingerprint, e.g. `PGPKEY-80F238C6`.',
    example: 'key-cert: PGPKEY-XX',
  },
  {
    code: 'rpsl/invalid-netname',
    severity: 'error',
    summary: 'Not a valid network name.',
    description: 'RIPE network names start with a letter and hold letters, digits, `-` and `_`, at most 80 characters.',
    example: 'netname: 1-NET',
  },
];

const DEFAULTS: ReadonlyMap<string, Severity> = new Map(rpslCodes.map((c) => [c.code, c.severity]));

export function defaultSeverity(code: string): Severity {
  return DEFAULTS.get(code) ?? 'error';
}
