import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic-write';

/** Thrown when a file on disk cannot be used as it is; the file is left untouched. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreFileError';
  }
}

/**
 * A lowdb adapter for one JSON file that carries a schema version. Writes are atomic (temp, fsync, rename)
 * and serialised per file, so a later save never lands before an earlier one.
 */
export class VersionedJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly knownVersion: number,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new StoreFileError(this.path, `The notebook file ${this.path} is not valid JSON.`);
    }
    const version = (data as { schemaVersion?: unknown })?.schemaVersion;
    if (typeof version !== 'number') {
      throw new StoreFileError(this.path, `The notebook file ${this.path} has no schema version.`);
    }
    if (version > this.knownVersion) {
      throw new StoreFileError(
        this.path,
        `The notebook file ${this.path} was written by a newer version of the app (schema ${version}).`,
      );
    }
    return data as T;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = next.catch(() => {});
    return next;
  }
}
