/**
 * An in-process RTR cache on loopback for tests and the bench: it decodes what the router sends and lets the
 * test script the answer byte by byte (so it can also send what no real cache would).
 */
import * as net from 'node:net';
import { encodePdu, type Pdu } from '../../server/src/core/rpki/pdu';
import { PduStreamDecoder } from '../../server/src/core/rpki/pduStream';
import type { Clock } from '../../server/src/core/rpki/transport';

export interface FakeConnection {
  readonly index: number;
  send(...items: (Pdu | Uint8Array)[]): void;
  end(): void;
  destroy(): void;
}

export interface FakeCache {
  readonly port: number;
  /** Every PDU routers sent, in order, with the connection it came on. */
  readonly received: { conn: number; pdu: Pdu }[];
  close(): Promise<void>;
}

export async function startFakeCache(onPdu: (conn: FakeConnection, pdu: Pdu) => void): Promise<FakeCache> {
  const received: { conn: number; pdu: Pdu }[] = [];
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const conn: FakeConnection = {
      index: count++,
      send: (...items) => {
        if (socket.destroyed) return;
        const parts = items.map((i) => (i instanceof Uint8Array ? i : encodePdu(i)));
        socket.write(Buffer.concat(parts));
      },
      end: () => socket.end(),
      destroy: () => socket.destroy(),
    };
    const dec = new PduStreamDecoder();
    socket.on('data', (chunk) => {
      dec.feed(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), (pdu) => {
        received.push({ conn: conn.index, pdu });
        onPdu(conn, pdu);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose timers run only when the test says so; `now` advances with them. */
export class ManualClock implements Clock {
  private t = 1_700_000_000_000;
  private seq = 0;
  readonly timers = new Map<number, { at: number; fn: () => void; ms: number }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  now(): number {
    return this.t;
  }

  /** Delays of the timers now pending, in ms. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.ms).sort((a, b) => a - b);
  }

  /** Runs the earliest pending timer whose delay is `ms` (or the earliest of all). */
  fire(ms?: number): boolean {
    const entries = [...this.timers.entries()].filter(([, t]) => ms === undefined || t.ms === ms).sort((a, b) => a[1].at - b[1].at);
    const first = entries[0];
    if (!first) return false;
    this.timers.delete(first[0]);
    this.t = Math.max(this.t, first[1].at);
    first[1].fn();
    return true;
  }
}

/** Resolves when `subscribe`'s callback sees a value passing `test`; rejects after `ms` with `what` in the message. */
export function waitFor<T>(what: string, ms: number, subscribe: (cb: (v: T) => void) => void, test: (v: T) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    subscribe((v) => {
      if (done || !test(v)) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    });
  });
}
