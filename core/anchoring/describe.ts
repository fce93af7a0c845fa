import type { TextQuote } from '../model';
import { snapToCodePoint } from '../text';

/** How many UTF-16 code units of context a TextQuote keeps on each side (W3C practice, as in Hypothesis). */
export const CONTEXT_LENGTH = 32;

/** A range of a text with the TextQuoteSelector that describes it. */
export interface DescribedRange {
  start: number;
  end: number;
  quote: TextQuote;
}

/**
 * Describe the range [start, end) of `text` as a position plus a quote with context.
 * The range is widened to whole code points (start snaps back, end forward) and never trimmed; the prefix and
 * suffix hold up to CONTEXT_LENGTH code units and are cut so that they never split a surrogate pair either.
 */
export function describeRange(text: string, start: number, end: number): DescribedRange {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new Error(`describeRange: offsets must be integers, got [${start}, ${end})`);
  }
  if (start < 0 || end > text.length) {
    throw new Error(`describeRange: range [${start}, ${end}) is outside the text (length ${text.length})`);
  }
  if (start >= end) {
    throw new Error(`describeRange: range [${start}, ${end}) is empty; select at least one character`);
  }
  const s = snapToCodePoint(text, start, 'back');
  const e = snapToCodePoint(text, end, 'forward');
  // The context window's outer edges move inwards, so the context stays within CONTEXT_LENGTH.
  const prefixStart = snapToCodePoint(text, s - CONTEXT_LENGTH, 'forward');
  const suffixEnd = snapToCodePoint(text, e + CONTEXT_LENGTH, 'back');
  return {
    start: s,
    end: e,
    quote: { exact: text.slice(s, e), prefix: text.slice(prefixStart, s), suffix: text.slice(e, suffixEnd) },
  };
}
