import { describe, expect, it } from 'vitest';
import { SearchEngine, type SourceInput } from '../../core/search/engine';
import { decodeIndex, encodeIndex } from '../../electron/backend/search/persist';
import { TAGS, TEXT_A, TEXT_B, fixtureSources, hl, note } from './search-fixture';

function build(sources = fixtureSources()) {
  const engine = new SearchEngine();
  for (const s of sources) engine.applySource(s);
  const texts = new Map(sources.map((s) => [s.meta.id, s.text]));
  const search = (query: string, facets = {}) => engine.search({ query, facets }, TAGS, (id) => texts.get(id));
  return { engine, sources, search };
}

describe('search', () => {
  it('finds words in source text, quotes and notes, grouped by kind, with the match marked', async () => {
    const { search } = build();
    const r = await search('taliban');
    expect(r.totals).toEqual({ source: 3, highlight: 2, note: 0 }); // two paragraphs + a title; two quotes
    const para = r.groups.source.find((h) => h.place === 'paragraph' && h.sourceId === 'b')!;
    expect(TEXT_B.slice(para.match!.start, para.match!.end)).toBe('Taliban');
    expect(para.snippet.marks.map(([s, e]) => para.snippet.text.slice(s, e))).toEqual(['Taliban']);
    expect(r.groups.highlight.map((h) => h.highlightId).sort()).toEqual(['h-a1', 'h-b2']);
    const notes = await search('unodc');
    expect(notes.groups.note.map((h) => [h.place, h.highlightId])).toEqual([['highlight-note', 'h-a1']]);
    expect((await search('heroin')).groups.note.map((h) => h.place)).toEqual(['source-note']);
  });

  it('matches by prefix and with a typo', async () => {
    const { search } = build();
    expect((await search('trafficki')).totals.source).toBe(1);
    expect((await search('refugess')).totals.highlight).toBe(1); // one letter swapped
    expect((await search('tal')).totals.highlight).toBe(2);
  });

  it('matches a quoted phrase word for word, and only that', async () => {
    const { search } = build();
    const r = await search('"the Taliban announced"');
    expect(r.totals).toEqual({ source: 1, highlight: 1, note: 0 });
    const hit = r.groups.source[0];
    expect(hit.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual(['the Taliban announced']);
    expect((await search('"Taliban the"')).totals).toEqual({ source: 0, highlight: 0, note: 0 });
  });

  it('follows changes: a new highlight, a deleted one, an edited note, a new text, a removed source', async () => {
    const { engine, sources, search } = build();
    const [a] = sources;
    expect((await search('exercises')).totals.highlight).toBe(1);

    // Delete h-a4, add a new highlight over "opium trade in the south".
    a.highlights = [...a.highlights.filter((h) => h.id !== 'h-a4'), hl('h-a5', 'a', TEXT_A, 'opium trade in the south', ['opium'])];
    engine.applySource(a);
    expect((await search('exercises')).totals.highlight).toBe(0);
    expect((await search('south')).groups.highlight.map((h) => h.highlightId)).toEqual(['h-a5']);

    // Edit a highlight's note.
    a.highlights = a.highlights.map((h) => (h.id === 'h-a1' ? { ...h, note: note('Cross-check with satellite imagery') } : h));
    engine.applySource(a);
    expect((await search('unodc')).totals.note).toBe(0);
    expect((await search('satellite')).groups.note.map((h) => h.highlightId)).toEqual(['h-a1']);

    // A new text (re-import): old words gone, new ones found.
    engine.applySource({ ...a, text: 'A wholly new text about glaciers.', highlights: [] });
    expect((await search('exercises')).totals.source).toBe(0);
    expect((await search('glaciers')).totals.source).toBe(1);

    engine.removeSource('b');
    expect((await search('poppy')).totals).toEqual({ source: 0, highlight: 0, note: 0 });
  });

  it('re-tagging a highlight changes what a tag facet finds without re-indexing text', async () => {
    const { engine, sources, search } = build();
    const docs = engine.stats().documents;
    expect((await search('exercises', { tagIds: ['csto'] })).totals.highlight).toBe(1);
    sources[0].highlights = sources[0].highlights.map((h) => (h.id === 'h-a4' ? { ...h, tagIds: ['refugees'] } : h));
    engine.applySource(sources[0]);
    expect((await search('exercises', { tagIds: ['csto'] })).totals.highlight).toBe(0);
    expect((await search('exercises', { tagIds: ['refugees'] })).totals.highlight).toBe(1);
    expect(engine.stats().documents).toBe(docs);
  });

  it('saves and loads to the same answers', async () => {
    const { engine, sources } = build();
    const loaded = decodeIndex(Buffer.from(encodeIndex(engine)));
    const texts = new Map(sources.map((s) => [s.meta.id, s.text]));
    for (const q of ['taliban', '"the Taliban announced"', 'unodc', 'bord', 'heroin']) {
      const a = await engine.search({ query: q }, TAGS, (id) => texts.get(id));
      const b = await loaded.search({ query: q }, TAGS, (id) => texts.get(id));
      expect(b.groups).toEqual(a.groups);
    }
    // And keeps following changes after loading.
    const s: SourceInput = { ...sources[1], highlights: [...sources[1].highlights, hl('h-b4', 'b', sources[1].text, 'worries Moscow', ['csto'])] };
    loaded.applySource(s);
    expect((await loaded.search({ query: 'moscow' }, TAGS, (id) => texts.get(id))).groups.highlight.map((h) => h.highlightId)).toEqual(['h-b4']);
  });

  it('a loaded index (its term lists views into the loaded numbers) edited many times answers as one built fresh', async () => {
    const { engine, sources } = build();
    const loaded = decodeIndex(Buffer.from(encodeIndex(engine)));
    // Every source rewritten three times: terms gain postings (their lists leave the shared numbers), old paragraphs
    // die and are swept, new words arrive.
    let current = sources;
    for (let round = 1; round <= 3; round++) {
      current = current.map((s) => ({ ...s, text: `${s.text}\n\nRound ${round}: the Taliban border heroin report ${s.meta.id}${round}.` }));
      for (const s of current) loaded.applySource(s);
    }
    const fresh = new SearchEngine();
    for (const s of current) fresh.applySource(s);
    const texts = new Map(current.map((s) => [s.meta.id, s.text]));
    for (const q of ['taliban', 'round', 'heroin', 'bord', '"heroin report"', 'a3', 'unodc', 'refugess']) {
      const a = await fresh.search({ query: q }, TAGS, (id) => texts.get(id));
      const b = await loaded.search({ query: q }, TAGS, (id) => texts.get(id));
      expect(b.totals).toEqual(a.totals);
      expect(b.groups.source.map((h) => [h.sourceId, h.snippet.text]).sort()).toEqual(a.groups.source.map((h) => [h.sourceId, h.snippet.text]).sort());
    }
  });
});
