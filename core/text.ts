/** Small pure helpers over text. */

/** Clamp an offset so it never falls between the two halves of a surrogate pair. */
export function snapToCodePoint(text: string, offset: number, direction: 'back' | 'forward'): number {
  const o = Math.max(0, Math.min(text.length, offset));
  if (o > 0 && o < text.length) {
    const prev = text.charCodeAt(o - 1);
    const next = text.charCodeAt(o);
    if (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      return direction === 'back' ? o - 1 : o + 1;
    }
  }
  return o;
}

/** Paragraphs of a text: runs separated by line breaks, with their offsets. Empty lines are dropped. */
export function splitParagraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(start, i).trim().length > 0) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** Index of the first paragraph ending after `offset`, in flat [start, end, start, end, …] pairs (binary search). */
export function paragraphAt(flat: readonly number[], offset: number): number {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  let found = flat.length / 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[mid * 2 + 1] > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
