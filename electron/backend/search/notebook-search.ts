/**
 * Keeps the search index in step with the notebook. The index lives in a worker thread (index-worker.ts): it loads
 * the persisted index there and re-indexes only the sources whose files changed since, then follows every write of
 * the store (highlights, notes, tags, imports, text edits, whichever helper made them), and is saved a moment after
 * the last change. Nothing of that runs on the backend's thread: other channels answer while the index loads.
 */
import type { NoteDoc, SourceMeta, Tag } from '../../../core/model';
import type { TagCount } from '../../../core/tags/api';
import type { AnalysisOptions, AnalysisResult, CooccurrencePassage } from '../../../core/analysis/types';
import type { IndexProgress, SearchResponse } from '../../../core/search/types';
import { NotebookError } from '../errors';
import type { NotebookStore, StoreChange } from '../store';
import { SearchEngine, type SearchRequest, type SourceInput } from '../../../core/search/engine';
import { encodeInSlices, transferListOf } from '../workers/text-transfer';
import { indexFile } from './persist';
import { SearchWorker, type Progress } from './search-worker';
import type { HighlightPlaces, IndexMeta, IndexRetrieval, RetrieveRequest } from './worker-protocol';

export interface IndexStatus {
  /** The index was read from disk (not rebuilt from nothing). */
  loadedFromDisk: boolean;
  /** Sources (re-)indexed on start because they were new or their files had changed. */
  reindexedOnStart: number;
  startMs: number;
  sources: number;
  documents: number;
}

const SAVE_DELAY_MS = 2000;

export class NotebookSearch {
  private worker: SearchWorker | null = null;
  private started: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private stopped = false;
  private projectNote: NoteDoc | null = null;
  /** What the index holds of each source's catalog fields: a catalog change sends only what differs. */
  private sent = new Map<string, IndexMeta>();
  /** Sources whose re-index is queued and has not started: a change of one of them needs no second job. */
  private readonly waitingSources = new Set<string>();
  private status: IndexStatus = { loadedFromDisk: false, reindexedOnStart: 0, startMs: 0, sources: 0, documents: 0 };
  /** Sources checked so far by the start-up load, of how many; `decoded` once the saved index is in the worker. */
  private progressState = { done: 0, total: 0, decoded: false, loaded: false };
  private readonly path: string;
  private readonly loadedListeners = new Set<() => void>();

  constructor(
    private readonly store: NotebookStore,
    private readonly log: (err: unknown) => void = console.error,
    /** Tests only: the worker's load waits until slot 0 of this buffer is set (see worker-protocol.ts). */
    private readonly loadGate?: SharedArrayBuffer,
  ) {
    this.path = indexFile(store.dataDir);
    store.onChange((change) => this.changed(change));
  }

  /** Load or build the index (once, in the worker); later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.enqueue(() => this.load());
    return this.started;
  }

  async search(request: SearchRequest & { partial?: boolean }): Promise<SearchResponse> {
    const { partial, ...query } = request;
    if (partial && !this.progressState.loaded) return this.searchWhileLoading(query);
    await this.ready();
    const result = await this.request({ op: 'search', request: query, tags: this.store.catalog.tags });
    return { ...result, ready: true };
  }

  /** How far the start-up load is; answers at once (the search palette shows "indexing, N%"). */
  progress(): IndexProgress {
    const { done, total, loaded } = this.progressState;
    const percent = loaded ? 100 : total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
    return { ready: loaded, done, total, percent };
  }

  /** Before the index is complete: what the part indexed so far finds, marked not ready (the analyst is told). */
  private async searchWhileLoading(request: SearchRequest): Promise<SearchResponse> {
    const progress = this.progress();
    const empty = async () => ({ ...(await new SearchEngine().search(request, this.store.catalog.tags, () => '')), ready: false, progress });
    // Until the saved index is decoded the worker is busy with it: nothing indexed yet, say so at once.
    if (!this.progressState.decoded || !this.worker) return empty();
    try {
      const result = await this.worker.request({ op: 'search', request, tags: this.store.catalog.tags });
      return { ...result, ready: false, progress: this.progress() };
    } catch (err) {
      if (err instanceof NotebookError) throw err;
      // The index changed under the query (a source re-indexed meanwhile): nothing yet, ask again shortly.
      return empty();
    }
  }

  async analysis(options: AnalysisOptions): Promise<AnalysisResult> {
    await this.ready();
    return this.request({ op: 'analysis', options, tags: this.store.catalog.tags });
  }

  async cooccurrencePassages(tagA: string, tagB: string, options: AnalysisOptions): Promise<{ passages: CooccurrencePassage[]; total: number }> {
    await this.ready();
    return this.request({ op: 'cooccurrence', tagA, tagB, options, tags: this.store.catalog.tags });
  }

