import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../core/search/engine';
import { compileFacets, facetMask, FACET } from '../../core/search/facets';
import type { SearchFacets } from '../../core/search/types';
import { TAGS, fixtureSources } from './search-fixture';

const sources = fixtureSources();
const engine = new SearchEngine();
for (const s of sources) engine.applySource(s);
const texts = new Map(sources.map((s) => [s.meta.id, s.text]));
const search = (query: string, facets: SearchFacets = {}) => engine.search({ query, facets }, TAGS, (id) => texts.get(id));

describe('facets narrow results', () => {
  it('a tag includes its children; a tag kind; has note', async () => {
    expect((await search('border')).totals).toEqual({ source: 2, highlight: 1, note: 0 });
    // "Afghanistan" takes in Kabul: the paragraph with the Kabul highlight, not the refugees quote.
    const afg = await search('border', { tagIds: ['afghanistan'] });
    expect(afg.totals).toEqual({ source: 1, highlight: 0, note: 0 });
    expect(afg.groups.source[0].snippet.text).toContain('near Kabul');
    expect((await search('border', { tagKinds: ['place'] })).totals).toEqual({ source: 1, highlight: 0, note: 0 });
    expect((await search('border', { tagKinds: ['organisation', 'theme'] })).totals).toEqual({ source: 2, highlight: 1, note: 0 });
    expect((await search('taliban', { hasNote: true })).groups.source.map((h) => h.place).sort()).toEqual(['paragraph', 'title']);
    expect((await search('taliban', { hasNote: false })).totals).toEqual({ source: 1, highlight: 1, note: 0 });
  });

  it('source, publisher and date range; undated sources fall outside any range', async () => {
    expect((await search('kabul')).totals).toEqual({ source: 2, highlight: 1, note: 0 });
    expect((await search('kabul', { sourceIds: ['a'] })).totals).toEqual({ source: 1, highlight: 1, note: 0 });
    expect((await search('kabul', { publishers: ['RT'] })).groups.source.map((h) => h.sourceId)).toEqual(['b']);
    expect((await search('kabul', { from: '2022-01-01' })).groups.source.map((h) => h.sourceId)).toEqual(['b']);
    expect((await search('dushanbe')).totals.source).toBe(2); // title and text of the undated source
    expect((await search('dushanbe', { to: '2030-01-01' })).totals.source).toBe(0);
  });

  it('without words, facets list what they select', async () => {
    const r = await search('', { tagIds: ['drugs'] });
    expect(r.totals).toEqual({ source: 2, highlight: 3, note: 2 });
    expect(r.groups.highlight.map((h) => h.highlightId)).toEqual(['h-b1', 'h-b3', 'h-a1']); // newest source first
    expect((await search('', {})).totals).toEqual({ source: 0, highlight: 0, note: 0 });
  });

  it('counts each facet over the hits that pass the other facets', async () => {
    const r = await search('kabul', { publishers: ['RT'] });
    // Publisher counts ignore the publisher facet itself; source counts do not.
    expect(r.facets.publishers).toEqual([
      { value: 'TASS', count: 2 },
      { value: 'RT', count: 1 },
    ]);
    expect(r.facets.sources).toEqual([{ id: 'b', title: 'Poppy ban', count: 1 }]);
    const all = await search('kabul');
    // A hit counts under its tags and their ancestors, once each.
    expect(all.facets.tags).toEqual({ kabul: 2, afghanistan: 2, refugees: 1, taliban: 1, opium: 1, drugs: 1 });
    expect(all.facets.tagKinds).toEqual({ place: 2, theme: 2, group: 1 });
    expect(all.facets.dates).toEqual({ min: '2021-08-23', max: '2022-04-29' });
    expect(all.facets.hasNote).toEqual({ yes: 0, no: 3 });
  });

  it('a document fails exactly the facets it does not meet', () => {
    const c = compileFacets({ tagIds: ['drugs'], publishers: ['RT'], from: '2022-01-01' }, TAGS);
    expect(facetMask({ sourceId: 'a', publisher: 'TASS', date: '2021-08-23', tagIds: ['opium'], hasNote: false }, c)).toBe(FACET.publisher | FACET.date);
    expect(facetMask({ sourceId: 'b', publisher: 'RT', date: '2022-04-29', tagIds: ['kabul'], hasNote: false }, c)).toBe(FACET.tag);
    expect(facetMask({ sourceId: 'c', publisher: 'RT', date: '', tagIds: ['opium'], hasNote: true }, c)).toBe(FACET.date);
  });
});

describe('the source grade facet (issue 17)', () => {
  // Source b graded A, source a left ungraded; the grade comes from the catalog record, as the backend sends it.
  const graded = new SearchEngine();
  for (const s of sources) graded.applySource(s.meta.id === 'b' ? { ...s, meta: { ...s.meta, reliability: 'A' } } : s);
  const find = (query: string, facets: SearchFacets = {}) => graded.search({ query, facets }, TAGS, (id) => texts.get(id));

  it('narrows to sources of the chosen grades, "ungraded" included, and counts each grade over the other facets', async () => {
    expect((await find('kabul', { grades: ['A'] })).groups.source.map((h) => h.sourceId)).toEqual(['b']);
    expect((await find('kabul', { grades: ['ungraded'] })).groups.source.every((h) => h.sourceId !== 'b')).toBe(true);
    expect((await find('kabul', { grades: ['B'] })).totals).toEqual({ source: 0, highlight: 0, note: 0 });
    const all = await find('kabul');
    expect(all.facets.grades.map((g) => g.value)).toEqual(['A', 'ungraded']);
    // The grade facet's own choice does not narrow its counts.
    expect((await find('kabul', { grades: ['A'] })).facets.grades).toEqual(all.facets.grades);
  });

  it('follows a grade changed in the catalog without re-reading the file', async () => {
    const meta = sources.find((s) => s.meta.id === 'a')!.meta;
    graded.applyMeta({ ...meta, reliability: 'E' });
    expect((await find('kabul', { grades: ['E'] })).groups.source.map((h) => h.sourceId)).toEqual(['a']);
    graded.applyMeta(meta);
    expect((await find('kabul', { grades: ['E'] })).totals.source).toBe(0);
  });

  it('a persisted index keeps the grades', async () => {
    const { state, numbers } = graded.serialize();
    const back = SearchEngine.deserialize(JSON.parse(JSON.stringify(state)), numbers);
    expect((await back.search({ query: 'kabul', facets: { grades: ['A'] } }, TAGS, (id) => texts.get(id))).groups.source.map((h) => h.sourceId)).toEqual(['b']);
  });
});
