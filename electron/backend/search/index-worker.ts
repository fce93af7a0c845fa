/**
 * The search worker: owns the notebook's search index (engine.ts) in a thread of its own, so that decoding the saved
 * index, checking every source file against it, re-indexing, saving, searching and the analysis never hold up the
 * backend's other channels. It reads source files itself (read only, with the store's own checks); a file it cannot
 * use as it is (damaged, missing, newer) is left to the backend, which restores it from a backup and sends it.
 * Requests run one after another, in the order they came, except searches asked while the load runs: those are
 * answered between two of its steps from what is indexed so far.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { analyze, cooccurrencePassages } from '../../../core/analysis/compute';
import { QueryError, retrieve } from '../../../core/tags/query';
import { countTags } from '../../../core/tags/tag-counts';
import type { SourceFile } from '../store';
import { readNotebookFile } from '../storage/read-file';
import { SearchEngine } from '../../../core/search/engine';
import { decodeSlices } from '../workers/text-transfer';
import { fileKey, loadIndex, saveIndex } from './persist';
import { textKey } from '../hash';
import type { IndexMeta, LoadResult, WorkerAnswers, WorkerMessage, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('index-worker.ts runs in a worker thread');

/** A passage shown under a co-occurrence cell is cut to this many characters. */
const PASSAGE_MAX = 1500;
/** Progress is reported every this many sources checked. */
const PROGRESS_EVERY = 250;

let engine = new SearchEngine(undefined, textKey);
let dataDir = '';
let loading = false;
let queue: Promise<unknown> = Promise.resolve();

const post = (message: WorkerMessage) => port.postMessage(message);
const sourcePath = (id: string) => join(dataDir, 'sources', `${id}.json`);

/** A source file as the store would read it, or null when the backend must read it (damaged, missing, newer). */
async function readSourceFile(id: string): Promise<SourceFile | null> {
  try {
    const read = await readNotebookFile<SourceFile>(sourcePath(id), 'source');
    return read && read.newerVersion === null ? read.data : null;
  } catch {
    return null;
  }
}

async function textOf(id: string): Promise<string> {
  return (await readSourceFile(id))?.text ?? '';
}

async function load(request: Extract<WorkerRequest, { op: 'load' }>): Promise<LoadResult> {
  dataDir = request.dataDir;
  loading = true;
  if (request.gate) Atomics.wait(new Int32Array(request.gate), 0, 0);
  try {
    const total = request.metas.length;
    post({ kind: 'progress', phase: 'decoding', done: 0, total });
    const loaded = await loadIndex(request.indexPath);
    if (loaded) engine = loaded;
    post({ kind: 'progress', phase: 'checking', done: 0, total });
    let reindexed = 0;
    const needs: string[] = [];
    const wanted = new Set(request.metas.map((m) => m.id));
    for (const id of engine.sourceIds()) {
      if (wanted.has(id)) continue;
      engine.removeSource(id);
      reindexed++;
    }
    let done = 0;
    for (const meta of request.metas) {
      if (++done % PROGRESS_EVERY === 0) post({ kind: 'progress', phase: 'checking', done, total });
      const key = await fileKey(sourcePath(meta.id));
      if (key && engine.fileKeyOf(meta.id) === key) {
        engine.applyMeta(meta);
        continue;
      }
      const file = key ? await readSourceFile(meta.id) : null;
      if (!file) {
        needs.push(meta.id);
        continue;
      }
      engine.applySource({ meta, text: file.text, highlights: file.highlights, note: file.note }, key);
      reindexed++;
    }
    engine.applyProjectNote(request.projectNote);
    return { loadedFromDisk: Boolean(loaded), reindexed, needs };
  } finally {
    loading = false;
  }
}

function applyMetas(metas: IndexMeta[], removed: string[]): string[] {
  for (const id of removed) engine.removeSource(id);
  return metas.filter((m) => !engine.applyMeta(m)).map((m) => m.id);
}

async function handle(request: WorkerRequest): Promise<WorkerAnswers[WorkerRequest['op']]> {
  switch (request.op) {
    case 'load':
      return load(request);
    case 'apply':
      engine.applySource({ ...request.source, text: decodeSlices(request.source.text) }, request.fileKey);
      return null;
    case 'applyFile': {
      // The fingerprint first, then the content: a write in between leaves the content newer than the fingerprint
      // (read again at the next start), never the other way round.
      const key = await fileKey(sourcePath(request.meta.id));
      const file = key ? await readSourceFile(request.meta.id) : null;
      if (!file) return false;
      engine.applySource({ meta: request.meta, text: file.text, highlights: file.highlights, note: file.note }, key);
      return true;
    }
    case 'metas':
      return applyMetas(request.metas, request.removed);
    case 'projectNote':
      engine.applyProjectNote(request.note);
      return null;
    case 'search':
      return engine.search(request.request, request.tags, textOf);
    case 'analysis':
      return analyze(engine.analysisSources(), request.tags, request.options);
    case 'cooccurrence': {
      const result = cooccurrencePassages(engine.analysisSources(), request.tags, request.tagA, request.tagB, request.options);
      const texts = new Map<string, string>();
      for (const p of result.passages) {
        if (!texts.has(p.sourceId)) texts.set(p.sourceId, await textOf(p.sourceId));
        p.text = texts.get(p.sourceId)!.slice(p.start, Math.min(p.end, p.start + PASSAGE_MAX));
        for (const h of p.highlights) h.quote = engine.highlightQuote(p.sourceId, h.id) ?? '';
      }
      return result;
    }
    case 'locate':
      return engine.locate(request.ids);
    case 'retrieve': {
      const { input } = request;
      return retrieve(input.query, input.filters ?? {}, { tags: request.tags, sources: engine.retrievalSources(request.sources) }, { limit: input.limit ?? 100, offset: input.offset ?? 0, order: input.order ?? 'date', context: 0 });
    }
    case 'tagCounts':
      return countTags(request.tags, engine.tagSources());
    case 'stats':
      return engine.stats();
    case 'save':
      await saveIndex(request.path, engine);
      return null;
  }
}

async function answer(id: number, request: WorkerRequest): Promise<void> {
  try {
    post({ kind: 'answer', id, value: await handle(request) });
  } catch (err) {
    const e = err as Error;
    post({ kind: 'error', id, message: e?.message ?? String(err), text: err instanceof QueryError ? err.text : undefined, code: err instanceof QueryError || err instanceof RangeError ? 'query' : undefined });
  }
}

port.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
  // A search while the load runs: answered now, from what is indexed so far (the load awaits between sources).
  if (loading && request.op === 'search') {
    void answer(id, request);
    return;
  }
  queue = queue.then(() => answer(id, request));
});
