// Issue 11 in Node: heavy work (a hostile zip, re-anchoring a 50 MB text, indexing a 50 MB source, a long PDF) off
// the backend's thread. The backend's event loop is watched (perf_hooks monitorEventLoopDelay) while the job runs, and
// listSources is called every 10 ms meanwhile; the same job is measured the way it was before and the way it is now.
import { mkdtemp, rm } from 'node:fs/promises';
import { editedParagraphs, paragraphsText } from './fixtures/big-text';
import { MessageChannel } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makePdf } from '../../tests/support/make-documents';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import { describeRange } from '../../core/anchoring/describe';
import { EMPTY_DOC, SCHEMA_VERSION, type Highlight, type SourceMeta } from '../../core/model';
import { NotebookService } from '../../electron/backend/service';
import { NotebookStore } from '../../electron/backend/store';
import { InlineWork, WorkerPool, type HeavyWork } from '../../electron/backend/workers/pool';
import { lyingQdpx } from '../../tests/support/hostile-zip';
import type { Figure } from './report';

interface Watch {
  /** Longest the event loop was held, ms. */
  maxDelayMs: number;
  /** listSources calls answered while the job ran, and the slowest of them, ms. */
  answered: number;
  slowestCallMs: number;
  jobMs: number;
}

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;

/** Run `job` while watching the event loop and calling listSources every 10 ms. */
async function watch(service: NotebookService, job: () => Promise<unknown>): Promise<Watch> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let running = true;
  let answered = 0;
  let slowestCallMs = 0;
  const ticker = (async () => {
    while (running) {
      const t = performance.now();
      await service.listSources();
      if (!running) break;
      answered++;
      slowestCallMs = Math.max(slowestCallMs, performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  // Let the ticker start before the job's first synchronous stretch; collect what earlier cases left (a 50 MB job
  // inline leaves hundreds of MB of garbage, whose collection would otherwise land in the next case's figure).
  fullGc();
  await new Promise((r) => setTimeout(r, 20));
  histogram.enable();
  const started = performance.now();
  await job().catch(() => {});
  const jobMs = performance.now() - started;
  // One more turn of the loop, so that a block that lasted to the job's end is sampled too.
  await new Promise((r) => setTimeout(r, 30));
  histogram.disable();
  running = false;
  await ticker;
  return { maxDelayMs: histogram.max / 1e6, answered, slowestCallMs, jobMs };
}

/** A notebook with one ~50 MB source (100 highlights over it) and a small one. */
async function bigNotebook(): Promise<{ dir: string; text: string; edited: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-bench-workers-'));
  const text = paragraphsText();
  const now = new Date().toISOString();
  const highlights: Highlight[] = Array.from({ length: 100 }, (_, k) => {
    const label = `Paragraph ${k * 5_000 + 3}:`;
    const start = text.indexOf(label);
    const d = describeRange(text, start, start + label.length);
    return { id: `h-bench-${k}`, sourceId: 'big', start: d.start, end: d.end, quote: d.quote, tagIds: [], note: null, orphan: false, createdAt: now, modifiedAt: now };
  });
  const { store } = await NotebookStore.open(dir);
  await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: 'big', text, highlights, note: EMPTY_DOC });
  await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: 'small', text: 'A small article about the border.', highlights: [], note: EMPTY_DOC });
  const meta = (id: string, title: string): SourceMeta => ({ id, title, publisher: 'Bench', date: '2026-01-01', originalFile: `${id}.txt`, contentHash: id, addedAt: now, furniture: [] });
  await store.updateCatalog((c) => {
    c.sources = [meta('big', 'Big'), meta('small', 'Small')];
  });
  await store.close();
  // The new text: a preface, and one paragraph gone; every highlight moves.
  const edited = editedParagraphs(text);
  return { dir, text, edited };
}

