// Issue 20: a corpus of 1,000, 10,000 (and, with BENCH_SCALE_50K=1, 50,000) generated sources, ~5 KB of text and
// 10 highlights each, its search index already saved. Each size is measured in a child process of its own
// (scripts/bench/scale-run.ts: backend in Node, the renderer in Chromium through the test harness), so the RSS
// figures of one size are not those of the last.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SCHEMA_VERSION, type SourceMeta } from '../../core/model';
import { makeSearchNotebook } from './fixtures/search';
import { NotebookService } from '../../electron/backend/service';
import { makeNotebook } from './notebook-fixture';
import type { Figure } from './report';

/** The sizes issue 20 names (50,000 takes minutes to generate and index). BENCH_SCALE_SIZES=300,2000 overrides. */
export const SCALE_SIZES = process.env.BENCH_SCALE_SIZES ? process.env.BENCH_SCALE_SIZES.split(',').map(Number).filter((n) => n > 0) : [1_000, 10_000, 50_000];
const CHUNK = 1_000;

/** What a child run reports for one size (see scale-run.ts). */
export interface ScaleResult {
  sources: number;
  openToListMs: number;
  firstSourceMs: number;
  switchMs: number;
  rssBaseMb: number;
  rssOpenMb: number;
  rssBrowsedMb: number;
  scrollLongestTaskMs: number;
  scrollLongTasks: number;
  filterMs: number;
  searchLoadingP95Ms: number;
  searchLoadingCount: number;
  indexReadyMs: number;
  searchReadyP95Ms: number;
  /** The backend thread's longest stall while the index loaded after the restart. */
  loadStallMs: number;
}

/** The first version's figures (scale-baseline.ts). */
export interface ScaleBaseline {
  sources: number;
  listMs: number;
  rssHeldMb: number;
  decodeMs: number;
}

/**
 * A notebook folder with the seeds plus `count` generated sources. The files are written directly (no fsync per
 * file: this is test data), in the store's own format; the notebook is then opened once with the real backend, which
 * builds and saves the search index (and migrates anything the catalog lacks), as an analyst's notebook would be.
 */
