// A minimal MRT writer for GENERATED benchmark data: TABLE_DUMP_V2 (RFC 6396 §4.3), one PEER_INDEX_TABLE and
// RIB_IPV4_UNICAST records whose entries carry ORIGIN, a 4-byte AS_PATH of one AS_SEQUENCE and NEXT_HOP.
import { closeSync, openSync, writeSync } from 'node:fs';

const TABLE_DUMP_V2 = 13;
const PEER_INDEX_TABLE = 1;
const RIB_IPV4_UNICAST = 2;

export class MrtRibWriter {
  private readonly fd: number;
  private buf = Buffer.alloc(1 << 20);
  private at = 0;
  private sequence = 0;

  constructor(
    file: string,
    private readonly time: number,
    private readonly peers: readonly { readonly address: string; readonly asn: number }[],
  ) {
    this.fd = openSync(file, 'w');
    const body = Buffer.alloc(8 + peers.length * 13);
    let p = body.writeUInt32BE(0xc0000201, 0); // collector BGP ID 192.0.2.1
    p = body.writeUInt16BE(0, p); // no view name
    p = body.writeUInt16BE(peers.length, p);
    for (const peer of peers) {
      p = body.writeUInt8(0x02, p); // IPv4 address, 4-byte AS
      p = body.writeUInt32BE(ipv4(peer.address), p); // BGP ID
      p = body.writeUInt32BE(ipv4(peer.address), p);
      p = body.writeUInt32BE(peer.asn, p);
    }
    this.record(PEER_INDEX_TABLE, body);
  }

  /** One prefix's RIB entry: `paths[i]` as peer i's AS path (or none for that peer when undefined). */
  rib(prefix: string, paths: readonly (readonly number[] | undefined)[]): void {
    const [address, length] = prefix.split('/') as [string, string];
    const len = Number(length);
    const bytes = Math.ceil(len / 8);
    const entries = paths.flatMap((p, i) => (p ? [[i, p] as const] : []));
    const size = 4 + 1 + bytes + 2 + entries.reduce((a, [, p]) => a + 8 + 4 + 5 + p.length * 4 + (p.length * 4 + 2 > 255 ? 1 : 0) + 7, 0);
    const body = Buffer.alloc(size);
    let o = body.writeUInt32BE(this.sequence++, 0);
    o = body.writeUInt8(len, o);
    const addr = ipv4(address);
    for (let b = 0; b < bytes; b++) o = body.writeUInt8((addr >>> (24 - 8 * b)) & 255, o);
    o = body.writeUInt16BE(entries.length, o);
    for (const [peer, path] of entries) {
      const segment = 2 + path.length * 4;
      const extended = segment > 255;
      o = body.writeUInt16BE(peer, o);
      o = body.writeUInt32BE(this.time, o);
      o = body.writeUInt16BE(4 + (extended ? 4 : 3) + segment + 7, o);
      o = body.writeUInt8(0x40, o); // ORIGIN IGP
      o = body.writeUInt8(1, o);
      o = body.writeUInt8(1, o);
      o = body.writeUInt8(0, o);
      o = body.writeUInt8(extended ? 0x50 : 0x40, o); // AS_PATH
      o = body.writeUInt8(2, o);
      o = extended ? body.writeUInt16BE(segment, o) : body.writeUInt8(segment, o);
      o = body.writeUInt8(2, o); // AS_SEQUENCE
      o = body.writeUInt8(path.length, o);
      for (const a of path) o = body.writeUInt32BE(a, o);
      o = body.writeUInt8(0x40, o); // NEXT_HOP
      o = body.writeUInt8(3, o);
      o = body.writeUInt8(4, o);
      o = body.writeUInt32BE(ipv4(this.peers[peer]!.address), o);
    }
    this.record(RIB_IPV4_UNICAST, body.subarray(0, o));
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private record(subtype: number, body: Buffer): void {
    if (this.at + 12 + body.length > this.buf.length) this.flush();
    if (12 + body.length > this.buf.length) this.buf = Buffer.alloc(12 + body.length);
    let o = this.buf.writeUInt32BE(this.time, this.at);
    o = this.buf.writeUInt16BE(TABLE_DUMP_V2, o);
    o = this.buf.writeUInt16BE(subtype, o);
    o = this.buf.writeUInt32BE(body.length, o);
    body.copy(this.buf, o);
    this.at = o + body.length;
  }

  private flush(): void {
    writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }
}

function ipv4(address: string): number {
  return address.split('.').reduce((a, o) => a * 256 + Number(o), 0);
}
