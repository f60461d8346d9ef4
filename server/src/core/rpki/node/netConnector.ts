/**
 * The Node.js Connector: plain TCP through `node:net`. Only node entry points (server/src/node, the CLI, tests,
 * benches) import this file; TLS and SSH transports (RFC 8210 §9) are not supported.
 */
import * as net from 'node:net';
import type { ByteStream, Connector, StreamHandlers } from '../transport';

export const netConnector: Connector = {
  connect(host: string, port: number, h: StreamHandlers): ByteStream {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    let closedBySelf = false;
    let lastError: string | undefined;
    socket.on('connect', () => h.onOpen());
    // A Buffer is a Uint8Array: no wrapping per chunk (a full load arrives in tens of thousands of them).
    socket.on('data', (chunk: Buffer) => h.onData(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      lastError = e.code ? `${e.code} ${e.message}` : e.message;
    });
    socket.on('close', () => h.onClose(closedBySelf ? undefined : (lastError ?? 'the cache closed the connection')));
    return {
      write: (bytes) => {
        if (!socket.destroyed) socket.write(bytes);
      },
      close: () => {
        closedBySelf = true;
        socket.end();
        // A cache that never closes its side must not keep the session (or a test) alive.
        setTimeout(() => socket.destroy(), 1000).unref();
      },
    };
  },
};
