import approxSearch from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
import type { TextQuote } from '../model';
import { snapToCodePoint } from '../text';

/**
 * Finding a highlight's passage again in a text that may have changed since the highlight was made.
 *
 * Order of strategies: (a) the stored position, if the text there is still the quote; (b) every exact occurrence of
 * the quote, ranked by how well the surrounding text matches the stored prefix and suffix and by nearness to the old
 * position; (c) approximate matches of the quote (approx-string-match, Myers' bit-parallel algorithm), first in a
 * small window around the old position, then in a wider one, then in the whole text, ranked the same way.
 * Candidates below a minimum score are rejected, so a deleted passage comes back null (an orphan).
 */

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /** How much of the stored selector (quote, and context at half weight) is found at the match: 1 = all of it. */
  score: number;
}

/** What anchoring needs of a highlight: its stored position and its quote. */
export interface AnchorTarget {
  start: number;
  end: number;
  quote: TextQuote;
}

export interface AnchorOptions {
  /** Lowest score a match away from the verified position may have; below it the highlight is an orphan. */
  minScore?: number;
}

/**
 * Default minimum score. A long quote found almost intact carries itself, while a short one also needs its
 * context: a 10-character quote found with unrelated text on both sides scores about 0.5 and is rejected, with one
 * side's context intact about 0.75 and is accepted; a 140-character quote moved elsewhere (context lost) with one
 * word changed scores about 0.8.
 */
export const DEFAULT_MIN_SCORE = 0.7;

/** However well the context matches, a candidate whose own text is less than half the quote is not that quote. */
export const MIN_QUOTE_SIMILARITY = 0.5;

/**
 * A character of context counts half as much as a character of the quote: context is what a moved passage loses,
 * and unrelated text still resembles it a little (a third or so of its characters line up by chance).
 */
const CONTEXT_WEIGHT = 0.5;

/** Nearness to the old position only breaks ties between candidates that match equally well. */
const POSITION_WEIGHT = 0.01;

/** A match of at least this score is taken without looking for approximate ones. */
export const CONFIDENT_SCORE = 0.95;

/**
 * Quotes longer than this are searched in large texts by probes of PROBE_LENGTH (see findProbed). approx-string-
 * match's cost grows with the error budget, a 32-bit word of the pattern per 32 errors: measured on a 1 MB text, a
 * quote of up to 64 characters takes about 10 ms, of 300 about 25 ms, of 1,000 about 45 ms and of 3,000 about
 * 130 ms, against about 40 ms for four one-word probes. Up to this length the whole quote is searched directly.
 */
const LONG_QUOTE = 1024;
const PROBE_LENGTH = 32;
const PROBE_ERRORS = PROBE_LENGTH / 4;
const MAX_PROBES = 4;
/** Most hits per probe that get verified, the nearest to the old position first. */
const MAX_PROBE_HITS = 32;

/**
 * The number of edits (insertions, deletions, substitutions) allowed between the quote and an approximate match:
 * a quarter of its length. Quotes shorter than 4 code units are only matched exactly: one error in two or three
 * characters would match almost anywhere.
 */
export function maxErrorsFor(quoteLength: number): number {
  return quoteLength < 4 ? 0 : Math.max(1, Math.floor(quoteLength / 4));
}

/** A scored place in the text where the quote may be. */
export interface Candidate {
  start: number;
  end: number;
  /** Similarity of the text at [start, end) to the quote, 0..1. */
  quoteSimilarity: number;
  /** Similarity of quote and context, weighted by their lengths (context at half weight), 0..1: the score. */
  score: number;
  /** score plus a small bonus for nearness to the old position; the ordering key. */
  rank: number;
}

function similarity(stored: string, actual: string): number {
  if (stored.length === 0) return 1;
  if (stored === actual) return 1;
  return Math.max(0, 1 - distance(stored, actual) / stored.length);
}

/** Score the text at [start, end) as the place of `quote`, whose old position was `hint`. */
export function scoreCandidate(text: string, start: number, end: number, quote: TextQuote, hint: number): Candidate {
  const { exact, prefix, suffix } = quote;
  const q = similarity(exact, text.slice(start, end));
  const p = similarity(prefix, text.slice(snapToCodePoint(text, start - prefix.length, 'forward'), start));
  const s = similarity(suffix, text.slice(end, snapToCodePoint(text, end + suffix.length, 'back')));
  const total = exact.length + CONTEXT_WEIGHT * (prefix.length + suffix.length);
  const score = (q * exact.length + CONTEXT_WEIGHT * (p * prefix.length + s * suffix.length)) / total;
  const nearness = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  return { start, end, quoteSimilarity: q, score, rank: score + POSITION_WEIGHT * nearness };
}

/** The candidate if it may stand as the highlight's place, else null. */
export function acceptable(c: Candidate | null, minScore: number): Candidate | null {
  return c !== null && c.score >= minScore && c.quoteSimilarity >= MIN_QUOTE_SIMILARITY ? c : null;
}

