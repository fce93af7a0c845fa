/**
 * The sharing channels' inputs and outputs (issue 19): share a notebook through git, join one, sync, read its history,
 * restore an earlier version of a source. The contract (core/contract.ts) lists the channels with these schemas.
 */
import { z } from 'zod';
import { id } from '../schemas';
import type { MessageText } from '../i18n/message-text';

/** Where the shared notebook lives: an HTTPS or SSH address, or a full path to a bare repository (a shared drive). */
export const remoteAddress = z
  .string()
  .trim()
  .min(1, 'Give the address of the shared notebook.')
  .max(2000)
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'The address has control characters in it.')
  .refine((s) => !/^-/.test(s), 'An address cannot start with "-".')
  .refine((s) => !/^https?:\/\/[^/@\s]*:[^/@\s]*@/i.test(s), 'Put the token in the token field, not in the address: an address is kept in plain text.');

const token = z.string().max(4000).refine((s) => !/[\r\n]/.test(s), 'A token is one line.');
const authorName = z.string().trim().min(1, 'Give your name: it is shown on your changes in the history.').max(200);

export const syncInputs = {
  shareNotebook: z.object({ url: remoteAddress, token: token.optional(), username: z.string().max(200).optional(), authorName }).strict(),
  joinNotebook: z.object({ url: remoteAddress, folder: z.string().trim().min(1, 'Choose an empty folder for the notebook.').max(4096), token: token.optional(), username: z.string().max(200).optional(), authorName }).strict(),
  notebookHistory: z.object({ sourceId: id.optional(), max: z.number().int().min(1).max(1000).optional() }).strict().optional(),
  restoreSourceVersion: z.object({ sourceId: id, commit: z.string().regex(/^[0-9a-f]{40}$/, 'not a commit id') }).strict(),
  setAutoSync: z.object({ minutes: z.number().int().min(0).max(1440) }).strict(),
};

export interface SyncStatus {
  /** The notebook has a remote to sync with. */
  shared: boolean;
  /** The remote's address without any credentials. */
  remote: string | null;
  remoteKind: 'https' | 'ssh' | 'folder' | null;
  hasToken: boolean;
  authorName: string;
  lastSyncAt: string | null;
  lastError: string | null;
  /** What the last sync could not merge by itself, in sentences. */
  lastConflicts: string[];
  /** The same as data, for the interface language. */
  lastConflictTexts?: MessageText[];
  /** Which git runs: the one installed, or the built-in one. */
  git: 'system' | 'js';
  /** Sync every this many minutes while the app is open (0: only on demand). */
  autoSyncMinutes: number;
  syncing: boolean;
}

export interface SyncResult {
  /** Nothing to send or receive. */
  upToDate: boolean;
  /** The message of the commit of local changes, if any were made. */
  committed: string | null;
  /** Files the merge brought in or changed. */
  received: number;
  conflicts: string[];
  /** The same as data, for the interface language. */
  conflictTexts: MessageText[];
  pushed: boolean;
  at: string;
}

export interface HistoryEntry {
  commit: string;
  author: string;
  date: string;
  /** The first line of the message. */
  summary: string;
  merge: boolean;
}

export interface JoinResult {
  dataDir: string;
  sources: number;
}
