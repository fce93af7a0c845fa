import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ORIGINALS } from '../../../core/documents/originals';
import type { SourceMeta } from '../../../core/model';
import { writeFileAtomic } from '../atomic-write';

/**
 * The files sources were imported from (a PDF for the page view, a web page for "Show the whole page", a Word file),
 * kept in the notebook folder as `originals/<source id>.<ext>` (core/documents/originals.ts). Written atomically before
 * the catalog names them.
 */

export async function writeOriginal(dataDir: string, relative: string, bytes: Uint8Array): Promise<void> {
  await mkdir(join(dataDir, ORIGINALS), { recursive: true });
  await writeFileAtomic(join(dataDir, relative), bytes);
}

/** The original file of a source, or null when the notebook has none (or it is gone). */
export async function readOriginal(dataDir: string, meta: SourceMeta): Promise<Uint8Array | null> {
  if (!meta.original || !/^originals\/[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,8}$/.test(meta.original)) return null;
  try {
    return new Uint8Array(await readFile(join(dataDir, meta.original)));
  } catch {
    return null;
  }
}
