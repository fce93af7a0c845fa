import { open, readFile, rm, rename } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NotebookError } from '../errors';
import { sentence } from '../../../core/i18n/message-text';

/** Who holds a notebook folder for writing: written into `<data>/notebook.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  app: string;
  since: string;
}

export const LOCK_FILE = 'notebook.lock';

/** Thrown when another process writes this notebook; code 'locked'. */
export class NotebookLockedError extends NotebookError {
  constructor(readonly holder: LockHolder) {
    const values = { app: holder.app, pid: String(holder.pid), host: holder.host };
    super(sentence(holder.host === hostname() ? 'backend.lock.held' : 'backend.lock.heldElsewhere', values), 'locked', { pid: holder.pid, host: holder.host, app: holder.app });
  }
}

/**
 * One writer per notebook folder. The lock file is created exclusively (O_EXCL); a lock whose holder is a process
 * of this host that no longer runs is stale and taken over; a live holder, or one on another host (whose processes
 * cannot be checked), refuses the second writer with a clear message.
 */
export class NotebookLock {
  private constructor(
    private readonly path: string,
    readonly holder: LockHolder,
  ) {}

  static async acquire(dataDir: string, app: string): Promise<NotebookLock> {
    const path = join(dataDir, LOCK_FILE);
    const holder: LockHolder = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o644);
        try {
          await handle.writeFile(JSON.stringify(holder));
          await handle.sync();
        } finally {
          await handle.close();
        }
        return new NotebookLock(path, holder);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const current = await readHolder(path);
      if (current && isAlive(current)) throw new NotebookLockedError(current);
      // Stale (or unreadable: a crash while it was being written). Move it aside atomically so that of two
      // processes taking it over at once only one succeeds in removing it; then try to create ours again.
      const aside = `${path}.stale-${process.pid}`;
      try {
        await rename(path, aside);
        await rm(aside, { force: true });
      } catch {
        // Someone else took it over first: try again.
      }
    }
    const current = await readHolder(path);
    throw current ? new NotebookLockedError(current) : new NotebookError(sentence('backend.lock.failed'));
  }

  /** Who holds the folder now, if anyone alive does (for read-only users that only want to say so). */
  static async holderOf(dataDir: string): Promise<LockHolder | null> {
    const current = await readHolder(join(dataDir, LOCK_FILE));
    return current && isAlive(current) ? current : null;
  }

  async release(): Promise<void> {
    const current = await readHolder(this.path);
    if (current && current.pid === this.holder.pid && current.host === this.holder.host && current.since === this.holder.since) {
      await rm(this.path, { force: true });
    }
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return null;
    return { pid: data.pid, host: data.host, app: typeof data.app === 'string' ? data.app : 'Research Notebook', since: String(data.since ?? '') };
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
