/**
 * RPKI-to-Router PDUs: RFC 8210 (version 1), RFC 6810 (version 0) and draft-ietf-sidrops-8210bis (version 2, ASPA).
 * Pure byte layouts, big-endian. Decoding never throws: it returns the RTR error code the caller should report.
 */
import type { Asn } from '../net/asn';
import type { Afi, Prefix } from '../net/prefix';

export type RtrVersion = 0 | 1 | 2;
export const HIGHEST_RTR_VERSION: RtrVersion = 2;

/** PDU type numbers (RFC 8210 §5, 8210bis §5.12 for ASPA); type 5 is reserved. */
export const PDU_TYPE = {
  'serial-notify': 0,
  'serial-query': 1,
  'reset-query': 2,
  'cache-response': 3,
  'ipv4-prefix': 4,
  'ipv6-prefix': 6,
  'end-of-data': 7,
  'cache-reset': 8,
  'router-key': 9,
  'error-report': 10,
  aspa: 11,
} as const;
export type PduTypeName = keyof typeof PDU_TYPE;

const TYPE_BY_NUMBER = new Map<number, PduTypeName>(Object.entries(PDU_TYPE).map(([k, v]) => [v, k as PduTypeName]));

/** Error Report codes (RFC 8210 §12, 8210bis adds 9). */
export const RTR_ERROR = {
  corruptData: 0,
  internalError: 1,
  noDataAvailable: 2,
  invalidRequest: 3,
  unsupportedProtocolVersion: 4,
  unsupportedPduType: 5,
  withdrawalOfUnknownRecord: 6,
  duplicateAnnouncement: 7,
  unexpectedProtocolVersion: 8,
  aspaProviderListError: 9,
} as const;
export type RtrErrorCode = (typeof RTR_ERROR)[keyof typeof RTR_ERROR];

export const RTR_ERROR_NAMES: Readonly<Record<number, string>> = {
  0: 'Corrupt Data',
  1: 'Internal Error',
  2: 'No Data Available',
  3: 'Invalid Request',
  4: 'Unsupported Protocol Version',
  5: 'Unsupported PDU Type',
  6: 'Withdrawal of Unknown Record',
  7: 'Duplicate Announcement Received',
  8: 'Unexpected Protocol Version',
  9: 'ASPA Provider List Error',
};

export interface Timers {
  readonly refresh: number;
  readonly retry: number;
  readonly expire: number;
}

/**
 * Which byte layout an ASPA PDU used. `draft-10` (8210bis-10/-11, sent by stayrtr 0.5): zero(16) in the header,
 * then flags, AFI flags, provider count. `current` (8210bis-12 onwards): flags in the header, customer, providers.
 */
export type AspaLayout = 'current' | 'draft-10';

export type Pdu =
  | { readonly type: 'serial-notify'; readonly version: number; readonly sessionId: number; readonly serial: number }
  | { readonly type: 'serial-query'; readonly version: number; readonly sessionId: number; readonly serial: number }
  | { readonly type: 'reset-query'; readonly version: number }
  | { readonly type: 'cache-response'; readonly version: number; readonly sessionId: number }
  | {
      readonly type: 'prefix';
      readonly version: number;
      readonly announce: boolean;
      readonly prefix: Prefix;
      readonly maxLength: number;
      readonly asn: Asn;
    }
  | {
      readonly type: 'end-of-data';
      readonly version: number;
      readonly sessionId: number;
      readonly serial: number;
      /** Absent in version 0, which has no timers. */
      readonly timers?: Timers;
    }
  | { readonly type: 'cache-reset'; readonly version: number }
  | {
      readonly type: 'router-key';
      readonly version: number;
      readonly announce: boolean;
      readonly ski: Uint8Array;
      readonly asn: Asn;
      readonly spki: Uint8Array;
    }
  | {
      readonly type: 'error-report';
      readonly version: number;
      readonly code: number;
      readonly erroneousPdu: Uint8Array;
      readonly text: string;
    }
  | {
      readonly type: 'aspa';
      readonly version: number;
      readonly announce: boolean;
      readonly customer: Asn;
      readonly providers: readonly Asn[];
      /** Only in the draft-10 layout, which keeps one ASPA per customer and address family. */
      readonly afi?: Afi;
      readonly layout: AspaLayout;
    };

