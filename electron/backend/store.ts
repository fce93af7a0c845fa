import type { CodingSetup } from '../../core/agreement/blind';
import type { Decision } from '../../core/agreement/api';
import { stampHighlights } from '../../core/agreement/authorship';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, DEFAULT_SETTINGS, EMPTY_DOC, countSource, type NoteDoc, type Settings, type SourceCounts, type SourceMeta, type Tag, type SourceCollection, type TagGroup, type ProjectIdentity, type SourceFile } from '../../core/model';
import type { NotebookChange } from '../../core/shell-contract';
import { isFileId } from '../../core/storage-schemas';
import { stableFileJson } from '../../core/stable-json';
import { Low } from 'lowdb';
import { NotebookFileAdapter } from './json-file-adapter';
import { Backups } from './backups';
import { NotebookError, UnopenableNotebookError } from './errors';
import { describeIoText } from './io-errors';
import { FileCell } from './storage/file-cell';
import { NotebookLock } from './storage/notebook-lock';
import { readRecovering, StoreFileError, type ReadResult } from './storage/read-file';
import { ViewStateFile } from './storage/view-state';
import type { ViewState } from '../../core/schemas';
import { SummaryLog } from './storage/summary-log';
import { fileKey } from './storage/file-key';
import { moveIntoPlace } from './atomic-write';
import { citedInSource } from '../../core/notes/cited-by';
import { recoverStaging, stageAndCommit } from './storage/staging';
import { asIs, englishText, sentence, type MessageText } from '../../core/i18n/message-text';

export { StoreFileError };

/** The catalog: small, rewritten on settings and list changes. */
export interface CatalogFile {
  schemaVersion: number;
  sources: SourceMeta[];
  tags: Tag[];
  settings: Settings;
  /** The project notebook: cross-source synthesis. */
  projectNote: NoteDoc;
  /** Per-source counts as of `summaryGeneration`; later changes are in the summary logs (store/summary-log.ts). */
  summaries?: Record<string, [number, number, number]>;
  summaryGeneration?: number;
  /** Named sets of sources (issue 16); absent in older catalogs. */
  collections?: SourceCollection[];
  /** Named groups of tags (ATLAS.ti code groups, REFI-QDA Sets of codes); absent in older catalogs. */
  tagGroups?: TagGroup[];
  /** The QDA project's identity (name, users, variables) kept from an imported REFI-QDA project. */
  project?: ProjectIdentity;
  /** Per source: the highlights its notes cite (only sources citing any); see `citationsUnknown`. */
  citations?: Record<string, string[]>;
  /** Counted sources whose citations are not known yet (never read since an older version wrote the catalog). */
  citationsUnknown?: string[];
  /** Blind double-coding: who codes which sources with which codes, and who has submitted (issue 19). */
  coding?: CodingSetup;
  /** Settled disagreements: the merged reading's decisions (issue 19). */
  adjudications?: Decision[];
}

export type { RejectedSuggestions, SourceFile } from '../../core/model';

/**
 * What the store tells its listeners after a write: which source file, the catalog, or everything (a reload from
 * disk). A subset of what the window is told (core/shell-contract.ts): only the service adds 'index'.
 */
export type StoreChange = Exclude<NotebookChange, { kind: 'index' }>;

export interface OpenOptions {
  /** Open without taking the notebook's lock (export, inspection): nothing is written. */
  readOnly?: boolean;
  /** Who holds the lock, in the words of the message a second writer gets. */
  app?: string;
}

