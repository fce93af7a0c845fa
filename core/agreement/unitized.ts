/**
 * Krippendorff's alpha for unitized data (uα; Krippendorff 1995, "On the reliability of unitizing continuous data";
 * 2004, "Measuring the reliability of qualitative text analysis data", Quality & Quantity 38): coders mark stretches of
 * a continuum (characters of a text) as units of a category; what they leave unmarked are gaps. Nominal, per category:
 * the distance between two coders' sections is the squared misplacement of their boundaries where two units overlap,
 * the squared length of a unit that the other coder left inside a gap, and nothing otherwise. Pure; O(n log n) in
 * the number of sections.
 */

export interface Span {
  start: number;
  end: number;
}

/** One stretch of the continuum as a coder left it: a unit of the category or a gap. */
interface Section {
  start: number;
  end: number;
  unit: boolean;
}

export interface UnitizedResult {
  /** 1 - observed / expected; NaN when nothing can be expected to differ (no unit, or one unit filling everything). */
  alpha: number;
  /** uDo: observed disagreement. */
  observed: number;
  /** uDe: expected disagreement. */
  expected: number;
  /** Units over all coders (N in Krippendorff's notation). */
  units: number;
}

/** A coder's spans on [0, length): clipped, sorted, overlapping or touching spans merged into one unit. */
export function mergeSpans(spans: ReadonlyArray<Span>, length: number): Span[] {
  const clipped = spans
    .map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of clipped) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The continuum [0, length) as alternating gaps and units. Several continua laid end to end keep their own edges. */
function sections(units: ReadonlyArray<Span>, edges: ReadonlyArray<number>): Section[] {
  const out: Section[] = [];
  let e = 0;
  let at = 0;
  const gapTo = (to: number) => {
    // A gap never runs over the edge between two continua (two sources): it is cut there.
    while (at < to) {
      while (e < edges.length && edges[e] <= at) e++;
      const stop = e < edges.length ? Math.min(edges[e], to) : to;
      out.push({ start: at, end: stop, unit: false });
      at = stop;
    }
  };
  for (const u of units) {
    gapTo(u.start);
    out.push({ start: u.start, end: u.end, unit: true });
    at = u.end;
  }
  gapTo(edges.length ? edges[edges.length - 1] : at);
  return out;
}

/** δ² of two coders' sections g and h (Krippendorff 2004, eq. for the nominal unitizing distance). */
function distance(g: Section, h: Section): number {
  const lg = g.end - g.start;
  const lh = h.end - h.start;
  const d = g.start - h.start;
  if (g.unit && h.unit) return -lg < d && d < lh ? d * d + (g.end - h.end) * (g.end - h.end) : 0;
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? lg * lg : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? lh * lh : 0;
  return 0;
}

/** Σ δ² over every pair of sections of two coders that overlap (only those can be non-zero): a merge walk. */
function pairSum(a: ReadonlyArray<Section>, b: ReadonlyArray<Section>): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    while (j < b.length && b[j].end <= g.start) j++;
    for (let k = j; k < b.length && b[k].start < g.end; k++) sum += distance(g, b[k]);
  }
  return sum;
}

/**
 * uα of one category. `coders[c]` are coder c's spans; `edges` the ends of the continua laid end to end (one source:
 * [length]; several: the running totals of their lengths), whose last value is the continuum's length L.
 */
export function unitizedAlpha(coders: ReadonlyArray<ReadonlyArray<Span>>, edges: ReadonlyArray<number>): UnitizedResult {
  const length = edges.length ? edges[edges.length - 1] : 0;
  const m = coders.length;
  const perCoder = coders.map((spans) => sections(mergeSpans(spans, length), edges));
  let observedSum = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) observedSum += pairSum(perCoder[i], perCoder[j]);
  const observed = m < 2 || length === 0 ? NaN : observedSum / (m * (m - 1) * length * length);

  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const list of perCoder) for (const s of list) (s.unit ? unitLengths : gapLengths).push(s.end - s.start);
  const n = unitLengths.length;
  // Σ over gaps at least as long as a unit of (gap - unit + 1): sorted gaps and suffix sums answer it per unit.
  gapLengths.sort((x, y) => x - y);
  const suffix = new Float64Array(gapLengths.length + 1);
  for (let k = gapLengths.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gapLengths[k];
  let numerator = 0;
  let within = 0;
  for (const l of unitLengths) {
    let lo = 0;
    let hi = gapLengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gapLengths[mid] >= l) hi = mid;
      else lo = mid + 1;
    }
    const count = gapLengths.length - lo;
    const gapsFitting = suffix[lo] - count * (l - 1);
    numerator += ((n - 1) / 3) * (2 * l * l * l - 3 * l * l + l) + l * l * gapsFitting;
    within += l * (l - 1);
  }
  numerator *= 2 / length;
  const denominator = m * length * (m * length - 1) - within;
  const expected = m < 2 || length === 0 || denominator <= 0 ? NaN : numerator / denominator;
  const alpha = !(expected > 0) ? (observed === 0 && n > 0 ? 1 : NaN) : 1 - observed / expected;
  return { alpha, observed, expected, units: n };
}

/** uα over several categories at once: 1 - Σ uDo / Σ uDe (Krippendorff 2004, the coefficient for all categories). */
export function jointUnitizedAlpha(results: ReadonlyArray<UnitizedResult>): number {
  let o = 0;
  let e = 0;
  for (const r of results) {
    if (!Number.isFinite(r.observed) || !Number.isFinite(r.expected)) continue;
    o += r.observed;
    e += r.expected;
  }
  return e > 0 ? 1 - o / e : o === 0 && results.some((r) => r.units > 0) ? 1 : NaN;
}
