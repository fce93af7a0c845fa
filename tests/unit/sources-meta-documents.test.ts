import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCsv } from '../../core/export/csv';
import { createDispatcher } from '../../electron/backend/dispatch';
import { noteFormatter } from '../../electron/backend/exchange/formats';
import { readSnapshot } from '../../electron/backend/exchange/snapshot';
import { NotebookService } from '../../electron/backend/service';

/** Authors, address and language are edited like title, publisher and date (issue 15): validated, undoable, on disk. */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-meta-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
const EFE = '002_3d6a35bbe9bd0c1a';

describe('editing authors, address and language', () => {
  it('sets them (cleaned), returns the patch that undoes them, and undo removes what was not there', async () => {
    const service = await open();
    const before = (await service.listSources()).find((s) => s.id === EFE)!;
    expect(before.authors).toBeUndefined();
    const { source, undo } = await service.updateSourceMeta({
      sourceId: EFE,
      patch: { authors: [' Jane  Roe ', 'John Poe', 'Jane Roe'], url: ' https://efe.example/a/1 ', language: 'AR' },
    });
    expect(source).toMatchObject({ authors: ['Jane Roe', 'John Poe'], url: 'https://efe.example/a/1', language: 'ar', dir: 'rtl' });
    expect(undo).toEqual({ authors: [], url: '', language: '' });
    const disk = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as { sources: Array<Record<string, unknown>> };
    expect(disk.sources.find((s) => s.id === EFE)).toMatchObject({ authors: ['Jane Roe', 'John Poe'], url: 'https://efe.example/a/1', language: 'ar' });
    await service.updateSourceMeta({ sourceId: EFE, patch: undo });
    await service.close();
    const reopened = await open();
    expect((await reopened.listSources()).find((s) => s.id === EFE)).toEqual(before);
    await reopened.close();
  });

  it('refuses an address that is not http(s), a bad language code or an empty author, and changes nothing', async () => {
    const service = await open();
    const dispatch = createDispatcher(service, () => {});
    const disk = await readFile(join(dir, 'catalog.json'), 'utf8');
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { url: 'javascript:alert(1)' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('http:// or https://') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { url: 'file:///etc/passwd' } })).toMatchObject({ ok: false });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { language: 'Russian' } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('a language is a code') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { authors: ['  '] } })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('an author needs a name') }) });
    expect(await dispatch('updateSourceMeta', { sourceId: EFE, patch: { authors: 'Jane' } })).toMatchObject({ ok: false });
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(disk);
    await service.close();
  });

  it('what was edited is in the exports (CSV columns)', async () => {
    const service = await open();
    await service.updateSourceMeta({ sourceId: EFE, patch: { authors: ['Jane Roe'], url: 'https://efe.example/a/1', language: 'es' } });
    const { text } = await service.getSource({ id: EFE });
    await service.createHighlight({ sourceId: EFE, start: 0, end: Math.min(20, text.length) });
    const snapshot = await readSnapshot((service as unknown as { store: Parameters<typeof readSnapshot>[0] }).store, { kind: 'notebook' });
    const csv = exportCsv(snapshot, noteFormatter);
    expect(csv).toContain('Jane Roe');
    expect(csv).toContain('https://efe.example/a/1');
    await service.close();
  });
});
