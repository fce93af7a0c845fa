import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { migrate, type FileKind } from '../../core/migrations';
import { SCHEMA_VERSION } from '../../core/model';
import { writeFileAtomic } from './atomic-write';
import { NotebookError } from './errors';

export type StoreProblem = 'corrupt' | 'unreadable';

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

/**
 * A lowdb adapter for one JSON file that carries a schema version. Reading migrates older versions; a file written
 * by a newer version of the app is read as it is and never written (read-only). Writes are atomic (temp, fsync,
 * rename, fsync of the folder) and serialised per file, so a later save never lands before an earlier one.
 */
export class VersionedJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the file on disk is newer than this app understands. */
  newerVersion: number | null = null;
  /** The version the file was at on disk, when it was migrated on reading. */
  migratedFrom: number | null = null;

  constructor(
    readonly path: string,
    readonly kind: FileKind,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StoreFileError(this.path, `The notebook file ${this.path} cannot be read (${code ?? (err as Error).message}).`, 'unreadable');
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new StoreFileError(this.path, `The notebook file ${this.path} is not valid JSON (it may have been cut short or overwritten).`);
    }
    const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new StoreFileError(this.path, `The notebook file ${this.path} is not a notebook file (no schema version).`);
    }
    if (version > SCHEMA_VERSION) {
      this.newerVersion = version;
      return data as T;
    }
    if (version < SCHEMA_VERSION) {
      this.migratedFrom = version;
      return migrate<T>(this.kind, data).data;
    }
    return data as T;
  }

  /** Resolves when every write queued so far has landed (or failed). */
  flush(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  write(data: T): Promise<void> {
    if (this.newerVersion !== null) {
      return Promise.reject(
        new NotebookError(
          `This notebook was written by a newer version of Research Notebook (schema ${this.newerVersion}; this app knows ${SCHEMA_VERSION}). It is open read-only so that nothing in it is overwritten: update the app to change it.`,
        ),
      );
    }
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = next.catch(() => {});
    return next;
  }
}
