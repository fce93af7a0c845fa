/**
 * Editing sources (issue 13): change a source's title, publisher or date; delete sources and put them back.
 *
 * A deletion never destroys anything the analyst could want back: the catalog entries go into a record under
 * `trash/<trashId>/`, and the source files are moved beside it. The catalog write is the commit point:
 *   delete:  1. record written   2. catalog without the sources (commit)   3. files moved into the trash folder
 *   restore: 1. files moved back 2. catalog with the sources again (commit) 3. trash folder removed
 * A crash before the commit leaves the notebook as it was (plus a trash record nobody points at); a crash after it
 * leaves only leftovers (a file in sources/ that the catalog does not name, or a trash folder), never a catalog entry
 * without its file. Trash older than TRASH_DAYS is emptied on the next deletion.
 */
import { SerialQueue } from './serial-queue';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { summaryOf, type SourceMeta, type SourceSummary } from '../../core/model';
import { directionOfLanguage, normaliseLanguage } from '../../core/documents/language';
import { metaFieldValue, SOURCE_META_FIELDS, type DeleteSourcesResult, type RestoreSourcesResult, type SourceMetaPatch, type UpdateSourceMetaResult } from '../../core/sources/api';
import { writeFileAtomic } from './atomic-write';
import { NotebookError } from './errors';
import type { NotebookStore } from './store';
import { sentence } from '../../core/i18n/message-text';

/** Deleted sources are kept this long for undo (and for recovery by hand), then removed for good. */
export const TRASH_DAYS = 30;
const RECORD = 'record.json';

interface TrashRecord {
  schemaVersion: 1;
  deletedAt: string;
  /** Each deleted catalog entry with its position in the catalog's list, in catalog order. */
  entries: Array<{ meta: SourceMeta; index: number }>;
}

export class SourceOps {
  /** Deletions and restores run one after another: two overlapping ones never move the same file at once. */
  private readonly queue = new SerialQueue();

  constructor(private readonly store: NotebookStore) {}

  /** The summary the sources pane shows for each named source that exists (unknown ids are left out). */
  async summaries(ids: string[]): Promise<SourceSummary[]> {
    const byId = new Map(this.store.catalog.sources.map((m) => [m.id, m]));
    const out: SourceSummary[] = [];
    for (const id of new Set(ids)) {
      const meta = byId.get(id);
      if (meta) out.push(await this.summary(meta));
    }
    return out;
  }

  async updateMeta(sourceId: string, patch: SourceMetaPatch): Promise<UpdateSourceMetaResult> {
    this.writable();
    const meta = this.store.sourceMeta(sourceId);
    const clean = normalise(patch);
    const undo: SourceMetaPatch = {};
    for (const field of SOURCE_META_FIELDS) if (clean[field] !== undefined) Object.assign(undo, { [field]: metaFieldValue(meta, field) });
    if (clean.variables !== undefined) undo.variables = { ...(meta.variables ?? {}) };
    await this.store.updateCatalog((c) => {
      const i = c.sources.findIndex((s) => s.id === sourceId);
      if (i < 0) return;
      // A new entry (the catalog's items are shared with the last saved copy); no attributes left: no field.
      const { variables, ...rest } = clean;
      const next = { ...c.sources[i] };
      applyPatch(next, rest);
      if (variables !== undefined) {
        if (Object.keys(variables).length) next.variables = variables;
        else delete next.variables;
      }
      c.sources[i] = next;
    });
    return { source: await this.summary(this.store.sourceMeta(sourceId)), undo };
  }

  delete(sourceIds: string[]): Promise<DeleteSourcesResult> {
    return this.queue.run(async () => {
      this.writable();
      const wanted = new Set(sourceIds);
      const entries = this.store.catalog.sources.flatMap((meta, index) => (wanted.has(meta.id) ? [{ meta: structuredClone(meta), index }] : []));
      const missing = [...wanted].filter((id) => !entries.some((e) => e.meta.id === id));
      if (missing.length) throw new NotebookError(sentence('backend.source.notFoundNotDeleted', { id: missing[0] }), 'not-found');
      await this.emptyOldTrash();
      const id = newTrashId();
      const folder = this.trashFolder(id);
      await mkdir(folder, { recursive: true });
      const record: TrashRecord = { schemaVersion: 1, deletedAt: new Date().toISOString(), entries };
      await writeFileAtomic(join(folder, RECORD), JSON.stringify(record, null, 1));
      // Writes already queued for these sources land before their files move.
      await this.store.flush();
      await this.store.updateCatalog((c) => {
        c.sources = c.sources.filter((s) => !wanted.has(s.id));
        if (c.settings.lastSourceId && wanted.has(c.settings.lastSourceId)) c.settings.lastSourceId = null;
      });
      for (const { meta } of entries) await moveIfThere(this.sourcePath(meta.id), join(folder, `${meta.id}.json`));
      return { deleted: entries.map((e) => e.meta.id), trashId: id };
    });
  }

