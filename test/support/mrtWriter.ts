/**
 * Writes MRT records (RFC 6396, RFC 8050) for tests and benches: generated update streams and RIB dumps with
 * known content. Only what the tests need; every field as the RFC lays it out.
 */

export interface WriteRoute {
  readonly prefix: string;
  /** AS_SEQUENCE; an inner array is an AS_SET. */
  readonly path?: readonly (number | readonly number[])[];
  readonly nextHop?: string;
  readonly communities?: readonly [number, number][];
  readonly largeCommunities?: readonly [number, number, number][];
  readonly otc?: number;
  readonly pathId?: number;
}

class Bytes {
  private readonly parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 255);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(Math.floor(v / 65536)).u16(v & 0xffff);
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]!);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function ipBytes(addr: string): number[] {
  if (!addr.includes(':')) return addr.split('.').map(Number);
  const [head, tail] = addr.split('::') as [string, string | undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.flatMap((g) => [g >>> 8, g & 255]);
}

function nlri(prefix: string, pathId?: number): number[] {
  const [addr, len] = prefix.split('/') as [string, string];
  const bits = Number(len);
  const out = pathId === undefined ? [] : [pathId >>> 24, (pathId >>> 16) & 255, (pathId >>> 8) & 255, pathId & 255];
  return [...out, bits, ...ipBytes(addr).slice(0, (bits + 7) >>> 3)];
}

function attr(flags: number, type: number, body: Uint8Array | number[]): number[] {
  const len = body.length;
  return len > 255 ? [flags | 0x10, type, len >>> 8, len & 255, ...body] : [flags, type, len, ...body];
}

/** Path attributes of a route; `asnSize` 4 unless the record is a 2-byte one. */
export function attributes(r: WriteRoute, asnSize: 2 | 4 = 4, ribEntry = false): number[] {
  const out: number[] = [];
  out.push(...attr(0x40, 1, [0]));
  const path = new Bytes();
  const segs: { type: number; asns: number[] }[] = [];
  for (const x of r.path ?? []) {
    if (Array.isArray(x)) segs.push({ type: 1, asns: [...(x as number[])] });
    else if (segs.length > 0 && segs[segs.length - 1]!.type === 2) segs[segs.length - 1]!.asns.push(x as number);
    else segs.push({ type: 2, asns: [x as number] });
  }
  for (const s of segs) {
    path.u8(s.type).u8(s.asns.length);
    for (const a of s.asns) if (asnSize === 4) path.u32(a);
    else path.u16(a);
  }
  out.push(...attr(0x40, 2, path.done()));
  const v6 = r.prefix.includes(':');
  if (!v6) out.push(...attr(0x40, 3, ipBytes(r.nextHop ?? '192.0.2.1')));
  if (r.communities?.length) out.push(...attr(0xc0, 8, r.communities.flatMap(([a, v]) => [a >>> 8, a & 255, v >>> 8, v & 255])));
  if (r.largeCommunities?.length) {
    const b = new Bytes();
    for (const [g, l1, l2] of r.largeCommunities) b.u32(g).u32(l1).u32(l2);
    out.push(...attr(0xc0, 32, b.done()));
  }
  if (r.otc !== undefined) out.push(...attr(0xc0, 35, new Bytes().u32(r.otc).done()));
  if (v6) {
    const nh = ipBytes(r.nextHop ?? '2001:db8::1');
    out.push(...attr(0x80, 14, ribEntry ? [16, ...nh] : [0, 2, 1, 16, ...nh, 0, ...nlri(r.prefix, r.pathId)]));
  }
  return out;
}

export function record(time: number, type: number, subtype: number, body: Uint8Array | number[], micro?: number): Uint8Array {
  const b = new Bytes().u32(time).u16(type).u16(subtype).u32(body.length + (micro !== undefined ? 4 : 0));
  if (micro !== undefined) b.u32(micro);
  return b.bytes(body).done();
}

export interface Session {
  readonly peerAs: number;
  readonly peerIp: string;
  readonly localAs?: number;
  readonly localIp?: string;
}

/** A BGP4MP_MESSAGE_AS4 (or _ADDPATH) record carrying one UPDATE. IPv6 announcements go in MP_REACH_NLRI. */
export function bgp4mpUpdate(time: number, s: Session, announce: readonly WriteRoute[], withdraw: readonly string[] = [], opts: { addPath?: boolean; micro?: number } = {}): Uint8Array {
  const v6 = s.peerIp.includes(':');
  const head = new Bytes()
    .u32(s.peerAs)
    .u32(s.localAs ?? 12654)
    .u16(0)
    .u16(v6 ? 2 : 1)
    .bytes(ipBytes(s.peerIp))
    .bytes(ipBytes(s.localIp ?? (v6 ? '2001:db8::ffff' : '192.0.2.254')));
  const addPath = opts.addPath === true;
  const w = withdraw.flatMap((p) => nlri(p, addPath ? 1 : undefined));
  const first = announce[0];
  const attrs = first ? attributes(first) : [];
  const n = announce.filter((r) => !r.prefix.includes(':')).flatMap((r) => nlri(r.prefix, addPath ? (r.pathId ?? 1) : undefined));
  const body = [...u16b(w.length), ...w, ...u16b(attrs.length), ...attrs, ...n];
  const msg = [...Array<number>(16).fill(255), ...u16b(19 + body.length), 2, ...body];
  return record(time, opts.micro !== undefined ? 17 : 16, addPath ? 9 : 4, [...head.done(), ...msg], opts.micro);
}

function u16b(v: number): number[] {
  return [v >>> 8, v & 255];
}

/** TABLE_DUMP_V2 PEER_INDEX_TABLE (all peers with 4-byte AS) and one RIB record per prefix. */
export function peerIndexTable(time: number, peers: readonly Session[]): Uint8Array {
  const b = new Bytes().bytes([192, 0, 2, 1]).u16(0).u16(peers.length);
  for (const p of peers) {
    const v6 = p.peerIp.includes(':');
    b.u8((v6 ? 1 : 0) | 2)
      .bytes([10, 0, 0, 1])
      .bytes(ipBytes(p.peerIp))
      .u32(p.peerAs);
  }
  return record(time, 13, 1, b.done());
}

export function ribRecord(time: number, seq: number, prefix: string, entries: readonly { peer: number; route: WriteRoute }[]): Uint8Array {
  const v6 = prefix.includes(':');
  const b = new Bytes().u32(seq).bytes(nlri(prefix)).u16(entries.length);
  for (const e of entries) {
    const a = attributes(e.route, 4, true);
    b.u16(e.peer).u32(time).u16(a.length).bytes(a);
  }
  return record(time, 13, v6 ? 4 : 2, b.done());
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
