/**
 * Where each character of a PDF page's text items (as pdf.js gives them to the page view) stands in the stored
 * text of the source. The stored text was made from the same items (core/documents/pdf-text.ts): lines joined with
 * spaces, hyphens at line ends dropped, whitespace collapsed, in the same order. So walking both at once, skipping
 * whitespace, puts every letter at its offset; a character the text does not have (a dropped hyphen) gets none.
 */

/** How far ahead a character is looked for when the two disagree (a PDF read differently): then the walk resyncs. */
const RESYNC_WINDOW = 12;

export interface AlignedItem {
  /** Offset in the stored text of each character of the item, or -1 (whitespace, a dropped hyphen). */
  offsets: Int32Array;
  /** The lowest and highest offsets in `offsets` (-1 when none): a quick test of whether a range touches the item. */
  first: number;
  last: number;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00A0' || /\s/.test(c);

/** Aligns the items of one page with the stored text between `from` and `to` (the page's start and the next's). */
export function alignPageItems(text: string, from: number, to: number, items: readonly string[]): AlignedItem[] {
  let cursor = from;
  const out: AlignedItem[] = [];
  for (const str of items) {
    const offsets = new Int32Array(str.length).fill(-1);
    let first = -1;
    let last = -1;
    for (let j = 0; j < str.length; j++) {
      const c = str[j];
      if (isSpace(c) || c === '\u00AD') continue;
      let k = cursor;
      while (k < to && isSpace(text[k])) k++;
      if (k < to && text[k] === c) {
        offsets[j] = k;
      } else {
        // Not next: a hyphen the text dropped (leave it out), or a difference to look past within a few characters.
        if (c === '-' || c === '‐') continue;
        let found = -1;
        for (let m = k + 1; m < Math.min(to, k + RESYNC_WINDOW); m++) {
          if (text[m] === c) {
            found = m;
            break;
          }
        }
        if (found < 0) continue;
        offsets[j] = found;
        k = found;
      }
      cursor = k + 1;
      if (first < 0) first = k;
      last = k;
    }
    out.push({ offsets, first, last });
  }
  return out;
}

/**
 * The text offset of the point before character `j` of an item (j may be its length: the point after it): the
 * character's own offset, else the next aligned one's, else just after the previous aligned one.
 */
export function offsetAt(item: AlignedItem, j: number): number | null {
  const { offsets } = item;
  for (let i = Math.max(0, j); i < offsets.length; i++) if (offsets[i] >= 0) return offsets[i];
  for (let i = Math.min(j, offsets.length) - 1; i >= 0; i--) if (offsets[i] >= 0) return offsets[i] + 1;
  return null;
}

/** The characters [j0, j1) of an item that lie in [start, end) of the text, or null when none does. */
export function charsInRange(item: AlignedItem, start: number, end: number): [number, number] | null {
  if (item.first < 0 || item.last < start || item.first >= end) return null;
  let j0 = -1;
  let j1 = -1;
  const { offsets } = item;
  for (let j = 0; j < offsets.length; j++) {
    const o = offsets[j];
    if (o >= start && o < end) {
      if (j0 < 0) j0 = j;
      j1 = j + 1;
    }
  }
  return j0 < 0 ? null : [j0, j1];
}

/** The page (0-based) a text offset lies on, given where each page starts. */
export function pageIndexAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
