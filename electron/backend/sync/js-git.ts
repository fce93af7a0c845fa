/**
 * The GitDriver in pure JavaScript (isomorphic-git), for a computer with no git installed. HTTPS remotes go through
 * isomorphic-git's smart-HTTP client (the token given per call through onAuth, never stored in .git/config); a
 * remote that is a folder (a bare repository on a shared drive or a USB stick) is read and written directly, object
 * by object, since isomorphic-git has no file transport. SSH needs the system git.
 */
import * as fs from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { classifyGitFailure } from './git-errors';
import { isSharedPath } from './shared-files';
import { GitError, isHttpUrl, isSshUrl, type GitAuth, type GitAuthor, type GitDriver, type LogEntry } from './git';

type Where = { fs: typeof fs; gitdir: string; dir?: string };

export class JsGit implements GitDriver {
  readonly kind = 'js' as const;
  private readonly cache = {};

  private at(dir: string): Where & { dir: string; cache: object } {
    return { fs, dir, gitdir: join(dir, '.git'), cache: this.cache };
  }

  private failure(err: unknown, remote: string): GitError {
    if (err instanceof GitError) return err;
    const e = err as { code?: string; message?: string; data?: { statusCode?: number } };
    return classifyGitFailure(`${e.code ?? ''} ${e.data?.statusCode ?? ''} ${e.message ?? String(err)}`, remote);
  }

  private onAuth(auth: GitAuth | null) {
    return auth ? { onAuth: () => ({ username: auth.username, password: auth.token }), onAuthFailure: () => ({ cancel: true }) } : {};
  }

  async isRepo(dir: string): Promise<boolean> {
    return access(join(dir, '.git')).then(
      () => true,
      () => false,
    );
  }

  async init(dir: string): Promise<void> {
    await git.init({ fs, dir, defaultBranch: 'main' });
  }

  async getRemote(dir: string): Promise<string | null> {
    return ((await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined) ?? null;
  }

  async setRemote(dir: string, url: string): Promise<void> {
    if (isSshUrl(url)) throw new GitError('SSH addresses need git installed on this computer; use an HTTPS address or a folder path instead.', 'other');
    await git.addRemote({ fs, dir, remote: 'origin', url, force: true });
  }

  /**
   * isomorphic-git does not look inside a folder that .gitignore's `/*` ignores, even one a `!` rule lets through:
   * the status is taken with ignored files and the notebook's rule (isSharedPath) applied here.
   */
  private async status(dir: string) {
    const rows = await git.statusMatrix({ ...this.at(dir), ignored: true });
    return rows.filter(([f]) => isSharedPath(f));
  }

  async stageAll(dir: string): Promise<void> {
    for (const [filepath, , workdir, stage] of await this.status(dir)) {
      if (workdir === 0) {
        if (stage !== 0) await git.remove({ ...this.at(dir), filepath });
      } else if (stage !== workdir) await git.add({ ...this.at(dir), filepath, force: true });
    }
  }

  async stagedChanges(dir: string): Promise<string[]> {
    const rows = await this.status(dir);
    return rows.filter(([, head, , stage]) => (head === 0 ? stage !== 0 : stage !== 1)).map(([f]) => f);
  }

  async indexTree(dir: string): Promise<string> {
    const author = { name: 'index', email: 'index@localhost', timestamp: 0, timezoneOffset: 0 };
    const oid = await git.commit({ ...this.at(dir), message: 'index', author, noUpdateBranch: true, parent: [] });
    return (await git.readCommit({ ...this.at(dir), oid })).commit.tree;
  }

  async treeOf(dir: string, commit: string): Promise<string> {
    return (await git.readCommit({ ...this.at(dir), oid: commit })).commit.tree;
  }

  async commit(dir: string, message: string, author: GitAuthor, parents: string[]): Promise<string> {
    const oid = await git.commit({ ...this.at(dir), message, author, parent: parents, noUpdateBranch: true });
    await this.moveMain(dir, oid);
    return oid;
  }

  async moveMain(dir: string, oid: string): Promise<void> {
    await git.writeRef({ ...this.at(dir), ref: 'refs/heads/main', value: oid, force: true });
    await git.writeRef({ ...this.at(dir), ref: 'HEAD', value: 'refs/heads/main', symbolic: true, force: true });
  }

  async head(dir: string): Promise<string | null> {
    return git.resolveRef({ ...this.at(dir), ref: 'refs/heads/main' }).catch(() => null);
  }

  async remoteHead(dir: string): Promise<string | null> {
    return git.resolveRef({ ...this.at(dir), ref: 'refs/remotes/origin/main' }).catch(() => null);
  }

  async fetch(dir: string, auth: GitAuth | null): Promise<string | null> {
    const url = (await this.getRemote(dir)) ?? '';
    try {
      if (!isHttpUrl(url)) {
        const src = await folderRemote(url);
        const oid = await git.resolveRef({ fs, gitdir: src, ref: 'refs/heads/main' }).catch(() => null);
        if (!oid) return null;
        await copyObjects({ fs, gitdir: src }, { fs, gitdir: join(dir, '.git') }, oid);
        await git.writeRef({ ...this.at(dir), ref: 'refs/remotes/origin/main', value: oid, force: true });
        return oid;
      }
      const info = await git.getRemoteInfo2({ http, url, protocolVersion: 1, ...this.onAuth(auth) });
      if (!(info.refs ?? []).some((r) => r.ref === 'refs/heads/main')) return null;
      await git.fetch({ ...this.at(dir), http, remote: 'origin', ref: 'main', singleBranch: true, tags: false, ...this.onAuth(auth) });
      return this.remoteHead(dir);
    } catch (err) {
      throw this.failure(err, url);
    }
  }

  async push(dir: string, auth: GitAuth | null): Promise<void> {
    const url = (await this.getRemote(dir)) ?? '';
    const head = await this.head(dir);
    if (!head) return;
    try {
      if (!isHttpUrl(url)) {
        const dst = await folderRemote(url);
        const theirs = await git.resolveRef({ fs, gitdir: dst, ref: 'refs/heads/main' }).catch(() => null);
        // Only a fast-forward: the remote's main must be what this notebook has merged.
        if (theirs && theirs !== head && !(await git.isDescendent({ ...this.at(dir), oid: head, ancestor: theirs, depth: -1 }).catch(() => false))) {
          throw new GitError('The shared notebook changed while syncing; sync again to merge the new changes.', 'rejected');
        }
        await copyObjects({ fs, gitdir: join(dir, '.git') }, { fs, gitdir: dst }, head);
        await git.writeRef({ fs, gitdir: dst, ref: 'refs/heads/main', value: head, force: true });
      } else {
        const r = await git.push({ ...this.at(dir), http, remote: 'origin', ref: 'main', remoteRef: 'main', ...this.onAuth(auth) });
        if (!r.ok) throw new GitError(`The shared notebook refused the change: ${r.error ?? 'unknown reason'}`, 'rejected');
      }
      await git.writeRef({ ...this.at(dir), ref: 'refs/remotes/origin/main', value: head, force: true });
    } catch (err) {
      throw this.failure(err, url);
    }
  }

  async mergeBase(dir: string, a: string, b: string): Promise<string | null> {
    const bases = (await git.findMergeBase({ ...this.at(dir), oids: [a, b] })) as string[];
    return bases[0] ?? null;
  }

  async listTree(dir: string, commit: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const stack: Array<{ oid: string; prefix: string }> = [{ oid: await this.treeOf(dir, commit), prefix: '' }];
    while (stack.length) {
      const { oid, prefix } = stack.pop()!;
      const { tree } = await git.readTree({ ...this.at(dir), oid });
      for (const e of tree) {
        if (e.type === 'tree') stack.push({ oid: e.oid, prefix: `${prefix}${e.path}/` });
        else if (e.type === 'blob') out.set(`${prefix}${e.path}`, e.oid);
      }
    }
    return out;
  }

  async readBlob(dir: string, oid: string): Promise<Buffer> {
    const { blob } = await git.readBlob({ ...this.at(dir), oid });
    return Buffer.from(blob);
  }

  async readBlobs(dir: string, oids: string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const oid of oids) out.set(oid, await this.readBlob(dir, oid));
    return out;
  }

