/**
 * Inter-coder agreement for blind double-coding (issue 19): percent agreement, Cohen's kappa (two coders) and
 * Krippendorff's alpha for nominal data (any number of coders, missing values allowed). Units are whatever the
 * analyst chose (sentences, paragraphs); a value is the code a coder gave a unit, or null when the coder did not
 * code it. Pure functions; O(units × coders + values²).
 */

/** One coder's values, one per unit (null: not coded by this coder). */
export type CoderValues = ReadonlyArray<string | null>;

export interface PairAgreement {
  /** Units both coders coded. */
  units: number;
  /** Share of those units on which they gave the same value (0..1); NaN with no unit. */
  percent: number;
  /** Cohen's kappa: (po - pe) / (1 - pe); 1 when both always agree on a single value; NaN with no unit. */
  kappa: number;
}

/** Percent agreement and Cohen's kappa of two coders over the units both coded. */
export function cohensKappa(a: CoderValues, b: CoderValues): PairAgreement {
  if (a.length !== b.length) throw new Error('Both coders need one value per unit (the same units).');
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let n = 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null) continue;
    n++;
    if (x === y) same++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  if (n === 0) return { units: 0, percent: NaN, kappa: NaN };
  const po = same / n;
  let pe = 0;
  for (const [value, ca] of countA) pe += (ca / n) * ((countB.get(value) ?? 0) / n);
  const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  return { units: n, percent: po, kappa };
}

export interface AlphaResult {
  /** Krippendorff's alpha, nominal: 1 - Do/De. NaN when there is nothing to compare (no pairable values). */
  alpha: number;
  /** Units with at least two values (the only ones that count). */
  pairableUnits: number;
  /** Values in those units (n in Krippendorff's notation). */
  pairableValues: number;
  /** Observed and expected disagreement. */
  observed: number;
  expected: number;
}

/**
 * Krippendorff's alpha for nominal data, from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): `coders[c][u]` is coder c's value for unit u, or null. Units with fewer than two values are
 * not pairable and are left out.
 */
export function krippendorffAlphaNominal(coders: ReadonlyArray<CoderValues>): AlphaResult {
  const unitCount = coders.reduce((m, c) => Math.max(m, c.length), 0);
  const index = new Map<string, number>();
  const valueIndex = (v: string) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  };
  // Coincidences o[c][k], summed over units: each ordered pair of values from different coders in a unit of m
  // values counts 1/(m-1).
  const pairs: Array<[number, number, number]> = [];
  let pairableUnits = 0;
  let n = 0;
  for (let u = 0; u < unitCount; u++) {
    const values: number[] = [];
    for (const c of coders) {
      const v = c[u];
      if (v !== null && v !== undefined) values.push(valueIndex(v));
    }
    const m = values.length;
    if (m < 2) continue;
    pairableUnits++;
    n += m;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) pairs.push([c, k, (c === k ? nc * (nc - 1) : nc * nk) / (m - 1)]);
  }
  const size = index.size;
  const o = Array.from({ length: size }, () => new Float64Array(size));
  for (const [c, k, w] of pairs) o[c][k] += w;
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  if (n < 2) return { alpha: NaN, pairableUnits, pairableValues: n, observed: NaN, expected: NaN };
  let observed = 0;
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) if (c !== k) observed += o[c][k];
  observed /= n;
  let expected = 0;
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) if (c !== k) expected += nc[c] * nc[k];
  expected /= n * (n - 1);
  const alpha = expected === 0 ? (observed === 0 ? 1 : NaN) : 1 - observed / expected;
  return { alpha, pairableUnits, pairableValues: n, observed, expected };
}

export interface CodeAgreement {
  code: string;
  /** Per code, each unit is "has the code" or "has not" for each coder (units a coder did not see stay null). */
  percent: number;
  kappa: number;
  alpha: number;
}

/**
 * Agreement per code when a unit can carry several codes: each code becomes a present/absent judgement per unit and
 * coder (`codes[c][u]` is the set of codes coder c gave unit u, or null when c did not code u).
 */
export function agreementPerCode(codes: ReadonlyArray<ReadonlyArray<ReadonlySet<string> | null>>): CodeAgreement[] {
  const all = new Set<string>();
  for (const coder of codes) for (const unit of coder) if (unit) for (const code of unit) all.add(code);
  return [...all].sort().map((code) => {
    const binary = codes.map((coder) => coder.map((unit) => (unit === null ? null : unit.has(code) ? '1' : '0')));
    const pair = binary.length === 2 ? cohensKappa(binary[0], binary[1]) : { percent: NaN, kappa: NaN };
    return { code, percent: pair.percent, kappa: pair.kappa, alpha: krippendorffAlphaNominal(binary).alpha };
  });
}
