/**
 * The candidates of a statement being grouped (grouping.ts), ranked: the statements its LSH bands met, most bands
 * shared first, ties in the order first met. Pure.
 */
import { BANDS } from './lemma-table';

/** Bands two statements must share to be scored (a pair as alike as the threshold shares about five). */
export const MIN_BAND_HITS = 2;

const rankStarts = new Int32Array(BANDS + 2);

/**
 * `touched` (serials, in the order first met) with their bands shared in `counts`: those sharing MIN_BAND_HITS or
 * more go into `out` ranked, as many as it holds; returns how many.
 */
export function rankCandidates(touched: readonly number[], counts: Uint16Array, out: Int32Array): number {
  // A counting sort on the bands shared (at most BANDS): stable, so ties keep the order first met.
  const starts = rankStarts;
  starts.fill(0);
  for (const t of touched) if (counts[t] >= MIN_BAND_HITS) starts[counts[t]]++;
  let at = 0;
  for (let c = BANDS; c >= MIN_BAND_HITS; c--) {
    const n = starts[c];
    starts[c] = at;
    at += n;
  }
  for (const t of touched) {
    const c = counts[t];
    if (c < MIN_BAND_HITS) continue;
    const place = starts[c]++;
    if (place < out.length) out[place] = t;
  }
  return Math.min(at, out.length);
}
