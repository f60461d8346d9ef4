import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** Codes of the policy parser (RFC 2622 §5–8, RFC 4012). Every code `parser.ts` emits has a row here. */
export const policyCodes = [
  {
    code: 'policy/empty',
    severity: 'error',
    summary: 'A policy attribute has no value.',
    description: 'Policy attributes (import, export, filter, peering, …) need an expression. Write one, or remove the attribute.',
    example: 'import:',
  },
  {
    code: 'policy/unexpected-token',
    severity: 'error',
    summary: 'A word or symbol that the policy grammar does not allow here.',
    description:
      'The parser reports the first token it could not place and resumes at the next `;`, keyword or closing bracket. Check the grammar of RFC 2622 §6 (import/export) or RFC 4012 (mp-import/mp-export); a common cause is a missing `;` between actions or a stray character.',
    example: 'import: from AS1 accept ANY ANY )',
  },
  {
    code: 'policy/missing-keyword',
    severity: 'error',
    summary: 'A required keyword (from, to, accept, announce, masklen, …) is missing.',
    description: 'Each policy factor is `from <peering> [action <actions>] accept <filter>` (export: `to … announce …`). Add the keyword the message names.',
    example: 'import: from AS1 ANY',
  },
  {
    code: 'policy/direction-mismatch',
    severity: 'error',
    summary: 'An import uses export keywords (to/announce) or the other way round.',
    description:
      '`import` and `mp-import` take `from … accept …`; `export` and `mp-export` take `to … announce …`; `default` takes `to … networks …`. Swap the keyword, or move the rule to the attribute of its direction.',
    example: 'import: to AS1 announce ANY',
  },
  {
    code: 'policy/unclosed',
    severity: 'error',
    summary: 'A `{`, `(` or `<` is not closed.',
    description: 'Add the closing bracket. The range covers the opening one.',
    example: 'import: from AS1 accept { 192.0.2.0/24',
  },
  {
    code: 'policy/too-deep',
    severity: 'error',
    summary: 'Brackets, NOTs or refinements nest more than 100 levels deep; the rest of the value is not checked.',
    description:
      'Real policies nest a few levels. A value nested deeper (generated text, a paste gone wrong) is checked up to that level and the rest of it skipped, ' +
      'so one attribute cannot exhaust the checker. Write the expression with fewer levels of brackets.',
    example: 'import: from AS1 accept ((((((… 101 levels …AS2)))))',
  },
  {
    code: 'policy/nested-braces',
    severity: 'error',
    summary: 'A `{` inside a prefix set or a community list; the rest of the value is not checked.',
    description:
      'Prefix sets (`{ 192.0.2.0/24, 198.51.100.0/22^+ }`) and community lists (`community = { 64500:1 }`) are flat lists: RFC 2622 lets neither nest. ' +
      'The inner `{` is reported once and the rest of the value skipped, rather than one error per brace. Remove the inner braces; to combine sets, join them with OR.',
    example: 'import: from AS1 accept {{ 192.0.2.0/24 }}',
  },
  {
    code: 'policy/invalid-asn',
    severity: 'error',
    summary: 'An AS number is malformed or out of range.',
    description: 'Write AS numbers as `AS` followed by a decimal 0–4294967295 (asdot `AS1.10` is read too). In policy text a bare number is not an AS number: add the `AS` prefix.',
    example: 'import: from AS4294967296 accept ANY',
  },
  {
    code: 'policy/invalid-prefix',
    severity: 'error',
    summary: 'An address prefix in a prefix list is malformed, or a mask length is beyond the address width.',
    description:
      'Write prefixes as `address/length` (`192.0.2.0/24`) and mask lengths up to 32 (IPv4) or 128 (IPv6). A well-formed prefix that is written short, with host bits set or with leading zeros gets the same finding as in `route:` (`rpsl/short-prefix`, `rpsl/host-bits-set`, `rpsl/non-canonical`), with its fix.',
    example: 'import: from AS1 accept { 192.0.2.0/33 }',
  },
  {
    code: 'policy/invalid-range-operator',
    severity: 'error',
    summary: 'A range operator (`^-`, `^+`, `^n`, `^n-m`) is malformed or outside the prefix length and address width.',
    description: 'In `^n-m`, n must not be below the prefix length, n ≤ m, and m ≤ 32 (IPv4) or 128 (IPv6). Filter-set names and AS-path expressions take no range operator.',
    example: 'import: from AS1 accept { 192.0.2.0/24^16-24 }',
  },
  {
    code: 'policy/invalid-community',
    severity: 'error',
    summary: 'A community value is malformed or out of range.',
    description:
      'A standard community is `ASN:value` with both halves 0–65535 (RFC 1997), or one 32-bit number, or a well-known name (`no_export`, `no_advertise`, `internet`). For 32-bit ASNs use a large community `a:b:c` with 32-bit parts (RFC 8092).',
    example: 'import: from AS1 action community .= { 65536:1 }; accept ANY',
  },
  {
    code: 'policy/invalid-afi',
    severity: 'error',
    summary: 'An address-family name is not one RFC 4012 defines.',
    description: 'Use `ipv4`, `ipv6`, `any`, each optionally followed by `.unicast` or `.multicast` (e.g. `ipv6.unicast`), separated by commas.',
    example: 'mp-import: afi ipv5.unicast from AS1 accept ANY',
  },
  {
    code: 'policy/afi-not-allowed',
    severity: 'error',
    summary: 'An `afi` list in an attribute that takes none (import, export, default, filter).',
    description: 'Only the multiprotocol attributes of RFC 4012 (`mp-import`, `mp-export`, `mp-default`, `import-via`, `export-via`) take `afi`. Rename the attribute to its `mp-` form.',
    example: 'import: afi ipv6.unicast from AS1 accept ANY',
  },
  {
    code: 'policy/afi-mismatch',
    severity: 'error',
    summary: 'An IPv6 prefix in an IPv4-only attribute, or a prefix outside the declared afi.',
    description:
      '`import`, `export`, `default` and `filter` are IPv4 only (RFC 2622). Put IPv6 prefixes in `mp-import`/`mp-export`/`mp-filter` (RFC 4012), and keep the prefixes of an `afi ipv4…` expression IPv4.',
    example: 'import: from AS1 accept { 2001:db8::/32 }',
  },
  {
    code: 'policy/unknown-rp-attribute',
    severity: 'warning',
    summary: 'An action names an rp-attribute the RFC 2622 dictionary does not define.',
    description: 'The RFC dictionary defines `pref`, `med`, `dpa`, `aspath`, `community`, `next-hop` and `cost`. Tools that read RPSL (IRRToolSet, bgpq4 users, RPSLyzer) ignore other names; check the spelling.',
    example: 'import: from AS1 action local-pref = 100; accept ANY',
  },
  {
    code: 'policy/invalid-action',
    severity: 'error',
    summary: 'An action uses an operator or method its rp-attribute does not have, or lacks a value.',
    description: 'E.g. `pref = 10`, `med = igp_cost`, `community .= { 65000:1 }`, `community.append(65000:1)`, `aspath.prepend(AS1, AS1)`, `next-hop = 192.0.2.1`.',
    example: 'import: from AS1 action pref .= 10; accept ANY',
  },
  {
    code: 'policy/action-value-out-of-range',
    severity: 'error',
    summary: 'An action value is outside the range of its rp-attribute.',
    description:
      'RFC 2622’s dictionary gives `pref`, `dpa` and `cost` the range 0–65535; `med` is 0–4294967295 (BGP’s 32 bits, RFC 4271) or `igp_cost`; `next-hop` is an address or `self`; prepended ASNs are AS numbers.',
    example: 'import: from AS1 action pref = 70000; accept ANY',
  },
  {
    code: 'policy/invalid-regex',
    severity: 'error',
    summary: 'An AS-path regular expression `<…>` is malformed.',
    description:
      'Inside `< >` write AS numbers, as-set names, `PeerAS`, `.`, `^`, `$`, `[…]` classes (ranges `AS1-AS5`, `^` to negate), `( | )` and the postfix operators `*`, `+`, `?`, `{m,n}`, `~*`, `~+`, `~{m,n}` (RFC 2622 §5.4).',
    example: 'import: from AS1 accept <^AS1 [AS2 >',
  },
  {
    code: 'policy/unknown-filter-term',
    severity: 'error',
    summary: 'A word in a filter that is no AS number, set name, prefix list or keyword.',
    description:
      'Filters combine `ANY`, `PeerAS`, AS numbers, as-set/route-set/filter-set names (`AS-…`, `RS-…`, `FLTR-…`), prefix lists in braces `{ 192.0.2.0/24^+ }`, AS-path regexes `<…>` and `community(…)` with AND, OR, NOT and parentheses. A bare prefix must be wrapped in braces.',
    example: 'import: from AS1 accept CUSTOMERS',
  },
  {
    code: 'policy/invalid-as-expression',
    severity: 'error',
    summary: 'A peering names something other than an AS number, as-set or peering-set.',
    description: 'After `from`/`to` write an AS expression: AS numbers, as-set names (`AS-…`), `AS-ANY`, combined with AND, OR, EXCEPT; or a peering-set name (`PRNG-…`) alone.',
    example: 'import: from RS-FOO accept ANY',
  },
  {
    code: 'policy/unknown-protocol',
    severity: 'warning',
    summary: 'A protocol name not in RFC 2622’s dictionary.',
    description: 'The dictionary knows BGP4, MPBGP, OSPF, RIP, RIPng, IGRP, IS-IS, STATIC, DVMRP, PIM-DM, PIM-SM, CBT and MOSPF.',
    example: 'import: protocol EIGRP into BGP4 from AS1 accept ANY',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type PolicyCode = (typeof policyCodes)[number]['code'];
