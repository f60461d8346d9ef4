import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** Status codes of the RPKI data sources (files and the RTR session); shown in the status bar and the output log. */
export const rpkiCodes = [
  {
    code: 'rpki/file-load-failed',
    severity: 'error',
    summary: 'A VRP, ASPA or SLURM file could not be read or has no usable content.',
    description:
      'The file named in `routelens.data.vrpFiles` or `routelens.data.aspaFiles` is missing, unreadable, not valid JSON, or has neither `roas` nor `aspas`. Export it again from your validator (`rpki-client -j`, `routinator vrps -f json`/`jsonext`/`csv`) or fix the path in the setting.',
    example: '{"metadata": {}}',
  },
  {
    code: 'rpki/file-entry-skipped',
    severity: 'warning',
    summary: 'One VRP or ASPA entry of a data file was malformed and left out.',
    description:
      'The entry has a bad prefix, an ASN outside 0–4294967295, or a max length shorter than the prefix or longer than the address. The rest of the file is used. Fix or drop the entry in the source that produced the file.',
    example: '{"roas": [{"prefix": "192.0.2.0/24", "maxLength": 16, "asn": 64496}]}',
  },
  {
    code: 'rpki/slurm-entry-invalid',
    severity: 'warning',
    summary: 'A SLURM (RFC 8416) filter or assertion could not be read.',
    description:
      'Prefix filters need a `prefix`, an `asn` or both; prefix assertions need `asn`, `prefix` and optionally `maxPrefixLength`; ASPA filters need `customerAsid`, ASPA assertions `customerAsid` and `providerAsids`. The entry is ignored; correct it so your local exceptions take effect.',
    example: '{"slurmVersion": 1, "validationOutputFilters": {"prefixFilters": [{"comment": "no prefix nor asn"}]}}',
  },
  {
    code: 'rpki/rtr-connect-failed',
    severity: 'error',
    summary: 'The RTR cache could not be reached.',
    description:
      'Nothing accepted a TCP connection at `routelens.rtr.host`:`routelens.rtr.port`. Check the address, that the cache (Routinator, rpki-client + StayRTR, FORT…) listens on plain TCP, and any firewall. TLS and SSH transports are not supported. The client retries after the retry interval; run **RouteLens: Refresh RPKI Data** to retry now.',
  },
  {
    code: 'rpki/rtr-connection-lost',
    severity: 'warning',
    summary: 'The RTR session ended unexpectedly.',
    description:
      'The cache closed the connection or it broke. Data from the last complete update is kept until the expire interval runs out, and the client reconnects after the retry interval.',
  },
  {
    code: 'rpki/rtr-malformed-pdu',
    severity: 'error',
    summary: 'The RTR cache sent a PDU that is malformed, unknown, of the wrong version, truncated or out of sequence.',
    description:
      'The client sent an Error Report (RFC 8210 §5.11: Corrupt Data, Unsupported PDU Type, Unexpected Protocol Version, Withdrawal of Unknown Record, Duplicate Announcement…) and closed the session. Records of the unfinished transaction are discarded; data from earlier complete updates is kept. This points to a bug or version mismatch in the cache: upgrade it, or report the message to its authors.',
  },
  {
    code: 'rpki/rtr-error-report',
    severity: 'error',
    summary: 'The RTR cache sent an Error Report.',
    description:
      'The cache rejected a query (for example Invalid Request or Internal Error). The message quotes its error text. The session is closed and retried after the retry interval; check the cache’s logs.',
  },
  {
    code: 'rpki/rtr-no-data',
    severity: 'warning',
    summary: 'The RTR cache has no data yet.',
    description: 'The cache answered No Data Available, usually because it has not finished its first validation run. The client retries after the retry interval.',
  },
  {
    code: 'rpki/rtr-version-downgraded',
    severity: 'information',
    summary: 'The RTR cache speaks an older protocol version.',
    description:
      'The cache answered Unsupported Protocol Version (or replied in a lower version), so the client fell back from version 2 (8210bis, with ASPA) to 1 (RFC 8210) or 0 (RFC 6810). ASPA data needs version 2: upgrade the cache to get it over RTR, or load ASPAs from a file.',
  },
  {
    code: 'rpki/rtr-session-changed',
    severity: 'information',
    summary: 'The RTR cache restarted with a new session ID.',
    description: 'Serial numbers of the old session mean nothing in the new one, so the client starts over with a Reset Query. Nothing to fix.',
  },
  {
    code: 'rpki/rtr-data-expired',
    severity: 'warning',
    summary: 'RTR data was dropped because it was not refreshed within the expire interval.',
    description:
      'RFC 8210 §6 forbids using data older than the cache’s expire interval. Until the cache is reachable again, route-origin and ASPA checks have no RTR data; load a VRP file meanwhile if you need them.',
  },
  {
    code: 'rpki/rtr-unavailable',
    severity: 'warning',
    summary: 'RTR is enabled but this runtime cannot open TCP connections.',
    description: 'VS Code for the Web has no sockets. Use `routelens.data.vrpFiles` and `routelens.data.aspaFiles` with exported files instead, or run the desktop build.',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type RpkiCode = (typeof rpkiCodes)[number]['code'];