/** A new source, or a change of one, that an import commits all at once. */
export interface ImportCommit {
  newSources: Array<{ meta: SourceMeta; file: SourceFile }>;
  /** Changes of sources the notebook has (merged highlights, appended notes): functions of the current file. */
  changes: Array<{ id: string; change: (file: SourceFile) => SourceFile }>;
  catalog: (catalog: CatalogFile) => CatalogFile;
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** Source files kept in memory at most (least recently used go first; never one with a pending write). */
const CACHE_ENTRIES = 48;
/** ...and at most this many characters of text among them. */
const CACHE_CHARS = 64 * 1024 * 1024;
/** A source file with a text this long or longer is written by a worker thread (writeLargeFilesWith). */
const LARGE_FILE_CHARS = 1_000_000;

/** A summary log this long is folded into the catalog. */
const COMPACT_AFTER_LINES = 20_000;

interface SourceEntry {
  loading: Promise<FileCell<SourceFile>>;
  cell: FileCell<SourceFile> | null;
}

/**
 * The notebook on disk (GUIDE §5): `catalog.json` plus `sources/<id>.json`, each written atomically with a schema
 * version, checked against its schema when read. One loader and one queue per file (FileCell): concurrent changes
 * of a file run one after another and are acknowledged only once on disk. One writer per folder (NotebookLock).
 * Restores and imports run with the whole notebook to themselves (`exclusive`).
 */
export class NotebookStore {
  private readonly catalogCell: FileCell<CatalogFile>;
  private readonly entries = new Map<string, SourceEntry>();
  private readonly counts = new Map<string, SourceCounts>();
  /** Per source: the highlights its notes cite (core/notes/cited-by.ts); absent = not known yet (an older notebook). */
  private readonly cites = new Map<string, readonly string[]>();
  /** The fingerprint of each source file as this store last wrote it (what the search index records). */
  private readonly writtenKeys = new Map<string, string>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /** Sources whose file is damaged or missing with no backup: they cannot be opened or changed. */
  private readonly unavailable = new Map<string, MessageText>();
  private gate: Promise<void> | null = null;
  /** Sources held by a change computed off the thread (changeSourceWith): their other changes wait. */
  private readonly holds = new Map<string, Promise<void>>();
  private closed = false;
  readonly backups: Backups;
  /** What the analyst must be told about opening this notebook: files restored from backups, read-only mode. */
  readonly notices: string[] = [];

  private constructor(
    readonly dataDir: string,
    catalog: CatalogFile,
    private readonly summaryLog: SummaryLog,
    private readonly lock: NotebookLock | null,
    /** Why nothing may be written, or null: a newer file, a read-only or full disk, a damaged catalog, --read-only. */
    private readOnlyReason: MessageText | null,
    /** Where the window was and the tags used last (`view.json`): changed without rewriting the catalog. */
    private readonly viewFile: ViewStateFile,
    /** The catalog on disk had no `tags` field (written before the codebook existed): it gets the default one. */
    readonly lacksCodebook = false,
  ) {
    this.catalogCell = new FileCell(catalog, (data) => this.persistCatalog(data));
    this.catalogCell.onRevert = () => this.emit({ kind: 'catalog' });
    this.backups = new Backups(dataDir);
  }

  /** Opens the folder; `isNew` tells whether the catalog did not exist yet (first launch). */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<{ store: NotebookStore; isNew: boolean }> {
    const notices: string[] = [];
    let readOnlyReason: MessageText | null = options.readOnly ? sentence('backend.readOnly.flag') : null;
    let lock: NotebookLock | null = null;
    const sourcesInfo = await stat(join(dataDir, 'sources')).catch(() => null);
    if (sourcesInfo && !sourcesInfo.isDirectory()) {
      // Damage that opening read-only cannot absorb either: every source's file is unreachable.
      throw new UnopenableNotebookError(
        sentence('backend.store.sourcesIsFile', { path: join(dataDir, 'sources') }),
      );
    }
    if (!readOnlyReason) {
      try {
        await mkdir(join(dataDir, 'sources'), { recursive: true });
        lock = await NotebookLock.acquire(dataDir, options.app ?? 'Research Notebook');
      } catch (err) {
        // A read-only or full disk opens the notebook read-only; a folder that is not there (or not a folder) fails.
        const reason = READ_ONLY_CODES.has((err as NodeJS.ErrnoException).code ?? '') ? describeIoText(err, sentence('backend.action.openForWriting')) : null;
        if (!reason) throw err;
        readOnlyReason = sentence('backend.readOnly.disk', { reason });
      }
    }
    try {
      if (lock) {
        const recovered = await recoverStaging(dataDir);
        if (recovered.rolledForward) notices.push(`An import interrupted by a crash was completed (${recovered.rolledForward} file${recovered.rolledForward === 1 ? '' : 's'}).`);
        await removeStaleTempFiles(dataDir);
      }
      let read: ReadResult<CatalogFile> | null = null;
      try {
        read = await readRecovering<CatalogFile>(dataDir, 'catalog.json', 'catalog', notices, { mustExist: false });
      } catch (err) {
        if (!(err instanceof StoreFileError)) throw err;
        // No good backup: open read-only and say why; the damaged file is never rewritten.
        readOnlyReason = sentence('backend.readOnly.damagedCatalog', { reason: asIs(err.message) });
      }
      if (read?.newerVersion != null) readOnlyReason = readOnlyNotice(read.newerVersion);
      const existing = read?.data ?? null;
      const catalog = existing ? normaliseCatalog(existing) : emptyCatalog();
      const lacksCodebook = existing !== null && !Array.isArray((existing as Partial<CatalogFile>).tags);
      const generation = catalog.summaryGeneration ?? 0;
      const replay = await SummaryLog.replay(dataDir, generation);
      const log = new SummaryLog(dataDir, Math.max(generation, replay.generation));
      log.size = replay.lines;
      const view = await ViewStateFile.open(dataDir, catalog.settings);
      const store = new NotebookStore(dataDir, catalog, log, lock, readOnlyReason, view, lacksCodebook);
      store.notices.push(...notices);
      if (readOnlyReason && !options.readOnly) store.notices.push(englishText(readOnlyReason));
      store.loadSummaries(catalog, replay);
      return { store, isNew: existing === null && readOnlyReason === null };
    } catch (err) {
      await lock?.release();
      throw err;
    }
  }

