import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../core/search/engine';
import { analyze, cooccurrencePassages } from '../../core/analysis/compute';
import { TAGS, TEXT_A, TEXT_B, fixtureSources, hl } from './search-fixture';

// The fixture's passages (paragraphs) and their tags:
//   a (2021-08): p0 Taliban, Opium | p1 Refugees, Kabul | p2 CSTO
//   b (2022-04): p0 Drugs, Afghanistan | p1 Taliban, Opium, Kabul (h-b4 added here)
//   c (undated): nothing
function data() {
  const sources = fixtureSources();
  sources[1].highlights = [...sources[1].highlights, hl('h-b4', 'b', TEXT_B, 'In Kabul', ['kabul'])];
  const engine = new SearchEngine();
  for (const s of sources) engine.applySource(s);
  return engine.analysisSources();
}

const pair = (r: ReturnType<typeof analyze>, a: string, b: string) => r.cooccurrence.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));

describe('analysis numbers', () => {
  it('tag frequency: highlights, sources and passages per tag; tags per source', () => {
    const r = analyze(data(), TAGS);
    const f = Object.fromEntries(r.frequency.map((x) => [x.tagId, [x.highlights, x.sources, x.passages]]));
    expect(f).toEqual({ taliban: [2, 2, 2], opium: [2, 2, 2], kabul: [2, 2, 2], refugees: [1, 1, 1], csto: [1, 1, 1], drugs: [1, 1, 1], afghanistan: [1, 1, 1] });
    expect(r.totals).toEqual({ sources: 3, highlights: 8, passages: 5 });
    expect(r.bySource.map((s) => [s.sourceId, s.highlights, s.tags])).toEqual([
      ['a', 4, { taliban: 1, opium: 1, refugees: 1, kabul: 1, csto: 1 }],
      ['b', 4, { drugs: 1, afghanistan: 1, taliban: 1, opium: 1, kabul: 1 }],
      ['c', 0, {}],
    ]);
  });

  it('co-occurrence in passages with the Jaccard-like coefficient n12 / (n1 + n2 - n12)', () => {
    const r = analyze(data(), TAGS);
    expect(pair(r, 'taliban', 'opium')).toMatchObject({ n1: 2, n2: 2, n12: 2, jaccard: 1 });
    expect(pair(r, 'taliban', 'kabul')).toMatchObject({ n12: 1, jaccard: 1 / 3 });
    expect(pair(r, 'kabul', 'refugees')).toMatchObject({ n12: 1, jaccard: 0.5 });
    expect(pair(r, 'afghanistan', 'drugs')).toMatchObject({ n12: 1, jaccard: 1 });
    expect(pair(r, 'csto', 'taliban')).toBeUndefined();
    expect(r.cooccurrence).toHaveLength(5); // taliban-opium, taliban-kabul, kabul-opium, kabul-refugees, afghanistan-drugs
  });

  it('entity x theme counts the passages where both occur', () => {
    const r = analyze(data(), TAGS);
    const cells = Object.fromEntries(r.entityTheme.map((c) => [`${c.entityId}×${c.themeId}`, c.passages]));
    expect(cells).toEqual({ 'taliban×opium': 2, 'kabul×opium': 1, 'kabul×refugees': 1, 'afghanistan×drugs': 1 });
  });

  it('rolled up, a child tag counts for its ancestors, and a tag never pairs with its own ancestor', () => {
    const r = analyze(data(), TAGS, { rollup: true });
    expect(r.frequency.find((x) => x.tagId === 'drugs')).toMatchObject({ highlights: 3, sources: 2, passages: 3 });
    expect(pair(r, 'taliban', 'drugs')).toMatchObject({ n1: 2, n2: 3, n12: 2, jaccard: 2 / 3 });
    expect(pair(r, 'afghanistan', 'drugs')).toMatchObject({ n12: 2, jaccard: 0.5 });
    expect(pair(r, 'kabul', 'afghanistan')).toBeUndefined();
    expect(pair(r, 'opium', 'drugs')).toBeUndefined();
  });

  it('timeline by month of publication; undated sources apart; filters by date and source', () => {
    const r = analyze(data(), TAGS);
    expect(r.timeline).toEqual([
      { period: '2021-08', sources: 1, highlights: 4, tags: { taliban: 1, kabul: 1, opium: 1, refugees: 1, csto: 1 } },
      { period: '2022-04', sources: 1, highlights: 4, tags: { taliban: 1, afghanistan: 1, kabul: 1, drugs: 1, opium: 1 } },
    ]);
    expect(r.undated).toEqual({ sources: 1, highlights: 0 });
    expect(analyze(data(), TAGS, { from: '2022-01-01' }).totals).toEqual({ sources: 1, highlights: 4, passages: 2 });
    expect(analyze(data(), TAGS, { sourceIds: ['a'] }).frequency.map((f) => f.tagId).sort()).toEqual(['csto', 'kabul', 'opium', 'refugees', 'taliban']);
  });

  it('a cell lists its passages, oldest source first, with the highlights of either tag', () => {
    const { passages, total } = cooccurrencePassages(data(), TAGS, 'opium', 'taliban');
    expect(total).toBe(2);
    expect(passages.map((p) => [p.sourceId, TEXT_OF[p.sourceId].slice(p.start, p.end)])).toEqual([
      ['a', 'The Taliban control the opium trade in the south.'],
      ['b', 'In Kabul the Taliban announced a ban on poppy cultivation.'],
    ]);
    expect(passages[1].highlights.map((h) => h.id)).toEqual(['h-b2', 'h-b3']);
  });
});

const TEXT_OF: Record<string, string> = { a: TEXT_A, b: TEXT_B };
