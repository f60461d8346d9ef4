/**
 * Cuts a TCP byte stream into PDUs, whatever the chunk boundaries. After the first framing or decoding error
 * it stops: RTR has no way to resynchronise inside a session, so the caller reports and closes.
 *
 * PDUs are read in place from each chunk by offset. Only a PDU that spans chunks is copied, and only its own
 * bytes: a full load is ~13 MB of 20-byte PDUs, and copying every chunk behind a leftover tail doubled that in
 * short-lived external memory.
 */
import { checkHeader, decodePduAt, HEADER_LENGTH, type Pdu, type PduTypeName, type RtrErrorCode } from './pdu';

export interface PduStreamError {
  readonly code: RtrErrorCode;
  readonly reason: string;
  /** The offending PDU's bytes as far as they arrived, for the Error Report's encapsulated PDU. */
  readonly bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);
/** How much of a PDU with a bad header goes into the Error Report. */
const REPORTED_BYTES = 64;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export class PduStreamDecoder {
  private rest: Uint8Array = EMPTY;
  private failed: PduStreamError | undefined;

  private cur: { buf: Uint8Array; at: number; length: number } = { buf: EMPTY, at: 0, length: 0 };

  /**
   * Decodes every whole PDU now available, handing each to `onPdu`; returns the error that stopped it, if any.
   * During `onPdu`, currentBytes() copies the PDU's raw bytes (for an Error Report); no copy is made otherwise.
   */
  feed(chunk: Uint8Array, onPdu: (pdu: Pdu) => void): PduStreamError | undefined {
    if (this.failed) return this.failed;
    let at = 0;
    if (this.rest.length > 0) {
      // Finish the PDU left over from earlier chunks: first its header, then its body.
      let pending = this.rest;
      if (pending.length < HEADER_LENGTH) {
        at = Math.min(HEADER_LENGTH - pending.length, chunk.length);
        pending = concat(pending, chunk.subarray(0, at));
        if (pending.length < HEADER_LENGTH) {
          this.rest = pending;
          return undefined;
        }
      }
      const head = checkHeader(pending);
      if (!head.ok) return this.fail({ code: head.code, reason: head.reason, bytes: concat(pending, chunk.subarray(at, at + REPORTED_BYTES - pending.length)) });
      const take = Math.min(head.length - pending.length, chunk.length - at);
      pending = concat(pending, chunk.subarray(at, at + take));
      at += take;
      if (pending.length < head.length) {
        this.rest = pending;
        return undefined;
      }
      this.rest = EMPTY;
      if (!this.decodeOne(pending, 0, head, onPdu)) return this.failed;
    }
    while (chunk.length - at >= HEADER_LENGTH) {
      const head = checkHeader(chunk, at);
      if (!head.ok) return this.fail({ code: head.code, reason: head.reason, bytes: chunk.slice(at, Math.min(chunk.length, at + REPORTED_BYTES)) });
      if (chunk.length - at < head.length) break;
      if (!this.decodeOne(chunk, at, head, onPdu)) return this.failed;
      at += head.length;
    }
    // Copy the tail: the chunk's buffer may be reused by the transport.
    this.rest = at === chunk.length ? EMPTY : chunk.slice(at);
    return undefined;
  }

  /** A copy of the PDU being handed to `onPdu`. */
  currentBytes(): Uint8Array {
    return this.cur.buf.slice(this.cur.at, this.cur.at + this.cur.length);
  }

  /** Bytes of an incomplete PDU still waiting; non-zero when the connection closes means a truncated PDU. */
  get pendingBytes(): number {
    return this.rest.length;
  }

  /** The partial PDU, for reporting a truncation. */
  get pending(): Uint8Array {
    return this.rest;
  }

  /** Decodes the whole PDU at `at` and hands it on; false once the decoder has failed. */
  private decodeOne(buf: Uint8Array, at: number, head: { length: number; type: PduTypeName }, onPdu: (pdu: Pdu) => void): boolean {
    const decoded = decodePduAt(buf, at, head);
    if (!decoded.ok) {
      this.fail({ code: decoded.code, reason: decoded.reason, bytes: buf.slice(at, at + head.length) });
      return false;
    }
    this.cur.buf = buf;
    this.cur.at = at;
    this.cur.length = head.length;
    onPdu(decoded.pdu);
    return this.failed === undefined;
  }

  private fail(e: PduStreamError): PduStreamError {
    this.failed = e;
    this.rest = EMPTY;
    return e;
  }
}
