import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotebookStore } from '../../electron/backend/store';
import { note } from './search-fixture';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-search-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);

describe('the notebook keeps its index up to date', () => {
  it('finds what the analyst just did, and a restart loads the index instead of rebuilding it', async () => {
    const service = await open();
    expect(await service.searchIndex.info()).toMatchObject({ loadedFromDisk: false, reindexedOnStart: 5, sources: 5 });
    const phrase = await service.search({ query: '"situation in Afghanistan"' });
    expect(phrase.totals.source).toBeGreaterThan(5);
    const hit = phrase.groups.source.find((h) => h.place === 'paragraph')!;
    const doc = await service.getSource({ id: hit.sourceId! });
    expect(doc.text.slice(hit.match!.start, hit.match!.end)).toBe('situation in Afghanistan');

    // A highlight, its note and the project notebook are searchable as soon as they are saved.
    const start = doc.text.indexOf('situation in Afghanistan');
    const created = await service.createHighlight({ sourceId: doc.meta.id, start, end: start + 24, tagIds: ['tag-theme-border'] });
    expect((await service.search({ query: 'situation', facets: { tagIds: ['tag-themes'] } })).groups.highlight.map((h) => h.highlightId)).toEqual([created.id]);
    await service.setHighlightNote({ sourceId: doc.meta.id, highlightId: created.id, note: note('zanzibar comparison') });
    expect((await service.search({ query: 'zanzibar' })).groups.note.map((h) => [h.place, h.highlightId])).toEqual([['highlight-note', created.id]]);
    await service.saveProjectNote({ doc: note('a synthesis about glaciology') });
    expect((await service.search({ query: 'glaciology' })).groups.note.map((h) => h.place)).toEqual(['project-note']);
    await service.deleteHighlight({ sourceId: doc.meta.id, highlightId: created.id });
    expect((await service.search({ query: 'zanzibar' })).totals.note).toBe(0);
    await service.searchIndex.flush();

    const again = await open();
    expect(await again.searchIndex.info()).toMatchObject({ loadedFromDisk: true, reindexedOnStart: 0, sources: 5 });
    expect((await again.search({ query: 'glaciology' })).totals.note).toBe(1);
    expect((await again.search({ query: '"situation in Afghanistan"' })).totals).toEqual(phrase.totals);

    // A source file changed while the app was closed (synced from elsewhere) is re-indexed, alone.
    const file = join(dir, 'sources', `${doc.meta.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.note = note('kilimanjaro');
    await writeFile(`${file}.tmp`, JSON.stringify(data));
    await rename(`${file}.tmp`, file);
    const third = await open();
    expect((await third.searchIndex.info()).reindexedOnStart).toBe(1);
    expect((await third.search({ query: 'kilimanjaro' })).groups.note.map((h) => h.sourceId)).toEqual([doc.meta.id]);
  });

  it('changes made together are indexed once, and the index holds every one of them', async () => {
    const service = await open();
    await service.searchIndex.whenLoaded();
    const [source] = await service.listSources();
    const created = [];
    for (let i = 0; i < 40; i++) created.push(await service.createHighlight({ sourceId: source.id, start: i * 20, end: i * 20 + 10 }));
    await service.search({ query: 'x' });
    // Count the re-reads of a source file the worker is asked for.
    const worker = (service.searchIndex as unknown as { worker: { request: (r: { op: string }, ...rest: unknown[]) => Promise<unknown> } }).worker;
    const request = worker.request.bind(worker);
    let reads = 0;
    worker.request = (r, ...rest) => {
      if (r.op === 'applyFile') reads++;
      return request(r, ...rest);
    };
    // Forty highlight notes saved at once: forty writes announced; the source is read again a few times, not forty.
    await Promise.all(created.map((h, i) => service.setHighlightNote({ sourceId: source.id, highlightId: h.id, note: note(`marker${i}x`) })));
    // Each note is found (the first, one in the middle, the last saved).
    for (const i of [0, 17, 39]) expect((await service.search({ query: `marker${i}x` })).groups.note.map((h) => h.highlightId)).toContain(created[i].id);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('indexes a source added by any part of the backend (an import writes the file, then the catalog)', async () => {
    const service = await open();
    await service.searchIndex.info();
    const store = (service as unknown as { store: NotebookStore }).store;
    const meta = { ...store.catalog.sources[0], id: 'imported-1', title: 'An imported dispatch', publisher: 'Imported', date: '2022-01-05' };
    await store.writeSource({ schemaVersion: 1, id: meta.id, text: 'Smugglers crossed the Panj river at night.', highlights: [], note: { type: 'doc' } });
    expect((await service.search({ query: 'smugglers' })).totals.source).toBe(0); // not in the catalog yet
    await store.updateCatalog((c) => {
      c.sources = [...c.sources, meta];
    });
    const r = await service.search({ query: 'smugglers panj', facets: { publishers: ['Imported'] } });
    expect(r.groups.source.map((h) => [h.sourceId, h.snippet.text])).toEqual([['imported-1', 'Smugglers crossed the Panj river at night.']]);
    await store.updateCatalog((c) => {
      c.sources = c.sources.filter((s) => s.id !== 'imported-1');
    });
    expect((await service.search({ query: 'smugglers' })).totals.source).toBe(0);
  });

  it('answers the analysis and co-occurrence channels from the same index', async () => {
    const service = await open();
    const [src] = await service.listSources();
    const { text } = await service.getSource({ id: src.id });
    const para = text.split('\n').find((l) => l.length > 120)!;
    const at = text.indexOf(para);
    await service.createHighlight({ sourceId: src.id, start: at, end: at + 30, tagIds: ['tag-theme-drugs'] });
    await service.createHighlight({ sourceId: src.id, start: at + 40, end: at + 80, tagIds: ['tag-theme-border'] });
    const result = await service.analysis({});
    expect(result.cooccurrence).toContainEqual({ a: 'tag-theme-drugs', b: 'tag-theme-border', n1: 1, n2: 1, n12: 1, jaccard: 1 });
    const cell = await service.cooccurrencePassages({ tagA: 'tag-theme-border', tagB: 'tag-theme-drugs' });
    expect(cell.total).toBe(1);
    expect(cell.passages[0].text).toBe(para.slice(0, 1500));
    expect(cell.passages[0].highlights.map((h) => h.quote)).toEqual([text.slice(at, at + 30), text.slice(at + 40, at + 80)]);
  });
});
