import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Write a file so that a reader sees either the old content or the new one, never a part:
 * write a temp file beside it, fsync it, rename it over the target, then fsync the folder so the rename is durable.
 * Text is written as UTF-8; bytes (an export archive, a PDF) as they are.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await moveIntoPlace(await writeTempBeside(path, data), path);
}

/**
 * The first half of writeFileAtomic: the data in a temp file beside `path`, synced to the disk; its name. A worker
 * thread writes a large file this way, and the backend moves it into place (moveIntoPlace) in the file's turn.
 */
export async function writeTempBeside(path: string, data: string | Uint8Array): Promise<string> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w', 0o600);
  try {
    if (typeof data === 'string') await handle.writeFile(data, 'utf8');
    else await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  return tmp;
}

/** The second half: the synced temp file renamed over `path`, and the rename made durable. */
export async function moveIntoPlace(tmp: string, path: string): Promise<void> {
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await fsyncDir(dirname(path));
}

/** Make a rename or a new file in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already atomic there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
