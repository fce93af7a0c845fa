/**
 * Share, sync and history of one notebook folder through git (issue 19). Sync: commit local changes with a readable
 * message, fetch, merge by meaning with core/sync's mergeTrees (never git's line merge: base, ours and theirs are read
 * from git objects), write the result with the notebook to itself (the store's exclusive section, as a restore from a
 * backup does: every acknowledged save is on disk first, and saves asked for meanwhile wait and then apply to the
 * merged notebook), reload, commit the merge with both parents, push. A failure at any step leaves the local commits
 * and the working files as they were.
 */
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SCHEMA_VERSION } from '../../../core/model';
import { shapeProblem } from '../../../core/storage-schemas';
import { describeChanges, describeConflict, type FileChange } from '../../../core/sync/describe-changes';
import { mergeTrees } from '../../../core/sync/merge-files';
import type { HistoryEntry, SyncResult, SyncStatus } from '../../../core/sync/api';
import { writeFileAtomic } from '../atomic-write';
import { NotebookError } from '../errors';
import type { CatalogFile, NotebookStore, SourceFile } from '../store';
import { GitError, isHttpUrl, isSshUrl, type GitAuth, type GitDriver } from './git';
import { redactUrl } from './git-errors';
import { GITIGNORE, SHARED_CATALOG, isSharedPath, sharedCatalogText, withSharedParts } from './shared-files';
import { readSyncConfig, writeSyncConfig, type SecretBox, type SyncConfig } from './sync-config';
import { asIs, englishText, sentence, type MessageText } from '../../../core/i18n/message-text';

/** Pushes refused because the remote moved on meanwhile are retried this many times (fetch, merge, push again). */
const PUSH_ATTEMPTS = 4;

export class NotebookSync {
  private running: Promise<SyncResult> | null = null;
  private config: SyncConfig | null = null;

  /**
   * What the store wrote since the last commit (its change events), so that a sync stages those files only, not a
   * walk of every file of the folder. The first sync after opening, a reload (a restore) and a change of the list
   * of sources (an import, a deletion) stage everything.
   */
  private readonly dirty = new Set<string>();
  private stageEverything = true;
  private stagedSources = '';

  constructor(
    private readonly store: NotebookStore,
    private readonly git: GitDriver,
    private readonly secrets: SecretBox | null,
  ) {
    store.onChange((change) => {
      if (change.kind === 'source') this.dirty.add(`sources/${change.id}.json`);
      else if (change.kind === 'reload') this.stageEverything = true;
    });
  }

  /** Stage what changed since the last commit; false when nothing can have. */
  private async stageChanges(): Promise<boolean> {
    const catalogChanged = await this.writeSharedCatalog();
    const ids = this.store.catalog.sources.map((s) => s.id).join('\n');
    if (this.stageEverything || ids !== this.stagedSources) await this.git.stageAll(this.dir);
    else if (this.dirty.size > 0 || catalogChanged) await this.git.stagePaths(this.dir, [...this.dirty, SHARED_CATALOG]);
    else return false;
    this.stagedSources = ids;
    this.stageEverything = false;
    this.dirty.clear();
    return true;
  }

  private get dir(): string {
    return this.store.dataDir;
  }

  private async cfg(): Promise<SyncConfig> {
    this.config ??= await readSyncConfig(this.dir, defaultAuthor());
    return this.config;
  }

  private async saveConfig(change: (c: SyncConfig) => void): Promise<void> {
    const c = await this.cfg();
    change(c);
    if (await this.git.isRepo(this.dir)) await writeSyncConfig(this.dir, c);
  }

  /** Resolves once no sync is running (before the notebook closes). */
  async idle(): Promise<void> {
    await this.running?.catch(() => {});
  }

  async status(): Promise<SyncStatus> {
    const c = await this.cfg();
    const remote = (await this.git.isRepo(this.dir)) ? await this.git.getRemote(this.dir) : null;
    return {
      shared: remote !== null,
      remote: remote === null ? null : redactUrl(remote),
      remoteKind: remote === null ? null : isHttpUrl(remote) ? 'https' : isSshUrl(remote) ? 'ssh' : 'folder',
      hasToken: c.tokenCipher !== null,
      authorName: c.authorName,
      lastSyncAt: c.lastSyncAt,
      lastError: c.lastError,
      lastConflicts: c.lastConflicts,
      ...(c.lastConflictTexts ? { lastConflictTexts: c.lastConflictTexts } : {}),
      git: this.git.kind,
      autoSyncMinutes: c.autoSyncMinutes,
      syncing: this.running !== null,
    };
  }

