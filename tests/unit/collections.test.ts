import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { sourcesInCollections } from '../../core/collections/api';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-collections-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });

describe('source collections', () => {
  it('are created, renamed, filled, emptied and deleted, and survive a restart', async () => {
    const service = await open();
    const [a, b, c] = (await service.listSources()).map((s) => s.id);
    const made = await service.createCollection({ name: '  Kremlin statements ', sourceIds: [a, b] });
    expect(made.collection).toMatchObject({ name: 'Kremlin statements', sourceIds: [a, b] });
    const id = made.collection!.id;
    await expect(service.createCollection({ name: 'kremlin STATEMENTS' })).rejects.toThrow(/exists already/);
    await expect(service.setCollectionMembers({ collectionId: id, add: ['nope'] })).rejects.toThrow(/No source with id "nope"/);
    expect((await service.setCollectionMembers({ collectionId: id, add: [c], remove: [a] })).collection?.sourceIds).toEqual([b, c]);
    expect((await service.renameCollection({ collectionId: id, name: 'Moscow' })).collection?.name).toBe('Moscow');
    await service.createCollection({ name: 'Another' });
    await service.close();

    const reopened = await open();
    const list = await reopened.listCollections();
    expect(list.map((x) => x.name)).toEqual(['Another', 'Moscow']);
    expect(list[1].sourceIds).toEqual([b, c]);
    const onDisk = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as { collections: unknown[] };
    expect(onDisk.collections).toHaveLength(2);
    // A deleted source leaves the collections it was in.
    await reopened.deleteSources({ sourceIds: [b] });
    expect((await reopened.listCollections())[1].sourceIds).toEqual([c]);
    expect((await reopened.deleteCollection({ collectionId: id })).collections.map((x) => x.name)).toEqual(['Another']);
    await reopened.close();
  });

  it('checks channel input: an empty name or a bad id is refused with a message', async () => {
    const service = await open();
    const dispatch = createDispatcher(service);
    expect(await dispatch('createCollection', { name: '   ' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/needs a name/) }) });
    expect(await dispatch('renameCollection', { collectionId: 'col-x', name: 'x' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/No collection/) }) });
    expect((await service.listCollections())).toEqual([]);
    await service.close();
  });

  it('filter by the union of the chosen collections', () => {
    const cols = [
      { id: 'c1', name: 'A', sourceIds: ['s1', 's2'] },
      { id: 'c2', name: 'B', sourceIds: ['s2', 's3'] },
    ];
    expect(sourcesInCollections(cols, [])).toBeNull();
    expect([...sourcesInCollections(cols, ['c1', 'c2'])!].sort()).toEqual(['s1', 's2', 's3']);
  });
});

describe('collections and attributes as filters', () => {
  it('narrow search, retrieval and analysis to the sources of the chosen collections or attribute values', async () => {
    const service = await open();
    const sources = await service.listSources();
    const [a, b] = sources.map((s) => s.id);
    const textA = (await service.getSource({ id: a })).text;
    const textB = (await service.getSource({ id: b })).text;
    const tags = (await service.listTags()).tags;
    const tag = tags.find((t) => t.name === 'Afghanistan') ?? tags[0];
    const word = (t: string) => /[A-Z][a-z]{5,}/.exec(t)![0];
    for (const [id, text] of [[a, textA], [b, textB]] as const) {
      const w = word(text);
      const start = text.indexOf(w);
      await service.createHighlight({ sourceId: id, start, end: start + w.length, tagIds: [tag.id] });
    }
    const { collection } = await service.createCollection({ name: 'Only A', sourceIds: [a] });
    const empty = (await service.createCollection({ name: 'Empty' })).collection!;

    const all = await service.retrieve({ query: tag.name.includes(' ') ? `"${tag.name}"` : tag.name });
    const onlyA = await service.retrieve({ query: tag.name.includes(' ') ? `"${tag.name}"` : tag.name, filters: { collectionIds: [collection!.id] } });
    expect(all.segments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(onlyA.segments.map((s) => s.sourceId))).toEqual(new Set([a]));
    const none = await service.retrieve({ query: tag.name.includes(' ') ? `"${tag.name}"` : tag.name, filters: { collectionIds: [empty.id] } });
    expect(none.segments).toHaveLength(0);

    const analysis = await service.analysis({ collectionIds: [collection!.id] });
    expect(analysis.totals.sources).toBe(1);
    expect((await service.analysis({})).totals.sources).toBeGreaterThan(1);

    await service.searchIndex.whenLoaded();
    const hits = await service.search({ query: word(textA), facets: { collectionIds: [collection!.id] } });
    expect(hits.groups.source.every((h) => h.sourceId === a)).toBe(true);

    // Attributes: set on a source, filter by them (case-insensitive value).
    await service.updateSourceMeta({ sourceId: b, patch: { variables: { Region: 'North' } } });
    expect((await service.listSources()).find((s) => s.id === b)?.variables).toEqual({ Region: 'North' });
    expect((await service.analysis({ attributes: [{ name: 'Region', value: 'north' }] })).totals.sources).toBe(1);
    await service.close();
  });
});
