/**
 * The git layer of sharing (issue 19): one small interface over the system git (system-git.ts) and a pure-JS git
 * (js-git.ts, isomorphic-git) for machines with no git installed. Sync (notebook-sync.ts) speaks only this.
 * One branch, `main`, and one remote, `origin`; commits are made from the index, with explicit parents.
 */

/** A token for an HTTPS remote, for one command only: never written into .git/config. */
export interface GitAuth {
  username: string;
  token: string;
}

export interface GitAuthor {
  name: string;
  email: string;
}

export interface LogEntry {
  oid: string;
  author: string;
  email: string;
  /** ISO date of the commit. */
  date: string;
  message: string;
  parents: string[];
}

export interface GitDriver {
  readonly kind: 'system' | 'js';
  isRepo(dir: string): Promise<boolean>;
  /** A new repository on branch `main`. */
  init(dir: string): Promise<void>;
  getRemote(dir: string): Promise<string | null>;
  setRemote(dir: string, url: string): Promise<void>;
  /** Stage every change of the working folder (additions, changes, deletions) that .gitignore lets through. */
  stageAll(dir: string): Promise<void>;
  /** Paths whose staged content differs from HEAD (every staged path when there is no commit yet). */
  stagedChanges(dir: string): Promise<string[]>;
  /** Commit the index with these parents and move `main` (and HEAD) to it. */
  commit(dir: string, message: string, author: GitAuthor, parents: string[]): Promise<string>;
  /** The tree id of what is staged. */
  indexTree(dir: string): Promise<string>;
  /** The tree id of a commit. */
  treeOf(dir: string, commit: string): Promise<string>;
  /** `main` moved to `oid` (a fast-forward once the working files and the index hold its tree). */
  moveMain(dir: string, oid: string): Promise<void>;
  /** The commit of `main`, or null before the first commit. */
  head(dir: string): Promise<string | null>;
  /** The commit `origin/main` as last fetched, or null. */
  remoteHead(dir: string): Promise<string | null>;
  /** Fetch origin's `main` into `origin/main`; its commit, or null when the remote is empty. */
  fetch(dir: string, auth: GitAuth | null): Promise<string | null>;
  /** Push `main` to origin (refused when origin moved on: fetch and merge first). */
  push(dir: string, auth: GitAuth | null): Promise<void>;
  mergeBase(dir: string, a: string, b: string): Promise<string | null>;
  /** Path -> blob id of every file in a commit. */
  listTree(dir: string, commit: string): Promise<Map<string, string>>;
  readBlob(dir: string, oid: string): Promise<Buffer>;
  /** Many blobs at once: blob id -> text. */
  readBlobs(dir: string, oids: string[]): Promise<Map<string, Buffer>>;
  /** Newest first; `path` limits to commits that changed it. */
  log(dir: string, options: { path?: string; max: number }): Promise<LogEntry[]>;
  /** Clone `url` into `dir` (an empty or missing folder), on branch main. */
  clone(url: string, dir: string, auth: GitAuth | null): Promise<void>;
}

/** Why a git operation failed, in the words an analyst is told; `kind` lets the caller decide what to do. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(
    message: string,
    readonly kind: 'offline' | 'auth' | 'refused' | 'rejected' | 'not-found' | 'other',
  ) {
    super(message);
  }
}

export const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);
export const isSshUrl = (url: string) => /^(ssh:\/\/|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:)/.test(url);
