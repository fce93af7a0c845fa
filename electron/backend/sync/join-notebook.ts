/**
 * Join a shared notebook (issue 19): clone it into a new empty folder and make that folder a notebook the app opens
 * (its catalog.json made from the shared catalog; this analyst's name and token kept in .git/). A failed clone leaves
 * no half-made notebook behind.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { NotebookError } from '../errors';
import { GitError, isSshUrl, type GitDriver } from './git';
import { prepareClonedNotebook } from './notebook-sync';
import { defaultConfig, writeSyncConfig, type SecretBox } from './sync-config';
import { sentence, asIs } from '../../../core/i18n/message-text';

export interface JoinInput {
  url: string;
  folder: string;
  token?: string;
  username?: string;
  authorName: string;
}

export async function joinNotebook(git: GitDriver, input: JoinInput, secrets: SecretBox | null): Promise<{ dataDir: string; sources: number }> {
  if (!isAbsolute(input.folder)) throw new NotebookError(sentence('backend.sync.fullPath'));
  const dataDir = resolve(input.folder);
  const url = input.url.trim();
  if (isSshUrl(url) && git.kind === 'js') throw new NotebookError(sentence('backend.sync.sshNeedsGit'));
  const existing = await readdir(dataDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    if (err.code === 'ENOTDIR') throw new NotebookError(sentence('backend.sync.isFile', { folder: dataDir }));
    throw err;
  });
  if (existing && existing.length > 0) throw new NotebookError(sentence('backend.sync.notEmpty', { folder: dataDir }));
  if (input.token && !secrets?.available()) throw new NotebookError(sentence('backend.sync.noKeychain'));
  const auth = input.token ? { username: input.username?.trim() || 'token', token: input.token } : null;
  await mkdir(dataDir, { recursive: true });
  try {
    await git.clone(url, dataDir, auth);
    const sources = await prepareClonedNotebook(dataDir, input.authorName.trim());
    if (sources === 0 && !(await git.head(dataDir))) throw new NotebookError(sentence('backend.sync.emptyShared'));
    const config = defaultConfig(input.authorName.trim());
    config.username = auth?.username ?? 'token';
    config.tokenCipher = input.token ? secrets!.encrypt(input.token) : null;
    config.lastSyncAt = new Date().toISOString();
    await writeSyncConfig(dataDir, config);
    return { dataDir, sources };
  } catch (err) {
    // Nothing half-made stays behind: the folder was empty (or did not exist).
    for (const name of await readdir(dataDir).catch(() => [] as string[])) await rm(resolve(dataDir, name), { recursive: true, force: true });
    if (err instanceof GitError) throw new NotebookError(asIs(err.message.replace(' Your work is kept here and committed locally.', '').replace(' Your work is kept here.', '')), err.kind === 'offline' ? 'io' : 'refused');
    throw err;
  }
}
