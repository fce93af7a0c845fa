// Issues 11 and 20 in Node: concurrent writes on one source of a large notebook, and opening to the source list.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type Highlight, type SourceMeta } from '../../core/model';
import { seededRandom } from './fixtures/seeded-random';
import { stableFileJson } from '../../core/stable-json';
import { defaultCodebook } from '../../core/tags/default-codebook';
import { NotebookService } from '../../electron/backend/service';
import { percentile, type Figure } from './report';

const WORDS = 'border refugees Taliban summit security Tajikistan drugs militants Kabul president minister said would region threat'.split(' ');

/** A notebook folder of `count` sources of ~5 KB with 10 highlights each, written directly (as a long-used notebook). */
export async function benchStoreFixture(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-bench-store-'));
  await mkdir(join(dir, 'sources'), { recursive: true });
  const random = seededRandom(count);
  const now = new Date().toISOString();
  const metas: SourceMeta[] = [];
  const summaries: Record<string, [number, number, number]> = {};
  for (let i = 0; i < count; i++) {
    const id = `bench-${i}`;
    const words: string[] = [];
    while (words.join(' ').length < 5000) words.push(WORDS[Math.floor(random() * WORDS.length)]);
    const text = words.join(' ');
    const highlights: Highlight[] = Array.from({ length: 10 }, (_, k) => {
      const start = k * 400;
      return { id: `h-b${i}x${k}`, sourceId: id, start, end: start + 30, quote: { exact: text.slice(start, start + 30), prefix: '', suffix: '' }, tagIds: [], note: null, orphan: false, createdAt: now, modifiedAt: now };
    });
    await writeFile(join(dir, 'sources', `${id}.json`), stableFileJson({ schemaVersion: SCHEMA_VERSION, id, text, highlights, note: { type: 'doc' } }));
    metas.push({ id, title: `Report ${i}`, publisher: `Outlet ${i % 40}`, date: `2021-${String((i % 12) + 1).padStart(2, '0')}-01`, originalFile: `${id}.txt`, contentHash: createHash('sha256').update(text).digest('hex'), addedAt: now, furniture: [] });
    summaries[id] = [10, 0, text.length];
  }
  const catalog = { schemaVersion: SCHEMA_VERSION, sources: metas, tags: defaultCodebook(now), settings: DEFAULT_SETTINGS, projectNote: { type: 'doc' }, summaries, summaryGeneration: 0 };
  await writeFile(join(dir, 'catalog.json'), stableFileJson(catalog));
  return dir;
}

const open = (dataDir: string) => NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' });

/** What the first version did to list sources: read and parse every source file to count its highlights. */
async function listByReadingEveryFile(dataDir: string, ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) n += (JSON.parse(await readFile(join(dataDir, 'sources', `${id}.json`), 'utf8')) as { highlights: unknown[] }).highlights.length;
  return n;
}

export async function benchStore(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dataDir = await benchStoreFixture(10_000);
  try {
    // Opening to the list (backend part of issue 20): open + listSources.
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const service = await open(dataDir);
    const list = await service.listSources();
    const listed = performance.now() - t0;
    figures.push({ issue: '20', figure: `backend open -> listSources, ${list.length.toLocaleString('en')} sources`, value: listed, unit: 'ms', target: 500 });
    const ids = list.map((s) => s.id);
    const t1 = performance.now();
    await listByReadingEveryFile(dataDir, ids);
    figures.push({ issue: '20', figure: 'baseline: listing by reading every source file (the first version)', value: performance.now() - t1, unit: 'ms', note: `ratio ${((performance.now() - t1) / listed).toFixed(0)}x` });
    const t2 = performance.now();
    await service.getSource({ id: ids[0] });
    figures.push({ issue: '20', figure: 'first source open (backend)', value: performance.now() - t2, unit: 'ms', target: 100 });
    for (const id of ids.slice(0, 100)) await service.getSource({ id });
    await service.searchIndex.whenLoaded();
    global.gc?.();
    figures.push({ issue: '20', figure: 'backend RSS growth after opening, indexing and browsing 100 sources', value: (process.memoryUsage().rss - rss0) / 2 ** 20, unit: 'MB', target: 150 });

    // Issue 20: a source switch is saved in view.json; the first version rewrote the whole catalog for it.
    const switches: number[] = [];
    const viaCatalog: number[] = [];
    for (let i = 0; i < 20; i++) {
      let t = performance.now();
      await service.updateSettings({ lastSourceId: ids[i] });
      switches.push(performance.now() - t);
      t = performance.now();
      // A reader preference is still a catalog setting: its save costs what a source switch cost before view.json.
      await service.updateSettings({ reader: { fontSize: 18 + (i % 2) } });
      viaCatalog.push(performance.now() - t);
    }
    figures.push({ issue: '20', figure: `source switch saved (last source, view.json), p95, ${ids.length.toLocaleString('en')} sources`, value: percentile(switches, 95), unit: 'ms', note: '20 switches' });
    figures.push({ issue: '20', figure: 'baseline: the same saved by rewriting the catalog (the previous version)', value: percentile(viaCatalog, 95), unit: 'ms', note: `ratio ${(percentile(viaCatalog, 95) / Math.max(0.01, percentile(switches, 95))).toFixed(0)}x` });

    // Issue 11: createHighlight with 100 concurrent callers on one source, 100,000 highlights in the notebook.
    const target = ids[1];
    const text = (await service.getSource({ id: target })).text;
    const sequential: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = 4000 + (i % 50) * 10;
      const t = performance.now();
      await service.createHighlight({ sourceId: target, start: s, end: s + 8 });
      sequential.push(performance.now() - t);
    }
    const concurrent: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const s = (i * 37) % (text.length - 20);
        const t = performance.now();
        await service.createHighlight({ sourceId: target, start: s, end: s + 12 });
        concurrent.push(performance.now() - t);
      }),
    );
    const wall = performance.now() - started;
    figures.push({ issue: '11', figure: 'createHighlight p95, 100 concurrent callers on one source (100,000 highlights in the notebook)', value: percentile(concurrent, 95), unit: 'ms', target: 20 });
    figures.push({ issue: '11', figure: 'createHighlight, 100 concurrent callers: wall time / 100', value: wall / 100, unit: 'ms' });
    figures.push({ issue: '11', figure: 'baseline: createHighlight p95, sequential calls', value: percentile(sequential, 95), unit: 'ms' });
    await service.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return figures;
}
