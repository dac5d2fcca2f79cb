import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Resolves when the response has been flushed; rejects when the client went away first. */
export function flushed(out: Writable): Promise<void> {
  return finished(out, { readable: false });
}

/** Waits for room in the socket buffer, or for the client to hang up (then `out.destroyed` is true). */
export async function drained(out: Writable): Promise<void> {
  if (out.destroyed) return;
  const controller = new AbortController();
  await Promise.race([
    once(out, 'drain', { signal: controller.signal }),
    once(out, 'close', { signal: controller.signal }),
  ]).catch(() => undefined);
  controller.abort();
}