async function reanchor(heavyWork: HeavyWork): Promise<Watch> {
  const { dir, edited } = await bigNotebook();
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'bench', heavyWork });
  try {
    await service.getSource({ id: 'big' });
    // The search index tokenises a 50 MB text on the backend's thread when it is built and after the change (a
    // blocker of its own, measured by the search suite): left out, so that this figure is the re-anchoring's.
    await service.searchIndex.whenLoaded();
    await service.searchIndex.stop();
    // A worker already running, as after the app's first heavy job (starting one is not the job's cost).
    await heavyWork.run('spin', { ms: 1 });
    return await watch(service, () => service.updateSourceText({ sourceId: 'big', text: edited }));
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function hostileZip(way: 'main thread' | 'worker', pool: WorkerPool): Promise<Watch> {
  // Declares 100 MB (under the 500 MB limit, so the header check lets it through), inflates to 512 MB.
  const zip = lyingQdpx(100, 512);
  const dir = await mkdtemp(join(tmpdir(), 'notebook-bench-zip-'));
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'bench', heavyWork: pool });
  try {
    await service.searchIndex.whenLoaded();
    await pool.run('spin', { ms: 1 });
    if (way === 'main thread') {
      // The way it was: fflate's unzipSync on the backend's thread, which inflates the whole stream whatever the
      // header declared.
      return await watch(service, async () => unzipSync(zip, { filter: (f) => f.name === 'project.qde' }));
    }
    const data = Buffer.from(zip).toString('base64');
    return await watch(service, () => service.previewImport({ files: [{ name: 'bomb.qdpx', size: zip.length, data }] }));
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A 50 MB source indexed after its file changed. Before: the backend read the text and sent it to the index worker in
 * one message, a structured clone of 50 MB on its thread (measured here as that clone into a message port). Now: the
 * index worker reads the file itself and tokenises it there; the backend sends the source's id.
 */
async function indexBig(way: 'clone' | 'worker'): Promise<Watch> {
  const { dir } = await bigNotebook();
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'bench' });
  try {
    await service.searchIndex.whenLoaded();
    if (way === 'clone') {
      const text = (await service.getSource({ id: 'big' })).text;
      const { port1, port2 } = new MessageChannel();
      try {
        return await watch(service, async () => {
          port1.postMessage({ op: 'apply', source: { text } });
          await new Promise((r) => port2.once('message', r));
        });
      } finally {
        port1.close();
      }
    }
    // What the store's write of the source sets off (a change event): the index brings the source up to date.
    const search = service.searchIndex as unknown as { changed(change: { kind: 'source'; id: string }): void };
    return await watch(service, async () => {
      search.changed({ kind: 'source', id: 'big' });
      await service.searchIndex.flush();
    });
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A long report as a PDF: 600 pages of 36 lines (about 2 MB of text). */
const PDF_PAGES = 600;
async function longPdf(): Promise<Uint8Array> {
  const line = (p: number, i: number) => `Section ${p}.${i + 1}: the mission recorded convoys of flour, medicine and tents at the northern gate.`;
  return makePdf({ title: 'Bench long report', header: 'Border Monitoring Mission — Annual Report', pageNumbers: true, pages: Array.from({ length: PDF_PAGES }, (_, p) => [`Chapter ${p + 1}`, '', ...Array.from({ length: 34 }, (_, i) => line(p + 1, i))]) });
}

/** Importing the long PDF (preview: read page by page; then commit). Before: pdf.js on the backend's thread. */
async function pdfImport(heavyWork: HeavyWork, pdf: Uint8Array): Promise<Watch> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-bench-pdf-'));
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'bench', heavyWork });
  try {
    await service.searchIndex.whenLoaded();
    await heavyWork.run('spin', { ms: 1 });
    const data = Buffer.from(pdf).toString('base64');
    return await watch(service, async () => {
      const preview = await service.previewImport({ files: [{ name: 'report.pdf', size: pdf.length, data }] });
      if (preview.importable !== 1) throw new Error(`the bench PDF was refused: ${preview.files[0].error}`);
      await service.commitImport({ previewId: preview.previewId, skipDuplicates: false });
    });
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;

export async function benchWorkers(): Promise<Figure[]> {
  const pool = new WorkerPool();
  const figures: Figure[] = [];
  try {
    const add = (what: string, before: Watch, after: Watch) => {
      process.stderr.write(`bench: workers: ${what}: ${round(before.maxDelayMs)} ms -> ${round(after.maxDelayMs)} ms (load ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
      figures.push(
        { issue: '11', figure: `${what}: longest event-loop block, backend thread (before)`, value: round(before.maxDelayMs), unit: 'ms', note: `job ${round(before.jobMs / 1000)} s; listSources answered ${before.answered}×, slowest ${round(before.slowestCallMs)} ms` },
        {
          issue: '11',
          figure: `${what}: longest event-loop block, worker (after)`,
          value: round(after.maxDelayMs),
          unit: 'ms',
          target: 100,
          note: `job ${round(after.jobMs / 1000)} s; listSources answered ${after.answered}×, slowest ${round(after.slowestCallMs)} ms; ${round(before.maxDelayMs / Math.max(1, after.maxDelayMs))}× shorter`,
        },
      );
    };
    // Each case measured the way it is now first, then the way it was: the old way (pdf.js or a 50 MB job on this
    // thread) leaves this thread's heap large, and its collection would land in a later measurement.
    const zipAfter = await hostileZip('worker', pool);
    add('Hostile zip (declares 100 MB, inflates 512 MB)', await hostileZip('main thread', pool), zipAfter);
    const reanchorAfter = await reanchor(pool);
    add('Re-anchoring a 50 MB text (100 highlights)', await reanchor(new InlineWork()), reanchorAfter);
    const indexAfter = await indexBig('worker');
    add('Indexing a 50 MB source for search after it changed', await indexBig('clone'), indexAfter);
    const pdf = await longPdf();
    const pdfAfter = await pdfImport(pool, pdf);
    add(`Importing a ${PDF_PAGES}-page PDF (${round(pdf.length / 1024 / 1024)} MB)`, await pdfImport(new InlineWork(), pdf), pdfAfter);
  } finally {
    await pool.close();
  }
  return figures;
}
