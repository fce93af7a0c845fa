import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { NotebookChange } from '../../core/shell-contract';
import { NotebookSession } from '../../electron/backend/startup';
import { cleanUp, tempDir } from './exchange-helpers';

afterAll(cleanUp);

async function openWithFeed() {
  const session = await NotebookSession.open({ dataDir: await tempDir('notebook-changes-'), seedsDir: resolve('seeds'), version: 'test' });
  const batches: NotebookChange[][] = [];
  session.onChange((b) => batches.push(b));
  const call = async (channel: string, input?: unknown) => {
    const r = await session.dispatch(channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  /** The batches that arrive within `ms` after `action`, flattened. */
  const after = async (action: () => Promise<unknown>, ms = 200) => {
    batches.length = 0;
    await action();
    await new Promise((r) => setTimeout(r, ms));
    return batches.flat();
  };
  return { session, call, after, batches };
}

describe('what the window is told changed', () => {
  it('a source write names that source; a codebook change names the catalog; a batch names each once', async () => {
    const { session, call, after } = await openWithFeed();
    const [first] = await call('listSources') as Array<{ id: string }>;
    expect(await after(() => call('createHighlight', { sourceId: first.id, start: 10, end: 20 }))).toEqual([{ kind: 'source', id: first.id }]);
    expect(await after(() => call('createTag', { name: 'Kabul airport', kind: 'place' }))).toEqual([{ kind: 'catalog' }]);
    const burst = await after(() => Promise.all(Array.from({ length: 30 }, (_, i) => call('createHighlight', { sourceId: first.id, start: 100 + i * 7, end: 105 + i * 7 }))));
    expect(burst).toEqual([{ kind: 'source', id: first.id }]);
    await session.close();
  });

  it('where the window was (open source, reading position, window size) is saved without announcing a change', async () => {
    const { session, call, after } = await openWithFeed();
    const [, second] = await call('listSources') as Array<{ id: string }>;
    expect(await after(() => call('updateSettings', { lastSourceId: second.id }))).toEqual([]);
    expect(await after(() => call('updateSettings', { readingPosition: { sourceId: second.id, offset: 120 } }))).toEqual([]);
    expect((await call('getSettings') as { lastSourceId: string }).lastSourceId).toBe(second.id);
    // Transliterated matching changes what search finds: announced.
    expect(await after(() => call('updateSettings', { translitMatching: false }))).toEqual([{ kind: 'catalog' }]);
    await session.close();
  });

  it('the search index having loaded is announced once', async () => {
    const { session, call, batches } = await openWithFeed();
    await call('search', { query: 'Afghanistan' });
    await vi.waitFor(() => expect(batches.flat()).toContainEqual({ kind: 'index' }), { timeout: 30_000 });
    expect(batches.flat().filter((c) => c.kind === 'index')).toHaveLength(1);
    await session.close();
  });
});
