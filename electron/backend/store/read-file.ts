import { readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { migrate, type FileKind } from '../../../core/migrations';
import { SCHEMA_VERSION } from '../../../core/model';
import { shapeProblem } from '../../../core/storage-schemas';
import { writeFileAtomic } from '../atomic-write';
import { Backups } from '../backups';

export type StoreProblem = 'corrupt' | 'unreadable' | 'missing';

/** Thrown when a file on disk cannot be used as it is; the file is left untouched. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly problem: StoreProblem = 'corrupt',
  ) {
    super(message);
    this.name = 'StoreFileError';
  }
}

export interface ReadResult<T> {
  data: T;
  /** Set when the file is newer than this app understands: it is never written. */
  newerVersion: number | null;
}

/**
 * Read one notebook file: parse, check its schema version, migrate an older one, and check its shape against
 * core's schema. Anything that is not a notebook file of this kind is 'corrupt'. A missing file is null.
 */
export async function readNotebookFile<T>(path: string, kind: FileKind): Promise<ReadResult<T> | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new StoreFileError(path, `The notebook file ${path} cannot be read (${code ?? (err as Error).message}).`, 'unreadable');
  }
  return { ...parseNotebookFile<T>(path, kind, raw) };
}

export function parseNotebookFile<T>(path: string, kind: FileKind, raw: string): ReadResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new StoreFileError(path, `The notebook file ${path} is not valid JSON (it may have been cut short or overwritten).`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreFileError(path, `The notebook file ${path} is not a notebook file (no schema version).`);
  }
  if (version > SCHEMA_VERSION) return { data: data as T, newerVersion: version };
  const current = version < SCHEMA_VERSION ? migrate<T>(kind, data).data : (data as T);
  const problem = shapeProblem(kind, current);
  if (problem) throw new StoreFileError(path, `The notebook file ${path} does not have the shape of a ${kind} file (${problem}).`);
  return { data: current, newerVersion: null };
}

/**
 * Read a file; if it is damaged (or missing when it should be there), keep it aside, put back the newest backup copy
 * that passes the same checks, and say so in `notices`. With no good backup, throws the StoreFileError: the caller
 * decides how to open without it (read-only), and the damaged file is never overwritten.
 */
export async function readRecovering<T>(
  dataDir: string,
  rel: string,
  kind: FileKind,
  notices: string[],
  options: { mustExist: boolean },
): Promise<ReadResult<T> | null> {
  const path = join(dataDir, rel);
  let problem: StoreFileError;
  try {
    const result = await readNotebookFile<T>(path, kind);
    if (result || !options.mustExist) return result;
    problem = new StoreFileError(path, `The notebook file ${rel} is missing.`, 'missing');
  } catch (err) {
    if (!(err instanceof StoreFileError) || err.problem === 'unreadable') throw err;
    problem = err;
  }
  const copy = await new Backups(dataDir).newestGoodCopy(rel, (text) => {
    try {
      parseNotebookFile(path, kind, text);
      return true;
    } catch {
      return false;
    }
  });
  if (!copy) throw problem;
  let keptAside = '';
  if (problem.problem !== 'missing') {
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    keptAside = ` It was kept aside as ${basename(aside)} and`;
  } else {
    keptAside = ' It was';
  }
  await writeFileAtomic(path, copy.text);
  const what = problem.problem === 'missing' ? 'was missing.' : `was damaged (${problem.message.replace(/^The notebook file \S+ /, '')})`;
  notices.push(
    `${rel} ${what}${keptAside} restored from the backup of ${new Date(copy.backup.createdAt).toLocaleString('en-GB')}; changes made after that backup are not in it.`,
  );
  return readNotebookFile<T>(path, kind);
}
