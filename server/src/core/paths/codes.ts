import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** Findings of the AS-path analysis (the path panel, `routelens paths`). */
export const pathCodes = [
  {
    code: 'paths/aspa-invalid',
    severity: 'error',
    summary: 'ASPA verification of the path is Invalid even downstream (from a provider).',
    description:
      'Some AS on the path passed the route to an AS that its ASPA does not list as a provider, in a place ' +
      'where no customer-to-provider chain can explain it (draft-ietf-sidrops-aspa-verification). This is a ' +
      'route leak or a forged path. The leak hop names the AS that sent the route and the one that took it. ' +
      'Fix: the leaking AS must filter; receivers should drop ASPA-Invalid routes. If the ASPA is incomplete, ' +
      'the customer AS must add the missing provider to its ASPA.',
    example: '24482 52320 8048 6762 1299 269832 21980 with ASPA 8048 → {6762}',
  },
  {
    code: 'paths/aspa-upstream-invalid',
    severity: 'information',
    summary: 'ASPA upstream verification is Invalid: the route would be a leak if received from a customer or peer.',
    description:
      'Upstream verification requires every hop to go from customer to provider. The panel does not know how ' +
      'the looking glass learnt the route, and most routes learnt from providers fail upstream verification, so this is only information. If the neighbour is a provider of ' +
      'the vantage point, only the downstream verdict applies.',
  },
  {
    code: 'paths/otc-leak',
    severity: 'error',
    summary: 'RFC 9234 Only-to-Customer attribute shows a route leak.',
    description:
      'A route carrying OTC was received from a customer (RFC 9234 §5 rule 1) or from a peer with an OTC value ' +
      'different from that peer’s AS (rule 2). Fix: the sending AS must stop announcing routes with OTC to ' +
      'providers and peers; configure BGP roles (`local-role`) on both ends.',
    example: 'OTC 1299 on a route AS52320 received from its customer AS8048',
  },
  {
    code: 'paths/valley',
    severity: 'warning',
    summary: 'The path is not valley-free according to the AS-relationship data.',
    description:
      'An AS passed a route learnt from a provider or peer to another provider or peer (RFC 7908). ' +
      'Relationships are inferred (CAIDA), so this is a warning: confirm with ASPA or the operators. ' +
      'Fix: the AS at the start of the leak hop must filter what it exports to providers and peers.',
  },
  {
    code: 'paths/loop',
    severity: 'warning',
    summary: 'An AS appears twice in the path with other ASes between.',
    description:
      'A BGP speaker drops routes with its own AS in the path (RFC 4271 §9.1.2), so a non-adjacent repeat means ' +
      'path poisoning, `allowas-in`, or a manipulated path. Check with the AS that appears twice.',
    example: '3356 174 3356 64500',
  },
  {
    code: 'paths/reserved-asn',
    severity: 'error',
    summary: 'A reserved, private, documentation or AS_TRANS ASN is in a public path.',
    description:
      'AS0 (RFC 7607), AS_TRANS 23456 (RFC 6793), documentation (RFC 5398), private (RFC 6996) and reserved ' +
      'ASNs must not appear in the global table. Fix: strip private ASNs (`remove-private-as`) at the edge, ' +
      'and filter such paths on ingress.',
    example: '3356 64512 65000',
  },
  {
    code: 'paths/bogon-prefix',
    severity: 'error',
    summary: 'The prefix is special-purpose address space that must not be routed globally.',
    description: 'Private, documentation, loopback, multicast and other IANA special-purpose space (RFC 6890). Filter it on every eBGP session.',
    example: '10.0.0.0/8',
  },
  {
    code: 'paths/as-set',
    severity: 'warning',
    summary: 'The path contains an AS_SET or AS_CONFED_SET.',
    description:
      'RFC 9774 deprecates AS_SET and AS_CONFED_SET in BGP updates: ROV and ASPA cannot verify them, and such ' +
      'routes will be treated as invalid. Fix: aggregate without AS_SET (`as-set` off) or announce the components.',
    example: '3356 {64500,64501}',
  },
  {
    code: 'paths/long-prepend',
    severity: 'information',
    summary: 'An AS is prepended five times or more.',
    description:
      'Long prepends rarely change path selection beyond three or four and make the path easier to hijack ' +
      'with a shorter forged one. Consider communities or fewer prepends.',
    example: '52320 8048 8048 8048 8048 8048 6762',
  },
  {
    code: 'paths/rov-invalid',
    severity: 'error',
    summary: 'Route-origin validation of the prefix and origin AS is Invalid.',
    description: 'No VRP covers the announcement with this origin and length (RFC 6811). Fix: the origin issues a ROA, or the announcement is a hijack and must be dropped.',
  },
  {
    code: 'paths/policy-mismatch',
    severity: 'warning',
    summary: 'The registered RPSL policy of an AS pair does not allow this hop.',
    description:
      'The aut-num of one AS on the hop has no import or export clause that matches the route. The registry ' +
      'may be stale; fix the aut-num or the announcement.',
  },
  {
    code: 'paths/truncated-path',
    severity: 'hint',
    summary: 'The looking glass cut the path; checks only cover the part shown.',
    description: 'Some outputs (BIRD, web looking glasses) shorten long paths with `...`. Ask for the full path (for example `show route all`).',
  },
  {
    code: 'paths/unverified-path',
    severity: 'information',
    summary: 'The path is not verified: it is locally originated, or the parser was unsure of it.',
    description:
      'ASPA (draft-ietf-sidrops-aspa-verification) and RFC 9234 OTC apply to routes received from a neighbouring AS: a route with an empty AS path was ' +
      'originated by the router itself or inside its AS and is "not verified (locally originated)", never Invalid. A path the looking-glass parser could ' +
      'read more than one way (`lg/uncertain-path`) is shown but gets no ASPA, OTC or valley verdict, so a misread column cannot turn into a false leak. ' +
      'Fix for the second: paste the output unwrapped with its header line, or its detail or JSON form.',
    example: '*> 10.0.0.0/8       0.0.0.0                  0         32768 i',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type PathCode = (typeof pathCodes)[number]['code'];