  async setAutoSync(minutes: number): Promise<SyncStatus> {
    await this.saveConfig((c) => (c.autoSyncMinutes = minutes));
    return this.status();
  }

  /** Make the folder a repository (if it is not one), set the remote and the credentials, and sync. */
  async share(input: { url: string; token?: string; username?: string; authorName: string }): Promise<SyncResult> {
    this.assertWritable();
    const url = input.url.trim();
    if (isSshUrl(url) && this.git.kind === 'js') throw new NotebookError(sentence('backend.sync.sshNeedsGit'));
    if (!isHttpUrl(url) && !isSshUrl(url) && !/^(\/|[A-Za-z]:[\\/]|\\\\|file:\/\/)/.test(url)) {
      throw new NotebookError(sentence('backend.sync.badAddress', { url: url.slice(0, 200) }));
    }
    const cipher = input.token ? this.encrypt(input.token) : null;
    await this.store.exclusive(async () => {
      if (!(await this.git.isRepo(this.dir))) await this.git.init(this.dir);
      await this.ensureIgnore();
      await this.git.setRemote(this.dir, url);
    });
    await this.saveConfig((c) => {
      c.authorName = input.authorName.trim();
      c.username = input.username?.trim() || 'token';
      if (input.token !== undefined) c.tokenCipher = cipher;
      c.lastError = null;
    });
    return this.sync();
  }

  /** Commit, fetch, merge, push. One at a time: a second call while one runs gets the running one's result. */
  sync(): Promise<SyncResult> {
    this.running ??= this.runSync().finally(() => (this.running = null));
    return this.running;
  }

  private async runSync(): Promise<SyncResult> {
    this.assertWritable();
    if (!(await this.git.isRepo(this.dir)) || !(await this.git.getRemote(this.dir))) {
      throw new NotebookError(sentence('backend.sync.notShared'), 'refused');
    }
    const auth = await this.auth();
    let committed: string | null = null;
    let received = 0;
    const conflicts: string[] = [];
    const conflictTexts: MessageText[] = [];
    try {
      for (let attempt = 1; ; attempt++) {
        committed = (await this.store.exclusive(() => this.commitLocal())) ?? committed;
        const theirs = await this.git.fetch(this.dir, auth);
        let ours = await this.git.head(this.dir);
        if (theirs && ours !== theirs && (await this.git.mergeBase(this.dir, ours ?? theirs, theirs)) !== theirs) {
          const merged = await this.store.exclusive(() => this.mergeIn(theirs));
          received += merged.received;
          conflicts.push(...merged.conflicts);
          conflictTexts.push(...merged.conflictTexts);
          if (merged.committed) committed = merged.committed;
          ours = await this.git.head(this.dir);
        }
        const upToDate = ours === theirs || ours === null;
        if (!upToDate) {
          try {
            await this.git.push(this.dir, auth);
          } catch (err) {
            if (err instanceof GitError && err.kind === 'rejected' && attempt < PUSH_ATTEMPTS) continue;
            throw err;
          }
        }
        const at = new Date().toISOString();
        await this.saveConfig((c) => {
          c.lastSyncAt = at;
          c.lastError = null;
          if (conflicts.length || received) {
            c.lastConflicts = conflicts;
            c.lastConflictTexts = conflictTexts;
          }
        });
        return { upToDate: upToDate && !committed && received === 0, committed, received, conflicts, conflictTexts, pushed: !upToDate, at };
      }
    } catch (err) {
      const message = err instanceof GitError || err instanceof NotebookError ? err.message : `The sync failed: ${(err as Error).message}. Your work is kept here.`;
      await this.saveConfig((c) => (c.lastError = message)).catch(() => {});
      if (err instanceof GitError) throw new NotebookError(asIs(message), err.kind === 'offline' ? 'io' : 'refused');
      throw err;
    }
  }