export type PduDecode = { ok: true; pdu: Pdu } | { ok: false; code: RtrErrorCode; reason: string };

export const HEADER_LENGTH = 8;
/** No PDU a cache sends legitimately comes near this; a larger length is a framing error, not a big PDU. */
export const MAX_PDU_LENGTH = 1 << 20;

/** Fixed lengths; -1 = variable with the minimum in MIN_LENGTH. End of Data depends on the version. */
const FIXED_LENGTH: Readonly<Record<PduTypeName, number>> = {
  'serial-notify': 12,
  'serial-query': 12,
  'reset-query': 8,
  'cache-response': 8,
  'ipv4-prefix': 20,
  'ipv6-prefix': 32,
  'end-of-data': -1,
  'cache-reset': 8,
  'router-key': -1,
  'error-report': -1,
  aspa: -1,
};
const MIN_LENGTH: Readonly<Partial<Record<PduTypeName, number>>> = { 'router-key': 32, 'error-report': 16, aspa: 12 };
/** The lowest protocol version that defines each type. */
const SINCE_VERSION: Readonly<Partial<Record<PduTypeName, number>>> = { 'router-key': 1, aspa: 2 };

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

/** Checks what the 8-byte header at `at` alone can tell: the length field and the type. Read in place: no view per PDU. */
export function checkHeader(bytes: Uint8Array, at = 0): { ok: true; length: number; type: PduTypeName } | { ok: false; code: RtrErrorCode; reason: string } {
  const version = bytes[at] ?? 0;
  const typeNumber = bytes[at + 1] ?? 0;
  const length = u32(bytes, at + 4);
  if (version > HIGHEST_RTR_VERSION) {
    return { ok: false, code: RTR_ERROR.unsupportedProtocolVersion, reason: `protocol version ${version} is not supported (highest is ${HIGHEST_RTR_VERSION})` };
  }
  const type = TYPE_BY_NUMBER.get(typeNumber);
  if (type === undefined) return { ok: false, code: RTR_ERROR.unsupportedPduType, reason: `unknown PDU type ${typeNumber}` };
  if (length < HEADER_LENGTH) return { ok: false, code: RTR_ERROR.corruptData, reason: `${type} PDU declares length ${length}, below the 8-byte header` };
  if (length > MAX_PDU_LENGTH) return { ok: false, code: RTR_ERROR.corruptData, reason: `${type} PDU declares length ${length}, above ${MAX_PDU_LENGTH}` };
  const fixed = FIXED_LENGTH[type];
  if (type === 'end-of-data') {
    const want = version === 0 ? 12 : 24;
    if (length !== want) return { ok: false, code: RTR_ERROR.corruptData, reason: `version ${version} End of Data PDU must be ${want} bytes, declares ${length}` };
  } else if (fixed >= 0 && length !== fixed) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `${type} PDU must be ${fixed} bytes, declares ${length}` };
  } else if (fixed < 0 && length < (MIN_LENGTH[type] ?? HEADER_LENGTH)) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `${type} PDU must be at least ${MIN_LENGTH[type]} bytes, declares ${length}` };
  }
  const since = SINCE_VERSION[type];
  if (since !== undefined && version < since) {
    return { ok: false, code: RTR_ERROR.unsupportedPduType, reason: `${type} PDU is not defined in protocol version ${version}` };
  }
  return { ok: true, length, type };
}

function prefixFrom(afi: Afi, bytes: Uint8Array, at: number, length: number): Prefix | undefined {
  // Host bits beyond the length are ignored, as a router would (RFC 8210 does not make them an error).
  // Array literals of exact size: a full table holds 600k of these, so capacity slack would cost ~100 MB.
  if (afi === 4) return length > 32 ? undefined : { afi, words: [maskBits(u32(bytes, at), length)], length };
  if (length > 128) return undefined;
  const words = [
    maskBits(u32(bytes, at), length),
    maskBits(u32(bytes, at + 4), length - 32),
    maskBits(u32(bytes, at + 8), length - 64),
    maskBits(u32(bytes, at + 12), length - 96),
  ];
  return { afi, words, length };
}

