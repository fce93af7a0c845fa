import { stat } from 'node:fs/promises';

/**
 * A source file's fingerprint: inode, modification time and size. Every save is an atomic rename, so a changed file
 * always has a new inode; an unchanged one keeps all three, and the search index's documents of it are kept as they
 * are. '' when the file is not there.
 */
export async function fileKey(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return '';
  }
}