export async function makeScaleNotebook(count: number): Promise<string> {
  const dataDir = await makeNotebook([]);
  const catalogPath = join(dataDir, 'catalog.json');
  const catalog = JSON.parse(await readFile(catalogPath, 'utf8')) as { sources: SourceMeta[]; tags: Array<{ id: string }> };
  await mkdir(join(dataDir, 'sources'), { recursive: true });
  for (let from = 0; from < count; from += CHUNK) {
    const n = Math.min(CHUNK, count - from);
    const chunk = makeSearchNotebook(1000 + from / CHUNK, n, n * 10);
    if (from === 0) {
      const known = new Set(catalog.tags.map((t) => t.id));
      catalog.tags.push(...chunk.tags.filter((t) => !known.has(t.id)));
    }
    for (const [i, s] of chunk.sources.entries()) {
      const id = `scale-${String(from + i).padStart(6, '0')}`;
      const highlights = s.highlights.map((h, k) => ({ ...h, id: `h-scale-${from + i}-${k}`, sourceId: id }));
      await writeFile(join(dataDir, 'sources', `${id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, id, text: s.text, highlights, note: s.note }));
      catalog.sources.push({ ...s.meta, id, originalFile: `${id}.txt`, contentHash: `${id}-hash` });
    }
  }
  await writeFile(catalogPath, JSON.stringify(catalog));
  const service = await NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' });
  await service.listSources();
  // The figure "first source shown after the list" is the last-opened source, opened on start: one is set here.
  await service.updateSettings({ lastSourceId: `scale-${String(Math.floor(count / 2)).padStart(6, '0')}` });
  await service.searchIndex.flush();
  await service.close();
  return dataDir;
}

function runChild<T>(script: string, marker: string, dataDir: string, sources: number): Promise<T> {
  return new Promise((done, fail) => {
    // The search worker as the built app runs it (npm run bench builds first), not compiled from source on the fly.
    const env = { ...process.env, NOTEBOOK_SEARCH_WORKER: resolve('dist/electron/search-worker.cjs') };
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', resolve(script), dataDir, String(sources)], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(`${marker} `));
      if (code === 0 && line) done(JSON.parse(line.slice(marker.length + 1)) as T);
      else fail(new Error(`${script} for ${sources} sources failed (exit ${code}): ${out.slice(-2000)}`));
    });
  });
}

export async function benchScale(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of SCALE_SIZES) {
    const size = n.toLocaleString('en-GB');
    const started = performance.now();
    const dataDir = await makeScaleNotebook(n);
    process.stderr.write(`bench: scale: ${size} sources generated and indexed in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    try {
      const r = await runChild<ScaleResult>('scripts/bench/scale-run.ts', 'SCALE_RESULT', dataDir, n);
      const b = await runChild<ScaleBaseline>('scripts/bench/scale-baseline.ts', 'SCALE_BASELINE', dataDir, n);
      // Each size's raw figures as soon as they are known (a long run's table comes only at its end).
      process.stderr.write(`bench: scale: ${size}: ${JSON.stringify({ ...r, baseline: b })}\n`);
      const ratio = (before: number, after: number) => `first version ${before.toFixed(0)}; ${after > 0 ? (before / after).toFixed(1) : '∞'}× less`;
      const big = n >= 50_000;
      const ten = n === 10_000;
      figures.push(
        { issue: '20', figure: `${size} sources: backend open → first painted source list`, value: r.openToListMs, unit: 'ms', target: big ? 1000 : ten ? 500 : undefined, note: `Chromium harness; includes loading the page; the page's own mark after the frame that drew the rows` },
        { issue: '20', figure: `${size} sources: list sources the first version's way (read every file to count)`, value: b.listMs, unit: 'ms', note: `baseline, same run; ${(b.listMs / r.openToListMs).toFixed(1)}× the painted list above` },
        { issue: '20', figure: `${size} sources: first source shown after the list`, value: r.firstSourceMs, unit: 'ms', target: 100, note: 'the last-opened source, opened on start: list painted → its highlights painted (page marks)' },
        { issue: '20', figure: `${size} sources: open another source (click → reader painted)`, value: r.switchMs, unit: 'ms', note: 'median of 5 sources never opened before' },
        { issue: '20', figure: `${size} sources: backend RSS growth after opening`, value: r.rssOpenMb - r.rssBaseMb, unit: 'MB', note: `bench process RSS ${r.rssBaseMb.toFixed(0)} MB before opening` },
        { issue: '20', figure: `${size} sources: backend RSS growth after searching and browsing 100 sources`, value: r.rssBrowsedMb - r.rssBaseMb, unit: 'MB', target: ten ? 150 : undefined, note: 'search index worker included' },
        { issue: '20', figure: `${size} sources: RSS growth the first version's way (every file kept)`, value: b.rssHeldMb, unit: 'MB', note: `baseline, same run; ${ratio(b.rssHeldMb, r.rssBrowsedMb - r.rssBaseMb)}` },
        { issue: '20', figure: `${size} sources: longest task while scrolling the sources pane`, value: r.scrollLongestTaskMs, unit: 'ms', target: 50, note: `${r.scrollLongTasks} long tasks (over 50 ms) in 200 frames of scrolling and 5 jumps` },
        { issue: '20', figure: `${size} sources: filter the sources pane (keystroke → list painted)`, value: r.filterMs, unit: 'ms' },
        { issue: '20', figure: `${size} sources: search index ready after a restart`, value: r.indexReadyMs, unit: 'ms', note: 'loaded from disk, then every file checked' },
        { issue: '20', figure: `${size} sources: search p95 while the index is loading`, value: r.searchLoadingP95Ms, unit: 'ms', note: `${r.searchLoadingCount} searches (partial results, "indexing, N%")` },
        { issue: '20', figure: `${size} sources: backend thread's longest stall while the index loads`, value: r.loadStallMs, unit: 'ms', note: `index in a worker thread; the first version decoded it on the backend thread: ${b.decodeMs.toFixed(0)} ms with no channel answered` },
        { issue: '20', figure: `${size} sources: search p95 once the index is ready`, value: r.searchReadyP95Ms, unit: 'ms' },
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}
