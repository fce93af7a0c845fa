/**
 * Compare coders' highlights (issue 19): per code and overall, percent agreement, Cohen's kappa (two coders) and
 * Krippendorff's alpha (any number of coders), on sentences, paragraphs or characters, and the passages where the
 * coders differ. Pure: the backend hands in the sources' texts and highlights.
 *
 * Sentences and paragraphs: a coder gave a unit a code when one of their highlights with that code touches it; each
 * (unit, code) is a present/absent judgement (nominal). Overall pools every (unit, code) judgement.
 * Characters: unitized alpha (./unitized.ts) per code and jointly; percent agreement and kappa over characters
 * (each character in or out of a coder's passages of that code); overall pools the characters of every code.
 */
import { jointUnitizedAlpha, mergeSpans, unitizedAlpha, type Span, type UnitizedResult } from './unitized';
import { textUnits, unitsTouched, type UnitKind } from './units';

export interface CodedHighlight {
  id: string;
  start: number;
  end: number;
  tagIds: readonly string[];
  creator?: string;
}

export interface CodedSource {
  sourceId: string;
  text: string;
  highlights: readonly CodedHighlight[];
}

export interface AgreementFigures {
  /** Share of judgements on which the coders agree (0..1; for more than two coders, the mean over pairs). */
  percent: number;
  /** Cohen's kappa; NaN unless exactly two coders. */
  kappa: number;
  alpha: number;
  /** Units compared (sentences or paragraphs; characters for the unitized figures). */
  units: number;
}

export interface CodeFigures extends AgreementFigures {
  tagId: string;
}

export interface SidePassage {
  highlightId: string;
  start: number;
  end: number;
}

/** A passage where the coders differ about one code: what each coder (in the order asked) highlighted there. */
export interface Disagreement {
  key: string;
  sourceId: string;
  tagId: string;
  start: number;
  end: number;
  sides: SidePassage[][];
}

export interface AgreementReport {
  unit: UnitKind;
  coders: string[];
  codes: CodeFigures[];
  overall: AgreementFigures;
  disagreements: Disagreement[];
  /** Disagreements found, when more than the list carries. */
  disagreementCount: number;
}

/** The list of passages is bounded; the figures always count every one. */
export const MAX_DISAGREEMENTS = 2000;

export const disagreementKey = (sourceId: string, tagId: string, start: number, end: number): string => `${sourceId}|${tagId}|${start}|${end}`;

export function compareCoders(sources: ReadonlyArray<CodedSource>, coders: ReadonlyArray<string>, tagIds: ReadonlyArray<string>, unit: UnitKind): AgreementReport {
  if (coders.length < 2) throw new Error('Choose at least two coders to compare.');
  if (new Set(coders).size !== coders.length) throw new Error('Choose each coder once.');
  return unit === 'character' ? compareCharacters(sources, coders, tagIds) : compareUnits(sources, coders, tagIds, unit);
}

/** Each coder's highlights with the code, in the coders' order. */
function byCoder(source: CodedSource, coders: ReadonlyArray<string>, tagId: string): CodedHighlight[][] {
  const out = coders.map((): CodedHighlight[] => []);
  const index = new Map(coders.map((c, i) => [c, i]));
  for (const h of source.highlights) {
    const k = h.creator === undefined ? undefined : index.get(h.creator);
    if (k !== undefined && h.tagIds.includes(tagId) && h.end > h.start) out[k].push(h);
  }
  return out;
}

const side = (hs: ReadonlyArray<CodedHighlight>): SidePassage[] =>
  hs.map((h) => ({ highlightId: h.id, start: h.start, end: h.end })).sort((a, b) => a.start - b.start || a.end - b.end);

/**
 * Counts of present/absent judgements, every coder judging every unit (no missing value): all that percent agreement,
 * Cohen's kappa and nominal alpha need, and additive, so codes pool by adding them.
 */