  /** True when nothing may be written (see `readOnlyReason`). */
  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Why nothing may be written, as a message (it goes inside the refusals that name it). */
  get whyReadOnly(): MessageText | null {
    return this.readOnlyReason;
  }

  get catalog(): CatalogFile {
    return this.catalogCell.data;
  }

  /** Change the catalog: `change` edits a copy (arrays and settings copied; replace items, never edit them in place). */
  /**
   * `viewOnly`: the change touches only where the window was (the open source, reading positions, the window's
   * size, reader preferences): nobody else follows those, so no change is announced (the search index and the
   * window's panels are not told to look again on every scroll or source switch).
   */
  async updateCatalog(change: (catalog: CatalogFile) => void, options: { viewOnly?: boolean } = {}): Promise<void> {
    await this.pass();
    this.assertWritable();
    await this.catalogCell.change((current) => {
      const draft = draftCatalog(current);
      change(draft);
      return { next: draft, result: undefined };
    });
    if (!options.viewOnly) this.emit({ kind: 'catalog' });
  }

  /** The catalog's settings, with where the window was and the tags used last from `view.json`. */
  get settings(): Settings {
    const view = this.viewFile.data;
    // A source deleted, or restored away, since it was last open: nothing to reopen.
    const lastSourceId = view.lastSourceId && this.catalog.sources.some((s) => s.id === view.lastSourceId) ? view.lastSourceId : null;
    return { ...this.catalog.settings, ...view, lastSourceId };
  }

  /** Where the window was (the open source, its bounds, reading positions) and the tags used last. */
  get view(): ViewState {
    return this.viewFile.data;
  }

  /**
   * Change the view state (`view.json`, a few kilobytes): a source switch or a scroll never rewrites the catalog,
   * and nobody is told (nothing the notebook holds changed). Resolves once it is on disk.
   */
  async updateView(change: (view: ViewState) => ViewState): Promise<void> {
    await this.pass();
    this.assertWritable();
    await this.viewFile.change(change);
  }

  /** Be told after every completed write, whoever made it: the search index follows the notebook this way. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** A catalogued source's record; a clear error for an id the notebook does not have. */
  sourceMeta(id: string): SourceMeta {
    const meta = this.catalog.sources.find((s) => s.id === id);
    if (!meta) throw new NotebookError(sentence('backend.source.notFound', { id: id.slice(0, 120) }), 'not-found');
    return meta;
  }

  /** The counts of a source (highlights, orphans, length), exact without reading its file when known. */
  async countsOf(id: string): Promise<SourceCounts> {
    const known = this.counts.get(id);
    if (known) return known;
    const file = await this.readSource(id).catch(() => null);
    return file ? this.tally(id, file) : { highlightCount: 0, orphanCount: 0, charCount: 0 };
  }

  /**
   * The sources whose notes cite `highlightId`. Reads only the files of sources not read since this notebook began
   * keeping citations (an older notebook, once); every other answer comes from the catalog.
   */
  async sourcesCiting(highlightId: string): Promise<string[]> {
    const out: string[] = [];
    for (const meta of this.catalog.sources) {
      let ids = this.cites.get(meta.id);
      if (!ids && !this.unavailable.has(meta.id)) {
        const file = await this.readSource(meta.id).catch(() => null);
        if (file) this.tally(meta.id, file);
        ids = this.cites.get(meta.id);
      }
      if (ids?.includes(highlightId)) out.push(meta.id);
    }
    return out;
  }

