/**
 * What the RTR client needs from the runtime: a byte stream to a cache and timers. The core never opens a
 * socket itself, so it runs in the browser build too (where no connector is given and RTR is unavailable).
 */

export interface StreamHandlers {
  onOpen(): void;
  onData(chunk: Uint8Array): void;
  /** Called once, after an error or an orderly close; `error` says why when it was not our own close. */
  onClose(error?: string): void;
}

export interface ByteStream {
  write(bytes: Uint8Array): void;
  /** Closes after flushing what was written. */
  close(): void;
}

export interface Connector {
  connect(host: string, port: number, handlers: StreamHandlers): ByteStream;
}

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
