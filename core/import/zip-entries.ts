import { unzipSync, type UnzipFileInfo } from 'fflate';

/**
 * The entries of a zip archive from its central directory, inflating none (sizes can then be checked before anything
 * is expanded); null when the bytes are not a zip archive.
 */
export function listZipEntries(bytes: Uint8Array): UnzipFileInfo[] | null {
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        infos.push(f);
        return false;
      },
    });
  } catch {
    return null;
  }
  return infos;
}