  /** Record what the file holds (counts and cited highlights) without writing anything. */
  private tally(id: string, file: SourceFile): SourceCounts {
    const counts = countSource(file);
    this.counts.set(id, counts);
    this.cites.set(id, citedInSource(file));
    return counts;
  }

  /** The catalog's summaries and citations, then the summary logs written after it. */
  private loadSummaries(catalog: CatalogFile, replay: Awaited<ReturnType<typeof SummaryLog.replay>>): void {
    for (const [id, c] of Object.entries(catalog.summaries ?? {})) this.counts.set(id, { highlightCount: c[0], orphanCount: c[1], charCount: c[2] });
    if (catalog.citations) {
      // Written by a version that keeps citations: a counted source absent from both lists cites nothing.
      const unknown = new Set(catalog.citationsUnknown ?? []);
      for (const id of Object.keys(catalog.summaries ?? {})) if (!unknown.has(id)) this.cites.set(id, catalog.citations[id] ?? []);
    }
    for (const [id, c] of replay.counts) this.counts.set(id, c);
    for (const [id, k] of replay.cites) this.cites.set(id, k);
  }

  /** Counts of every catalogued source; sources never counted (an older notebook) are read once. */
  async allCounts(): Promise<Map<string, SourceCounts>> {
    const missing = this.catalog.sources.filter((s) => !this.counts.has(s.id) && !this.unavailable.has(s.id));
    for (const meta of missing) await this.countsOf(meta.id);
    if (missing.length > 0 && !this.readOnly) await this.catalogCell.change((c) => ({ next: { ...c }, result: undefined })).catch(() => {});
    return this.counts;
  }

  /** The source's current data. */
  async readSource(id: string): Promise<SourceFile> {
    return (await this.cell(id)).data;
  }

  /** Every source of the notebook with its current data, in catalog order, read one at a time. */
  async *sourceFiles(): AsyncGenerator<{ meta: SourceMeta; file: SourceFile }> {
    for (const meta of [...this.catalog.sources]) yield { meta, file: await this.readSource(meta.id) };
  }

  /**
   * Change one source: `change` gets the current file and returns the next one (a new object; never edit the one
   * given) with a result; resolves once the file and its counts are on disk. A throw in `change` changes nothing.
   */
  async changeSource<R>(id: string, change: (file: SourceFile) => { next: SourceFile; result: R }, holder?: Promise<void>): Promise<R> {
    await this.pass();
    // A change computed off the thread (changeSourceWith) has this source to itself until it lands.
    for (let hold = this.holds.get(id); hold && hold !== holder; hold = this.holds.get(id)) await hold;
    this.assertWritable();
    const cell = await this.cell(id);
    // A restore or an import began meanwhile, or replaced this file's cell: apply the change to what it left.
    if (this.gate || this.entries.get(id)?.cell !== cell) return this.changeSource(id, change, holder);
    const before = cell.data;
    // Who did what (issue 19): the highlights the change made or altered carry the analyst's name. Not for a change
    // computed off the thread (re-anchoring after a text replacement): its bytes are already on disk as computed.
    const who = holder === undefined ? this.catalog.settings.analystName : undefined;
    const result = await cell.change(
      who
        ? (file: SourceFile) => {
            const out = change(file);
            stampHighlights(file.highlights, out.next.highlights, who);
            return out;
          }
        : change,
    );
    const after = cell.data;
    if (after !== before) await this.recordCounts(id, after);
    this.emit({ kind: 'source', id });
    return result;
  }

  /** Run a read-modify-write that awaits in between (re-anchoring in a worker) with the source to itself. */
  async exclusiveSource<R>(id: string, task: () => Promise<R>): Promise<R> {
    const cell = await this.cell(id);
    return cell.exclusive(task);
  }