interface BinaryCounts {
  units: number;
  coders: number;
  /** Σ over units of c(c-1), (m-c)(m-c-1) and c(m-c): the coincidences times (m - 1). */
  sameOnes: number;
  sameZeros: number;
  mixed: number;
  /** Σ over units of C(c,2) + C(m-c,2): agreeing coder pairs. */
  agreeingPairs: number;
  /** The first two coders' 2×2 table (Cohen's kappa). */
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

const emptyCounts = (coders: number): BinaryCounts => ({ units: 0, coders, sameOnes: 0, sameZeros: 0, mixed: 0, agreeingPairs: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0 });

function countBinary(present: ReadonlyArray<Uint8Array>, units: number): BinaryCounts {
  const m = present.length;
  const out = emptyCounts(m);
  out.units = units;
  for (let u = 0; u < units; u++) {
    let c = 0;
    for (let k = 0; k < m; k++) c += present[k][u];
    out.sameOnes += c * (c - 1);
    out.sameZeros += (m - c) * (m - c - 1);
    out.mixed += c * (m - c);
    out.agreeingPairs += (c * (c - 1)) / 2 + ((m - c) * (m - c - 1)) / 2;
    const a = present[0][u];
    const b = present[1][u];
    if (a && b) out.both++;
    else if (a) out.onlyA++;
    else if (b) out.onlyB++;
    else out.neither++;
  }
  return out;
}

function addCounts(into: BinaryCounts, c: BinaryCounts): void {
  into.units += c.units;
  into.sameOnes += c.sameOnes;
  into.sameZeros += c.sameZeros;
  into.mixed += c.mixed;
  into.agreeingPairs += c.agreeingPairs;
  into.both += c.both;
  into.onlyA += c.onlyA;
  into.onlyB += c.onlyB;
  into.neither += c.neither;
}

/**
 * The figures from the counts: the same numbers cohensKappa and krippendorffAlphaNominal (./statistics.ts) give on
 * the '1'/'0' values (tests/unit/agreement-unitized.test.ts checks both ways agree), without building them.
 */
function binaryFigures(c: BinaryCounts): AgreementFigures {
  const m = c.coders;
  const pairs = (m * (m - 1)) / 2;
  const percent = c.units > 0 ? c.agreeingPairs / (c.units * pairs) : NaN;
  let kappa = NaN;
  if (m === 2 && c.units > 0) {
    const n = c.units;
    const po = (c.both + c.neither) / n;
    const pa = (c.both + c.onlyA) / n;
    const pb = (c.both + c.onlyB) / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  }
  // Coincidences: o11 = sameOnes/(m-1), o00 = sameZeros/(m-1), o01 = o10 = mixed/(m-1); n = units × m.
  const n = c.units * m;
  let alpha = NaN;
  if (n >= 2) {
    const o01 = c.mixed / (m - 1);
    const n1 = (c.sameOnes + c.mixed) / (m - 1);
    const n0 = n - n1;
    const observed = (2 * o01) / n;
    const expected = (2 * n0 * n1) / (n * (n - 1));
    alpha = expected === 0 ? (observed === 0 ? 1 : NaN) : 1 - observed / expected;
  }
  return { percent, kappa, alpha, units: c.units };
}

/** Present/absent judgements as '1'/'0' values, for core's general statistics (tests compare both ways). */
export function binaryFiguresOf(values: ReadonlyArray<ReadonlyArray<0 | 1>>): AgreementFigures {
  const units = values[0]?.length ?? 0;
  return binaryFigures(countBinary(values.map((v) => Uint8Array.from(v)), units));
}

function compareUnits(sources: ReadonlyArray<CodedSource>, coders: ReadonlyArray<string>, tagIds: ReadonlyArray<string>, kind: 'sentence' | 'paragraph'): AgreementReport {
  const unitsOf = sources.map((s) => textUnits(s.text, kind));
  const total = unitsOf.reduce((n, u) => n + u.length, 0);
  const pooled = emptyCounts(coders.length);
  const codes: CodeFigures[] = [];
  const disagreements: Disagreement[] = [];
  let disagreementCount = 0;
  for (const tagId of tagIds) {
    const present = coders.map(() => new Uint8Array(total));
    let base = 0;
    sources.forEach((source, s) => {
      const units = unitsOf[s];
      const mine = byCoder(source, coders, tagId);
      // Which units each coder's highlights of this code touch, and which highlights touch each unit.
      const touching = mine.map((hs, k) => {
        const at = new Map<number, CodedHighlight[]>();
        for (const h of hs) {
          const range = unitsTouched(units, h.start, h.end);
          if (!range) continue;
          for (let u = range[0]; u <= range[1]; u++) {
            present[k][base + u] = 1;
            const list = at.get(u);
            if (list) list.push(h);
            else at.set(u, [h]);
          }
        }
        return at;
      });
      // Only units someone coded can differ.
      const coded = new Set<number>();
      for (const at of touching) for (const u of at.keys()) coded.add(u);
      for (const u of [...coded].sort((x, y) => x - y)) {
        let count = 0;
        for (let k = 0; k < coders.length; k++) count += present[k][base + u];
        if (count === coders.length) continue;
        disagreementCount++;
        if (disagreements.length < MAX_DISAGREEMENTS) {
          const { start, end } = units[u];
          disagreements.push({ key: disagreementKey(source.sourceId, tagId, start, end), sourceId: source.sourceId, tagId, start, end, sides: touching.map((at) => side(at.get(u) ?? [])) });
        }
      }
      base += units.length;
    });
    const counts = countBinary(present, total);
    codes.push({ tagId, ...binaryFigures(counts) });
    addCounts(pooled, counts);
  }
  return { unit: kind, coders: [...coders], codes, overall: binaryFigures(pooled), disagreements, disagreementCount };
}

/** Characters both in a and in b (both merged and sorted). */
function overlapLength(a: ReadonlyArray<Span>, b: ReadonlyArray<Span>): number {
  let sum = 0;
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j].end <= x.start) j++;
    for (let k = j; k < b.length && b[k].start < x.end; k++) sum += Math.max(0, Math.min(x.end, b[k].end) - Math.max(x.start, b[k].start));
  }
  return sum;
}

