import { describe, expect, it } from 'vitest';
import { agreementPerCode, cohensKappa, krippendorffAlphaNominal } from '../../core/agreement/statistics';

// Reference values (each computed by hand from the published formulas, and matching the published figure):
// - Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication, §A
//   (two observers, binary data, 10 units): alpha = 0.095; §C (four observers, nominal, 12 units, missing values):
//   alpha = 0.743.
// - Cohen's kappa, the worked examples of Wikipedia's "Cohen's kappa" article: 50 items with 20/5/10/15 in the 2x2
//   table -> 0.4; 100 items 45/15/25/15 -> 0.1304; 25/35/5/35 -> 0.2593 (same agreement, different kappa).

const table = (yy: number, yn: number, ny: number, nn: number): [string[], string[]] => {
  const a: string[] = [];
  const b: string[] = [];
  const add = (x: string, y: string, k: number) => {
    for (let i = 0; i < k; i++) {
      a.push(x);
      b.push(y);
    }
  };
  add('yes', 'yes', yy);
  add('yes', 'no', yn);
  add('no', 'yes', ny);
  add('no', 'no', nn);
  return [a, b];
};

describe("Cohen's kappa", () => {
  it('matches the worked examples', () => {
    const r = cohensKappa(...table(20, 5, 10, 15));
    expect(r.units).toBe(50);
    expect(r.percent).toBeCloseTo(0.7, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
    expect(cohensKappa(...table(45, 15, 25, 15)).kappa).toBeCloseTo(0.06 / 0.46, 12);
    expect(cohensKappa(...table(25, 35, 5, 35)).kappa).toBeCloseTo(0.14 / 0.54, 12);
    expect(cohensKappa(...table(45, 15, 25, 15)).kappa).toBeCloseTo(0.130435, 6);
    expect(cohensKappa(...table(25, 35, 5, 35)).kappa).toBeCloseTo(0.259259, 6);
  });

  it('counts only units both coders coded; perfect agreement is 1; no shared unit is NaN', () => {
    expect(cohensKappa(['a', null, 'b', 'a'], ['a', 'b', 'b', null])).toEqual({ units: 2, percent: 1, kappa: 1 });
    expect(cohensKappa(['x', 'x'], ['x', 'x']).kappa).toBe(1);
    expect(cohensKappa([null], ['a']).kappa).toBeNaN();
    expect(() => cohensKappa(['a'], ['a', 'b'])).toThrow('one value per unit');
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it('two observers, binary data (Krippendorff 2011, §A): 0.095', () => {
    const a = '0100000010'.split('');
    const b = '1110010000'.split('');
    const r = krippendorffAlphaNominal([a, b]);
    expect(r.pairableValues).toBe(20);
    expect(r.alpha).toBeCloseTo(1 - 0.4 / (168 / 380), 12);
    expect(r.alpha).toBeCloseTo(0.095, 3);
  });

  it('four observers, nominal, missing values (Krippendorff 2011, §C): 0.743', () => {
    const row = (s: string) => s.split(' ').map((v) => (v === '.' ? null : v));
    const coders = [row('1 2 3 3 2 1 4 1 2 . . .'), row('1 2 3 3 2 2 4 1 2 5 . 3'), row('. 3 3 3 2 3 4 2 2 5 1 .'), row('1 2 3 3 2 4 4 1 2 5 1 .')];
    const r = krippendorffAlphaNominal(coders);
    expect(r.pairableUnits).toBe(11); // unit 12 has one value
    expect(r.pairableValues).toBe(40);
    expect(r.alpha).toBeCloseTo(0.743, 3);
  });

  it('is 1 when everyone agrees and NaN with nothing to pair', () => {
    expect(krippendorffAlphaNominal([['a', 'b'], ['a', 'b']]).alpha).toBe(1);
    expect(krippendorffAlphaNominal([['a', null], [null, 'b']]).alpha).toBeNaN();
  });
});

describe('agreement per code', () => {
  it('turns several codes per unit into present/absent judgements per code', () => {
    const s = (...codes: string[]) => new Set(codes);
    const a = [s('Terrorism'), s('Refugees', 'Terrorism'), s(), null];
    const b = [s('Terrorism'), s('Refugees'), s('Drugs'), s('Drugs')];
    const per = agreementPerCode([a, b]);
    expect(per.map((p) => p.code)).toEqual(['Drugs', 'Refugees', 'Terrorism']);
    const terrorism = per.find((p) => p.code === 'Terrorism')!;
    expect(terrorism.percent).toBeCloseTo(2 / 3, 12);
    const refugees = per.find((p) => p.code === 'Refugees')!;
    expect(refugees.percent).toBe(1);
    expect(refugees.kappa).toBe(1);
  });
});
