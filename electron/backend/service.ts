import { sha256 } from './hash';
import type { BackupSummary, ChannelInput, ChannelOutput, Channel } from '../../core/contract';
import { detectFurniture } from '../../core/furniture';
import { pageLabel } from '../../core/documents/pdf-text';
import { EMPTY_DOC, SCHEMA_VERSION, summaryOf, type Highlight, type NoteDoc, type Settings, type SourceMeta, type SourceSummary } from '../../core/model';
import { loadSeeds } from './seeds';
import { originalBase64, textFromOriginal } from './documents/whole-page';
import { NotebookStore, type SourceFile } from './store';
import type { NotebookChange } from '../../core/shell-contract';
import { describeIoError } from './io-errors';
import { NotebookError } from './errors';
import { HighlightOps } from './highlights';
import { AgreementOps } from './agreement';
import { visibleHighlights } from '../../core/agreement/blind';
import { TagOps } from './tags';
import { BilingualOps } from './bilingual';
import { StatementOps } from './statements';
import { SourceOps } from './sources';
import { CollectionOps, TagGroupOps } from './collections';
import { narrowSources } from '../../core/collections/api';
import { Exchange } from './exchange';
import { NotebookSearch } from './search/notebook-search';
import { defaultCodebook } from '../../core/tags/default-codebook';
import { sharedPool, type HeavyWork } from './workers/pool';
import { encodeInSlices, transferListOf } from './workers/text-transfer';
import { citedHighlightIds } from '../../core/notes/cited-by';
import { paragraphAt, splitParagraphs } from '../../core/text';
import { NotebookSync } from './sync/notebook-sync';
import { pickGit } from './sync/pick-git';
import type { GitDriver } from './sync/git';
import type { SecretBox } from './sync/sync-config';
import { sentence } from '../../core/i18n/message-text';

export interface ServiceOptions {
  dataDir: string;
  seedsDir: string;
  version: string;
  /** Open without the notebook's lock; nothing is written (export, inspection). */
  readOnly?: boolean;
  /** The program that holds the lock, as a second writer is told ("Research Notebook", "the notebook CLI"). */
  app?: string;
  /** Where heavy work runs (archives, imports, re-anchoring): the shared worker pool unless given (tests, benchmark). */
  heavyWork?: HeavyWork;
  /** Keeps a sharing token safe on disk (Electron's safeStorage in the app); none: tokens are refused. */
  secrets?: SecretBox | null;
  /** The git to share with: the system git, else the built-in one (sync/pick-git.ts), unless given (tests). */
  git?: GitDriver;
  /** Tests only: the search worker's start-up load waits until slot 0 of this buffer is set (Atomics). */
  searchLoadGate?: SharedArrayBuffer;
}

export { NotebookError };

/** How long after opening the backups due at start are taken (unless a backup call asks first). */
const STARTUP_BACKUP_DELAY_MS = 30_000;
/**
 * The search index (a worker thread decoding a file of tens of megabytes) is not on the path to the source list: it
 * starts when something needs it (the codebook's counts, which the window asks for once the list is on screen; a
 * search; the search status), else this long after the first list was answered, else INDEX_START_LATEST_MS after
 * opening.
 */
const INDEX_START_AFTER_LIST_MS = 2_000;
const INDEX_START_LATEST_MS = 5_000;

type Handlers = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> };

/**
 * The notebook service: implements every channel of the contract over the store.
 * Inputs reach it already validated (see dispatch.ts).
 */
export class NotebookService implements Handlers {
  private readonly highlights: HighlightOps;
  private readonly tagOps: TagOps;
  private readonly sourceOps: SourceOps;
  private readonly collectionOps: CollectionOps;
  private readonly tagGroupOps: TagGroupOps;
  private readonly bilingual: BilingualOps;
  private readonly statementOps: StatementOps;
  private readonly agreementOps: AgreementOps;
  /** Creators of highlights deleted in this session: an undo puts back the creator, never one the renderer names. */
  private readonly deletedCreators = new Map<string, string | undefined>();
  /** Export and import; public so the CLI can wait on export jobs. */
  readonly exchange: Exchange;
  /** The full-text index and the analysis numbers; public so tests and the benchmark can wait on it. */
  readonly searchIndex: NotebookSearch;

  private constructor(
    private readonly store: NotebookStore,
    private readonly options: ServiceOptions,
  ) {
    const heavy = options.heavyWork ?? sharedPool();
    // A large source file is turned into JSON and written by a worker thread; the store renames it into place.
    store.writeLargeFilesWith(async (path, file) => {
      const { text, ...rest } = file;
      const slices = await encodeInSlices(text);
      return heavy.run('writeSourceFile', { file: rest as Record<string, unknown>, text: slices, writeBeside: path }, { transfer: transferListOf(slices) });
    });
    this.searchIndex = new NotebookSearch(store, undefined, options.searchLoadGate);
    this.highlights = new HighlightOps(store, heavy);
    // The codebook's counts start the index (the renderer asks for them once the source list is on screen).
    const index = this.searchIndex;
    this.tagOps = new TagOps(store, {
      get loaded() {
        return index.loaded;
      },
      whenLoaded: () => {
        this.startIndex();
        return index.whenLoaded();
      },
      retrieve: (input, sources) => index.retrieve(input, sources),
      tagCounts: (tags) => index.tagCounts(tags),
    });
    this.sourceOps = new SourceOps(store);
    this.collectionOps = new CollectionOps(store);
    this.tagGroupOps = new TagGroupOps(store);
    this.bilingual = new BilingualOps(store);
    this.statementOps = new StatementOps(store, (ids) => this.sourceOps.summaries(ids));
    this.exchange = new Exchange(store, heavy);
    this.agreementOps = new AgreementOps(store);
  }

