/**
 * Large strings to a worker thread without holding the backend's thread. postMessage clones a string in one
 * synchronous step (a 50 MB text held the thread for over a second on a loaded machine); here the text is encoded to
 * UTF-8 a slice at a time, yielding to the event loop between slices, and the slices' buffers are transferred (moved,
 * not copied). The worker joins and decodes them.
 */

/** Characters encoded per slice: a quarter megabyte, a few milliseconds of work even on a loaded machine. */
const SLICE_CHARS = 1 << 18;

export interface TextSlices {
  /** The text as UTF-8, in order. */
  slices: Uint8Array[];
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Encode `text` slice by slice, letting other work run between slices. */
export async function encodeInSlices(text: string, sliceChars = SLICE_CHARS): Promise<TextSlices> {
  const encoder = new TextEncoder();
  const slices: Uint8Array[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + sliceChars);
    // Never split a surrogate pair between two slices (each would encode as U+FFFD).
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    slices.push(encoder.encode(text.slice(at, end)));
    at = end;
    if (at < text.length) await yieldToLoop();
  }
  return { slices };
}

/** The buffers to transfer with the message that carries these slices. */
export function transferListOf(...texts: TextSlices[]): ArrayBuffer[] {
  return texts.flatMap((t) => t.slices.map((s) => s.buffer as ArrayBuffer));
}

/** The text again (in the worker). */
export function decodeSlices(text: TextSlices): string {
  if (text.slices.length === 1) return Buffer.from(text.slices[0].buffer, text.slices[0].byteOffset, text.slices[0].byteLength).toString('utf8');
  return Buffer.concat(text.slices).toString('utf8');
}
