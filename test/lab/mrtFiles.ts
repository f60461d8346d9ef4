/** Waiting for a daemon's MRT file to be complete: it exists, is not empty, and its size holds still. */
import { stat } from 'node:fs/promises';
import { delay, waitFor } from './processes';

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once `file` exists with at least `minBytes` and the same size over `settleMs` (the daemons write a
 * dump in one go, but from another process, so "exists" alone may be half a file).
 */
export async function settledFile(file: string, timeoutMs = 15_000, minBytes = 1, settleMs = 300): Promise<void> {
  await waitFor(
    `${file} to be written`,
    async () => {
      const a = await sizeOf(file);
      if (a === undefined || a < minBytes) return undefined;
      await delay(settleMs);
      return (await sizeOf(file)) === a ? true : undefined;
    },
    timeoutMs,
    200,
  );
}
