import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_DOC, SCHEMA_VERSION, type Highlight, type Tag } from '../../core/model';
import { NotebookStore } from '../../electron/backend/store';
import { NotebookSync } from '../../electron/backend/sync/notebook-sync';
import type { GitDriver } from '../../electron/backend/sync/git';
import type { SecretBox } from '../../electron/backend/sync/sync-config';

/** The stand-in for Electron's safeStorage in Node tests: reversible, and visibly not the token. */
export const testSecrets: SecretBox = {
  available: () => true,
  encrypt: (text) => Buffer.from(`sealed:${text}`, 'utf8').toString('base64'),
  decrypt: (cipher) => Buffer.from(cipher, 'base64').toString('utf8').replace(/^sealed:/, ''),
};

export const tmp = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

export function bareRepo(path: string): string {
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
  return path;
}

export const TEXT = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega. '.repeat(4);

export interface Replica {
  dir: string;
  store: NotebookStore;
  sync: NotebookSync;
}

/** A notebook folder with `sources` sources (ids s0, s1 …) and one tag, its store and its sync. */
export async function makeNotebook(dir: string, git: GitDriver, sources = 2): Promise<Replica> {
  const { store } = await NotebookStore.open(dir);
  for (let i = 0; i < sources; i++) {
    const id = `s${i}`;
    await store.writeSource({ schemaVersion: SCHEMA_VERSION, id, text: TEXT, highlights: [], note: EMPTY_DOC });
    await store.updateCatalog((c) => {
      c.sources.push({ id, title: `Source ${i}`, publisher: 'Test', date: '', originalFile: `${id}.txt`, contentHash: id, addedAt: '2026-01-01T00:00:00.000Z', furniture: [] });
    });
  }
  await addTag(store, 'tag-people', 'People');
  return { dir, store, sync: new NotebookSync(store, git, testSecrets) };
}

export async function openReplica(dir: string, git: GitDriver): Promise<Replica> {
  const { store } = await NotebookStore.open(dir);
  return { dir, store, sync: new NotebookSync(store, git, testSecrets) };
}

export async function addTag(store: NotebookStore, id: string, name: string): Promise<void> {
  const tag: Tag = { id, name, kind: 'theme', color: '#336699', parentId: null, description: '', aliases: [], createdAt: '2026-01-01T00:00:00.000Z' };
  await store.updateCatalog((c) => {
    c.tags.push(tag);
  });
}

export async function renameTag(store: NotebookStore, id: string, name: string): Promise<void> {
  await store.updateCatalog((c) => {
    c.tags = c.tags.map((t) => (t.id === id ? { ...t, name } : t));
  });
}

export async function addHighlight(store: NotebookStore, sourceId: string, id: string, start: number, tagIds: string[] = []): Promise<void> {
  const h: Highlight = { id, sourceId, start, end: start + 5, quote: { exact: TEXT.slice(start, start + 5), prefix: '', suffix: '' }, tagIds, note: null, orphan: false, createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: new Date().toISOString() };
  await store.changeSource(sourceId, (f) => ({ next: { ...f, highlights: [...f.highlights, h] }, result: undefined }));
}

export async function tagHighlight(store: NotebookStore, sourceId: string, id: string, tagId: string): Promise<boolean> {
  return store.changeSource(sourceId, (f) => {
    if (!f.highlights.some((h) => h.id === id)) return { next: f, result: false };
    return { next: { ...f, highlights: f.highlights.map((h) => (h.id === id && !h.tagIds.includes(tagId) ? { ...h, tagIds: [...h.tagIds, tagId] } : h)) }, result: true };
  });
}

export async function deleteHighlight(store: NotebookStore, sourceId: string, id: string): Promise<void> {
  await store.changeSource(sourceId, (f) => ({ next: { ...f, highlights: f.highlights.filter((h) => h.id !== id) }, result: undefined }));
}

export async function appendNote(store: NotebookStore, sourceId: string, text: string): Promise<void> {
  await store.changeSource(sourceId, (f) => {
    const content = [...((f.note.content as unknown[]) ?? []).filter((b) => (b as { content?: unknown }).content), { type: 'paragraph', content: [{ type: 'text', text }] }];
    return { next: { ...f, note: { type: 'doc', content } }, result: undefined };
  });
}

/** The files git carries, as text: what replicas must agree on. */
export async function sharedFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'catalog.shared.json': await readFile(join(dir, 'catalog.shared.json'), 'utf8') };
  for (const f of (await readdir(join(dir, 'sources'))).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) out[`sources/${f}`] = await readFile(join(dir, 'sources', f), 'utf8');
  return out;
}

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}
