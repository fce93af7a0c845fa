/** Unitized alpha and agreement on sentences and paragraphs against hand-computed fixtures (issue 19). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jointUnitizedAlpha, unitizedAlpha, type Span } from '../../core/agreement/unitized';
import { binaryFiguresOf, compareCoders } from '../../core/agreement/compare';
import { cohensKappa, krippendorffAlphaNominal } from '../../core/agreement/statistics';
import { textUnits } from '../../core/agreement/units';

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/agreement/${name}`, 'utf8'));
const spans = (list: number[][]): Span[] => list.map(([start, end]) => ({ start, end }));
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6);

describe('unitized alpha (Krippendorff 2004)', () => {
  const u = fixture('unitized-alpha.json');
  for (const c of u.cases) {
    it(c.name, () => {
      const r = unitizedAlpha(c.coders.map(spans), [c.length]);
      close(r.observed, c.observed);
      close(r.expected, c.expected);
      close(r.alpha, c.alpha);
    });
  }
  it(u.joint.name, () => {
    const [c, k] = u.cases;
    close(jointUnitizedAlpha([unitizedAlpha(c.coders.map(spans), [300]), unitizedAlpha(k.coders.map(spans), [300])]), u.joint.alpha);
  });
  it('overlapping or touching spans of one coder count as one unit; the order of spans does not matter', () => {
    const c = u.cases[2];
    const split = unitizedAlpha([spans([[4, 6], [2, 4], [3, 5]]), spans([[3, 8]])], [10]);
    close(split.alpha, c.alpha);
  });
  it('says NaN, not a number out of nothing, with no unit at all, and 1 when every coder marks the same', () => {
    expect(unitizedAlpha([[], []], [10]).alpha).toBeNaN();
    expect(unitizedAlpha([spans([[1, 3]]), spans([[1, 3]])], [10]).alpha).toBe(1);
  });
});

describe('agreement on sentences and paragraphs', () => {
  const f = fixture('units.json');
  const source = { sourceId: 's1', text: f.text, highlights: f.highlights };
  for (const unit of ['sentence', 'paragraph'] as const) {
    it(`${unit}s: units, per code, overall and the passages that differ`, () => {
      expect(textUnits(f.text, unit).map((s) => [s.start, s.end])).toEqual(f.units[unit]);
      const r = compareCoders([source], ['A', 'B'], ['x', 'y'], unit);
      const want = f.expected[unit];
      for (const code of r.codes) {
        close(code.percent, want.codes[code.tagId].percent);
        close(code.kappa, want.codes[code.tagId].kappa);
        close(code.alpha, want.codes[code.tagId].alpha);
      }
      close(r.overall.percent, want.overall.percent);
      close(r.overall.kappa, want.overall.kappa);
      close(r.overall.alpha, want.overall.alpha);
      expect(r.disagreements.map((d) => [d.tagId, d.start, d.end])).toEqual(want.disagreements);
    });
  }
  it('characters: per code the unitized alpha of the coders’ passages, and the passages that differ side by side', () => {
    const r = compareCoders([source], ['A', 'B'], ['y'], 'character');
    const direct = unitizedAlpha([spans([[21, 26]]), spans([[21, 33], [46, 53]])], [f.text.length]);
    close(r.codes[0].alpha, direct.alpha);
    // Characters: 59; A covers 5, B 19, both 5: agree on 59 - 14 = 45.
    close(r.codes[0].percent, 45 / 59);
    expect(r.disagreements.map((d) => [d.start, d.end, d.sides.map((s) => s.map((p) => p.highlightId))])).toEqual([
      [21, 33, [['h-a3'], ['h-b2']]],
      [46, 53, [[], ['h-b3']]],
    ]);
  });
  it('refuses fewer than two coders and a coder named twice', () => {
    expect(() => compareCoders([source], ['A'], ['x'], 'sentence')).toThrow('at least two coders');
    expect(() => compareCoders([source], ['A', 'A'], ['x'], 'sentence')).toThrow('each coder once');
  });
});

describe('the counting path for present/absent judgements', () => {
  it('gives what the general cohensKappa and krippendorffAlphaNominal give, for 2 to 5 coders', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 40; trial++) {
      const m = 2 + (trial % 4);
      const units = 5 + Math.floor(random() * 60);
      const values = Array.from({ length: m }, () => Array.from({ length: units }, () => (random() < 0.35 ? 1 : 0) as 0 | 1));
      const asText = values.map((v) => v.map(String));
      const fast = binaryFiguresOf(values);
      const alpha = krippendorffAlphaNominal(asText).alpha;
      if (Number.isNaN(alpha)) expect(fast.alpha).toBeNaN();
      else close(fast.alpha, alpha);
      let pairSum = 0;
      let pairs = 0;
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          pairSum += cohensKappa(asText[i], asText[j]).percent;
          pairs++;
        }
      }
      close(fast.percent, pairSum / pairs);
      if (m === 2) close(fast.kappa, cohensKappa(asText[0], asText[1]).kappa);
      else expect(fast.kappa).toBeNaN();
    }
  });
});