  /**
   * Change one source with work that is awaited between reading and writing (re-anchoring in a worker thread):
   * `compute` gets the file as it is, and the other changes of this source wait until its result is on disk (or it
   * failed, and nothing changed). Other sources and every other channel go on meanwhile. A restore or an import
   * that replaced the file in between makes the result stale: it is refused, and nothing is changed.
   */
  async changeSourceWith<R>(id: string, compute: (file: SourceFile) => Promise<{ next: SourceFile; result: R }>): Promise<R> {
    await this.pass();
    for (let hold = this.holds.get(id); hold; hold = this.holds.get(id)) await hold;
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(id, hold);
    try {
      this.assertWritable();
      const file = await this.readSource(id);
      const computed = await compute(file);
      return await this.changeSource(
        id,
        (current) => {
          if (current !== file) throw new NotebookError(sentence('backend.store.changedMeanwhile'));
          return computed;
        },
        hold,
      );
    } finally {
      this.holds.delete(id);
      release();
    }
  }

  /** Write a whole source file (seeding, fixtures); its catalog entry is added separately. */
  async writeSource(file: SourceFile): Promise<void> {
    this.checkId(file.id);
    await this.pass();
    this.assertWritable();
    const entry = this.entries.get(file.id);
    if (entry) {
      await this.changeSource(file.id, () => ({ next: file, result: undefined }));
      return;
    }
    await this.persistSource(file.id, file);
    this.unavailable.delete(file.id);
    const cell = this.newCell(file.id, file);
    this.entries.set(file.id, { loading: Promise.resolve(cell), cell });
    await this.recordCounts(file.id, file);
    this.evict();
    this.emit({ kind: 'source', id: file.id });
  }

  /**
   * Commit an import all at once (GUIDE §5): new and changed source files are staged, one atomic commit record is
   * written, then the files move into place and the catalog is written. A crash before the commit record leaves the
   * notebook untouched; after it, opening completes the import.
   */
  async commitImport(commit: ImportCommit): Promise<void> {
    await this.exclusive(async () => {
      this.assertWritable();
      for (const { meta } of commit.newSources) this.checkId(meta.id);
      const changed = new Map<string, SourceFile>();
      for (const { id, change } of commit.changes) changed.set(id, change(changed.get(id) ?? (await this.readSource(id))));
      const files = [...commit.newSources.map((s) => s.file), ...changed.values()];
      const nextCatalog = commit.catalog(draftCatalog(this.catalog));
      for (const f of files) this.tally(f.id, f);
      const generation = ++this.summaryLog.generation;
      const catalogText = this.catalogText(nextCatalog, generation);
      try {
        await stageAndCommit(
          this.dataDir,
          files.map((f) => ({ id: f.id, text: stableFileJson(f as unknown as Record<string, unknown>) })),
          catalogText,
        );
      } catch (err) {
        for (const f of files) {
          this.counts.delete(f.id);
          this.cites.delete(f.id);
        }
        for (const f of changed.values()) this.tally(f.id, this.entries.get(f.id)?.cell?.data ?? f);
        throw err;
      }
      this.catalogCell.reset(nextCatalog);
      for (const f of files) {
        this.unavailable.delete(f.id);
        this.writtenKeys.delete(f.id);
        const entry = this.entries.get(f.id);
        if (entry?.cell) entry.cell.reset(f);
        else {
          const cell = this.newCell(f.id, f);
          this.entries.set(f.id, { loading: Promise.resolve(cell), cell });
        }
      }
      await this.summaryLog.dropBefore(generation);
      this.summaryLog.size = 0;
      this.evict();
    });
    this.emit({ kind: 'catalog' });
    for (const s of commit.newSources) this.emit({ kind: 'source', id: s.meta.id });
    for (const c of commit.changes) this.emit({ kind: 'source', id: c.id });
  }

  /**
   * Run `task` with the notebook to itself: changes that arrive meanwhile wait, and every change made before it is on
   * disk when it starts. Restores and imports run this way.
   */
  async exclusive<R>(task: () => Promise<R>): Promise<R> {
    while (this.gate) await this.gate;
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    try {
      await this.flushAll();
      return await task();
    } finally {
      this.gate = null;
      open();
    }
  }

