/**
 * Cuts a TCP byte stream into PDUs, whatever the chunk boundaries. After the first framing or decoding error
 * it stops: RTR has no way to resynchronise inside a session, so the caller reports and closes.
 */
import { checkHeader, decodePduAt, HEADER_LENGTH, type Pdu, type RtrErrorCode } from './pdu';

export interface PduStreamError {
  readonly code: RtrErrorCode;
  readonly reason: string;
  /** The offending PDU's bytes as far as they arrived, for the Error Report's encapsulated PDU. */
  readonly bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);

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
    let buf = chunk;
    if (this.rest.length > 0) {
      buf = new Uint8Array(this.rest.length + chunk.length);
      buf.set(this.rest, 0);
      buf.set(chunk, this.rest.length);
    }
    let at = 0;
    while (buf.length - at >= HEADER_LENGTH) {
      const head = checkHeader(buf.subarray(at, at + HEADER_LENGTH));
      if (!head.ok) return this.fail({ code: head.code, reason: head.reason, bytes: buf.slice(at, Math.min(buf.length, at + 64)) });
      if (buf.length - at < head.length) break;
      const decoded = decodePduAt(buf, at, head);
      if (!decoded.ok) return this.fail({ code: decoded.code, reason: decoded.reason, bytes: buf.slice(at, at + head.length) });
      this.cur.buf = buf;
      this.cur.at = at;
      this.cur.length = head.length;
      at += head.length;
      onPdu(decoded.pdu);
      if (this.failed) return this.failed;
    }
    // Copy the tail: the chunk's buffer may be reused by the transport.
    this.rest = at === buf.length ? EMPTY : buf.slice(at);
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

  private fail(e: PduStreamError): PduStreamError {
    this.failed = e;
    this.rest = EMPTY;
    return e;
  }
}
