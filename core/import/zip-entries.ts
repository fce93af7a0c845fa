import { readCentralDirectory, type ZipEntry } from './zip-inflate';

export type { ZipEntry };

/**
 * The entries of a zip archive from its central directory, inflating none (sizes can then be checked before anything
 * is expanded); null when the bytes are not a zip archive. What the headers declare is only a first check: the
 * inflation itself counts bytes (zip-inflate.ts).
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  try {
    return readCentralDirectory(bytes);
  } catch {
    return null;
  }
}
