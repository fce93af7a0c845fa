import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff } from '@sanity/diff-match-patch';
import type { TextQuote } from '../model';
import { snapToCodePoint } from '../text';
import {
  acceptable,
  anchor,
  bestExactMatch,
  bestFuzzyMatch,
  better,
  CONFIDENT_SCORE,
  DEFAULT_MIN_SCORE,
  exactOccurrences,
  MIN_QUOTE_SIMILARITY,
  maxErrorsFor,
  normalizationVariants,
  scoreCandidate,
  toResult,
  type AnchorMethod,
  type AnchorOptions,
  type AnchorResult,
  type Candidate,
} from './anchor';
import { describeRange } from './describe';

/**
 * Re-anchoring every highlight of a source whose text changed (a re-import or an edit).
 *
 * The old and new texts are diffed once (diff-match-patch: common prefix and suffix are stripped first, so an edit
 * costs about the size of the edit); each highlight's old offsets are carried through the diff and checked against
 * its quote. Only highlights whose text the edit touched go on to a search: first an approximate one right where
 * the diff put them, then exact occurrences anywhere, then approximate matches in the text the edit inserted.
 * Text the diff found unchanged holds no moved passage, so the expensive search over the whole text is never
 * needed: its cost follows the size of the edit, not of the text.
 */

export interface AnchorableHighlight {
  id: string;
  start: number;
  end: number;
  quote: TextQuote;
}

export interface AnchoredHighlight {
  id: string;
  start: number;
  end: number;
  /** Described afresh from the new text; `exact` differs from the old quote after a fuzzy match. */
  quote: TextQuote;
  /** 'position': the old position, carried through the edit when there was one, still holds the quote. */
  method: AnchorMethod;
  score: number;
}

export interface ReanchorResult {
  anchored: AnchoredHighlight[];
  /** Ids of the highlights that could not be found (their passage was deleted or rewritten): keep them as orphans. */
  orphans: string[];
}

export interface ReanchorOptions extends AnchorOptions {
  /** Seconds the diff may take before it settles for a coarser answer (diff-match-patch's Diff_Timeout). */
  diffTimeout?: number;
}

/** A stretch of the old text and where it went: kept (equal) or removed (delete). Inserted text has no old stretch. */
interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  /** For equal: newStart + length. For delete: the end of the text inserted in its place, or newStart. */
  newEnd: number;
  kept: boolean;
}

/** Carries offsets of the old text to the new one through a character diff. */
export class PositionMap {
  private readonly segments: Segment[] = [];
  /** Stretches of the new text that the diff marks as inserted, in order. */
  readonly inserted: Array<{ start: number; end: number }> = [];

  constructor(
    readonly oldText: string,
    readonly newText: string,
    diffTimeout = 1,
  ) {
    if (oldText === newText) {
      this.segments.push({ oldStart: 0, oldEnd: oldText.length, newStart: 0, newEnd: newText.length, kept: true });
      return;
    }
    let o = 0;
    let n = 0;
    // Semantic cleanup turns the chance one-letter equalities of a replaced word into one replacement, so that a
    // highlight's edge counts as kept only when the text there really survived.
    for (const [op, chunk] of cleanupSemantic(makeDiff(oldText, newText, { timeout: diffTimeout }))) {
      const len = chunk.length;
      if (op === DIFF_EQUAL) {
        this.segments.push({ oldStart: o, oldEnd: o + len, newStart: n, newEnd: n + len, kept: true });
        o += len;
        n += len;
      } else if (op === DIFF_DELETE) {
        this.segments.push({ oldStart: o, oldEnd: o + len, newStart: n, newEnd: n, kept: false });
        o += len;
      } else if (op === DIFF_INSERT) {
        this.inserted.push({ start: n, end: n + len });
        const last = this.segments[this.segments.length - 1];
        // An insertion right after a deletion is its replacement: the deleted stretch maps onto it.
        if (last && !last.kept && last.oldEnd === o && last.newEnd === n) last.newEnd = n + len;
        n += len;
      }
    }
  }