  /** Which source holds each highlight (with its quote and tags), from the index: no source file is read. */
  async locateHighlights(ids: string[]): Promise<HighlightPlaces> {
    await this.ready();
    return this.request({ op: 'locate', ids });
  }

  /** A retrieval's counts and page of rows, from the index; the caller reads the texts of the page's sources. */
  async retrieve(input: RetrieveRequest, sources: ReadonlyArray<Pick<SourceMeta, 'id' | 'title' | 'publisher' | 'date'>>): Promise<IndexRetrieval> {
    await this.ready();
    return this.request({ op: 'retrieve', input, tags: this.store.catalog.tags, sources: sources.map(indexMeta) });
  }

  /** Per tag, the highlights and sources that carry it (with and without sub-tags), from the index. */
  async tagCounts(tags: Tag[]): Promise<Record<string, TagCount>> {
    await this.ready();
    return this.request({ op: 'tagCounts', tags });
  }

  /** How the index came to be, and its size (for tests and the benchmark). */
  async info(): Promise<IndexStatus> {
    await this.ready();
    const s = await this.request({ op: 'stats' });
    return { ...this.status, sources: s.sources, documents: s.documents };
  }

  /** True once the index has been loaded and brought in line with the files at start. */
  get loaded(): boolean {
    return this.progressState.loaded;
  }

  /** Told once the index has loaded (without starting the load, unlike whenLoaded); returns the unsubscribe. */
  onLoaded(listener: () => void): () => void {
    this.loadedListeners.add(listener);
    return () => this.loadedListeners.delete(listener);
  }

  /** Resolves once the index has been loaded and brought in line with the files at start. */
  async whenLoaded(): Promise<void> {
    await this.start();
  }

