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

/** 50,000 takes minutes to generate and index: only with BENCH_SCALE_50K=1. BENCH_SCALE_SIZES=300,2000 overrides. */
export const SCALE_SIZES = process.env.BENCH_SCALE_SIZES
  ? process.env.BENCH_SCALE_SIZES.split(',').map(Number).filter((n) => n > 0)
  : process.env.BENCH_SCALE_50K
    ? [1_000, 10_000, 50_000]
    : [1_000, 10_000];
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
  await service.searchIndex.flush();
  await service.close();
  return dataDir;
}

function runChild(dataDir: string, sources: number): Promise<ScaleResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/bench/scale-run.ts'), dataDir, String(sources)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('SCALE_RESULT '));
      if (code === 0 && line) done(JSON.parse(line.slice('SCALE_RESULT '.length)) as ScaleResult);
      else fail(new Error(`scale run for ${sources} sources failed (exit ${code}): ${out.slice(-2000)}`));
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
      const r = await runChild(dataDir, n);
      const big = n >= 50_000;
      const ten = n === 10_000;
      figures.push(
        { issue: '20', figure: `${size} sources: backend open → first painted source list`, value: r.openToListMs, unit: 'ms', target: big ? 1000 : ten ? 500 : undefined, note: 'Chromium harness; includes loading the page' },
        { issue: '20', figure: `${size} sources: first source shown after the list`, value: r.firstSourceMs, unit: 'ms', target: 100, note: 'the last-opened source, opened on start' },
        { issue: '20', figure: `${size} sources: open another source (click → reader painted)`, value: r.switchMs, unit: 'ms', note: 'median of 5 sources never opened before' },
        { issue: '20', figure: `${size} sources: backend RSS growth after opening`, value: r.rssOpenMb - r.rssBaseMb, unit: 'MB', note: `bench process RSS ${r.rssBaseMb.toFixed(0)} MB before opening` },
        { issue: '20', figure: `${size} sources: backend RSS growth after searching and browsing 100 sources`, value: r.rssBrowsedMb - r.rssBaseMb, unit: 'MB', target: ten ? 150 : undefined },
        { issue: '20', figure: `${size} sources: longest task while scrolling the sources pane`, value: r.scrollLongestTaskMs, unit: 'ms', target: 50, note: `${r.scrollLongTasks} long tasks (over 50 ms) in 200 frames of scrolling and 5 jumps` },
        { issue: '20', figure: `${size} sources: filter the sources pane (keystroke → list painted)`, value: r.filterMs, unit: 'ms' },
        { issue: '20', figure: `${size} sources: search index ready after a restart`, value: r.indexReadyMs, unit: 'ms', note: 'loaded from disk, then every file checked' },
        { issue: '20', figure: `${size} sources: search p95 while the index is loading`, value: r.searchLoadingP95Ms, unit: 'ms', note: `${r.searchLoadingCount} searches (partial results, "indexing, N%")` },
        { issue: '20', figure: `${size} sources: search p95 once the index is ready`, value: r.searchReadyP95Ms, unit: 'ms' },
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}
