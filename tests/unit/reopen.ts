import { resolve } from 'node:path';
import { afterEach } from 'vitest';
import { NotebookService } from '../../electron/backend/service';

/**
 * Open the notebook of a test as the app does, closing the one opened before (as a restart would: pending writes
 * land and the notebook's lock is released). The last one is closed after each test.
 */
export function reopener(dir: () => string, version = 'test'): () => Promise<NotebookService> {
  let current: NotebookService | null = null;
  const close = async (): Promise<void> => {
    const open = current;
    current = null;
    await open?.close().catch(() => {});
  };
  afterEach(close);
  return async () => {
    await close();
    current = await NotebookService.open({ dataDir: dir(), seedsDir: resolve('seeds'), version });
    return current;
  };
}
