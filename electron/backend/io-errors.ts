/** Plain words for the file-system failures an analyst can meet, with what to do about them. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space',
  EDQUOT: 'the disk quota is used up; free some space',
  EACCES: 'permission was denied; check the folder’s permissions',
  EPERM: 'permission was denied; check the folder’s permissions',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'the notebook folder is missing or is not a folder; check that it is there',
  ENOENT: 'the notebook folder is missing; check that it is there',
  EISDIR: 'a folder stands where a notebook file should be',
  EMFILE: 'too many files are open; close some programs',
  EIO: 'the disk reported an input/output error',
};

export function describeIoError(err: unknown, action: string): string | null {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code || !REASONS[code]) return null;
  return `Could not ${action}: ${REASONS[code]} (${code}).`;
}
