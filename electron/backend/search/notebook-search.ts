/**
 * Keeps the search index in step with the notebook: loads the persisted index on start and re-indexes only the
 * sources whose files changed since; then follows every write of the store (highlights, notes, tags, imports, text
 * edits, whichever helper made them), and saves the index a moment after the last change.
 */
import { join } from 'node:path';
import type { NoteDoc } from '../../../core/model';
import { analyze, cooccurrencePassages } from '../../../core/analysis/compute';
import type { AnalysisOptions, AnalysisResult, CooccurrencePassage } from '../../../core/analysis/types';
import type { IndexProgress, SearchResponse } from '../../../core/search/types';
import type { NotebookStore, StoreChange } from '../store';
import { SearchEngine, type SearchRequest } from './engine';
import { fileKey, indexFile, loadIndex, saveIndex } from './persist';

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
/** A passage shown under a co-occurrence cell is cut to this many characters. */
const PASSAGE_MAX = 1500;

export class NotebookSearch {
  private engine = new SearchEngine();
  private started: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private stopped = false;
  private projectNote: NoteDoc | null = null;
  private status: IndexStatus = { loadedFromDisk: false, reindexedOnStart: 0, startMs: 0, sources: 0, documents: 0 };
  /** Sources checked so far by the start-up load, of how many; `loaded` once it finished. */
  private progressState = { done: 0, total: 0, loaded: false };
  private readonly path: string;

  constructor(
    private readonly store: NotebookStore,
    private readonly log: (err: unknown) => void = console.error,
  ) {
    this.path = indexFile(store.dataDir);
    store.onChange((change) => this.changed(change));
  }

  /** Load or build the index (once); later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.enqueue(() => this.load());
    return this.started;
  }

  async search(request: SearchRequest & { partial?: boolean }): Promise<SearchResponse> {
    const { partial, ...query } = request;
    if (partial && !this.progressState.loaded) return this.searchWhileLoading(query);
    await this.ready();
    const result = await this.engine.search(query, this.store.catalog.tags, async (id) => (await this.store.readSource(id)).text);
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
    try {
      const result = await this.engine.search(request, this.store.catalog.tags, async (id) => (await this.store.readSource(id)).text);
      return { ...result, ready: false, progress };
    } catch {
      // The index changed under the query (a source re-indexed meanwhile): nothing yet, ask again shortly.
      const empty = await new SearchEngine().search(request, this.store.catalog.tags, async () => '');
      return { ...empty, ready: false, progress };
    }
  }

  async analysis(options: AnalysisOptions): Promise<AnalysisResult> {
    await this.ready();
    return analyze(this.engine.analysisSources(), this.store.catalog.tags, options);
  }

  async cooccurrencePassages(tagA: string, tagB: string, options: AnalysisOptions): Promise<{ passages: CooccurrencePassage[]; total: number }> {
    await this.ready();
    const result = cooccurrencePassages(this.engine.analysisSources(), this.store.catalog.tags, tagA, tagB, options);
    for (const p of result.passages) {
      const text = (await this.store.readSource(p.sourceId)).text;
      p.text = text.slice(p.start, Math.min(p.end, p.start + PASSAGE_MAX));
      for (const h of p.highlights) h.quote = this.engine.highlightQuote(p.sourceId, h.id) ?? '';
    }
    return result;
  }

  /** How the index came to be, and its size (for tests and the benchmark). */
  async info(): Promise<IndexStatus> {
    await this.ready();
    const s = this.engine.stats();
    return { ...this.status, sources: s.sources, documents: s.documents };
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

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(task).catch((err) => {
      if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') this.log(err);
    });
    this.queue = run;
    return run;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    this.progressState = { done: 0, total: this.store.catalog.sources.length, loaded: false };
    const loaded = await loadIndex(this.path).catch((err) => {
      this.progressState.loaded = true;
      throw err;
    });
    if (loaded) this.engine = loaded;
    const reindexed = await this.sync().finally(() => {
      this.progressState.loaded = true;
    });
    const s = this.engine.stats();
    this.status = { loadedFromDisk: Boolean(loaded), reindexedOnStart: reindexed, startMs: performance.now() - started, sources: s.sources, documents: s.documents };
    if (!loaded) this.markDirty();
  }

  /** Bring the index in line with the files: re-index sources whose file changed; returns how many. */
  private async sync(): Promise<number> {
    const catalog = this.store.catalog;
    let reindexed = 0;
    const wanted = new Set(catalog.sources.map((s) => s.id));
    for (const id of this.engine.sourceIds()) {
      if (wanted.has(id)) continue;
      this.engine.removeSource(id);
      reindexed++;
    }
    this.progressState.total = catalog.sources.length;
    this.progressState.done = 0;
    for (const meta of catalog.sources) {
      this.progressState.done++;
      const key = await fileKey(this.sourcePath(meta.id));
      if (key && this.engine.fileKeyOf(meta.id) === key) {
        this.engine.applyMeta(meta);
        continue;
      }
      // A damaged file is restored from a backup by the read (or reported, when there is none): the others go on.
      const file = await this.store.readSource(meta.id).catch(() => null);
      if (!file) continue;
      this.engine.applySource({ meta, text: file.text, highlights: file.highlights, note: file.note }, key);
      reindexed++;
    }
    this.projectNote = catalog.projectNote;
    this.engine.applyProjectNote(catalog.projectNote);
    if (reindexed > 0) this.markDirty();
    return reindexed;
  }

  private changed(change: StoreChange): void {
    // Before start() the load reads everything anyway; after stop() nothing is indexed.
    if (!this.started || this.stopped) return;
    void this.enqueue(async () => {
      if (change.kind === 'source') await this.sourceChanged(change.id);
      else if (change.kind === 'catalog') await this.catalogChanged();
      else await this.sync();
    });
  }

  private async sourceChanged(id: string): Promise<void> {
    const meta = this.store.catalog.sources.find((s) => s.id === id);
    // A source written before its catalog entry (an import): indexed when the catalog names it.
    if (!meta) return;
    const file = (await this.store.readSource(id));
    this.engine.applySource({ meta, text: file.text, highlights: file.highlights, note: file.note }, await fileKey(this.sourcePath(id)));
    this.markDirty();
  }

  private async catalogChanged(): Promise<void> {
    const catalog = this.store.catalog;
    let changed = false;
    const wanted = new Set<string>();
    for (const meta of catalog.sources) {
      wanted.add(meta.id);
      if (this.engine.applyMeta(meta)) continue;
      await this.sourceChanged(meta.id);
      changed = true;
    }
    for (const id of this.engine.sourceIds()) {
      if (wanted.has(id)) continue;
      this.engine.removeSource(id);
      changed = true;
    }
    if (catalog.projectNote !== this.projectNote) {
      this.projectNote = catalog.projectNote;
      this.engine.applyProjectNote(catalog.projectNote);
      changed = true;
    }
    // Titles, publishers and dates may have changed too; they are cheap to save with the next change.
    if (changed) this.markDirty();
  }

  private sourcePath(id: string): string {
    return join(this.store.dataDir, 'sources', `${id}.json`);
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
  }

  private async save(): Promise<void> {
    // A read-only notebook (another writer holds it, or the disk refuses writes) gets no index file from us.
    if (!this.dirty || this.stopped || this.store.readOnly) return;
    this.dirty = false;
    try {
      await saveIndex(this.path, this.engine);
    } catch (err) {
      this.dirty = true;
      throw err;
    }
  }
}