  static async open(options: ServiceOptions): Promise<NotebookService> {
    const { store, isNew } = await NotebookStore.open(options.dataDir, { readOnly: options.readOnly, app: options.app });
    const service = new NotebookService(store, options);
    try {
      if (isNew) await service.importSeeds();
      else if (!store.readOnly) await service.tagOps.ensureCodebook();
    } catch (err) {
      await store.close();
      throw err;
    }
    // The backups due at start are taken a little later, off the path to the source list (a large notebook's
    // snapshot reads every file); a call about backups takes them at once.
    service.startupBackupTimer = setTimeout(() => void service.startupBackup(), STARTUP_BACKUP_DELAY_MS);
    service.startupBackupTimer.unref?.();
    // Loads (or builds) the search index in the background, after the source list (see INDEX_START_AFTER_LIST_MS).
    service.startIndexIn(INDEX_START_LATEST_MS);
    // Counts a crash may have left behind their files are checked once the list is up.
    if (!store.readOnly) setTimeout(() => void store.reconcileCounts().catch(() => {}), 2000).unref?.();
    return service;
  }

  /**
   * Told after each write lands (which source, or the catalog, changed) and once the search index has loaded (tag
   * counts and search results are complete from then on). The shell forwards these to the window.
   */
  onChange(listener: (change: NotebookChange) => void): () => void {
    const offStore = this.store.onChange(listener);
    const offIndex = this.searchIndex.loaded ? () => {} : this.searchIndex.onLoaded(() => listener({ kind: 'index' }));
    return () => {
      offStore();
      offIndex();
    };
  }

  private syncer: Promise<NotebookSync> | null = null;

  /** Sharing through git (issue 19), made on first use. */
  private sharing(): Promise<NotebookSync> {
    this.syncer ??= (this.options.git ? Promise.resolve(this.options.git) : pickGit()).then((git) => new NotebookSync(this.store, git, this.options.secrets ?? null));
    return this.syncer;
  }

  async syncStatus(): Promise<ChannelOutput<'syncStatus'>> {
    return (await this.sharing()).status();
  }

  async shareNotebook(input: ChannelInput<'shareNotebook'>): Promise<ChannelOutput<'shareNotebook'>> {
    const shared = await (await this.sharing()).share(input);
    // The name given when sharing becomes this analyst's name in the notebook, if none is set yet; only once the
    // share went through (a refused address or token changes nothing here).
    const name = input.authorName.trim();
    if (name && !this.store.catalog.settings.analystName) await this.updateSettings({ analystName: name });
    return shared;
  }

  async syncNotebook(): Promise<ChannelOutput<'syncNotebook'>> {
    return (await this.sharing()).sync();
  }

  /** Answered by the session (startup.ts), which opens the joined folder in place of this notebook. */
  async joinNotebook(): Promise<ChannelOutput<'joinNotebook'>> {
    throw new NotebookError(sentence('backend.sync.joinByApp'));
  }

  async notebookHistory(input: ChannelInput<'notebookHistory'>): Promise<ChannelOutput<'notebookHistory'>> {
    if (input?.sourceId) this.store.sourceMeta(input.sourceId);
    return (await this.sharing()).history(input?.sourceId, input?.max ?? 200);
  }

  async restoreSourceVersion({ sourceId, commit }: ChannelInput<'restoreSourceVersion'>): Promise<ChannelOutput<'restoreSourceVersion'>> {
    const file = await (await this.sharing()).restoreSourceVersion(sourceId, commit);
    return { highlights: file.highlights.length };
  }

  async setAutoSync({ minutes }: ChannelInput<'setAutoSync'>): Promise<ChannelOutput<'setAutoSync'>> {
    return (await this.sharing()).setAutoSync(minutes);
  }