/** The higher-ranked of two candidates. */
export function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.rank > a.rank ? b : a;
}

/** Offsets of every occurrence of `exact` (overlapping ones included), except any that would split a surrogate pair. */
export function exactOccurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (snapToCodePoint(text, i, 'back') === i) out.push(i);
  }
  return out;
}

/** The best exact occurrence of the quote (null when it does not occur), among `starts` (all occurrences). */
export function bestExactMatch(
  text: string,
  quote: TextQuote,
  hint: number,
  starts: readonly number[] = exactOccurrences(text, quote.exact),
): Candidate | null {
  let best: Candidate | null = null;
  for (const start of starts) {
    best = better(best, scoreCandidate(text, start, start + quote.exact.length, quote, hint));
  }
  return best;
}

interface Span {
  start: number;
  end: number;
}

/** A slice of the text being searched: its content and where it starts in the text. */
interface Haystack {
  text: string;
  offset: number;
}

/** Approximate matches of `pattern` within text[from, to) of the haystack's text, as text offsets. */
function searchIn(hay: Haystack, pattern: string, maxErrors: number, from: number, to: number): Span[] {
  const lo = from - hay.offset;
  const hi = to - hay.offset;
  const region = lo === 0 && hi === hay.text.length ? hay.text : hay.text.slice(lo, hi);
  return approxSearch(region, pattern, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from }));
}

/**
 * text[from, to) with every exact occurrence of `exact` blotted out by a character the quote does not contain.
 * approx-string-match reports only the lowest-error matches, so an exact occurrence (already judged by the exact
 * step) would hide an edited copy of the quote in the same window; blotted out, it cannot.
 */
function maskedHaystack(text: string, exact: string, occurrences: readonly number[], from: number, to: number): Haystack {
  const inside = occurrences.filter((o) => o < to && o + exact.length > from);
  if (inside.length === 0) return { text: text.slice(from, to), offset: from };
  const blot = ['\u0000', '\uffff', '\ufffe', '\u0001'].find((c) => !exact.includes(c)) ?? '\u0000';
  const parts: string[] = [];
  let at = from;
  for (const o of inside) {
    const s = Math.max(at, o);
    const e = Math.min(to, o + exact.length);
    if (e <= s) continue;
    parts.push(text.slice(at, s), blot.repeat(e - s));
    at = e;
  }
  parts.push(text.slice(at, to));
  return { text: parts.join(''), offset: from };
}

/**
 * Approximate matches of a long quote in a large region, found by probes: up to MAX_PROBES pieces of the quote
 * (head, tail and evenly spaced ones between) are searched with a quarter of their length in errors, and each hit
 * is verified by searching the whole quote in a window just large enough to hold it. The cost is that of a few
 * one-word searches, whatever the quote's length. A match whose every probe has more than a quarter of its
 * characters edited is missed (the quote as a whole may still be within its budget); the windows around the old
 * position, up to ten times the quote's length, are searched directly and miss nothing.
 */
function findProbed(hay: Haystack, exact: string, maxErrors: number, hint: number): Span[] {
  const from = hay.offset;
  const to = hay.offset + hay.text.length;
  const probes = Math.min(MAX_PROBES, Math.floor(exact.length / PROBE_LENGTH));
  const verified: number[] = [];
  const out: Span[] = [];
  for (let i = 0; i < probes; i++) {
    const offset = probes === 1 ? 0 : Math.round((i * (exact.length - PROBE_LENGTH)) / (probes - 1));
    const hits = searchIn(hay, exact.slice(offset, offset + PROBE_LENGTH), PROBE_ERRORS, from, to);
    hits.sort((a, b) => Math.abs(a.start - offset - hint) - Math.abs(b.start - offset - hint));
    for (const hit of hits.slice(0, MAX_PROBE_HITS)) {
      const predicted = hit.start - offset;
      if (verified.some((v) => Math.abs(v - predicted) <= maxErrors)) continue;
      verified.push(predicted);
      const lo = Math.max(from, predicted - 2 * maxErrors - PROBE_LENGTH);
      const hi = Math.min(to, predicted + exact.length + 2 * maxErrors + PROBE_LENGTH);
      out.push(...searchIn(hay, exact, maxErrors, lo, hi));
    }
  }
  return out;
}

/**
 * The best-ranked approximate, non-exact match of the quote within text[from, to). `exactStarts` are the quote's
 * exact occurrences (see bestExactMatch), which are left out.
 */
