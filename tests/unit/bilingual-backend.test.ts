/** Bilingual reading in the backend (issue 18): link, unlink, the aligned pair, bad input. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-bilingual-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
const catalog = async () => JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as { sources: Array<{ id: string; pairedWith?: string }> };

describe('linking a translation', () => {
  it('pairs two sources both ways on disk, moves a pairing, unlinks, and survives a restart', async () => {
    const service = await open();
    const [a, b, c] = (await service.listSources()).map((s) => s.id);
    expect(await service.bilingualPair({ sourceId: a })).toBeNull();
    const r = await service.linkTranslation({ sourceId: a, otherId: b });
    expect(r.changed).toEqual([{ id: a, pairedWith: b }, { id: b, pairedWith: a }]);
    const pair = (await service.bilingualPair({ sourceId: b }))!;
    expect([pair.a.id, pair.b.id]).toEqual([b, a]);
    expect(pair.rows.length).toBeGreaterThan(0);
    expect(pair.rows.flatMap((row) => row.a)).toEqual(pair.a.paragraphs.map((_, i) => i));
    // Pairing a with c leaves b unpaired.
    await service.linkTranslation({ sourceId: a, otherId: c });
    const ids = (await catalog()).sources;
    expect(ids.find((s) => s.id === a)?.pairedWith).toBe(c);
    expect(ids.find((s) => s.id === c)?.pairedWith).toBe(a);
    expect(ids.find((s) => s.id === b)?.pairedWith).toBeUndefined();
    await service.close();
    const again = await open();
    expect((await again.bilingualPair({ sourceId: c }))?.b.id).toBe(a);
    await again.linkTranslation({ sourceId: c, otherId: null });
    expect((await catalog()).sources.some((s) => s.pairedWith !== undefined)).toBe(false);
    await again.close();
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const service = await open();
    const dispatch = createDispatcher(service);
    const [a] = (await service.listSources()).map((s) => s.id);
    const before = await readFile(join(dir, 'catalog.json'), 'utf8');
    await expect(service.linkTranslation({ sourceId: a, otherId: a })).rejects.toThrow(/cannot be its own translation/);
    await expect(service.linkTranslation({ sourceId: a, otherId: 'nope' })).rejects.toThrow(/No source with id "nope"/);
    expect(await dispatch('linkTranslation', { sourceId: '../x', otherId: null })).toMatchObject({ ok: false });
    expect(await dispatch('linkTranslation', { sourceId: a })).toMatchObject({ ok: false });
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(before);
    await service.close();
  });
});