  async log(dir: string, options: { path?: string; max: number }): Promise<LogEntry[]> {
    if (!(await this.head(dir))) return [];
    const entries = await git.log({ ...this.at(dir), ref: 'refs/heads/main', depth: options.path ? undefined : options.max, filepath: options.path, force: true });
    return entries.slice(0, options.max).map((e) => ({
      oid: e.oid,
      author: e.commit.author.name,
      email: e.commit.author.email,
      date: new Date(e.commit.author.timestamp * 1000).toISOString(),
      parents: e.commit.parent,
      message: e.commit.message.trim(),
    }));
  }

  async clone(url: string, dir: string, auth: GitAuth | null): Promise<void> {
    await this.init(dir);
    await this.setRemote(dir, url);
    const oid = await this.fetch(dir, auth);
    if (oid) {
      await this.moveMain(dir, oid);
      await git.checkout({ ...this.at(dir), ref: 'main', force: true });
    }
  }
}

/** The git folder of a remote given as a path: a bare repository, or a repository's .git. */
async function folderRemote(url: string): Promise<string> {
  const path = url.replace(/^file:\/\//, '');
  if (!isAbsolute(path)) throw new GitError(`"${url}" is not an HTTPS address or a full folder path.`, 'not-found');
  for (const candidate of [path, join(path, '.git')]) {
    const s = await stat(join(candidate, 'HEAD')).catch(() => null);
    if (s?.isFile()) return candidate;
  }
  throw new GitError(`There is no shared notebook at ${url}: the folder is missing (is the drive connected?) or is not a git repository (make one with "git init --bare").`, (await stat(path).catch(() => null)) ? 'not-found' : 'offline');
}

/** Copy the objects reachable from `oid` that `dst` lacks (an object present means its whole history is). */
async function copyObjects(src: Where, dst: Where, oid: string): Promise<void> {
  const stack = [oid];
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const present = await git.readObject({ ...dst, oid: id, format: 'deflated' }).then(
      () => true,
      () => false,
    );
    if (present) continue;
    const obj = await git.readObject({ ...src, oid: id, format: 'content' });
    await git.writeObject({ ...dst, type: obj.type as 'blob' | 'tree' | 'commit' | 'tag', object: obj.object as Uint8Array, format: 'content' });
    if (obj.type === 'commit') {
      const { commit } = await git.readCommit({ ...src, oid: id });
      stack.push(commit.tree, ...commit.parent);
    } else if (obj.type === 'tree') {
      const { tree } = await git.readTree({ ...src, oid: id });
      for (const e of tree) if (e.type !== 'commit') stack.push(e.oid);
    }
  }
}