export function bestFuzzyMatch(
  text: string,
  quote: TextQuote,
  hint: number,
  from: number,
  to: number,
  exactStarts: readonly number[] = exactOccurrences(text, quote.exact),
): Candidate | null {
  const { exact } = quote;
  const maxErrors = maxErrorsFor(exact.length);
  if (maxErrors === 0 || to - from < exact.length - maxErrors) return null;
  const hay = maskedHaystack(text, exact, exactStarts, from, to);
  const direct = exact.length <= LONG_QUOTE || to - from <= 10 * exact.length;
  const spans = direct ? searchIn(hay, exact, maxErrors, from, to) : findProbed(hay, exact, maxErrors, hint);
  let best: Candidate | null = null;
  for (const m of spans) {
    // approx-string-match works on UTF-16 code units; widen its matches to whole code points.
    const start = snapToCodePoint(text, m.start, 'back');
    const end = snapToCodePoint(text, m.end, 'forward');
    if (end > start) best = better(best, scoreCandidate(text, start, end, quote, hint));
  }
  return best;
}

/** The windows searched for approximate matches, smallest first: the old place, its neighbourhood, the whole text. */
function searchWindows(textLength: number, hint: number, quoteLength: number): Span[] {
  const slack = maxErrorsFor(quoteLength) + 2 * PROBE_LENGTH;
  const wide = Math.max(2048, 4 * quoteLength);
  const windows = [
    { start: hint - slack, end: hint + quoteLength + slack },
    { start: hint - wide, end: hint + quoteLength + wide },
    { start: 0, end: textLength },
  ].map((w) => ({ start: Math.max(0, w.start), end: Math.min(textLength, w.end) }));
  // A window that covers no more than the previous one would only repeat its search.
  return windows.filter((w, i) => i === 0 || w.end - w.start > windows[i - 1].end - windows[i - 1].start);
}

/** A match away from the verified position: 'exact' when its text is the quote, else 'fuzzy'. */
export function toResult(c: Candidate): AnchorResult {
  return { start: c.start, end: c.end, method: c.quoteSimilarity === 1 ? 'exact' : 'fuzzy', score: c.score };
}

/**
 * Exact occurrences, then approximate matches in widening windows, of the quote in any of its `forms` (the stored
 * quote first, then its other Unicode normalisation forms).
 */
function searchQuote(text: string, forms: readonly TextQuote[], hint: number, minScore: number): Candidate | null {
  // (b) Exact occurrences, ranked by context and nearness.
  const exactStarts = forms.map((q) => exactOccurrences(text, q.exact));
  let exactBest: Candidate | null = null;
  for (const [i, q] of forms.entries()) exactBest = better(exactBest, bestExactMatch(text, q, hint, exactStarts[i]));
  const confident = acceptable(exactBest, CONFIDENT_SCORE);
  if (confident) return confident;
  const exactOk = acceptable(exactBest, minScore);

  // (c) Approximate matches, widening the search only while nothing acceptable is found. An acceptable exact
  // occurrence is only challenged by an edited copy at the old place, not searched for in the whole text.
  for (const [i, q] of forms.entries()) {
    const windows = searchWindows(text.length, hint, q.exact.length);
    if (exactOk) {
      const near = acceptable(bestFuzzyMatch(text, q, hint, windows[0].start, windows[0].end, exactStarts[i]), minScore);
      if (near && near.rank > exactOk.rank) return near;
      continue;
    }
    for (const w of windows) {
      const fuzzy = acceptable(bestFuzzyMatch(text, q, hint, w.start, w.end, exactStarts[i]), minScore);
      if (fuzzy) return fuzzy;
    }
  }
  return exactOk;
}

/**
 * The quote in Unicode normalisation forms NFC and NFD, where they differ from it. A re-imported text may compose
 * accents differently ('é' against 'e' + U+0301): two edits per accented letter to approx-string-match, too many
 * for a short quote, yet the same text to a reader.
 */
export function normalizationVariants(quote: TextQuote): TextQuote[] {
  const out: TextQuote[] = [];
  for (const form of ['NFC', 'NFD'] as const) {
    const v = { exact: quote.exact.normalize(form), prefix: quote.prefix.normalize(form), suffix: quote.suffix.normalize(form) };
    const same = (a: TextQuote, b: TextQuote) => a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
    if (!same(v, quote) && !out.some((o) => same(o, v))) out.push(v);
  }
  return out;
}

/**
 * Find `target`'s quote in `text`. Returns null when no candidate scores at least `minScore` (an orphan).
 * Offsets in the result never split a surrogate pair. 'exact' means the text found is the quote, or the quote in
 * another Unicode normalisation form; 'fuzzy' that it differs by edits.
 */
export function anchor(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult | null {
  const { quote } = target;
  const { exact } = quote;
  if (exact.length === 0) return null;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;

  // (a) The stored position, verified.
  const { start, end } = target;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end - start === exact.length) {
    if (end <= text.length && text.startsWith(exact, start)) {
      return { start, end, method: 'position', score: 1 };
    }
  }
  const hint = Math.max(0, Math.min(text.length, Number.isFinite(start) ? Math.trunc(start) : 0));

  const found = searchQuote(text, [quote, ...normalizationVariants(quote)], hint, minScore);
  return found ? toResult(found) : null;
}
