/**
 * The units coders' highlights are compared on (issue 19): sentences or paragraphs of a source's text, built with the
 * splitters the reader (paragraphs, core/text.ts) and statement attribution (sentences) already use, or the characters
 * themselves (unitized alpha, ./unitized.ts).
 */
import { splitParagraphs } from '../text';
import { splitSentences } from '../statements/attribution';
import type { Span } from './unitized';

export const UNIT_KINDS = ['sentence', 'paragraph', 'character'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Sentences or paragraphs of a text, in order, never overlapping. */
export function textUnits(text: string, kind: 'sentence' | 'paragraph'): Span[] {
  if (kind === 'paragraph') return splitParagraphs(text);
  return splitSentences(text, []);
}

/**
 * Indexes [first, last] of the units a span touches (overlaps by at least one character), or null when it lies in
 * no unit (between them). Units are sorted and disjoint: two binary searches.
 */
export function unitsTouched(units: ReadonlyArray<Span>, start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  return last >= first ? [first, last] : null;
}