  /**
   * Forget what is cached and read the catalog again (after a restore from a backup). Call inside `exclusive`.
   * `changed` names the sources whose files the restore replaced (or brought back): only those are read and counted
   * again; every other source kept its file, so it keeps its counts. Without it, every source is counted again.
   */
  async reload(changed?: ReadonlySet<string>): Promise<void> {
    const notices: string[] = [];
    const read = await readRecovering<CatalogFile>(this.dataDir, 'catalog.json', 'catalog', notices, { mustExist: false });
    const catalog = read ? normaliseCatalog(read.data) : emptyCatalog();
    this.notices.push(...notices);
    this.catalogCell.reset(catalog);
    this.entries.clear();
    this.unavailable.clear();
    this.writtenKeys.clear();
    const before = new Map(this.counts);
    this.counts.clear();
    const citedBefore = new Map(this.cites);
    this.cites.clear();
    // The summary logs on disk are those of the notebook before the restore: they are not replayed, and the catalog
    // written below (a new generation) drops them.
    this.summaryLog.generation = Math.max(this.summaryLog.generation, catalog.summaryGeneration ?? 0) + 1;
    for (const meta of catalog.sources) {
      const known = before.get(meta.id);
      const cited = citedBefore.get(meta.id);
      if (known && cited && changed && !changed.has(meta.id)) {
        this.counts.set(meta.id, known);
        this.cites.set(meta.id, cited);
        continue;
      }
      const file = await this.readSource(meta.id).catch(() => null);
      if (file) this.tally(meta.id, file);
    }
    await this.catalogCell.change((c) => ({ next: { ...c }, result: undefined }));
    this.summaryLog.size = 0;
    this.emit({ kind: 'reload' });
  }

  /** Wait until every write queued so far is on disk. */
  async flush(): Promise<void> {
    await this.flushAll();
  }

  /** Flush, fold the summary log into the catalog, and release the lock. The store is unusable after. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushAll();
    if (!this.readOnly && this.summaryLog.size > 0) await this.catalogCell.change((c) => ({ next: { ...c }, result: undefined })).catch(() => {});
    await this.flushAll();
    this.closed = true;
    await this.lock?.release();
  }

  /**
   * After a crash, a source file can be newer than the counts recorded for it (the crash fell between the file's
   * write and its count's). Count again the sources whose file changed after the newest count was recorded.
   */
  async reconcileCounts(): Promise<number> {
    const marks = [join(this.dataDir, 'catalog.json'), ...(await SummaryLog.generations(this.dataDir)).map((g) => join(this.dataDir, SummaryLog.fileName(g)))];
    let newest = 0;
    for (const m of marks) newest = Math.max(newest, (await stat(m).catch(() => null))?.mtimeMs ?? 0);
    let fixed = 0;
    for (const meta of this.catalog.sources) {
      const s = await stat(this.sourcePath(meta.id)).catch(() => null);
      if (!s || s.mtimeMs < newest - 2000) continue;
      const file = await this.readSource(meta.id).catch(() => null);
      if (!file) continue;
      if (await this.recordCounts(meta.id, file)) fixed++;
    }
    if (fixed) this.emit({ kind: 'catalog' });
    return fixed;
  }

  /**
   * The fingerprint (storage/file-key.ts) of the source file as this store last wrote it, else as it is on disk. Taken
   * right after the write: a file changed behind the app later does not pass for the one the index was given.
   */
  async sourceFileKey(id: string): Promise<string> {
    return this.writtenKeys.get(id) ?? fileKey(this.sourcePath(id));
  }

  /** How many source files are in memory (for tests of the bound). */
  get cachedSources(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.cell) n++;
    return n;
  }

  // ----- internals

  private async pass(): Promise<void> {
    if (this.closed) throw new NotebookError(sentence('backend.store.closed'));
    while (this.gate) await this.gate;
  }

  private assertWritable(): void {
    if (this.readOnlyReason) throw new NotebookError(this.readOnlyReason, 'read-only');
  }

  private checkId(id: string): void {
    if (!isFileId(id)) throw new NotebookError(sentence('backend.source.badId', { id: String(id).slice(0, 80) }));
  }

  private sourcePath(id: string): string {
    this.checkId(id);
    return join(this.dataDir, 'sources', `${id}.json`);
  }

  private cell(id: string): Promise<FileCell<SourceFile>> {
    this.checkId(id);
    const why = this.unavailable.get(id);
    if (why) return Promise.reject(new NotebookError(why));
    let entry = this.entries.get(id);
    if (entry) {
      // Most recently used last.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.loading;
    }
    const loading = this.load(id);
    entry = { loading, cell: null };
    this.entries.set(id, entry);
    const current = entry;
    loading.then(
      (cell) => {
        current.cell = cell;
        this.evict();
      },
      () => {
        if (this.entries.get(id) === current) this.entries.delete(id);
      },
    );
    return loading;
  }

