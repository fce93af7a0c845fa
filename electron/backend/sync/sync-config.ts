/**
 * This notebook's sharing settings, kept inside `.git/` (never committed, never shared): the author name shown on
 * this analyst's commits, the remote's kind, the token encrypted by the shell's secret box (Electron's safeStorage,
 * the OS keychain), when it last synced and what the last sync reported.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { messageTextSchema, type MessageText } from '../../../core/i18n/message-text';

/** Encrypts a token for keeping on disk and back: Electron's safeStorage in the app, a stand-in in tests. */
export interface SecretBox {
  available(): boolean;
  encrypt(text: string): string;
  decrypt(cipher: string): string;
}

export interface SyncConfig {
  authorName: string;
  username: string;
  /** The token as the secret box encrypted it (base64), or null. */
  tokenCipher: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastConflicts: string[];
  /** The same as data, for the interface language (absent in a file an older version wrote). */
  lastConflictTexts?: MessageText[];
  autoSyncMinutes: number;
}

const FILE = 'research-notebook-sync.json';

export const defaultConfig = (authorName: string): SyncConfig => ({ authorName, username: 'token', tokenCipher: null, lastSyncAt: null, lastError: null, lastConflicts: [], autoSyncMinutes: 5 });

export async function readSyncConfig(dataDir: string, fallbackName: string): Promise<SyncConfig> {
  try {
    const raw = JSON.parse(await readFile(join(dataDir, '.git', FILE), 'utf8')) as Partial<SyncConfig>;
    const lastConflicts = Array.isArray(raw.lastConflicts) ? raw.lastConflicts.map(String) : [];
    // Sentences as data only when every one is a message of this app's catalog and they match the English ones.
    const texts = Array.isArray(raw.lastConflictTexts) ? raw.lastConflictTexts.map((t) => messageTextSchema.safeParse(t)) : [];
    const lastConflictTexts = texts.length === lastConflicts.length && texts.every((t) => t.success) ? texts.map((t) => t.data as MessageText) : undefined;
    const { lastConflictTexts: _, ...rest } = raw;
    return { ...defaultConfig(fallbackName), ...rest, lastConflicts, ...(lastConflictTexts ? { lastConflictTexts } : {}) };
  } catch {
    return defaultConfig(fallbackName);
  }
}

export async function writeSyncConfig(dataDir: string, config: SyncConfig): Promise<void> {
  await writeFileAtomic(join(dataDir, '.git', FILE), `${JSON.stringify(config, null, 2)}\n`);
}
