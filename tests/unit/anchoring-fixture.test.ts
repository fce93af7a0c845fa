import { describe, expect, it } from 'vitest';
import { describeRange } from '../../core/anchoring';
import { makeAnchoringFixture } from '../../scripts/bench/fixtures/anchoring';
import { splitsPair } from './anchoring-helpers';

function overlapping(hs: Array<{ start: number; end: number }>): number {
  const sorted = hs.map((h, i) => ({ ...h, i })).sort((a, b) => a.start - b.start);
  const hit = new Set<number>();
  for (let a = 0; a < sorted.length; a++) {
    for (let b = a + 1; b < sorted.length && sorted[b].start < sorted[a].end; b++) {
      hit.add(sorted[a].i);
      hit.add(sorted[b].i);
    }
  }
  return hit.size;
}

describe('makeAnchoringFixture', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeAnchoringFixture(1, 50_000, 200, 0.2);
    expect(makeAnchoringFixture(1, 50_000, 200, 0.2)).toEqual(a);
    const b = makeAnchoringFixture(2, 50_000, 200, 0.2);
    expect(b.text).not.toBe(a.text);
  });

  it('makes a text of the requested size with the requested number of valid highlights', () => {
    const { text, highlights } = makeAnchoringFixture(3, 200_000, 800, 0.2);
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(bytes).toBeGreaterThanOrEqual(200_000);
    expect(bytes).toBeLessThan(205_000);
    expect(highlights).toHaveLength(800);
    expect(new Set(highlights.map((h) => h.id)).size).toBe(800);
    for (const h of highlights) {
      expect(h.end).toBeGreaterThan(h.start);
      expect(h.end - h.start).toBeLessThanOrEqual(450);
      expect(splitsPair(text, h.start) || splitsPair(text, h.end)).toBe(false);
      expect(describeRange(text, h.start, h.end).quote).toEqual(h.quote);
    }
    expect(highlights.filter((h) => h.end - h.start > 64).length).toBeGreaterThan(100);
  });

  it('overlaps the requested fraction of highlights, and none when asked for none', () => {
    const some = makeAnchoringFixture(4, 200_000, 1000, 0.2);
    expect(overlapping(some.highlights)).toBeGreaterThanOrEqual(200);
    expect(overlapping(some.highlights)).toBeLessThanOrEqual(400);
    const none = makeAnchoringFixture(4, 200_000, 1000, 0);
    expect(overlapping(none.highlights)).toBe(0);
  });

  it('writes English-like text with the typography of the seed articles, accents and emoji', () => {
    const { text } = makeAnchoringFixture(5, 100_000, 10, 0);
    for (const c of ['“', '”', '’', '–', '—', '• ', '\u0301', 'é', '\n\n', ' the ']) expect(text).toContain(c);
    expect(/\p{Extended_Pictographic}/u.test(text)).toBe(true);
  });

  it('refuses more highlights than fit in the text', () => {
    expect(() => makeAnchoringFixture(6, 1_000, 500, 0)).toThrow(/do not fit/);
  });
});
