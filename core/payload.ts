/**
 * How much a call may carry across IPC. The main process validates every input against the contract, but only once
 * the whole message is in its memory; the preload measures a call before sending it and refuses one over its
 * channel's bound, so a page cannot make the main process take in hundreds of megabytes.
 */
import type { Channel } from './contract';

const MiB = 1024 * 1024;

/** Per channel: the most it may carry, in characters of its strings (plus a little per value). */
export const PAYLOAD_LIMITS: Partial<Record<Channel, number>> = {
  // A source's text is at most 50 MB of text (core/schemas.ts), with its ids around it.
  updateSourceText: 50 * MiB + 64 * 1024,
  // Dropped files travel as base64; larger files are imported from the open dialog, read by the main process.
  previewImport: 96 * MiB,
};
/** Everything else: a note is at most 5 MB of JSON; 8 MiB leaves room for its envelope. */
export const DEFAULT_PAYLOAD_LIMIT = 8 * MiB;

export const payloadLimit = (channel: Channel): number => PAYLOAD_LIMITS[channel] ?? DEFAULT_PAYLOAD_LIMIT;

/**
 * The size of a value as it would cross IPC, counted up to `limit` (it stops there: a huge input costs no more to
 * refuse than a small one to accept). Strings count their length, every other value a few units. Iterative, so no
 * input can overflow the stack.
 */
export function payloadSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length && size <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (v && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
      if (ArrayBuffer.isView(v)) size += v.byteLength;
      else if (v instanceof ArrayBuffer) size += v.byteLength;
      else if (Array.isArray(v)) {
        size += 2;
        for (const item of v) stack.push(item);
      } else {
        size += 2;
        for (const [key, item] of Object.entries(v)) {
          size += key.length + 3;
          stack.push(item);
        }
      }
    } else size += 8;
  }
  return size;
}

/** Why a call is too large to send, or null when it may go. */
export function payloadTooLarge(channel: Channel, input: unknown): string | null {
  const limit = payloadLimit(channel);
  if (payloadSize(input, limit) <= limit) return null;
  const mb = Math.round(limit / MiB);
  return channel === 'previewImport'
    ? `These files are too large to drop on the window (over ${mb} MB together): import them with File › Import…, which reads them from disk.`
    : `Invalid input for ${channel}: the call carries more than ${mb} MB.`;
}
