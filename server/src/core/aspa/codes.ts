import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const aspaCodes = [
  {
    code: 'aspa/syntax',
    severity: 'error',
    summary: 'The declaration or JSON cannot be read.',
    description:
      'A line is not `<customer> => <provider>, …`, a JSON value is malformed, or a daemon statement is incomplete. The message names what was expected at that spot; the rest of the file is still read.',
    example: 'AS65000 AS65001',
  },
  {
    code: 'aspa/invalid-asn',
    severity: 'error',
    summary: 'An AS number is malformed or out of range.',
    description: 'Write AS numbers as `AS65000`, `65000` or asdot `1.10`; the largest is 4294967295.',
    example: 'AS65000 => AS4294967296',
  },
  {
    code: 'aspa/customer-is-provider',
    severity: 'error',
    summary: 'A customer AS lists itself as its provider.',
    description: 'An AS cannot be its own upstream; CA software rejects such an ASPA. Remove the customer from its provider list (a fix does it).',
    example: 'AS65000 => AS65000, AS65001',
  },
  {
    code: 'aspa/duplicate-provider',
    severity: 'warning',
    summary: 'A provider is listed twice.',
    description: 'The ASPA profile forbids duplicate providers in the signed object. The fix writes the sorted list without repetitions.',
    example: 'AS65000 => AS65001, AS65001',
  },
  {
    code: 'aspa/providers-unsorted',
    severity: 'information',
    summary: 'Providers are not in ascending order.',
    description:
      'The signed ASPA carries providers in ascending order; keeping the declaration in the same order makes reviews and diffs easy. The "Sort providers" fix writes the sorted list without duplicates.',
    example: 'AS65000 => AS65002, AS65001',
  },
  {
    code: 'aspa/as0-with-providers',
    severity: 'error',
    summary: 'AS0 stands beside real providers.',
    description:
      'AS0 in an ASPA means "this AS has no providers" (a Tier-1 or a network that announces nothing upward). Next to real providers it is contradictory: remove AS0, or the providers if the AS truly has none.',
    example: 'AS65000 => AS0, AS65001',
  },
  {
    code: 'aspa/as0-customer',
    severity: 'error',
    summary: 'AS0 is used as the customer.',
    description: 'No one holds AS0, so no certificate can sign an ASPA for it. Use the customer AS you hold.',
    example: 'AS0 => AS65001',
  },
  {
    code: 'aspa/special-asn',
    severity: 'warning',
    summary: 'A reserved, private, documentation or AS_TRANS number is a customer or provider.',
    description:
      'Private (RFC 6996), documentation (RFC 5398), reserved (RFC 7300) ASNs and AS_TRANS (RFC 6793) never appear in the global table, so an ASPA naming them protects nothing and usually hides a typo or a lab value. Use the public AS number.',
    example: 'AS65000 => AS23456',
  },
  {
    code: 'aspa/duplicate-customer',
    severity: 'information',
    summary: 'Two declarations for the same customer in one file.',
    description:
      'Validators unite the provider sets of all ASPAs of a customer, so nothing is lost, but one line per customer is easier to review. Merge them.',
    example: 'AS65000 => AS65001\nAS65000 => AS65002',
  },
  {
    code: 'aspa/too-many-providers',
    severity: 'error',
    summary: 'More than 16,380 providers.',
    description: 'The ASPA profile limits the provider set to 16,380 entries. Remove ASes that are not upstreams.',
  },
  {
    code: 'aspa/empty-providers',
    severity: 'warning',
    summary: 'No providers at all (`<none>` or an empty list).',
    description:
      'Krill prints `<none>` for an ASPA configuration without providers, but registries and CA software reject an empty provider set. To declare that the AS has no providers, write AS0 (the fix does).',
    example: 'AS65000 => <none>',
  },
  {
    code: 'aspa/afi-limit-deprecated',
    severity: 'warning',
    summary: 'A provider is limited to one address family.',
    description:
      'Older ASPA profiles let a provider be authorised for IPv4 or IPv6 only (`AS65001(v4)`, OpenBGPD `allow inet`). draft-ietf-sidrops-aspa-profile-16 dropped this; current software ignores or rejects it. Remove the limit.',
    example: 'AS65000 => AS65001(v4)',
  },
  {
    code: 'aspa/legacy-format',
    severity: 'warning',
    summary: 'rpki-client 8.0–8.4 JSON (`provider_authorizations`).',
    description:
      'This output follows the old per-address-family ASPA profile. It is still read (both families are united), but regenerate it with rpki-client 8.5 or later, which writes `aspas`.',
    example: '{"provider_authorizations": {"ipv4": [], "ipv6": []}}',
  },
  {
    code: 'aspa/nonstandard-key',
    severity: 'warning',
    summary: 'A SLURM ASPA entry uses a non-standard key.',
    description:
      'Implementations of the ASPA SLURM extension spelled the keys differently (`customerAsn`, `customer_asid`, `providerAsns`). The draft uses `customerAsid` and `providers`; other validators may ignore the variants. The fix renames the key.',
    example: '{"locallyAddedAssertions": {"aspaAssertions": [{"customerAsn": 64496, "providers": [64497]}]}}',
  },
  {
    code: 'aspa/unknown-format',
    severity: 'information',
    summary: 'A JSON file without recognisable ASPA data.',
    description:
      'The file parses as JSON but has none of `aspas`, `provider_authorizations`, `aspaAssertions`: it is probably not an ASPA file (or a format RouteLens does not know yet).',
    example: '{"roas": []}',
  },
  {
    code: 'aspa/provider-not-in-policy',
    severity: 'warning',
    summary: "A provider in the ASPA is absent from the customer's aut-num policy.",
    description:
      "The customer's aut-num has no import from and no export to this provider. Either the ASPA entry is stale (remove it: a former provider listed in an ASPA can still pass on leaks undetected), or the aut-num no longer documents the session (add its import/export).",
    example: 'AS65000 => AS65099   # aut-num AS65000 only peers with AS65001',
  },
  {
    code: 'aspa/provider-missing',
    severity: 'warning',
    summary: "A transit provider of the customer's aut-num is missing from its ASPA.",
    description:
      'The aut-num imports ANY from a peer and exports only its own routes or customer set to it: that peer is a transit provider. An ASPA without it makes the customer\'s routes through that provider Invalid wherever ASPA is enforced. Add the provider.',
    example: 'AS65000 => AS65001   # aut-num AS65000: import: from AS65002 accept ANY; export: to AS65002 announce AS65000',
  },
  {
    code: 'aspa/differs-from-cache',
    severity: 'warning',
    summary: 'The RPKI cache holds a different ASPA for this customer.',
    description:
      'RouteLens compares each customer with the validated ASPAs of the RTR cache or data files it is given (settings `routelens.rtr.*`, `routelens.data.aspaFiles`). A difference means the file under review is not what routers enforce: either publish it (in Krill or the RIR portal) or bring the file in line with what is published. The message lists what each side has that the other lacks.',
    example: 'AS8048 => AS6762   # the cache has AS8048 => AS6762, AS52320',
  },
  {
    code: 'aspa/observed-routes-invalidated',
    severity: 'warning',
    summary: 'Publishing this ASPA would turn routes someone observed Invalid.',
    description:
      'With `routelens.data.pathFiles` set (looking-glass output, `bgpdump -m` text, MRT), each declaration is checked against the observed routes through its customer: a neighbour that carried the customer\'s routes upward but is missing from the providers makes those routes Invalid wherever ASPA is enforced. If that neighbour is a provider, add it (a fix does it); if the evidence says it is a peer or customer, the routes are leaks the ASPA is right to stop, and the finding is information only. `routelens aspa impact` lists every such route.',
    example: 'AS21980 => AS0   # while AS269832 carries AS21980\'s routes',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type AspaCode = (typeof aspaCodes)[number]['code'];
