import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { ImportPreview } from '../../core/exchange/api';
import { tagNamePaths } from '../../core/export/common';
import { SCHEMA_VERSION, type NotebookSnapshot } from '../../core/model';
import { noteToPlainText } from '../../core/notes/markdown';
import { createDispatcher, type Dispatch } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { NotebookStore } from '../../electron/backend/store';

/** Temp folders made by a test file; remove them in afterAll/afterEach with `cleanUp`. */
const made: string[] = [];

export async function tempDir(prefix = 'notebook-exchange-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Services opened by a test file: closed (their locks released) by `cleanUp`. */
const opened: NotebookService[] = [];

export async function cleanUp(): Promise<void> {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => {})));
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })));
}

export interface OpenNotebook {
  dir: string;
  service: NotebookService;
  dispatch: Dispatch;
}

async function open(dir: string): Promise<OpenNotebook> {
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'test' });
  opened.push(service);
  // The index is written in the background after opening: let it land, so that fingerprints taken now stay put.
  await service.searchIndex.flush();
  return { dir, service, dispatch: createDispatcher(service, () => {}) };
}

/** A notebook with nothing in it: no sources, no tags (the catalog is on disk before the service opens it). */
export async function emptyNotebook(): Promise<OpenNotebook> {
  const dir = await tempDir();
  const { store } = await NotebookStore.open(dir);
  await store.updateCatalog(() => {});
  await store.close();
  return open(dir);
}

/** A new notebook as the app makes it: the bundled articles and the default codebook. */
export async function seededNotebook(): Promise<OpenNotebook> {
  return open(await tempDir());
}

/** A notebook holding exactly this snapshot, written with the store the app uses. */
export async function notebookFrom(snapshot: NotebookSnapshot): Promise<OpenNotebook> {
  const dir = await tempDir();
  const { store } = await NotebookStore.open(dir);
  for (const s of snapshot.sources) {
    await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: s.meta.id, text: s.text, highlights: s.highlights, note: s.note });
  }
  await store.updateCatalog((c) => {
    c.sources = snapshot.sources.map((s) => s.meta);
    c.tags = snapshot.tags;
    c.projectNote = snapshot.projectNote;
  });
  await store.close();
  return open(dir);
}

/**
 * Every file of a folder with the SHA-256 of its content: equal before and after means nothing changed. The search
 * index (search-index.bin and its temp file) is left out: a cache the backend rebuilds and persists in the
 * background after opening, whenever it gets there, not the analyst's data.
 */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (/^\.?search-index\.bin/.test(entry.name)) continue;
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

export function fileInput(name: string, bytes: Uint8Array | string): { name: string; size: number; data: string } {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { name, size: buffer.length, data: buffer.toString('base64') };
}

export async function call<T>(dispatch: Dispatch, channel: string, input?: unknown): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** Preview then commit, as the app does, skipping duplicates unless told not to. */
export async function importFiles(dispatch: Dispatch, files: Array<{ name: string; size: number; data: string }>, skipDuplicates = true) {
  const preview = await call<ImportPreview>(dispatch, 'previewImport', { files });
  const refused = preview.files.filter((f) => !f.ok);
  if (refused.length) throw new Error(refused.map((f) => f.error).join('\n'));
  return call<import('../../core/exchange/api').ImportSummary>(dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates });
}

export async function exportTo(dispatch: Dispatch, input: Record<string, unknown>) {
  const started = await call<{ jobId: string | null; path: string; exists: string[] }>(dispatch, 'startExport', input);
  if (!started.jobId) throw new Error(`exists: ${started.exists.join(', ')}`);
  for (;;) {
    const job = await call<import('../../core/exchange/api').ExportJob>(dispatch, 'exportProgress', { jobId: started.jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const plain = (doc: unknown): string => (doc ? noteToPlainText(doc as never) : '');

/**
 * What an analyst sees of a notebook, independent of ids: sources (metadata, text, notebook text), tags (tree path,
 * kind, colour, description, aliases), highlights (source, passage, tag paths, note text, orphan or not), project
 * notebook text.
 */
export async function describeNotebook(service: NotebookService, options: { orphans?: boolean } = {}) {
  const list = await service.listSources();
  const tags = (await service.listTags()).tags;
  const paths = tagNamePaths(tags);
  const sources = [];
  const highlights: string[] = [];
  for (const summary of list) {
    const doc = await service.getSource({ id: summary.id });
    sources.push([doc.meta.title, doc.meta.publisher, doc.meta.date, doc.meta.originalFile, doc.text, doc.meta.contentHash, plain(doc.note)]);
    for (const h of doc.highlights) {
      if (h.orphan && options.orphans === false) continue;
      const passage = h.orphan ? `orphan: ${h.quote.exact}` : doc.text.slice(h.start, h.end);
      const tagPaths = h.tagIds.map((id) => paths.get(id)?.join('/') ?? `missing tag ${id}`).sort();
      highlights.push(`${doc.meta.title} | ${passage} | ${tagPaths.join(', ')} | ${plain(h.note)}`);
    }
  }
  return {
    sources: sources.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    tags: tags.map((t) => `${paths.get(t.id)?.join(' > ')} | ${t.kind} | ${t.color} | ${t.description} | ${t.aliases.join(';')}`).sort(),
    highlights: highlights.sort(),
    projectNote: plain(await service.getProjectNote()),
  };
}
