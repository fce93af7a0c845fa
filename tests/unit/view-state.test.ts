import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookService } from '../../electron/backend/service';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-view-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);
const catalogOnDisk = async () => ({ text: await readFile(join(dir, 'catalog.json'), 'utf8'), mtime: (await stat(join(dir, 'catalog.json'))).mtimeMs });
const viewOnDisk = async () => JSON.parse(await readFile(join(dir, 'view.json'), 'utf8'));

describe('view state (issue 20): where the window was lives in view.json, never in a catalog rewrite', () => {
  it('a source switch, a reading position and a tag applied leave catalog.json as it was; all survive a restart', async () => {
    const service = await open();
    const [a, b] = await service.listSources();
    await service.updateSettings({ lastSourceId: a.id });
    const before = await catalogOnDisk();
    await service.updateSettings({ lastSourceId: b.id });
    await service.updateSettings({ readingPosition: { sourceId: b.id, offset: 240 } });
    await service.updateSettings({ window: { width: 1200, height: 800, maximized: false } });
    const { text } = await service.getSource({ id: b.id });
    const start = text.indexOf(' ') + 1;
    const h = await service.createHighlight({ sourceId: b.id, start, end: start + 10 });
    await service.bulkTag({ highlights: [{ sourceId: b.id, highlightId: h.id }], add: 'tag-theme-drugs' });
    expect(await catalogOnDisk()).toEqual(before);
    expect(await viewOnDisk()).toMatchObject({ lastSourceId: b.id, readingPositions: { [b.id]: 240 }, window: { width: 1200 }, recentTagIds: ['tag-theme-drugs'] });
    const again = await open();
    expect(await again.getSettings()).toMatchObject({ lastSourceId: b.id, readingPositions: { [b.id]: 240 }, window: { width: 1200, height: 800 }, recentTagIds: ['tag-theme-drugs'] });
  });

  it('a notebook from before view.json keeps its last source, positions and recent tags (read from the catalog)', async () => {
    const service = await open();
    const [a] = await service.listSources();
    await service.close();
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
    catalog.settings = { ...catalog.settings, lastSourceId: a.id, readingPositions: { [a.id]: 99 }, recentTagIds: ['tag-theme-border'] };
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
    await rm(join(dir, 'view.json'), { force: true });
    const reopened = await open();
    expect(await reopened.getSettings()).toMatchObject({ lastSourceId: a.id, readingPositions: { [a.id]: 99 }, recentTagIds: ['tag-theme-border'] });
  });

  it('a damaged view.json (garbage, or the wrong shape) opens the notebook with the older values; the next change rewrites it whole', async () => {
    const service = await open();
    const [a, b] = await service.listSources();
    await service.updateSettings({ lastSourceId: a.id, reader: { fontSize: 21 } });
    for (const bad of ['{"lastSourceId": ', JSON.stringify({ lastSourceId: 7, readingPositions: 'x', recentTagIds: null, window: null })]) {
      await open().then((s) => s.close());
      await writeFile(join(dir, 'view.json'), bad);
      const reopened = await open();
      const settings = await reopened.getSettings();
      expect(settings.reader.fontSize).toBe(21);
      expect(settings.readingPositions).toEqual({});
      await reopened.updateSettings({ lastSourceId: b.id });
      expect(await viewOnDisk()).toMatchObject({ lastSourceId: b.id, readingPositions: {}, recentTagIds: [] });
    }
  });

  it('the last source is forgotten once it is deleted; a hundred position saves at once are all kept', async () => {
    const service = await open();
    const sources = await service.listSources();
    await service.updateSettings({ lastSourceId: sources[0].id });
    await service.deleteSources({ sourceIds: [sources[0].id] });
    expect((await service.getSettings()).lastSourceId).toBeNull();
    await Promise.all(Array.from({ length: 100 }, (_, i) => service.updateSettings({ readingPosition: { sourceId: sources[1 + (i % 4)].id, offset: 1000 + i } })));
    const again = await open();
    const positions = (await again.getSettings()).readingPositions;
    // The last save of each source wins (calls on one notebook run in order).
    expect(sources.slice(1).map((s) => positions[s.id])).toEqual([1096, 1097, 1098, 1099]);
  });

  it('read-only: a source switch is refused and nothing is written', async () => {
    const service = await open();
    const [a] = await service.listSources();
    await service.close();
    await rm(join(dir, 'view.json'), { force: true });
    const readOnly = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test', readOnly: true });
    try {
      await expect(readOnly.updateSettings({ lastSourceId: a.id })).rejects.toThrow(/read-only/);
      await expect(stat(join(dir, 'view.json'))).rejects.toThrow();
    } finally {
      await readOnly.close();
    }
  });
});
