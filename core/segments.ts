import { splitParagraphs } from './text';

export interface Segment {
  start: number;
  end: number;
  furniture: boolean;
}

export interface Block {
  start: number;
  end: number;
  /** The whole line is page furniture. */
  furniture: boolean;
  segments: Segment[];
}

/**
 * Lay a source's text out as blocks (one per non-empty line) cut into segments at furniture boundaries.
 * Every character of a block belongs to exactly one segment, so a DOM position maps back to a text offset.
 */
export function layoutBlocks(text: string, furniture: ReadonlyArray<readonly [number, number]>): Block[] {
  const sorted = [...furniture].sort((a, b) => a[0] - b[0]);
  let f = 0;
  return splitParagraphs(text).map(({ start, end }) => {
    const segments: Segment[] = [];
    let at = start;
    while (f < sorted.length && sorted[f][1] <= start) f++;
    for (let i = f; i < sorted.length && sorted[i][0] < end; i++) {
      const fs = Math.max(start, sorted[i][0]);
      const fe = Math.min(end, sorted[i][1]);
      if (fs > at) segments.push({ start: at, end: fs, furniture: false });
      if (fe > fs) segments.push({ start: fs, end: fe, furniture: true });
      at = Math.max(at, fe);
    }
    if (at < end) segments.push({ start: at, end, furniture: false });
    const furnitureOnly = segments.every((s) => s.furniture || text.slice(s.start, s.end).trim() === '');
    return { start, end, furniture: furnitureOnly, segments };
  });
}