  /** Write the index now if it changed (on quit; tests). */
  async flush(): Promise<void> {
    await this.ready();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.dirty) await this.save();
  }

  private async ready(): Promise<void> {
    await this.start();
    await this.queue;
  }

  private request<R extends Parameters<SearchWorker['request']>[0]>(request: R) {
    if (!this.worker) throw new Error('The search index is not running.');
    return this.worker.request(request);
  }

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(task).catch((err) => {
      if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT' && !this.stopped) this.log(err);
    });
    this.queue = run;
    return run;
  }

  private onProgress(p: Progress): void {
    if (p.phase === 'checking') this.progressState.decoded = true;
    this.progressState.done = p.done;
    this.progressState.total = p.total;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const catalog = this.store.catalog;
    this.progressState = { done: 0, total: catalog.sources.length, decoded: false, loaded: false };
    try {
      this.worker = new SearchWorker(
        (p) => this.onProgress(p),
        (err) => {
          if (!this.stopped) this.log(err);
        },
      );
      const metas = catalog.sources.map(indexMeta);
      const result = await this.worker.request({ op: 'load', dataDir: this.store.dataDir, indexPath: this.path, metas, projectNote: catalog.projectNote, gate: this.loadGate });
      this.sent = new Map(metas.map((m) => [m.id, m]));
      this.projectNote = catalog.projectNote;
      // Files the worker could not use as they are: the store reads them (a damaged one is restored from a backup
      // and the analyst told), and what it gets is indexed.
      let reindexed = result.reindexed;
      for (const id of result.needs) {
        const meta = this.store.catalog.sources.find((s) => s.id === id);
        const file = meta ? await this.store.readSource(id).catch(() => null) : null;
        if (!meta || !file) continue;
        await this.sendSource(meta, file, await this.store.sourceFileKey(id));
        reindexed++;
      }
      // The catalog may have changed while the worker loaded: bring the index in line with it.
      await this.catalogChanged();
      const s = await this.worker.request({ op: 'stats' });
      this.status = { loadedFromDisk: result.loadedFromDisk, reindexedOnStart: reindexed, startMs: performance.now() - started, sources: s.sources, documents: s.documents };
      if (!result.loadedFromDisk || reindexed > 0) this.markDirty();
    } finally {
      this.progressState.loaded = true;
      this.progressState.decoded = true;
      this.progressState.done = this.progressState.total;
      for (const listener of this.loadedListeners) listener();
      this.loadedListeners.clear();
    }
  }

  private changed(change: StoreChange): void {
    // Before start() the load reads everything anyway; after stop() nothing is indexed.
    if (!this.started || this.stopped) return;
    if (change.kind === 'source') {
      // A source already waiting to be indexed again is indexed once: the worker reads the file as it is then, with
      // every change written so far (a hundred highlights made at once are one re-index, not a hundred).
      if (this.waitingSources.has(change.id)) return;
      this.waitingSources.add(change.id);
    }
    void this.enqueue(async () => {
      if (change.kind === 'source') this.waitingSources.delete(change.id);
      if (change.kind === 'source') await this.sourceChanged(change.id);
      else if (change.kind === 'catalog') await this.catalogChanged();
      else await this.reloaded();
    });
  }

  private async sourceChanged(id: string): Promise<void> {
    const meta = this.store.catalog.sources.find((s) => s.id === id);
    // A source written before its catalog entry (an import): indexed when the catalog names it.
    if (!meta || !this.worker) return;
    // The worker reads the file as it is on disk (it was just written) and tokenises it there: a 50 MB text never
    // crosses this thread. A file it cannot use as it is (damaged, newer) is read by the store and sent.
    const read = await this.worker.request({ op: 'applyFile', meta: indexMeta(meta) });
    if (!read) {
      // The fingerprint first, then the content (see index-worker.ts).
      const key = await this.store.sourceFileKey(id);
      await this.sendSource(meta, await this.store.readSource(id), key);
    }
    this.sent.set(id, indexMeta(meta));
    this.markDirty();
  }

  /** A source's contents to the worker, its text encoded a slice at a time and transferred (text-transfer.ts). */
  private async sendSource(meta: IndexMeta, file: { text: string; highlights: SourceInput['highlights']; note: NoteDoc | null }, fileKey: string): Promise<void> {
    if (!this.worker) return;
    const text = await encodeInSlices(file.text);
    await this.worker.request({ op: 'apply', source: { meta: indexMeta(meta), text, highlights: file.highlights, note: file.note }, fileKey }, transferListOf(text));
  }

  /** Send the worker what changed in the catalog: titles, publishers, dates, sources added or removed, the project note. */
  private async catalogChanged(): Promise<void> {
    if (!this.worker) return;
    const catalog = this.store.catalog;
    const changed: IndexMeta[] = [];
    const wanted = new Set<string>();
    for (const meta of catalog.sources) {
      wanted.add(meta.id);
      const known = this.sent.get(meta.id);
      if (known && known.title === meta.title && known.publisher === meta.publisher && known.date === meta.date && known.reliability === meta.reliability) continue;
      changed.push(indexMeta(meta));
    }
    const removed = [...this.sent.keys()].filter((id) => !wanted.has(id));
    let any = changed.length > 0 || removed.length > 0;
    if (any) {
      const unknown = new Set(await this.worker.request({ op: 'metas', metas: changed, removed }));
      for (const id of removed) this.sent.delete(id);
      for (const m of changed) if (!unknown.has(m.id)) this.sent.set(m.id, m);
      for (const id of unknown) await this.sourceChanged(id).catch((err) => this.log(err));
    }
    if (catalog.projectNote !== this.projectNote) {
      this.projectNote = catalog.projectNote;
      await this.worker.request({ op: 'projectNote', note: catalog.projectNote });
      any = true;
    }
    if (any) this.markDirty();
  }

  /** After a restore from a backup: every source may have changed; those whose file did are read again. */
  private async reloaded(): Promise<void> {
    if (!this.worker) return;
    const catalog = this.store.catalog;
    const metas = catalog.sources.map(indexMeta);
    const result = await this.worker.request({ op: 'load', dataDir: this.store.dataDir, indexPath: '', metas, projectNote: catalog.projectNote });
    this.sent = new Map(metas.map((m) => [m.id, m]));
    this.projectNote = catalog.projectNote;
    for (const id of result.needs) {
      const meta = catalog.sources.find((s) => s.id === id);
      const file = meta ? await this.store.readSource(id).catch(() => null) : null;
      if (meta && file) await this.sendSource(meta, file, await this.store.sourceFileKey(id));
    }
    this.markDirty();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.stopped) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.enqueue(() => this.save());
    }, SAVE_DELAY_MS);
    this.saveTimer.unref?.();
  }

  /** Save what is pending and stop following the notebook (before the store closes and releases its lock). */
  async stop(): Promise<void> {
    if (this.started) await this.flush().catch((err) => this.log(err));
    this.stopped = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.worker?.stop();
  }

  private async save(): Promise<void> {
    // A read-only notebook (another writer holds it, or the disk refuses writes) gets no index file from us.
    if (!this.dirty || this.stopped || this.store.readOnly || !this.worker) return;
    this.dirty = false;
    try {
      await this.worker.request({ op: 'save', path: this.path });
    } catch (err) {
      this.dirty = true;
      throw err;
    }
  }
}

function indexMeta(meta: IndexMeta): IndexMeta {
  return { id: meta.id, title: meta.title, publisher: meta.publisher, date: meta.date, ...(meta.reliability ? { reliability: meta.reliability } : {}) };
}
