import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotebookService } from '../../electron/backend/service';

// Issue 20: the source list comes from the catalog alone. The search index (a worker decoding a large file) starts
// loading after the first list was answered, or at once when something needs it (a search, the codebook's counts).

let dir: string;
const services: NotebookService[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-index-start-'));
  // Made once, so that the services under test open an existing notebook (nothing to seed, nothing to index).
  const first = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
  await first.searchIndex.flush();
  await first.close();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<{ service: NotebookService; start: ReturnType<typeof vi.spyOn> }> {
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
  services.push(service);
  return { service, start: vi.spyOn(service.searchIndex, 'start') };
}

describe('the search index starts after the source list', () => {
  it('listSources answers from the catalog before the index has started; the index starts after it on its own', async () => {
    const { service, start } = await open();
    const list = await service.listSources();
    expect(list).toHaveLength(5);
    expect(list.every((s) => typeof s.highlightCount === 'number')).toBe(true);
    expect(start).not.toHaveBeenCalled();
    expect((await service.getSource({ id: list[0].id })).text.length).toBeGreaterThan(0);
    expect(start).not.toHaveBeenCalled();
    // Nobody asked for it: it loads all the same, shortly after the list.
    await vi.waitFor(() => expect(start).toHaveBeenCalled(), { timeout: 20_000, interval: 50 });
    await service.searchIndex.whenLoaded();
    expect(service.searchIndex.progress().ready).toBe(true);
  });

  it('a search, even one that takes partial results, starts the index at once', async () => {
    const { service, start } = await open();
    const partial = await service.search({ query: 'Afghanistan', partial: true });
    expect(start).toHaveBeenCalled();
    expect(typeof partial.ready).toBe('boolean');
    const full = await service.search({ query: 'Afghanistan' });
    expect(full.ready).toBe(true);
    expect(full.totals.source).toBeGreaterThan(0);
  });

  it('the search status starts it too (the palette shows "indexing, N%" while it loads)', async () => {
    const { service, start } = await open();
    await service.searchStatus();
    expect(start).toHaveBeenCalled();
  });

  it("the codebook's counts start it (the window asks for them once the list is on screen)", async () => {
    const { service, start } = await open();
    const codebook = await service.listTags();
    expect(codebook.tags.length).toBeGreaterThan(5);
    expect(start).toHaveBeenCalled();
    await service.searchIndex.whenLoaded();
    expect((await service.listTags()).countsPending).toBeUndefined();
  });

  it('the start-up report waits for the index without starting it sooner', async () => {
    const { service, start } = await open();
    const report = service.startupReport();
    await service.listSources();
    expect(start).not.toHaveBeenCalled();
    expect(await report).toMatchObject({ readOnly: false });
    expect(start).toHaveBeenCalled();
  });
});