function maskBits(w: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return w;
  return (w & (~0 << (32 - bits))) >>> 0;
}

/**
 * Decodes the PDU at `at` in a stream buffer whose header was checked. Prefix PDUs, nearly all of a full load,
 * are read in place; the rest go through decodePdu on a view.
 */
export function decodePduAt(buf: Uint8Array, at: number, head: { length: number; type: PduTypeName }): PduDecode {
  if (head.type !== 'ipv4-prefix' && head.type !== 'ipv6-prefix') return decodePdu(buf.subarray(at, at + head.length), head);
  const afi: Afi = head.type === 'ipv4-prefix' ? 4 : 6;
  const plen = buf[at + 9]!;
  const maxLength = buf[at + 10]!;
  const prefix = prefixFrom(afi, buf, at + 12, plen);
  if (!prefix) return { ok: false, code: RTR_ERROR.corruptData, reason: `IPv${afi} Prefix PDU has prefix length ${plen}` };
  if (maxLength < plen || maxLength > (afi === 4 ? 32 : 128)) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `IPv${afi} Prefix PDU has max length ${maxLength} for a /${plen}` };
  }
  const asn = u32(buf, at + (afi === 4 ? 16 : 28)) as Asn;
  return { ok: true, pdu: { type: 'prefix', version: buf[at]!, announce: (buf[at + 8]! & 1) === 1, prefix, maxLength, asn } };
}

/** Decodes one whole PDU (exactly `length` bytes, as the header says); `checked` skips a header already checked. */
export function decodePdu(bytes: Uint8Array, checked?: { length: number; type: PduTypeName }): PduDecode {
  if (bytes.length < HEADER_LENGTH) return { ok: false, code: RTR_ERROR.corruptData, reason: `truncated PDU: ${bytes.length} bytes, the header alone is 8` };
  const head = checked ?? checkHeader(bytes);
  if (!('type' in head)) return head;
  if (bytes.length !== head.length) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `truncated ${head.type} PDU: ${bytes.length} of ${head.length} bytes` };
  }
  const version = bytes[0] ?? 0;
  const session = u16(bytes, 2);
  switch (head.type) {
    case 'serial-notify':
    case 'serial-query':
      return { ok: true, pdu: { type: head.type, version, sessionId: session, serial: u32(bytes, 8) } };
    case 'reset-query':
    case 'cache-reset':
      return { ok: true, pdu: { type: head.type, version } };
    case 'cache-response':
      return { ok: true, pdu: { type: 'cache-response', version, sessionId: session } };
    case 'ipv4-prefix':
    case 'ipv6-prefix': {
      const afi: Afi = head.type === 'ipv4-prefix' ? 4 : 6;
      const flags = bytes[8] ?? 0;
      const plen = bytes[9] ?? 0;
      const maxLength = bytes[10] ?? 0;
      const prefix = prefixFrom(afi, bytes, 12, plen);
      if (!prefix) return { ok: false, code: RTR_ERROR.corruptData, reason: `IPv${afi} Prefix PDU has prefix length ${plen}` };
      if (maxLength < plen || maxLength > (afi === 4 ? 32 : 128)) {
        return { ok: false, code: RTR_ERROR.corruptData, reason: `IPv${afi} Prefix PDU has max length ${maxLength} for a /${plen}` };
      }
      const asn = u32(bytes, afi === 4 ? 16 : 28) as Asn;
      return { ok: true, pdu: { type: 'prefix', version, announce: (flags & 1) === 1, prefix, maxLength, asn } };
    }
    case 'end-of-data': {
      const serial = u32(bytes, 8);
      if (version === 0) return { ok: true, pdu: { type: 'end-of-data', version, sessionId: session, serial } };
      const timers = { refresh: u32(bytes, 12), retry: u32(bytes, 16), expire: u32(bytes, 20) };
      return { ok: true, pdu: { type: 'end-of-data', version, sessionId: session, serial, timers } };
    }
    case 'router-key': {
      const flags = bytes[2] ?? 0;
      return {
        ok: true,
        pdu: {
          type: 'router-key',
          version,
          announce: (flags & 1) === 1,
          ski: bytes.slice(8, 28),
          asn: u32(bytes, 28) as Asn,
          spki: bytes.slice(32),
        },
      };
    }
    case 'error-report':
      return decodeErrorReport(bytes, version, session);
    case 'aspa':
      return decodeAspa(bytes, version);
  }
}