  /**
   * The inserted stretches widened by `margin` on each side and merged: the only places of the new text where a
   * passage can be that is not where the diff carried it.
   */
  insertedRegions(margin: number): Array<{ start: number; end: number }> {
    const out: Array<{ start: number; end: number }> = [];
    for (const r of this.inserted) {
      const start = Math.max(0, r.start - margin);
      const end = Math.min(this.newText.length, r.end + margin);
      const last = out[out.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
    return out;
  }

  /** The segment holding old offset p: the first with oldEnd > p when `after`, else the last with oldStart < p. */
  private find(p: number, after: boolean): Segment | undefined {
    const s = this.segments;
    let lo = 0;
    let hi = s.length - 1;
    let found: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = s[mid];
      if (after ? seg.oldEnd > p : seg.oldStart < p) {
        found = seg;
        if (after) hi = mid - 1;
        else lo = mid + 1;
      } else if (after) lo = mid + 1;
      else hi = mid - 1;
    }
    return found;
  }

  /** Whether the character just after old offset p (`side` 'start') or just before it ('end') survived the edit. */
  keeps(p: number, side: 'start' | 'end'): boolean {
    const seg = this.find(p, side === 'start');
    return seg !== undefined && seg.kept;
  }

  /**
   * Where a highlight's start goes: text inserted exactly at it lands before it (outside the highlight); inside a
   * deleted or replaced stretch (or at its start), it goes to the start of what replaced it.
   */
  mapStart(p: number): number {
    const seg = this.find(p, true);
    if (!seg) return this.newText.length;
    return seg.kept ? seg.newStart + Math.max(0, p - seg.oldStart) : seg.newStart;
  }

  /**
   * Where a highlight's end goes: text inserted exactly at it lands after it (outside the highlight); inside a
   * deleted or replaced stretch (or at its end), it goes to the end of what replaced it.
   */
  mapEnd(p: number): number {
    const seg = this.find(p, false);
    if (!seg) return 0;
    return seg.kept ? seg.newStart + Math.min(p, seg.oldEnd) - seg.oldStart : seg.newEnd;
  }
}

/** The result for one highlight, its quote described afresh from the text it is now anchored in. */
function described(newText: string, id: string, start: number, end: number, method: AnchorMethod, score: number) {
  const { quote } = describeRange(newText, start, end);
  return { id, start, end, quote, method, score };
}

/**
 * Re-anchor one highlight of the old text in the new one, through `map`. Returns null for an orphan.
 */
export function reanchorOne(
  map: PositionMap,
  highlight: AnchorableHighlight,
  options: AnchorOptions = {},
): AnchorResult | null {
  const text = map.newText;
  const { quote } = highlight;
  const { exact } = quote;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const start = snapToCodePoint(text, map.mapStart(highlight.start), 'back');
  const end = snapToCodePoint(text, map.mapEnd(highlight.end), 'forward');
  // Offsets that did not hold the quote in the old text either (an orphan, or stale data) mean nothing to the
  // diff: search for the quote, from about where they point.
  const valid = highlight.end - highlight.start === exact.length && map.oldText.startsWith(exact, highlight.start);
  if (!valid) return anchor(text, { start, end, quote }, options);
  if (end - start === exact.length && text.startsWith(exact, start)) {
    return { start, end, method: 'position', score: 1 };
  }

  // The edit touched the passage or its edges. Candidates where the diff put it: the carried range, and the best
  // approximate match in a window around it.
  const carried =
    end > start && Math.abs(end - start - exact.length) <= exact.length * (1 - MIN_QUOTE_SIMILARITY)
      ? scoreCandidate(text, start, end, quote, start)
      : null;
  const slack = maxErrorsFor(exact.length) + 64;
  const near = bestFuzzyMatch(
    text,
    quote,
    start,
    Math.max(0, Math.min(start, end) - slack),
    Math.min(text.length, Math.max(end, start + exact.length) + slack),
    [],
  );
  // The quote itself, right there, wins: the diff can place an insertion on either side of a repeated letter or
  // word (inserting 'the ' before 'the river' may look like an insertion after 'the ').
  const nearExact = near && near.quoteSimilarity === 1 ? acceptable(near, minScore) : null;
  if (nearExact) return toResult(nearExact);
  // When both edges of the passage survived, the edit was inside it: the highlight is the carried range, however
  // much was inserted, as long as half its text survives (as a mark grows in an editor).
  if (carried && carried.quoteSimilarity >= MIN_QUOTE_SIMILARITY) {
    if (map.keeps(highlight.start, 'start') && map.keeps(highlight.end, 'end')) return toResult(carried);
  }
  let best = better(acceptable(carried, minScore), acceptable(near, minScore));
  if (best) return toResult(best);

  // Not where the diff put it: moved, or its surroundings rewritten. An exact occurrence anywhere, judged by its
  // context, or an approximate match in inserted text (a moved passage is inserted text in the diff's eyes). Then
  // the same for the quote in other Unicode normalisation forms (a re-import may compose accents differently).
  best = searchMoved(map, quote, start, minScore);
  for (const variant of best ? [] : normalizationVariants(quote)) {
    best = searchMoved(map, variant, start, minScore);
    if (best) break;
  }
  return best ? toResult(best) : null;
}

function searchMoved(map: PositionMap, quote: TextQuote, hint: number, minScore: number): Candidate | null {
  const text = map.newText;
  const exactStarts = exactOccurrences(text, quote.exact);
  const exactBest = bestExactMatch(text, quote, hint, exactStarts);
  const confident = acceptable(exactBest, CONFIDENT_SCORE);
  if (confident) return confident;
  let best = acceptable(exactBest, minScore);
  const margin = quote.exact.length + maxErrorsFor(quote.exact.length) + 64;
  for (const r of map.insertedRegions(margin)) {
    best = better(best, acceptable(bestFuzzyMatch(text, quote, hint, r.start, r.end, exactStarts), minScore));
  }
  return best;
}

/**
 * Re-anchor `highlights`, made on `oldText`, in `newText`. Highlights the edit did not touch keep their place
 * shifted by the edit, without a search. Every returned quote is described afresh from the new text.
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  highlights: readonly AnchorableHighlight[],
  options: ReanchorOptions = {},
): ReanchorResult {
  const map = new PositionMap(oldText, newText, options.diffTimeout);
  const result: ReanchorResult = { anchored: [], orphans: [] };
  for (const h of highlights) {
    const r = reanchorOne(map, h, options);
    if (r) result.anchored.push(described(newText, h.id, r.start, r.end, r.method, r.score));
    else result.orphans.push(h.id);
  }
  return result;
}

/**
 * Anchor `highlights` in `text` when no older text is at hand (opening a source): each by `anchor()`, which
 * checks the stored position first, so this is fast when nothing changed.
 */
export function anchorAll(
  text: string,
  highlights: readonly AnchorableHighlight[],
  options: AnchorOptions = {},
): ReanchorResult {
  const result: ReanchorResult = { anchored: [], orphans: [] };
  for (const h of highlights) {
    const r = anchor(text, h, options);
    if (r) result.anchored.push(described(text, h.id, r.start, r.end, r.method, r.score));
    else result.orphans.push(h.id);
  }
  return result;
}
