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
    expect(await dispatch('createCollection', { name: '   ' })).toMatchObject({ ok: false, error: expect.stringMatching(/needs a name/) });
    expect(await dispatch('renameCollection', { collectionId: 'col-x', name: 'x' })).toMatchObject({ ok: false, error: expect.stringMatching(/No collection/) });
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
