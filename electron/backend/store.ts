import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { SCHEMA_VERSION, DEFAULT_SETTINGS, EMPTY_DOC, type Highlight, type NoteDoc, type Settings, type SourceMeta, type Tag } from '../../core/model';
import { StoreFileError, VersionedJsonFile } from './json-file-adapter';
import { writeFileAtomic } from './atomic-write';
import { Backups } from './backups';

/** The catalog: small, rewritten on settings and list changes. */
export interface CatalogFile {
  schemaVersion: number;
  sources: SourceMeta[];
  tags: Tag[];
  settings: Settings;
  /** The project notebook: cross-source synthesis. */
  projectNote: NoteDoc;
}

/** One source: its text, highlights and notebook. A save rewrites this file only. */
export interface SourceFile {
  schemaVersion: number;
  id: string;
  text: string;
  highlights: Highlight[];
  note: NoteDoc;
  /**
   * Entity suggestions the analyst rejected for this source: mention keys and entity keys. Optional, so files
   * written before it existed (schema 1) read as they are; absent means none.
   */
  rejectedSuggestions?: RejectedSuggestions;
}

export interface RejectedSuggestions {
  keys: string[];
  entityKeys: string[];
}

/** A completed write (which file changed), or a reload of everything from disk. */
export type StoreChange = { kind: 'source'; id: string } | { kind: 'catalog' } | { kind: 'reload' };

/**
 * The notebook on disk: `catalog.json` plus `sources/<id>.json`, each an atomic lowdb file with a schema version.
 */
export class NotebookStore {
  private catalogDb: Low<CatalogFile>;
  private sources = new Map<string, Low<SourceFile>>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  readonly backups: Backups;
  /** What the analyst must be told about opening this notebook: files restored from backups, read-only mode. */
  readonly notices: string[] = [];

  private constructor(
    readonly dataDir: string,
    catalog: VersionedJsonFile<CatalogFile>,
    data: CatalogFile,
    /** The catalog on disk had no `tags` field (written before the codebook existed): it gets the default one. */
    readonly lacksCodebook = false,
  ) {
    this.catalogDb = new Low(catalog, data);
    this.backups = new Backups(dataDir);
  }

  /** Opens the folder; `isNew` tells whether the catalog did not exist yet (first launch). */
  static async open(dataDir: string): Promise<{ store: NotebookStore; isNew: boolean }> {
    await mkdir(join(dataDir, 'sources'), { recursive: true });
    await removeStaleTempFiles(dataDir);
    const adapter = new VersionedJsonFile<CatalogFile>(join(dataDir, 'catalog.json'), 'catalog');
    const notices: string[] = [];
    const existing = await readRecovering(adapter, dataDir, 'catalog.json', notices);
    const data = existing
      ? { ...emptyCatalog(), ...existing, settings: { ...DEFAULT_SETTINGS, ...existing.settings } }
      : emptyCatalog();
    const lacksCodebook = existing !== null && !Array.isArray((existing as Partial<CatalogFile>).tags);
    const store = new NotebookStore(dataDir, adapter, data, lacksCodebook);
    store.notices.push(...notices);
    if (adapter.newerVersion !== null) store.notices.push(readOnlyNotice(adapter.newerVersion));
    return { store, isNew: existing === null };
  }

  /** Forget what is cached and read the files again (after a restore from a backup). */
  async reload(): Promise<void> {
    const adapter = this.catalogDb.adapter as VersionedJsonFile<CatalogFile>;
    const data = await readRecovering(adapter, this.dataDir, 'catalog.json', this.notices);
    this.catalogDb.data = data ? { ...emptyCatalog(), ...data, settings: { ...DEFAULT_SETTINGS, ...data.settings } } : emptyCatalog();
    this.sources.clear();
    this.emit({ kind: 'reload' });
  }

  /** True when the notebook was written by a newer app: nothing is written. */
  get readOnly(): boolean {
    return (this.catalogDb.adapter as VersionedJsonFile<CatalogFile>).newerVersion !== null;
  }

  get catalog(): CatalogFile {
    return this.catalogDb.data;
  }

  async updateCatalog(change: (catalog: CatalogFile) => void): Promise<void> {
    await this.catalogDb.update(change);
    this.emit({ kind: 'catalog' });
  }

  /** Be told after every completed write, whoever made it: the search index follows the notebook this way. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Every completed write of a source file is announced (update() and writeSource() both end in write()). */
  private observe(db: Low<SourceFile>, id: string): Low<SourceFile> {
    const write = db.write.bind(db);
    db.write = async () => {
      await write();
      this.emit({ kind: 'source', id });
    };
    return db;
  }

  async source(id: string): Promise<Low<SourceFile>> {
    let db = this.sources.get(id);
    if (!db) {
      const adapter = new VersionedJsonFile<SourceFile>(join(this.dataDir, 'sources', `${id}.json`), 'source');
      const data = await readRecovering(adapter, this.dataDir, join('sources', `${id}.json`), this.notices);
      db = new Low(adapter, data ?? { schemaVersion: SCHEMA_VERSION, id, text: '', highlights: [], note: { type: 'doc' } });
      if (adapter.newerVersion !== null && !this.readOnly) this.notices.push(readOnlyNotice(adapter.newerVersion, id));
      this.sources.set(id, this.observe(db, id));
    }
    return db;
  }

  /** Wait until every write queued so far is on disk (before the app quits). */
  async flush(): Promise<void> {
    const adapters = [this.catalogDb, ...this.sources.values()].map((db) => db.adapter as VersionedJsonFile<{ schemaVersion: number }>);
    await Promise.all(adapters.map((a) => a.flush()));
  }

  async writeSource(file: SourceFile): Promise<void> {
    const db = await this.source(file.id);
    db.data = file;
    await db.write();
  }
}

function emptyCatalog(): CatalogFile {
  return { schemaVersion: SCHEMA_VERSION, sources: [], tags: [], settings: structuredClone(DEFAULT_SETTINGS), projectNote: EMPTY_DOC };
}

/**
 * Read a file; if it is damaged, keep it aside, put back the newest good backup copy and say so. With no backup
 * the damaged file stays where it is and opening fails with the reason: the notebook never opens silently without it.
 */
async function readRecovering<T extends { schemaVersion: number }>(adapter: VersionedJsonFile<T>, dataDir: string, rel: string, notices: string[]): Promise<T | null> {
  try {
    return await adapter.read();
  } catch (err) {
    if (!(err instanceof StoreFileError) || err.problem !== 'corrupt') throw err;
    const backups = new Backups(dataDir);
    const copy = await backups.newestGoodCopy(rel);
    if (!copy) {
      throw new StoreFileError(err.path, `${err.message} There is no backup of it, so the notebook was not opened (nothing was changed). Restore the file, or move it away to start without it.`);
    }
    const aside = `${err.path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(err.path, aside);
    await writeFileAtomic(err.path, copy.text);
    notices.push(
      `${rel} was damaged (${err.message.replace(/^The notebook file \S+ /, '')}) It was kept aside as ${basename(aside)} and restored from the backup of ${new Date(copy.backup.createdAt).toLocaleString('en-GB')}; changes made after that backup are not in it.`,
    );
    return adapter.read();
  }
}

function readOnlyNotice(version: number, sourceId?: string): string {
  const what = sourceId ? `The file of source ${sourceId}` : 'This notebook';
  return `${what} was written by a newer version of Research Notebook (schema ${version}; this app knows ${SCHEMA_VERSION}). It is open read-only, so nothing in it is overwritten: update the app to change it.`;
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
