import type { Adapter } from 'lowdb';
import type { FileKind } from '../../core/migrations';
import { stableFileJson } from '../../core/stable-json';
import { writeFileAtomic } from './atomic-write';
import { readNotebookFile } from './store/read-file';

/**
 * lowdb's adapter for one notebook file: reads check the schema version and shape (store/read-file.ts), writes are
 * atomic (temp, fsync, rename, fsync of the folder) in the stable, diff-friendly form. Queuing and grouping of writes
 * is the FileCell's job (store/file-cell.ts): this adapter is never asked to write twice at once.
 */
export class NotebookFileAdapter<T extends object> implements Adapter<T> {
  constructor(
    readonly path: string,
    readonly kind: FileKind,
    /** Turns the data into the file's text (the catalog adds its counts). */
    private readonly serialise: (data: T) => string = (data) => stableFileJson(data as Record<string, unknown>),
  ) {}

  async read(): Promise<T | null> {
    return (await readNotebookFile<T>(this.path, this.kind))?.data ?? null;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, this.serialise(data));
  }
}
