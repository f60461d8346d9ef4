import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** What the MRT reader (RFC 6396, RFC 8050) reports about a file; `offset` is the record's byte offset. */
export const mrtCodes = [
  {
    code: 'mrt/record-truncated',
    severity: 'error',
    summary: 'The file ends inside an MRT record.',
    description:
      'The last record header announces more bytes than the file holds: the file was cut (an interrupted download, ' +
      'or a collector still writing it). Every complete record before it was read. Fix: fetch the file again.',
  },
  {
    code: 'mrt/decompress-failed',
    severity: 'error',
    summary: 'The gzip or bzip2 compression of the file breaks off or is corrupt.',
    description:
      'Decompression failed partway (a cut download, a bad CRC). The records decompressed before that point are read ' +
      'and listed; the rest of the file is not. The diagnostic gives how far it got. Fix: fetch the file again.',
  },
  {
    code: 'mrt/bad-header',
    severity: 'error',
    summary: 'Bytes that are not an MRT record header where one should start.',
    description:
      'The record type or length makes no sense, so the file is corrupt from here. The reader looks for the next ' +
      'plausible header (a known type with a timestamp near the previous one) and goes on from there; the ' +
      'diagnostic says how many bytes were skipped.',
  },
  {
    code: 'mrt/record-corrupt',
    severity: 'error',
    summary: 'An MRT record whose body does not add up.',
    description:
      'A length inside the record (a prefix, a RIB entry, a BGP message) runs past its end. The routes of that record ' +
      'that could not be read are left out rather than guessed; the next record is read as usual.',
  },
  {
    code: 'mrt/attribute-malformed',
    severity: 'error',
    summary: 'A BGP path attribute that cannot be decoded; the routes carrying it are left out.',
    description:
      'An attribute length or an AS_PATH segment does not match its contents (RFC 4271 §6.3, RFC 7606). A route ' +
      'with a half-read AS path would be drawn wrong, so the routes of that UPDATE or RIB entry are dropped and counted.',
  },
  {
    code: 'mrt/unknown-peer',
    severity: 'error',
    summary: 'A RIB entry names a peer index that the PEER_INDEX_TABLE does not have.',
    description:
      'TABLE_DUMP_V2 RIB entries point into the PEER_INDEX_TABLE written at the start of the dump (RFC 6396 §4.3.1). ' +
      'Either the table is missing (the file is a fragment) or the index is corrupt. The entry is left out.',
  },
  {
    code: 'mrt/rib-generic-skipped',
    severity: 'information',
    summary: 'RIB_GENERIC records (other address families) are skipped.',
    description:
      'TABLE_DUMP_V2 RIB_GENERIC carries address families other than IPv4/IPv6 unicast and multicast (VPN, flowspec …). ' +
      'RouteLens checks Internet routes only; the count of skipped records is given once per file.',
  },
  {
    code: 'mrt/family-skipped',
    severity: 'information',
    summary: 'BGP4MP routes of address families other than IPv4/IPv6 unicast and multicast are skipped.',
    description:
      'An UPDATE\'s MP_REACH_NLRI or MP_UNREACH_NLRI (RFC 4760), or an OpenBGPD BGP4MP_ENTRY, for another family ' +
      '(VPN-IPv4 with its route distinguisher and label, flowspec …) carries no Internet routes: its prefixes are left ' +
      'out and the IPv4 routes of the same UPDATE are read as usual. The count of such records is given once per file.',
  },
  {
    code: 'mrt/record-type-skipped',
    severity: 'information',
    summary: 'MRT records of a type that carries no BGP routes (OSPF, IS-IS, deprecated types) are skipped.',
    description: 'Said once per type and file; the rest of the file is read as usual.',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type MrtCode = (typeof mrtCodes)[number]['code'];