  /** Inside the exclusive section: commit what changed since the last commit. The message, or null when nothing did. */
  private async commitLocal(): Promise<string | null> {
    try {
      if (!(await this.stageChanges())) return null;
      return await this.commitStaged();
    } catch (err) {
      // Whatever was staged is looked at again next time.
      this.stageEverything = true;
      throw err;
    }
  }

  private async commitStaged(): Promise<string | null> {
    const paths = await this.git.stagedChanges(this.dir);
    if (paths.length === 0) return null;
    const head = await this.git.head(this.dir);
    const before = head ? await this.git.listTree(this.dir, head) : new Map<string, string>();
    const describable = paths.filter((p) => p.endsWith('.json'));
    const oids = describable.map((p) => before.get(p)).filter((o): o is string => !!o);
    const blobs = await this.git.readBlobs(this.dir, oids);
    const changes: FileChange[] = [];
    for (const p of paths) {
      const oid = before.get(p);
      const json = p.endsWith('.json');
      changes.push({
        path: p,
        before: oid ? (json ? blobs.get(oid)!.toString('utf8') : '') : null,
        after: json ? await readFile(join(this.dir, p), 'utf8').catch(() => null) : await readFile(join(this.dir, p)).then(() => '', () => null),
      });
    }
    const message = describeChanges(changes, (id) => this.titleOf(id));
    await this.git.commit(this.dir, message, await this.author(), head ? [head] : []);
    return message.split('\n')[0];
  }