  private async load(id: string): Promise<FileCell<SourceFile>> {
    // No wait for an exclusive section here: restores and imports read sources themselves; a load that races a
    // restore is dropped by reload() and never written through (changeSource checks the cell is current).
    const rel = join('sources', `${id}.json`);
    const catalogued = this.catalog.sources.some((s) => s.id === id);
    let read: ReadResult<SourceFile> | null;
    try {
      read = await readRecovering<SourceFile>(this.dataDir, rel, 'source', this.notices, { mustExist: catalogued });
    } catch (err) {
      if (!(err instanceof StoreFileError)) throw err;
      const title = this.catalog.sources.find((s) => s.id === id)?.title ?? id;
      const why = sentence(err.problem === 'missing' ? 'backend.store.sourceMissing' : 'backend.store.sourceDamaged', { title, path: rel });
      this.unavailable.set(id, why);
      if (!this.notices.includes(englishText(why))) this.notices.push(englishText(why));
      throw new NotebookError(why);
    }
    if (read?.newerVersion != null && !this.readOnly) this.notices.push(englishText(readOnlyNotice(read.newerVersion, id)));
    const data = read?.data ?? { schemaVersion: SCHEMA_VERSION, id, text: '', highlights: [], note: EMPTY_DOC };
    return this.newCell(id, data, read?.newerVersion ?? null);
  }

  private newCell(id: string, data: SourceFile, newerVersion: number | null = null): FileCell<SourceFile> {
    const cell = new FileCell<SourceFile>(data, async (next) => {
      if (newerVersion !== null) throw new NotebookError(readOnlyNotice(newerVersion, id), 'read-only');
      await this.persistSource(id, next);
    });
    cell.onRevert = () => {
      this.tally(id, cell.data);
      this.emit({ kind: 'source', id });
    };
    return cell;
  }

  private async persistSource(id: string, file: SourceFile): Promise<void> {
    let prepared = this.prepared.get(file) ?? null;
    this.prepared.delete(file);
    // A large text is turned into JSON and written off this thread; a writer that fails leaves it to the write here
    // (which meets a full or read-only disk the way every write does).
    if (prepared === null && this.largeWriter && file.text.length >= LARGE_FILE_CHARS) prepared = await this.largeWriter(this.sourcePath(id), file).catch(() => null);
    if (prepared !== null) {
      // Written and synced by a worker thread: only the rename is left, in this file's turn.
      await moveIntoPlace(prepared, this.sourcePath(id));
    } else {
      await writeThroughLowdb(new NotebookFileAdapter<SourceFile>(this.sourcePath(id), 'source'), file);
    }
    this.writtenKeys.set(id, await fileKey(this.sourcePath(id)));
  }

  /** Files whose JSON a worker wrote to a synced temp file (exactly stableFileJson(file)): renamed into place. */
  private readonly prepared = new WeakMap<SourceFile, string>();

  /** Tell the store that `file` is on disk in `tempFile` (stableFileJson(file), synced), made elsewhere. */
  preparedOnDisk(file: SourceFile, tempFile: string): void {
    this.prepared.set(file, tempFile);
  }

  /** Writes a large source file's JSON to a synced temp file beside `path` off this thread (the service's worker pool). */
  private largeWriter: ((path: string, file: SourceFile) => Promise<string>) | null = null;

  /** Source files of LARGE_FILE_CHARS or more are written through `writer` (issue 11: no 50 MB JSON on this thread). */
  writeLargeFilesWith(writer: (path: string, file: SourceFile) => Promise<string>): void {
    this.largeWriter = writer;
  }

  /** Where a source's file is (a worker writes its next version beside it). */
  sourceFilePath(id: string): string {
    return this.sourcePath(id);
  }

  /** Log the file's counts and citations when they changed; true when they had. */
  private async recordCounts(id: string, file: SourceFile): Promise<boolean> {
    const known = this.counts.get(id);
    const knownCites = this.cites.get(id);
    const next = this.tally(id, file);
    const cites = this.cites.get(id) ?? [];
    const sameCites = knownCites !== undefined && knownCites.length === cites.length && knownCites.every((c, i) => c === cites[i]);
    if (known && sameCites && known.highlightCount === next.highlightCount && known.orphanCount === next.orphanCount && known.charCount === next.charCount) return false;
    await this.summaryLog.append(id, next, cites);
    if (this.summaryLog.size > COMPACT_AFTER_LINES) void this.catalogCell.change((c) => ({ next: { ...c }, result: undefined })).catch(() => {});
    return true;
  }