const covered = (spans: ReadonlyArray<Span>): number => spans.reduce((n, s) => n + s.end - s.start, 0);

interface PairCounts {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

function pairFigures(counts: PairCounts[], coderCount: number, units: number, alpha: number): AgreementFigures {
  const pct = (c: PairCounts) => {
    const n = c.both + c.onlyA + c.onlyB + c.neither;
    return n > 0 ? (c.both + c.neither) / n : NaN;
  };
  const percent = counts.length ? counts.reduce((s, c) => s + pct(c), 0) / counts.length : NaN;
  let kappa = NaN;
  if (coderCount === 2 && counts.length === 1) {
    const c = counts[0];
    const n = c.both + c.onlyA + c.onlyB + c.neither;
    if (n > 0) {
      const po = (c.both + c.neither) / n;
      const pa = (c.both + c.onlyA) / n;
      const pb = (c.both + c.onlyB) / n;
      const pe = pa * pb + (1 - pa) * (1 - pb);
      kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
    }
  }
  return { percent, kappa, alpha, units };
}

function compareCharacters(sources: ReadonlyArray<CodedSource>, coders: ReadonlyArray<string>, tagIds: ReadonlyArray<string>): AgreementReport {
  const edges: number[] = [];
  let length = 0;
  for (const s of sources) edges.push((length += s.text.length));
  const codes: CodeFigures[] = [];
  const results: UnitizedResult[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < coders.length; i++) for (let j = i + 1; j < coders.length; j++) pairs.push([i, j]);
  const pooled: PairCounts[] = pairs.map(() => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }));
  const disagreements: Disagreement[] = [];
  let disagreementCount = 0;
  for (const tagId of tagIds) {
    const spans = coders.map((): Span[] => []);
    const counts: PairCounts[] = pairs.map(() => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }));
    let base = 0;
    for (const source of sources) {
      const mine = byCoder(source, coders, tagId);
      const merged = mine.map((hs) => mergeSpans(hs, source.text.length));
      merged.forEach((list, k) => {
        for (const s of list) spans[k].push({ start: s.start + base, end: s.end + base });
      });
      pairs.forEach(([i, j], p) => {
        const both = overlapLength(merged[i], merged[j]);
        const a = covered(merged[i]);
        const b = covered(merged[j]);
        counts[p].both += both;
        counts[p].onlyA += a - both;
        counts[p].onlyB += b - both;
        counts[p].neither += source.text.length - a - b + both;
      });
      for (const region of differingRegions(merged)) {
        disagreementCount++;
        if (disagreements.length >= MAX_DISAGREEMENTS) continue;
        const sides = mine.map((hs) => side(hs.filter((h) => h.start < region.end && h.end > region.start)));
        disagreements.push({ key: disagreementKey(source.sourceId, tagId, region.start, region.end), sourceId: source.sourceId, tagId, start: region.start, end: region.end, sides });
      }
      base += source.text.length;
    }
    const result = unitizedAlpha(spans, edges);
    results.push(result);
    codes.push({ tagId, ...pairFigures(counts, coders.length, length, result.alpha) });
    counts.forEach((c, p) => {
      pooled[p].both += c.both;
      pooled[p].onlyA += c.onlyA;
      pooled[p].onlyB += c.onlyB;
      pooled[p].neither += c.neither;
    });
  }
  return {
    unit: 'character',
    coders: [...coders],
    codes,
    overall: pairFigures(pooled, coders.length, length * tagIds.length, jointUnitizedAlpha(results)),
    disagreements,
    disagreementCount,
  };
}

/**
 * Stretches of one source where the coders' passages of a code differ: each connected stretch covered by anyone's
 * passage in which not every coder covers exactly the same characters.
 */
function differingRegions(merged: ReadonlyArray<ReadonlyArray<Span>>): Span[] {
  const all = mergeSpans(merged.flat(), Number.MAX_SAFE_INTEGER);
  const at = merged.map(() => 0);
  const out: Span[] = [];
  for (const region of all) {
    // Each coder's spans are sorted and disjoint and regions come in order: one pointer per coder walks them once.
    const inside = merged.map((list, k) => {
      const parts: string[] = [];
      while (at[k] < list.length && list[at[k]].start < region.end) {
        parts.push(`${list[at[k]].start}-${list[at[k]].end}`);
        at[k]++;
      }
      return parts.join(',');
    });
    if (inside.some((x) => x !== inside[0])) out.push(region);
  }
  return out;
}
