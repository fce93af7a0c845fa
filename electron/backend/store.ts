import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { SCHEMA_VERSION, DEFAULT_SETTINGS, EMPTY_DOC, type Highlight, type NoteDoc, type Settings, type SourceMeta, type Tag } from '../../core/model';
import { VersionedJsonFile } from './json-file-adapter';

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
}

/**
 * The notebook on disk: `catalog.json` plus `sources/<id>.json`, each an atomic lowdb file with a schema version.
 */
export class NotebookStore {
  private catalogDb: Low<CatalogFile>;
  private sources = new Map<string, Low<SourceFile>>();

  private constructor(
    readonly dataDir: string,
    catalog: VersionedJsonFile<CatalogFile>,
    data: CatalogFile,
  ) {
    this.catalogDb = new Low(catalog, data);
  }

  /** Opens the folder; `isNew` tells whether the catalog did not exist yet (first launch). */
  static async open(dataDir: string): Promise<{ store: NotebookStore; isNew: boolean }> {
    await mkdir(join(dataDir, 'sources'), { recursive: true });
    const adapter = new VersionedJsonFile<CatalogFile>(join(dataDir, 'catalog.json'), SCHEMA_VERSION);
    const existing = await adapter.read();
    const data = existing
      ? { ...emptyCatalog(), ...existing, settings: { ...DEFAULT_SETTINGS, ...existing.settings } }
      : emptyCatalog();
    return { store: new NotebookStore(dataDir, adapter, data), isNew: existing === null };
  }

  get catalog(): CatalogFile {
    return this.catalogDb.data;
  }

  async updateCatalog(change: (catalog: CatalogFile) => void): Promise<void> {
    await this.catalogDb.update(change);
  }

  async source(id: string): Promise<Low<SourceFile>> {
    let db = this.sources.get(id);
    if (!db) {
      db = new Low(new VersionedJsonFile<SourceFile>(join(this.dataDir, 'sources', `${id}.json`), SCHEMA_VERSION), {
        schemaVersion: SCHEMA_VERSION,
        id,
        text: '',
        highlights: [],
        note: { type: 'doc' },
      });
      await db.read();
      this.sources.set(id, db);
    }
    return db;
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
