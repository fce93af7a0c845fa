import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-sources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
const EFE = '002_3d6a35bbe9bd0c1a';
const FT = '003_66612958c2088e72';

async function highlight(service: NotebookService, sourceId: string, phrase: string) {
  const { text } = await service.getSource({ id: sourceId });
  const start = text.indexOf(phrase);
  return service.createHighlight({ sourceId, start, end: start + phrase.length });
}

const catalog = async () => JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as { sources: Array<{ id: string; title: string; publisher: string; date: string }> };

describe('editing a source', () => {
  it('changes title, publisher and date on disk and returns the patch that undoes it', async () => {
    const service = await open();
    const before = (await service.listSources()).find((s) => s.id === EFE)!;
    const { source, undo } = await service.updateSourceMeta({ sourceId: EFE, patch: { title: '  New title ', date: '2020-02-29' } });
    expect(source).toMatchObject({ id: EFE, title: 'New title', date: '2020-02-29', publisher: before.publisher, highlightCount: before.highlightCount });
    expect(undo).toEqual({ title: before.title, date: before.date });
    expect((await catalog()).sources.find((s) => s.id === EFE)).toMatchObject({ title: 'New title', date: '2020-02-29' });
    await service.updateSourceMeta({ sourceId: EFE, patch: undo });
    await service.close();
    const reopened = await open();
    expect((await reopened.listSources()).find((s) => s.id === EFE)).toEqual(before);
  });

  it('refuses an empty title, an impossible date or an unknown source with a message, and changes nothing', async () => {
    const service = await open();
    const dispatch = createDispatcher(service, () => {});
    const disk = await readFile(join(dir, 'catalog.json'), 'utf8');
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { title: '   ' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('a source needs a title') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { date: '2021-02-30' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('does not exist') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { date: '15/08/2021' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('yyyy-mm-dd') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: 'nope', patch: { title: 'x' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('No source with id "nope"') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { url: 'x' } })).toMatchObject({ ok: false });
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(disk);
  });
});

describe('deleting sources', () => {
  it('moves them to the trash, their citations resolve as deleted, and restore puts everything back', async () => {
    const service = await open();
    const h = await highlight(service, EFE, 'Taliban');
    const before = await service.listSources();
    const fileBefore = await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8');

    const { deleted, trashId } = await service.deleteSources({ sourceIds: [EFE, FT] });
    expect(deleted.sort()).toEqual([EFE, FT].sort());
    expect((await service.listSources()).map((s) => s.id)).toEqual(before.map((s) => s.id).filter((id) => id !== EFE && id !== FT));
    expect(await readdir(join(dir, 'sources'))).not.toContain(`${EFE}.json`);
    expect(await readdir(join(dir, 'trash', trashId))).toEqual(expect.arrayContaining([`${EFE}.json`, `${FT}.json`, 'record.json']));
    expect(await service.resolveHighlights({ ids: [h.id] })).toEqual({ [h.id]: null });
    expect((await service.search({ query: 'Taliban' })).groups.source.map((x) => x.sourceId)).not.toContain(EFE);
    await expect(service.getSource({ id: EFE })).rejects.toThrow(/No source/);

    const { restored } = await service.restoreSources({ trashId });
    expect(restored.map((s) => s.id).sort()).toEqual([EFE, FT].sort());
    expect(await service.listSources()).toEqual(before);
    expect(await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8')).toBe(fileBefore);
    expect((await service.resolveHighlights({ ids: [h.id] }))[h.id]).toMatchObject({ sourceId: EFE, quote: 'Taliban' });
    expect(await readdir(join(dir, 'trash'))).toEqual([]);
    await service.close();
    const reopened = await open();
    expect(await reopened.listSources()).toEqual(before);
  });

  it('a deletion survives a restart and is still undoable then', async () => {
    const service = await open();
    const before = await service.listSources();
    const { trashId } = await service.deleteSources({ sourceIds: [EFE] });
    await service.close();
    const reopened = await open();
    expect((await reopened.listSources()).some((s) => s.id === EFE)).toBe(false);
    await reopened.restoreSources({ trashId });
    expect(await reopened.listSources()).toEqual(before);
  });

  it('refuses unknown ids without deleting any, and a second restore of the same deletion', async () => {
    const service = await open();
    const dispatch = createDispatcher(service, () => {});
    const before = await service.listSources();
    expect(await dispatch('deleteSources', { sourceIds: [EFE, 'missing'] })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('nothing was deleted') }) });
    expect(await dispatch('deleteSources', { sourceIds: [] })).toMatchObject({ ok: false });
    expect(await service.listSources()).toEqual(before);
    const { trashId } = await service.deleteSources({ sourceIds: [EFE] });
    await service.restoreSources({ trashId });
    expect(await dispatch('restoreSources', { trashId })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('can no longer be restored') }) });
    expect(await dispatch('restoreSources', { trashId: '../../etc' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('not a deletion id') }) });
    expect(await service.listSources()).toEqual(before);
  });

  it('parallel deletions and restores of different sources all land', async () => {
    const service = await open();
    const before = await service.listSources();
    const results = await Promise.all(before.map((s) => service.deleteSources({ sourceIds: [s.id] })));
    expect(await service.listSources()).toEqual([]);
    await Promise.all(results.map((r) => service.restoreSources({ trashId: r.trashId })));
    expect(await service.listSources()).toEqual(before);
  });
});

describe('search progress', () => {
  it('while the index loads, a partial search answers at once, marked not ready with how far the index is', async () => {
    const service = await open();
    await service.close();
    const reopened = await open();
    // The load needs the disk, so it cannot have finished yet.
    const early = await reopened.search({ query: 'Taliban', partial: true });
    expect(early.ready).toBe(false);
    expect(early.progress).toMatchObject({ ready: false });
    expect(early.progress!.percent).toBeLessThan(100);
    expect((await reopened.searchStatus()).ready).toBe(false);
    // Without `partial`, search waits for the index as before.
    const full = await reopened.search({ query: 'Taliban' });
    expect(full.ready).toBe(true);
    expect(full.totals.source).toBeGreaterThan(0);
    expect(await reopened.searchStatus()).toEqual({ ready: true, done: 5, total: 5, percent: 100 });
  });

  it('reports ready and 100% once the index is loaded; a partial search answers', async () => {
    const service = await open();
    await service.searchIndex.start();
    expect(await service.searchStatus()).toMatchObject({ ready: true, percent: 100 });
    const r = await service.search({ query: 'Taliban', partial: true });
    expect(r.ready).toBe(true);
    expect(r.totals.source).toBeGreaterThan(0);
  });
});