  async close(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.startupBackupTimer) clearTimeout(this.startupBackupTimer);
    this.startupBackupTimer = null;
    await this.startupBackupRun;
    await (await this.syncer)?.idle();
    await this.searchIndex.stop();
    await this.store.close();
  }

  get dataDir(): string {
    return this.store.dataDir;
  }

  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private indexStartAt = Infinity;
  private indexStartedNow: () => void = () => {};
  private readonly indexStarted = new Promise<void>((resolve) => (this.indexStartedNow = resolve));

  /** Start loading the search index in `ms` (sooner only: a later date never delays a start already planned). */
  private startIndexIn(ms: number): void {
    const at = performance.now() + ms;
    if (at >= this.indexStartAt) return;
    this.indexStartAt = at;
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => this.startIndex(), ms);
    this.indexTimer.unref?.();
  }

  /** Start loading the search index now (once). */
  private startIndex(): void {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    this.indexStartAt = -Infinity;
    void this.searchIndex.start().catch(() => {});
    this.indexStartedNow();
  }

  /** Resolves once the search index has loaded, without starting it sooner than planned. */
  private async indexLoaded(): Promise<void> {
    await this.indexStarted;
    await this.searchIndex.whenLoaded();
  }

  private async importSeeds(): Promise<void> {
    const seeds = await loadSeeds(this.options.seedsDir);
    const now = new Date().toISOString();
    const metas: SourceMeta[] = [];
    const files: Array<{ meta: SourceMeta; file: SourceFile }> = [];
    for (const seed of seeds) {
      const meta: SourceMeta = {
        id: seed.seedId,
        title: seed.title,
        publisher: seed.publisher,
        date: seed.date,
        originalFile: seed.originalFile,
        contentHash: sha256(seed.text),
        addedAt: now,
        furniture: detectFurniture(seed.text, seed.furnitureLines),
      };
      metas.push(meta);
      files.push({ meta, file: { schemaVersion: SCHEMA_VERSION, id: meta.id, text: seed.text, highlights: [], note: EMPTY_DOC } });
    }
    // All at once: a crash leaves a folder that seeds again on next start.
    await this.store.commitImport({ newSources: files, changes: [], catalog: (c) => ({ ...c, sources: metas, tags: defaultCodebook(now) }) });
  }

  async listSources(): Promise<SourceSummary[]> {
    // The catalog keeps every source's counts: listing reads no source file.
    const counts = await this.store.allCounts();
    const none = { highlightCount: 0, orphanCount: 0, charCount: 0 };
    const list = sortSources(this.store.catalog.sources.map((meta) => summaryOf(meta, counts.get(meta.id) ?? none)));
    this.startIndexIn(INDEX_START_AFTER_LIST_MS);
    return list;
  }

  async getSource({ id }: ChannelInput<'getSource'>): Promise<ChannelOutput<'getSource'>> {
    const meta = this.store.sourceMeta(id);
    const file = await this.highlights.verifyAnchors(id);
    // Blind coding (issue 19): the highlights the analyst may not see yet stay in the file and out of the answer.
    const highlights = visibleHighlights(file.highlights, this.store.catalog.coding, this.store.catalog.settings.analystName, id);
    const edited = file.noteEditedBy ? { noteEditedBy: file.noteEditedBy, ...(file.noteEditedAt ? { noteEditedAt: file.noteEditedAt } : {}) } : {};
    return { meta, text: file.text, highlights, note: file.note, ...edited };
  }

  // Source editing (issue 13): thin delegation to SourceOps (electron/backend/sources.ts).
  sourceSummaries({ ids }: ChannelInput<'sourceSummaries'>): Promise<ChannelOutput<'sourceSummaries'>> {
    return this.sourceOps.summaries(ids);
  }
  updateSourceMeta({ sourceId, patch }: ChannelInput<'updateSourceMeta'>): Promise<ChannelOutput<'updateSourceMeta'>> {
    return this.sourceOps.updateMeta(sourceId, patch);
  }
  linkTranslation({ sourceId, otherId }: ChannelInput<'linkTranslation'>): Promise<ChannelOutput<'linkTranslation'>> {
    return this.bilingual.link(sourceId, otherId);
  }
  bilingualPair({ sourceId }: ChannelInput<'bilingualPair'>): Promise<ChannelOutput<'bilingualPair'>> {
    return this.bilingual.pair(sourceId);
  }
  deleteSources({ sourceIds }: ChannelInput<'deleteSources'>): Promise<ChannelOutput<'deleteSources'>> {
    return this.sourceOps.delete(sourceIds);
  }
  restoreSources({ trashId }: ChannelInput<'restoreSources'>): Promise<ChannelOutput<'restoreSources'>> {
    return this.sourceOps.restore(trashId);
  }

  // Source collections (issue 16): electron/backend/collections.ts.
  async listCollections(): Promise<ChannelOutput<'listCollections'>> {
    return this.collectionOps.list();
  }
  createCollection({ name, sourceIds }: ChannelInput<'createCollection'>): Promise<ChannelOutput<'createCollection'>> {
    return this.collectionOps.create(name, sourceIds);
  }
  renameCollection({ collectionId, name }: ChannelInput<'renameCollection'>): Promise<ChannelOutput<'renameCollection'>> {
    return this.collectionOps.rename(collectionId, name);
  }
  deleteCollection({ collectionId }: ChannelInput<'deleteCollection'>): Promise<ChannelOutput<'deleteCollection'>> {
    return this.collectionOps.delete(collectionId);
  }
  setCollectionMembers({ collectionId, add, remove }: ChannelInput<'setCollectionMembers'>): Promise<ChannelOutput<'setCollectionMembers'>> {
    return this.collectionOps.setMembers(collectionId, add, remove);
  }

  // Tag groups (issue 16): electron/backend/collections.ts.
  async listTagGroups(): Promise<ChannelOutput<'listTagGroups'>> {
    return this.tagGroupOps.list();
  }
  createTagGroup({ name, tagIds }: ChannelInput<'createTagGroup'>): Promise<ChannelOutput<'createTagGroup'>> {
    return this.tagGroupOps.create(name, tagIds);
  }
  renameTagGroup({ groupId, name }: ChannelInput<'renameTagGroup'>): Promise<ChannelOutput<'renameTagGroup'>> {
    return this.tagGroupOps.rename(groupId, name);
  }
  deleteTagGroup({ groupId }: ChannelInput<'deleteTagGroup'>): Promise<ChannelOutput<'deleteTagGroup'>> {
    return this.tagGroupOps.delete(groupId);
  }
  setTagGroupMembers({ groupId, add, remove }: ChannelInput<'setTagGroupMembers'>): Promise<ChannelOutput<'setTagGroupMembers'>> {
    return this.tagGroupOps.setMembers(groupId, add, remove);
  }

  async saveSourceNote({ sourceId, doc }: ChannelInput<'saveSourceNote'>): Promise<{ savedAt: string }> {
    this.store.sourceMeta(sourceId);
    const who = this.store.catalog.settings.analystName;
    const at = new Date().toISOString();
    await this.store.changeSource(sourceId, (f) => ({ next: { ...f, note: doc, ...(who ? { noteEditedBy: who, noteEditedAt: at } : {}) }, result: undefined }));
    return { savedAt: new Date().toISOString() };
  }

  async getSettings(): Promise<Settings> {
    return this.store.settings;
  }

  async updateSettings(patch: ChannelInput<'updateSettings'>): Promise<Settings> {
    if (patch.lastSourceId) this.store.sourceMeta(patch.lastSourceId);
    if (patch.readingPosition) this.store.sourceMeta(patch.readingPosition.sourceId);
    const { reader, translitMatching, interfaceLanguage, lastSourceId, window, readingPosition, analystName } = patch;
    if (reader || translitMatching !== undefined || interfaceLanguage || analystName !== undefined) {
      await this.store.updateCatalog(
        (c) => {
          if (reader) c.settings.reader = { ...c.settings.reader, ...reader };
          if (translitMatching !== undefined) c.settings.translitMatching = translitMatching;
          if (interfaceLanguage) c.settings.interfaceLanguage = interfaceLanguage;
          if (analystName !== undefined) {
            c.settings.analystName = analystName;
            const known = c.settings.analysts ?? [];
            if (!known.includes(analystName)) c.settings.analysts = [...known, analystName].slice(-1000);
          }
        },
        // Transliterated matching changes what search finds, the analyst's name what the panels show (blind coding);
        // reader preferences and the interface language change nothing anyone follows.
        { viewOnly: translitMatching === undefined && analystName === undefined },
      );
    }
    if (lastSourceId !== undefined || window || readingPosition) {
      // Where the window was: view.json, never a catalog write (a source switch at 10,000 sources stays small).
      await this.store.updateView((v) => ({
        ...v,
        ...(lastSourceId !== undefined ? { lastSourceId } : {}),
        ...(window ? { window } : {}),
        ...(readingPosition ? { readingPositions: { ...v.readingPositions, [readingPosition.sourceId]: readingPosition.offset } } : {}),
      }));
    }
    return this.store.settings;
  }

  async appInfo(): Promise<{ version: string; dataDir: string }> {
    return { version: this.options.version, dataDir: this.store.dataDir };
  }

  async startupReport(): Promise<{ notices: string[]; readOnly: boolean }> {
    // A damaged source file is found when it is read: the search index reads every file that changed since it was
    // saved (a damaged one has), in the background, without delaying the source list.
    await this.indexLoaded().catch(() => {});
    return { notices: [...this.store.notices], readOnly: this.store.readOnly };
  }

  /** The notebook is open (a failed start is answered by NotebookSession, see startup.ts). */
  async startupState(): Promise<ChannelOutput<'startupState'>> {
    return { failed: false, readOnly: this.store.readOnly };
  }

  async reopenNotebook(): Promise<ChannelOutput<'reopenNotebook'>> {
    return this.startupState();
  }

  /** Read every file again and count each source anew: after a restore made while the notebook was not open. */
  async reloadFromDisk(): Promise<void> {
    await this.store.exclusive(() => this.store.reload());
  }

  async listBackups(): Promise<BackupSummary[]> {
    await this.startupBackup();
    return this.store.backups.list();
  }

  private startupBackupTimer: ReturnType<typeof setTimeout> | null = null;
  private startupBackupRun: Promise<void> | null = null;

  /** Take the backups due at start (once); a backup that cannot be written is reported, never a reason not to open. */
  private startupBackup(): Promise<void> {
    if (this.startupBackupTimer) clearTimeout(this.startupBackupTimer);
    this.startupBackupTimer = null;
    this.startupBackupRun ??= this.backupIfDue().catch((err) => {
      this.store.notices.push(describeIoError(err, 'take the scheduled backup') ?? `Could not take the scheduled backup: ${(err as Error).message}`);
    });
    return this.startupBackupRun;
  }

  async createBackup(): Promise<BackupSummary> {
    await this.startupBackup();
    const made = await this.store.backups.snapshot('manual');
    await this.store.backups.rotate();
    return made;
  }

  /** Take the backups that are due (hourly, daily); the shell calls this on a timer. */
  async backupIfDue(): Promise<void> {
    if (this.store.readOnly) return;
    // Not with the notebook to itself: every file is written atomically, so a snapshot holds whole files, and
    // the analyst's saves do not wait for it.
    await this.store.backups.snapshotIfDue();
  }

  async restoreBackup({ id }: ChannelInput<'restoreBackup'>): Promise<{ restored: number; before: BackupSummary }> {
    if (this.store.readOnly) throw new NotebookError(sentence('backend.readOnly.noRestore', { reason: this.store.whyReadOnly ?? '' }), 'read-only');
    // With the notebook to itself from the moment it is asked: every change acknowledged before is on disk (and in
    // the before-restore backup), and changes asked for after it apply to the restored notebook.
    await this.startupBackup();
    return this.store.exclusive(async () => {
      const list = await this.store.backups.list();
      if (!list.some((b) => b.id === id)) throw new NotebookError(sentence('backend.backup.notFound', { id }));
      const { restored, before, changed } = await this.store.backups.restore(id);
      // Only the sources the restore changed are counted again; the others keep their counts.
      const changedSources = new Set(changed.flatMap((rel) => /^sources[\\/](.+)\.json$/.exec(rel)?.[1] ?? []));
      await this.store.reload(changedSources);
      return { restored, before };
    });
  }

  // Blind double-coding, agreement and adjudication (issue 19): electron/backend/agreement.ts.
  async getCoding(): Promise<ChannelOutput<'getCoding'>> {
    return this.agreementOps.state();
  }
  setCoding(input: ChannelInput<'setCoding'>): Promise<ChannelOutput<'setCoding'>> {
    return this.agreementOps.setCoding(input);
  }
  submitCoding(): Promise<ChannelOutput<'submitCoding'>> {
    return this.agreementOps.submit();
  }
  computeAgreement(input: ChannelInput<'computeAgreement'>): Promise<ChannelOutput<'computeAgreement'>> {
    return this.agreementOps.compute(input);
  }
  adjudicate(input: ChannelInput<'adjudicate'>): Promise<ChannelOutput<'adjudicate'>> {
    return this.agreementOps.adjudicate(input);
  }
  undoAdjudication({ key }: ChannelInput<'undoAdjudication'>): Promise<ChannelOutput<'undoAdjudication'>> {
    return this.agreementOps.undo(key);
  }

  async createHighlight({ sourceId, start, end, tagIds, id }: ChannelInput<'createHighlight'>): Promise<Highlight> {
    this.store.sourceMeta(sourceId);
    this.assertTags(tagIds ?? []);
    return this.highlights.create(sourceId, start, end, tagIds, id);
  }

  async deleteHighlight({ sourceId, highlightId }: ChannelInput<'deleteHighlight'>): Promise<{ deleted: Highlight }> {
    this.store.sourceMeta(sourceId);
    const deleted = await this.highlights.delete(sourceId, highlightId);
    if (this.deletedCreators.size > 10_000) this.deletedCreators.clear();
    this.deletedCreators.set(deleted.id, deleted.creator);
    return { deleted };
  }

  async restoreHighlight({ highlight }: ChannelInput<'restoreHighlight'>): Promise<Highlight> {
    this.store.sourceMeta(highlight.sourceId);
    this.assertTags(highlight.tagIds);
    // Who made it is the backend's record of the deleted highlight, not what the renderer sends back.
    const { creator: _claimed, lastEditor: _editor, ...rest } = highlight;
    const creator = this.deletedCreators.get(highlight.id);
    return this.highlights.restore(creator !== undefined ? { ...rest, creator } : rest);
  }

  async setHighlightNote({ sourceId, highlightId, note }: ChannelInput<'setHighlightNote'>): Promise<Highlight> {
    this.store.sourceMeta(sourceId);
    return this.highlights.setNote(sourceId, highlightId, note);
  }

  async reattachHighlight({ sourceId, highlightId, start, end }: ChannelInput<'reattachHighlight'>): Promise<Highlight> {
    this.store.sourceMeta(sourceId);
    return this.highlights.reattach(sourceId, highlightId, start, end);
  }

  async updateSourceText({ sourceId, text }: ChannelInput<'updateSourceText'>): Promise<ChannelOutput<'updateSourceText'>> {
    const meta = this.store.sourceMeta(sourceId);
    const { file, reanchored, orphaned, contentHash, furniture } = await this.highlights.replaceText(sourceId, text);
    const updated: SourceMeta = { ...meta, contentHash, furniture };
    await this.store.updateCatalog((c) => {
      c.sources = c.sources.map((s) => (s.id === sourceId ? updated : s));
    });
    return { source: { meta: updated, text: file.text, highlights: file.highlights, note: file.note }, reanchored, orphaned };
  }

  async reextractSource({ sourceId, mode }: ChannelInput<'reextractSource'>): Promise<ChannelOutput<'reextractSource'>> {
    const text = await textFromOriginal(this.store.dataDir, this.store.sourceMeta(sourceId), mode);
    const result = await this.updateSourceText({ sourceId, text });
    const updated: SourceMeta = { ...result.source.meta, wholePage: mode === 'whole-page', furniture: mode === 'whole-page' ? result.source.meta.furniture : [] };
    await this.store.updateCatalog((c) => {
      c.sources = c.sources.map((s) => (s.id === sourceId ? updated : s));
    });
    return { ...result, source: { ...result.source, meta: updated } };
  }

  async sourceOriginal({ sourceId }: ChannelInput<'sourceOriginal'>): Promise<ChannelOutput<'sourceOriginal'>> {
    return originalBase64(this.store.dataDir, this.store.sourceMeta(sourceId));
  }

  async resolveHighlights({ ids }: ChannelInput<'resolveHighlights'>): Promise<ChannelOutput<'resolveHighlights'>> {
    // The index knows which source holds each highlight: only those sources are read, for what is on disk now.
    const places = await this.searchIndex.locateHighlights(ids);
    const out: ChannelOutput<'resolveHighlights'> = Object.fromEntries(ids.map((i) => [i, null]));
    const bySource = new Map<string, string[]>();
    for (const id of ids) {
      const place = places[id];
      if (place) bySource.set(place.sourceId, [...(bySource.get(place.sourceId) ?? []), id]);
    }
    for (const [sourceId, wanted] of bySource) {
      const meta = this.store.catalog.sources.find((s) => s.id === sourceId);
      const file = meta ? await this.store.readSource(sourceId).catch(() => null) : null;
      if (!meta || !file) continue;
      const want = new Set(wanted);
      let paragraphs: number[] | null = null;
      for (const h of file.highlights) {
        if (!want.has(h.id)) continue;
        paragraphs ??= splitParagraphs(file.text).flatMap((p) => [p.start, p.end]);
        const pages = h.orphan ? '' : pageLabel(meta.pageStarts, h.start, h.end);
        out[h.id] = {
          sourceId,
          sourceTitle: meta.title,
          quote: h.quote.exact,
          tagIds: h.tagIds,
          paragraph: paragraphAt(paragraphs, h.start) + 1,
          ...(pages ? { pages } : {}),
          // Statements and grades (issue 17), for citations ("Putin, 15 Oct 2021, RT [C3]") and the note check.
          ...(h.statement ? { statement: h.statement } : {}),
          ...(h.credibility ? { credibility: h.credibility } : {}),
          ...(meta.reliability ? { reliability: meta.reliability } : {}),
        };
      }
    }
    return out;
  }

  async getProjectNote(): Promise<NoteDoc> {
    return this.store.catalog.projectNote;
  }

  async saveProjectNote({ doc }: ChannelInput<'saveProjectNote'>): Promise<{ savedAt: string }> {
    await this.store.updateCatalog((c) => {
      c.projectNote = doc;
    });
    return { savedAt: new Date().toISOString() };
  }

  async notesCiting({ highlightId: cited }: ChannelInput<'notesCiting'>): Promise<ChannelOutput<'notesCiting'>> {
    const places: ChannelOutput<'notesCiting'>['places'] = [];
    for (const sourceId of await this.store.sourcesCiting(cited)) {
      const file = await this.store.readSource(sourceId).catch(() => null);
      if (!file) continue;
      const sourceTitle = this.store.catalog.sources.find((s) => s.id === sourceId)?.title ?? sourceId;
      if (citedHighlightIds(file.note).includes(cited)) places.push({ sourceId, sourceTitle, highlightId: null, quote: null });
      for (const h of file.highlights) {
        if (h.id !== cited && h.note && citedHighlightIds(h.note).includes(cited)) places.push({ sourceId, sourceTitle, highlightId: h.id, quote: h.quote.exact });
      }
    }
    return { project: citedHighlightIds(this.store.catalog.projectNote).includes(cited), places };
  }

  // Tags (issue 4): thin delegation to TagOps (electron/backend/tags.ts).
  listTags(): Promise<ChannelOutput<'listTags'>> {
    return this.tagOps.list();
  }
  createTag(input: ChannelInput<'createTag'>): Promise<ChannelOutput<'createTag'>> {
    return this.tagOps.create(input);
  }
  updateTag({ tagId, ...patch }: ChannelInput<'updateTag'>): Promise<ChannelOutput<'updateTag'>> {
    return this.tagOps.update(tagId, patch);
  }
  moveTag({ tagId, parentId }: ChannelInput<'moveTag'>): Promise<ChannelOutput<'moveTag'>> {
    return this.tagOps.move(tagId, parentId);
  }
  mergeTags({ fromId, intoId }: ChannelInput<'mergeTags'>): Promise<ChannelOutput<'mergeTags'>> {
    return this.tagOps.merge(fromId, intoId);
  }
  deleteTag({ tagId }: ChannelInput<'deleteTag'>): Promise<ChannelOutput<'deleteTag'>> {
    return this.tagOps.delete(tagId);
  }
  undoDeleteTag({ undo }: ChannelInput<'undoDeleteTag'>): Promise<ChannelOutput<'undoDeleteTag'>> {
    return this.tagOps.undoDelete(undo);
  }
  undoMergeTag({ undo }: ChannelInput<'undoMergeTag'>): Promise<ChannelOutput<'undoMergeTag'>> {
    return this.tagOps.undoMerge(undo);
  }
  async setHighlightTags({ sourceId, highlightId, tagIds }: ChannelInput<'setHighlightTags'>): Promise<ChannelOutput<'setHighlightTags'>> {
    this.store.sourceMeta(sourceId);
    return this.tagOps.setHighlightTags(sourceId, highlightId, tagIds);
  }
  bulkTag({ highlights, add, remove }: ChannelInput<'bulkTag'>): Promise<ChannelOutput<'bulkTag'>> {
    return this.tagOps.bulkTag(highlights, add, remove);
  }
  retrieve(input: ChannelInput<'retrieve'>): Promise<ChannelOutput<'retrieve'>> {
    if (!input.filters) return this.tagOps.retrieve(input);
    const { collectionIds, attributes, ...filters } = input.filters;
    return this.tagOps.retrieve({ ...input, filters: { ...filters, sourceIds: this.narrow({ ...filters, collectionIds, attributes }) } });
  }
  suggestEntities({ sourceId }: ChannelInput<'suggestEntities'>): Promise<ChannelOutput<'suggestEntities'>> {
    return this.tagOps.suggest(sourceId);
  }
  rejectSuggestion({ sourceId, ...what }: ChannelInput<'rejectSuggestion'>): Promise<ChannelOutput<'rejectSuggestion'>> {
    return this.tagOps.reject(sourceId, what, true);
  }
  unrejectSuggestion({ sourceId, ...what }: ChannelInput<'unrejectSuggestion'>): Promise<ChannelOutput<'unrejectSuggestion'>> {
    return this.tagOps.reject(sourceId, what, false);
  }
  acceptSuggestions({ sourceId, suggestions }: ChannelInput<'acceptSuggestions'>): Promise<ChannelOutput<'acceptSuggestions'>> {
    return this.tagOps.acceptSuggestions(sourceId, suggestions);
  }
  findMentions({ tagId }: ChannelInput<'findMentions'>): Promise<ChannelOutput<'findMentions'>> {
    return this.tagOps.findMentions(tagId);
  }
  tagPassages({ tagId, passages }: ChannelInput<'tagPassages'>): Promise<ChannelOutput<'tagPassages'>> {
    return this.tagOps.tagPassages(tagId, passages);
  }
  pinTag({ tagId, pinned }: ChannelInput<'pinTag'>): Promise<ChannelOutput<'pinTag'>> {
    return this.tagOps.pin(tagId, pinned);
  }

  // Export and import (issue 6): thin delegation to electron/backend/exchange/.
  exportChoices(): Promise<ChannelOutput<'exportChoices'>> {
    return this.exchange.choices();
  }
  startExport(input: ChannelInput<'startExport'>): Promise<ChannelOutput<'startExport'>> {
    return this.exchange.exports.start(input);
  }
  async exportProgress({ jobId }: ChannelInput<'exportProgress'>): Promise<ChannelOutput<'exportProgress'>> {
    return this.exchange.exports.progress(jobId);
  }
  async cancelExport({ jobId }: ChannelInput<'cancelExport'>): Promise<ChannelOutput<'cancelExport'>> {
    return this.exchange.exports.cancel(jobId);
  }
  exportReportHtml({ scope }: ChannelInput<'exportReportHtml'>): Promise<ChannelOutput<'exportReportHtml'>> {
    return this.exchange.reportHtml(scope);
  }
  previewImport(input: ChannelInput<'previewImport'>): Promise<ChannelOutput<'previewImport'>> {
    return this.exchange.imports.preview(input);
  }
  commitImport({ previewId, skipDuplicates }: ChannelInput<'commitImport'>): Promise<ChannelOutput<'commitImport'>> {
    if (this.store.readOnly) throw new NotebookError(sentence('backend.readOnly.noImport', { reason: this.store.whyReadOnly ?? '' }), 'read-only');
    return this.exchange.imports.commit(previewId, skipDuplicates);
  }
  async discardImport({ previewId }: ChannelInput<'discardImport'>): Promise<ChannelOutput<'discardImport'>> {
    return this.exchange.imports.discard(previewId);
  }
  unlockImport({ previewId, file, password, jobId }: ChannelInput<'unlockImport'>): Promise<ChannelOutput<'unlockImport'>> {
    return this.exchange.imports.unlock(previewId, file, password, jobId);
  }
  async importProgress({ jobId }: ChannelInput<'importProgress'>): Promise<ChannelOutput<'importProgress'>> {
    return this.exchange.imports.progress(jobId);
  }
  async cancelImport({ jobId }: ChannelInput<'cancelImport'>): Promise<ChannelOutput<'cancelImport'>> {
    return this.exchange.imports.cancel(jobId);
  }

  // Search and analysis: the index follows every write of the store by itself (see search/notebook-search.ts).
  async search(input: ChannelInput<'search'>): Promise<ChannelOutput<'search'>> {
    this.startIndex();
    let response: ChannelOutput<'search'>;
    if (!input.facets) response = await this.searchIndex.search(input);
    else {
      const { collectionIds, attributes, ...facets } = input.facets;
      response = await this.searchIndex.search({ ...input, facets: { ...facets, sourceIds: this.narrow({ ...facets, collectionIds, attributes }) } });
    }
    return this.withoutBlindHits(response);
  }

  /** Blind coding (issue 19): highlight hits the analyst may not see yet are left out of the results. */
  private async withoutBlindHits(response: ChannelOutput<'search'>): Promise<ChannelOutput<'search'>> {
    const coding = this.store.catalog.coding;
    if (!coding?.blind) return response;
    const viewer = this.store.catalog.settings.analystName;
    const groups = { ...response.groups };
    const totals = { ...response.totals };
    for (const kind of Object.keys(groups) as Array<keyof typeof groups>) {
      const kept = [];
      for (const hit of groups[kind]) {
        if (hit.highlightId && hit.sourceId) {
          const file = await this.store.readSource(hit.sourceId).catch(() => null);
          const h = file?.highlights.find((x) => x.id === hit.highlightId);
          if (h && visibleHighlights([h], coding, viewer, hit.sourceId).length === 0) {
            totals[kind] = Math.max(0, totals[kind] - 1);
            continue;
          }
        }
        kept.push(hit);
      }
      groups[kind] = kept;
    }
    return { ...response, groups, totals };
  }
  /** Source ids left by a filter by collections and attributes (issue 16), within the given ones. */
  private narrow(filter: { sourceIds?: string[]; collectionIds?: string[]; attributes?: Array<{ name: string; value: string }> }): string[] | undefined {
    return narrowSources(this.store.catalog.sources, this.store.catalog.collections, filter);
  }
  async searchStatus(): Promise<ChannelOutput<'searchStatus'>> {
    this.startIndex();
    return this.searchIndex.progress();
  }
  analysis(input: ChannelInput<'analysis'>): Promise<ChannelOutput<'analysis'>> {
    const { collectionIds, attributes, ...options } = input ?? {};
    return this.searchIndex.analysis({ ...options, sourceIds: this.narrow({ ...options, collectionIds, attributes }) });
  }
  cooccurrencePassages({ tagA, tagB, collectionIds, attributes, ...options }: ChannelInput<'cooccurrencePassages'>): Promise<ChannelOutput<'cooccurrencePassages'>> {
    return this.searchIndex.cooccurrencePassages(tagA, tagB, { ...options, sourceIds: this.narrow({ ...options, collectionIds, attributes }) });
  }

  // Statements and grading (issue 17): thin delegation to StatementOps (electron/backend/statements.ts).
  setStatement({ sourceId, highlightId, statement }: ChannelInput<'setStatement'>): Promise<ChannelOutput<'setStatement'>> {
    return this.statementOps.setStatement(sourceId, highlightId, statement);
  }
  setCredibility({ sourceId, highlightId, credibility }: ChannelInput<'setCredibility'>): Promise<ChannelOutput<'setCredibility'>> {
    return this.statementOps.setCredibility(sourceId, highlightId, credibility);
  }
  setSourceReliability({ sourceId, reliability }: ChannelInput<'setSourceReliability'>): Promise<ChannelOutput<'setSourceReliability'>> {
    return this.statementOps.setReliability(sourceId, reliability);
  }
  suggestStatements({ sourceId }: ChannelInput<'suggestStatements'>): Promise<ChannelOutput<'suggestStatements'>> {
    return this.statementOps.suggest(sourceId);
  }
  acceptStatementSuggestions({ sourceId, suggestions }: ChannelInput<'acceptStatementSuggestions'>): Promise<ChannelOutput<'acceptStatementSuggestions'>> {
    return this.statementOps.accept(sourceId, suggestions);
  }
  rejectStatementSuggestion({ sourceId, key, rejected }: ChannelInput<'rejectStatementSuggestion'>): Promise<ChannelOutput<'rejectStatementSuggestion'>> {
    return this.statementOps.reject(sourceId, key, rejected);
  }
  listStatements(): Promise<ChannelOutput<'listStatements'>> {
    return this.statementOps.list();
  }
  relatedStatements({ sourceId, highlightId }: ChannelInput<'relatedStatements'>): Promise<ChannelOutput<'relatedStatements'>> {
    return this.statementOps.related(sourceId, highlightId);
  }
  mergeStatements({ refs }: ChannelInput<'mergeStatements'>): Promise<ChannelOutput<'mergeStatements'>> {
    return this.statementOps.merge(refs);
  }
  splitStatements({ refs }: ChannelInput<'splitStatements'>): Promise<ChannelOutput<'splitStatements'>> {
    return this.statementOps.split(refs);
  }
  restoreGroupKeys({ keys }: ChannelInput<'restoreGroupKeys'>): Promise<ChannelOutput<'restoreGroupKeys'>> {
    return this.statementOps.restoreKeys(keys);
  }

  private assertTags(tagIds: readonly string[]): void {
    const known = new Set(this.store.catalog.tags.map((t) => t.id));
    const unknown = tagIds.find((t) => !known.has(t));
    if (unknown) throw new NotebookError(sentence('backend.tag.notInCodebook', { id: unknown.slice(0, 80) }));
  }

}


/** Newest first, then by title: the order an analyst scans a corpus in. */
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

/** Newest first (ISO dates compare as strings), then by title. One collator: 50,000 rows sort in tens of ms. */
function sortSources(list: SourceSummary[]): SourceSummary[] {
  return list.sort((a, b) => (a.date === b.date ? titleOrder(a.title, b.title) : a.date < b.date ? 1 : -1));
}
