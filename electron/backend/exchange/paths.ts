import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { FORMAT_INFO, type ExportFormat } from '../../../core/exchange/api';
import { NotebookError } from '../errors';
import { sentence } from '../../../core/i18n/message-text';

/**
 * Where an export may be written. The path comes from the renderer (a native save dialog, or a field the analyst
 * typed in), so it is checked here: absolute, in a folder that exists, never inside the notebook's own data folder
 * (also not through a symbolic link, and compared without case where the file system ignores it), and with the
 * format's extension (added when missing, so "report" becomes "report.html").
 */
export async function resolveExportTarget(
  rawPath: string,
  format: ExportFormat,
  folder: boolean,
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  const trimmed = rawPath.trim();
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? join(homedir(), trimmed.slice(1)) : trimmed;
  if (!isAbsolute(expanded)) {
    throw new NotebookError(sentence('backend.export.fullPath', { example: join(defaultExportDir(), 'notebook'), path: trimmed }));
  }
  let path = resolve(expanded);
  if (!folder) {
    const extensions = FORMAT_INFO[format].extensions;
    const ext = extname(path).slice(1).toLowerCase();
    if (!extensions.includes(ext)) path = `${path}.${extensions[0]}`;
  }
  const outside = new NotebookError(sentence('backend.export.outsideDataDir'));
  if (isInside(path, resolve(dataDir), platform)) throw outside;
  const parent = dirname(path);
  const parentStat = await stat(parent).catch(() => null);
  if (!parentStat?.isDirectory()) throw new NotebookError(sentence('backend.export.noFolder', { folder: parent }));
  // Where the bytes would really land: a symbolic link (the file, the folder, or one above) must not lead into the
  // notebook's folder.
  const real = (await realpath(path).catch(() => null)) ?? join(await realpath(parent), basename(path));
  const realDataDir = (await realpath(dataDir).catch(() => null)) ?? resolve(dataDir);
  if (isInside(real, realDataDir, platform)) throw outside;
  const target = await stat(path).catch(() => null);
  if (target && folder && !target.isDirectory()) throw new NotebookError(sentence('backend.export.isFileWantFolder', { path }));
  if (target && !folder && target.isDirectory()) throw new NotebookError(sentence('backend.export.isFolder', { path }));
  if (!basename(path)) throw new NotebookError(sentence('backend.export.fileName'));
  return path;
}

/** Do paths differ by case only on this platform's usual file systems (APFS and NTFS: no; Linux: yes)? */
export const caseInsensitivePaths = (platform: NodeJS.Platform): boolean => platform === 'darwin' || platform === 'win32';

export function isInside(path: string, dir: string, platform: NodeJS.Platform = process.platform): boolean {
  const fold = (p: string) => (caseInsensitivePaths(platform) ? p.toLowerCase() : p);
  const rel = relative(fold(dir), fold(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The Documents folder when there is one, else the home folder. */
export function defaultExportDir(): string {
  return join(homedir(), 'Documents');
}

export async function existingDefaultExportDir(): Promise<string> {
  const docs = defaultExportDir();
  return (await stat(docs).catch(() => null))?.isDirectory() ? docs : homedir();
}