  restore(trashId: string): Promise<RestoreSourcesResult> {
    return this.queue.run(async () => {
      this.writable();
      const folder = this.trashFolder(trashId);
      let record: TrashRecord;
      try {
        record = JSON.parse(await readFile(join(folder, RECORD), 'utf8')) as TrashRecord;
      } catch {
        throw new NotebookError(sentence('backend.trash.gone'));
      }
      const present = new Set(this.store.catalog.sources.map((s) => s.id));
      const back = record.entries.filter((e) => !present.has(e.meta.id));
      for (const { meta } of back) {
        const kept = join(folder, `${meta.id}.json`);
        // After a crash between the commit and the move, the file is still in sources/.
        if (await exists(kept)) await rename(kept, this.sourcePath(meta.id));
        else if (!(await exists(this.sourcePath(meta.id)))) throw new NotebookError(sentence('backend.trash.fileMissing', { title: meta.title }));
      }
      await this.store.updateCatalog((c) => {
        for (const { meta, index } of back) c.sources.splice(Math.min(index, c.sources.length), 0, meta);
      });
      await rm(folder, { recursive: true, force: true });
      const restored: SourceSummary[] = [];
      for (const { meta } of back) restored.push(await this.summary(meta));
      return { restored };
    });
  }

  private async summary(meta: SourceMeta): Promise<SourceSummary> {
    return summaryOf(meta, await this.store.countsOf(meta.id));
  }

  private async emptyOldTrash(): Promise<void> {
    const cutoff = Date.now() - TRASH_DAYS * 86_400_000;
    const root = join(this.store.dataDir, 'trash');
    for (const name of await readdir(root).catch(() => [] as string[])) {
      const m = /^(\d{4})(\d{2})(\d{2})T/.exec(name);
      if (m && Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) < cutoff) await rm(join(root, name), { recursive: true, force: true });
    }
  }


  private writable(): void {
    if (this.store.readOnly) throw new NotebookError(sentence('backend.readOnly.sources'), 'read-only');
  }


  private sourcePath(id: string): string {
    return join(this.store.dataDir, 'sources', `${id}.json`);
  }

  private trashFolder(id: string): string {
    return join(this.store.dataDir, 'trash', id);
  }
}

/** Titles, publishers and addresses are kept without surrounding spaces, languages in lower case. */
function normalise(patch: SourceMetaPatch): SourceMetaPatch {
  const out: SourceMetaPatch = { ...patch };
  if (out.title !== undefined) out.title = out.title.trim();
  if (out.publisher !== undefined) out.publisher = out.publisher.trim();
  if (out.url !== undefined) out.url = out.url.trim();
  if (out.language !== undefined) out.language = normaliseLanguage(out.language);
  if (out.authors !== undefined) out.authors = [...new Set(out.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (out.variables !== undefined) {
    const vars: Record<string, string> = {};
    for (const [name, value] of Object.entries(out.variables)) if (name.trim()) vars[name.trim()] = value.trim();
    out.variables = vars;
  }
  return out;
}

/** A patch onto a catalog entry: an empty address, language or author list removes the field (as a text import has none). */
function applyPatch(entry: SourceMeta, patch: SourceMetaPatch): void {
  const { authors, url, language, ...rest } = patch;
  Object.assign(entry, rest);
  if (authors !== undefined) {
    if (authors.length) entry.authors = authors;
    else delete entry.authors;
  }
  if (url !== undefined) {
    if (url) entry.url = url;
    else delete entry.url;
  }
  if (language !== undefined) {
    // The reader's direction follows the language the analyst names (Arabic right to left).
    const dir = directionOfLanguage(language);
    if (language) entry.language = language;
    else delete entry.language;
    if (dir) entry.dir = dir;
    else delete entry.dir;
  }
}

function newTrashId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

async function moveIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