  private catalogText(catalog: CatalogFile, generation: number): string {
    const summaries: Record<string, [number, number, number]> = {};
    const citations: Record<string, string[]> = {};
    const citationsUnknown: string[] = [];
    for (const meta of catalog.sources) {
      const c = this.counts.get(meta.id);
      if (!c) continue;
      summaries[meta.id] = [c.highlightCount, c.orphanCount, c.charCount];
      const k = this.cites.get(meta.id);
      if (!k) citationsUnknown.push(meta.id);
      else if (k.length > 0) citations[meta.id] = [...k];
    }
    const { citationsUnknown: _stale, ...rest } = catalog;
    const extra = citationsUnknown.length > 0 ? { citationsUnknown } : {};
    return stableFileJson({ ...rest, summaries, summaryGeneration: generation, citations, ...extra } as unknown as Record<string, unknown>);
  }

  private async persistCatalog(catalog: CatalogFile): Promise<void> {
    if (this.readOnlyReason) throw new NotebookError(this.readOnlyReason, 'read-only');
    // Counts recorded from here on go to the next generation's log; this write carries all before it.
    const generation = ++this.summaryLog.generation;
    const lines = this.summaryLog.size;
    await writeThroughLowdb(new NotebookFileAdapter<CatalogFile>(join(this.dataDir, 'catalog.json'), 'catalog', (c) => this.catalogText(c, generation)), catalog);
    this.summaryLog.size = Math.max(0, this.summaryLog.size - lines);
    await this.summaryLog.dropBefore(generation).catch(() => {});
  }

  private async flushAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map(async (e) => (await e.loading.catch(() => null))?.flush()));
    await this.catalogCell.flush();
    await this.summaryLog.flush();
    await this.viewFile.flush();
  }

  /** Drop the least recently used idle source files beyond the bound. */
  private evict(): void {
    let entries = 0;
    let chars = 0;
    for (const e of this.entries.values()) {
      if (!e.cell) continue;
      entries++;
      chars += e.cell.data.text.length;
    }
    for (const [id, e] of this.entries) {
      if (entries <= CACHE_ENTRIES && chars <= CACHE_CHARS) break;
      if (!e.cell || e.cell.busy) continue;
      this.entries.delete(id);
      entries--;
      chars -= e.cell.data.text.length;
    }
  }
}

/** One write of one file through lowdb (the FileCell has already ordered and grouped the writes). */
async function writeThroughLowdb<T extends object>(adapter: NotebookFileAdapter<T>, data: T): Promise<void> {
  await new Low<T>(adapter, data).write();
}

function emptyCatalog(): CatalogFile {
  return { schemaVersion: SCHEMA_VERSION, sources: [], tags: [], settings: structuredClone(DEFAULT_SETTINGS), projectNote: EMPTY_DOC };
}

function normaliseCatalog(data: CatalogFile): CatalogFile {
  return { ...emptyCatalog(), ...data, settings: { ...DEFAULT_SETTINGS, ...data.settings } };
}

/** A copy of the catalog that a change may edit: its arrays and settings are new, their items shared. */
function draftCatalog(c: CatalogFile): CatalogFile {
  return {
    ...c,
    sources: [...c.sources],
    tags: [...c.tags],
    settings: { ...c.settings, reader: { ...c.settings.reader }, readingPositions: { ...c.settings.readingPositions }, pinnedTagIds: [...c.settings.pinnedTagIds], recentTagIds: [...c.settings.recentTagIds] },
  };
}

function readOnlyNotice(version: number, sourceId?: string): MessageText {
  const values = { version: String(version), known: String(SCHEMA_VERSION) };
  return sourceId ? sentence('backend.readOnly.newerSource', { ...values, id: sourceId }) : sentence('backend.readOnly.newerNotebook', values);
}

/** Temp files of writes a crash interrupted: those of a process that is no longer running (the pid is in the name). */
async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const folder of [dataDir, join(dataDir, 'sources')]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const pid = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1];
      if (pid && !isRunning(Number(pid))) await rm(join(folder, name), { force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