function decodeErrorReport(bytes: Uint8Array, version: number, code: number): PduDecode {
  const pduLen = u32(bytes, 8);
  if (12 + pduLen + 4 > bytes.length) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `Error Report encapsulates ${pduLen} bytes, more than it holds` };
  }
  const textLen = u32(bytes, 12 + pduLen);
  if (16 + pduLen + textLen !== bytes.length) {
    return { ok: false, code: RTR_ERROR.corruptData, reason: `Error Report lengths (${pduLen} + ${textLen}) do not add up to its length ${bytes.length}` };
  }
  // Some caches NUL-terminate the text; that is not part of the message.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(16 + pduLen, 16 + pduLen + textLen)).replace(/\0+$/, '');
  return { ok: true, pdu: { type: 'error-report', version, code, erroneousPdu: bytes.slice(12, 12 + pduLen), text } };
}

/**
 * The draft-10 layout is recognised by its zero header bytes and a provider count that matches its length
 * exactly; a current-layout PDU could only look like that if its provider list were one longer than the low
 * 16 bits of its customer ASN, which no real ASPA is.
 */
function decodeAspa(bytes: Uint8Array, version: number): PduDecode {
  const length = bytes.length;
  if (bytes[2] === 0 && bytes[3] === 0 && length >= 16 && (length - 16) % 4 === 0) {
    const flags = bytes[8] ?? 0;
    const afiFlags = bytes[9] ?? 0;
    const count = u16(bytes, 10);
    if (16 + count * 4 === length && flags <= 1 && afiFlags <= 3) {
      const providers: Asn[] = [];
      for (let i = 0; i < count; i++) providers.push(u32(bytes, 16 + i * 4) as Asn);
      // stayrtr 0.5 sends 0 for IPv4 and 1 for IPv6 (the draft-ymbk bit), draft-10 defines a bit per family.
      const afi: Afi = afiFlags === 1 ? 6 : 4;
      return {
        ok: true,
        pdu: { type: 'aspa', version, announce: (flags & 1) === 1, customer: u32(bytes, 12) as Asn, providers, afi, layout: 'draft-10' },
      };
    }
  }
  if ((length - 12) % 4 !== 0) return { ok: false, code: RTR_ERROR.corruptData, reason: `ASPA PDU length ${length} is not 12 plus a whole number of ASNs` };
  const flags = bytes[2] ?? 0;
  const providers: Asn[] = [];
  for (let at = 12; at < length; at += 4) providers.push(u32(bytes, at) as Asn);
  return { ok: true, pdu: { type: 'aspa', version, announce: (flags & 1) === 1, customer: u32(bytes, 8) as Asn, providers, layout: 'current' } };
}

function header(buf: DataView, version: number, type: number, session: number, length: number): void {
  buf.setUint8(0, version);
  buf.setUint8(1, type);
  buf.setUint16(2, session);
  buf.setUint32(4, length);
}