  /** Inside the exclusive section: merge `theirs` into the notebook, by meaning, and commit the merge. */
  private async mergeIn(theirs: string): Promise<{ received: number; conflicts: string[]; conflictTexts: MessageText[]; committed: string | null }> {
    const localMessage = await this.commitLocal();
    const ours = await this.git.head(this.dir);
    const base = ours ? await this.git.mergeBase(this.dir, ours, theirs) : null;
    const [tb, to, tt] = await Promise.all([base ? this.git.listTree(this.dir, base) : new Map<string, string>(), ours ? this.git.listTree(this.dir, ours) : new Map<string, string>(), this.git.listTree(this.dir, theirs)]);
    // Only files that differ somewhere are read and merged; a file alike on all three sides is left as it is.
    const paths = [...new Set([...tb.keys(), ...to.keys(), ...tt.keys()])].filter((p) => isSharedPath(p) && !(tb.get(p) === to.get(p) && to.get(p) === tt.get(p)));
    const jsonPaths = paths.filter((p) => p.endsWith('.json'));
    const wanted = new Set<string>();
    for (const p of jsonPaths) for (const t of [tb, to, tt]) if (t.has(p)) wanted.add(t.get(p)!);
    const blobs = await this.git.readBlobs(this.dir, [...wanted]);
    const asTree = (t: Map<string, string>) => {
      const m = new Map<string, string>();
      for (const p of jsonPaths) {
        const oid = t.get(p);
        if (oid) m.set(p === SHARED_CATALOG ? 'catalog.json' : p, blobs.get(oid)!.toString('utf8'));
      }
      return m;
    };
    let merge;
    try {
      merge = mergeTrees(asTree(tb), asTree(to), asTree(tt));
    } catch (err) {
      throw new NotebookError(sentence('backend.sync.mergeFailed', { reason: (err as Error).message }));
    }
    // Binary files (originals) by id: the side that changed it.
    const writes = new Map<string, string | Buffer | null>();
    for (const [p, text] of merge.changes) writes.set(p === 'catalog.json' ? SHARED_CATALOG : p, text);
    for (const p of paths.filter((x) => !x.endsWith('.json'))) {
      const [b, o, t] = [tb.get(p), to.get(p), tt.get(p)];
      if (o === b && t !== o) writes.set(p, t ? (await this.git.readBlob(this.dir, t)) : null);
    }
    this.checkShapes(writes);
    // Write: the source files and originals first, the catalog last (what names them). Each file is replaced whole
    // (a temp file renamed over it); the folders are synced once at the end, not every file: git holds both sides
    // until the merge is committed, and a merge cut short is merged again by the next sync.
    const changedSources = new Set<string>();
    const files = [...writes].filter(([p]) => p !== SHARED_CATALOG && p !== '.gitignore');
    for (const [p] of files) {
      const id = /^sources\/(.+)\.json$/.exec(p)?.[1];
      if (id) changedSources.add(id);
    }
    await inBatches(files, 8, async ([p, content]) => {
      const full = join(this.dir, p);
      if (content === null) await rm(full, { force: true });
      else {
        await mkdir(dirname(full), { recursive: true });
        await replaceFile(full, content);
      }
    });
    for (const folder of new Set(files.map(([p]) => dirname(join(this.dir, p))))) await fsyncDir(folder);
    const sharedText = writes.get(SHARED_CATALOG);
    if (typeof sharedText === 'string') {
      const next = withSharedParts(this.store.catalog, JSON.parse(sharedText) as Record<string, unknown>);
      await writeFileAtomic(join(this.dir, 'catalog.json'), `${JSON.stringify(next, null, 1)}\n`);
      await writeFileAtomic(join(this.dir, SHARED_CATALOG), sharedText);
    }
    if (writes.size > 0) await this.store.reload(changedSources);
    await this.store.flush();
    const names = this.conflictNames();
    const conflictTexts = merge.conflicts.map((c) => describeConflict(c, names));
    const conflicts = conflictTexts.map(englishText);
    // The merged notebook: its tree is theirs when nothing of ours was left to add (a fast-forward).
    for (const p of writes.keys()) this.dirty.add(p);
    this.stageEverything = false;
    this.stagedSources = this.store.catalog.sources.map((s) => s.id).join('\n');
    await this.stageChanges();
    const tree = await this.git.indexTree(this.dir);
    if (tree === (await this.git.treeOf(this.dir, theirs))) await this.git.moveMain(this.dir, theirs);
    else {
      // The merge commit's message is the shared history's record, read by every analyst whatever their language:
      // it stays English, as git writes it.
      const subject = `Merged the shared notebook: ${writes.size} file${writes.size === 1 ? '' : 's'} brought in${conflicts.length ? `, ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} to read` : ''}`;
      await this.git.commit(this.dir, `${subject}\n\n${conflicts.join('\n')}\n`, await this.author(), ours ? [ours, theirs] : [theirs]);
    }
    return { received: writes.size, conflicts, conflictTexts, committed: localMessage };
  }

  /** A file a merge would write that the notebook could not read is refused before anything is written. */
  private checkShapes(writes: Map<string, string | Buffer | null>): void {
    for (const [p, content] of writes) {
      if (typeof content !== 'string') continue;
      const kind = p === SHARED_CATALOG ? 'catalog' : p.startsWith('sources/') ? 'source' : null;
      if (!kind) continue;
      let data: unknown;
      try {
        data = JSON.parse(content);
      } catch {
        throw new NotebookError(sentence('backend.sync.notJson', { file: p }));
      }
      const problem = shapeProblem(kind, kind === 'catalog' ? { settings: {}, ...(data as object) } : data);
      const version = (data as { schemaVersion?: number }).schemaVersion ?? 0;
      if (version > SCHEMA_VERSION) throw new NotebookError(sentence('backend.sync.newerSchema', { version: String(version) }));
      if (problem) throw new NotebookError(sentence('backend.sync.damaged', { file: p, problem }));
    }
  }

  /** The notebook's history (or one source's), newest first. */
  async history(sourceId: string | undefined, max = 200): Promise<HistoryEntry[]> {
    if (!(await this.git.isRepo(this.dir))) return [];
    const entries = await this.git.log(this.dir, { path: sourceId ? `sources/${sourceId}.json` : undefined, max });
    return entries.map((e) => ({ commit: e.oid, author: e.author, date: e.date, summary: e.message.split('\n')[0], merge: e.parents.length > 1 }));
  }

  /** Put back a source as it was in `commit`, as a new change (its history keeps every version). */
  async restoreSourceVersion(sourceId: string, commit: string): Promise<SourceFile> {
    this.assertWritable();
    this.store.sourceMeta(sourceId);
    const tree = await this.git.listTree(this.dir, commit).catch(() => {
      throw new NotebookError(sentence('backend.sync.noVersion'));
    });
    const oid = tree.get(`sources/${sourceId}.json`);
    if (!oid) throw new NotebookError(sentence('backend.sync.versionLacksSource'));
    const old = JSON.parse((await this.git.readBlob(this.dir, oid)).toString('utf8')) as SourceFile;
    const problem = shapeProblem('source', old);
    if (problem) throw new NotebookError(sentence('backend.sync.versionUnreadable', { problem }));
    const tags = new Set(this.store.catalog.tags.map((t) => t.id));
    return this.store.changeSource(sourceId, (current) => {
      const next: SourceFile = { ...current, text: old.text, note: old.note, highlights: old.highlights.map((h) => ({ ...h, tagIds: h.tagIds.filter((t) => tags.has(t)) })) };
      return { next, result: next };
    });
  }

  /** Write catalog.shared.json when the shared parts of the catalog changed (and .gitignore when missing). */
  private sharedText: string | null = null;

  /** Write catalog.shared.json when the shared parts of the catalog changed; whether it did. */
  private async writeSharedCatalog(): Promise<boolean> {
    const text = sharedCatalogText(this.store.catalog);
    if (text === this.sharedText) return false;
    const path = join(this.dir, SHARED_CATALOG);
    const changed = (await readFile(path, 'utf8').catch(() => null)) !== text;
    if (changed) await writeFileAtomic(path, text);
    this.sharedText = text;
    return changed;
  }

  private async ensureIgnore(): Promise<void> {
    const path = join(this.dir, '.gitignore');
    if ((await readFile(path, 'utf8').catch(() => null)) !== GITIGNORE) await writeFileAtomic(path, GITIGNORE);
  }

  private async auth(): Promise<GitAuth | null> {
    const c = await this.cfg();
    if (!c.tokenCipher) return null;
    if (!this.secrets?.available()) throw new NotebookError(sentence('backend.sync.tokenUnreadable'));
    return { username: c.username || 'token', token: this.secrets.decrypt(c.tokenCipher) };
  }

  private encrypt(token: string): string {
    if (!this.secrets?.available()) throw new NotebookError(sentence('backend.sync.noKeychain'));
    return this.secrets.encrypt(token);
  }

  private async author(): Promise<{ name: string; email: string }> {
    const name = (await this.cfg()).authorName || defaultAuthor();
    return { name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'analyst'}@research-notebook.invalid` };
  }

  private titleOf(id: string): string {
    return this.store.catalog.sources.find((s) => s.id === id)?.title ?? id;
  }

  private conflictNames() {
    const tags = new Map(this.store.catalog.tags.map((t) => [t.id, t.name]));
    return {
      source: (id: string) => this.titleOf(id),
      tag: (id: string) => tags.get(id) ?? id,
      highlight: (_sourceId: string, highlightId: string) => `(${highlightId})`,
    };
  }

  private assertWritable(): void {
    if (this.store.readOnly) throw new NotebookError(sentence('backend.readOnly.noSync', { reason: this.store.whyReadOnly ?? '' }), 'read-only');
  }
}

/** Run `task` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(task));
}

/** Replace a file whole: readers see the old or the new one, never a part (not synced: see mergeIn). */
async function replaceFile(path: string, content: string | Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

function defaultAuthor(): string {
  try {
    return userInfo().username || 'Analyst';
  } catch {
    return 'Analyst';
  }
}

/** Turn a freshly cloned folder into a notebook the store opens: its catalog.json from the shared catalog. */
export async function prepareClonedNotebook(dataDir: string, analystName = ''): Promise<number> {
  const text = await readFile(join(dataDir, SHARED_CATALOG), 'utf8').catch(() => null);
  if (text === null) return 0;
  const shared = JSON.parse(text) as Record<string, unknown>;
  const catalog: CatalogFile = withSharedParts(null, shared);
  // The name given when joining is this analyst's name in the notebook too (highlights' creator, blind coding).
  if (analystName) catalog.settings = { ...catalog.settings, analystName, analysts: [analystName] };
  await writeFileAtomic(join(dataDir, 'catalog.json'), `${JSON.stringify(catalog, null, 1)}\n`);
  return catalog.sources.length;
}