/** Encodes any PDU; the client sends only queries and Error Reports, tests and the fake cache send the rest. */
export function encodePdu(pdu: Pdu): Uint8Array {
  switch (pdu.type) {
    case 'serial-notify':
    case 'serial-query': {
      const b = new DataView(new ArrayBuffer(12));
      header(b, pdu.version, PDU_TYPE[pdu.type], pdu.sessionId, 12);
      b.setUint32(8, pdu.serial);
      return new Uint8Array(b.buffer);
    }
    case 'reset-query':
    case 'cache-reset': {
      const b = new DataView(new ArrayBuffer(8));
      header(b, pdu.version, PDU_TYPE[pdu.type], 0, 8);
      return new Uint8Array(b.buffer);
    }
    case 'cache-response': {
      const b = new DataView(new ArrayBuffer(8));
      header(b, pdu.version, PDU_TYPE['cache-response'], pdu.sessionId, 8);
      return new Uint8Array(b.buffer);
    }
    case 'prefix': {
      const v4 = pdu.prefix.afi === 4;
      const len = v4 ? 20 : 32;
      const b = new DataView(new ArrayBuffer(len));
      header(b, pdu.version, v4 ? PDU_TYPE['ipv4-prefix'] : PDU_TYPE['ipv6-prefix'], 0, len);
      b.setUint8(8, pdu.announce ? 1 : 0);
      b.setUint8(9, pdu.prefix.length);
      b.setUint8(10, pdu.maxLength);
      pdu.prefix.words.forEach((w, i) => b.setUint32(12 + i * 4, w));
      b.setUint32(len - 4, pdu.asn);
      return new Uint8Array(b.buffer);
    }
    case 'end-of-data': {
      const len = pdu.version === 0 ? 12 : 24;
      const b = new DataView(new ArrayBuffer(len));
      header(b, pdu.version, PDU_TYPE['end-of-data'], pdu.sessionId, len);
      b.setUint32(8, pdu.serial);
      if (len === 24) {
        const t = pdu.timers ?? { refresh: 3600, retry: 600, expire: 7200 };
        b.setUint32(12, t.refresh);
        b.setUint32(16, t.retry);
        b.setUint32(20, t.expire);
      }
      return new Uint8Array(b.buffer);
    }
    case 'router-key': {
      const len = 32 + pdu.spki.length;
      const out = new Uint8Array(len);
      const b = new DataView(out.buffer);
      header(b, pdu.version, PDU_TYPE['router-key'], 0, len);
      out[2] = pdu.announce ? 1 : 0;
      out.set(pdu.ski.subarray(0, 20), 8);
      b.setUint32(28, pdu.asn);
      out.set(pdu.spki, 32);
      return out;
    }
    case 'error-report': {
      const text = new TextEncoder().encode(pdu.text);
      const len = 16 + pdu.erroneousPdu.length + text.length;
      const out = new Uint8Array(len);
      const b = new DataView(out.buffer);
      header(b, pdu.version, PDU_TYPE['error-report'], pdu.code, len);
      b.setUint32(8, pdu.erroneousPdu.length);
      out.set(pdu.erroneousPdu, 12);
      b.setUint32(12 + pdu.erroneousPdu.length, text.length);
      out.set(text, 16 + pdu.erroneousPdu.length);
      return out;
    }
    case 'aspa': {
      if (pdu.layout === 'draft-10') {
        const len = 16 + pdu.providers.length * 4;
        const b = new DataView(new ArrayBuffer(len));
        header(b, pdu.version, PDU_TYPE.aspa, 0, len);
        b.setUint8(8, pdu.announce ? 1 : 0);
        b.setUint8(9, pdu.afi === 6 ? 1 : 0);
        b.setUint16(10, pdu.providers.length);
        b.setUint32(12, pdu.customer);
        pdu.providers.forEach((p, i) => b.setUint32(16 + i * 4, p));
        return new Uint8Array(b.buffer);
      }
      // 8210bis: a withdrawal carries no providers.
      const providers = pdu.announce ? pdu.providers : [];
      const len = 12 + providers.length * 4;
      const b = new DataView(new ArrayBuffer(len));
      header(b, pdu.version, PDU_TYPE.aspa, 0, len);
      b.setUint8(2, pdu.announce ? 1 : 0);
      b.setUint32(8, pdu.customer);
      providers.forEach((p, i) => b.setUint32(12 + i * 4, p));
      return new Uint8Array(b.buffer);
    }
  }
}
