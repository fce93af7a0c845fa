import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Dispatch } from '../../electron/backend/dispatch';
import { NotebookSession } from '../../electron/backend/startup';
import { serveRenderer } from '../support/static-server';
import type { NotebookChange } from '../../core/shell-contract';
import { bindNotebook } from '../support/bind-notebook';

/**
 * The Chromium harness of GUIDE.md section 3: the built renderer, served over loopback, with window.notebook bound
 * to the real backend (same contract, same validation, real files) on a fresh data folder per test.
 */
export interface Notebook {
  dataDir: string;
  /** The dispatcher the page talks to; tests may call it as the renderer would. */
  dispatch: Dispatch;
  /** Stop the backend and open a new one on the same folder, as an app restart would, then reload the page. */
  restart(): Promise<void>;
}

export const test = base.extend<{ notebook: Notebook; appUrl: string }, { server: { url: string; close(): Promise<void> } }>({
  server: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  appUrl: async ({ server }, use) => use(server.url),
  notebook: async ({ page, server }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notebook-e2e-'));
    // The app's own start-up path: a notebook that fails to open gets the start-up failure screen.
    let session: NotebookSession | null = null;
    // The page hears the backend's changes, as the Electron window does (the shell forwards them).
    let toPage: ((batch: NotebookChange[]) => void) | null = null;
    const open = async () => {
      session = await NotebookSession.open({ dataDir, seedsDir: resolve('seeds'), version: 'test' });
      session.onChange((batch) => toPage?.(batch));
      return session.dispatch;
    };
    let dispatch = await open();
    await bindNotebook(page, () => dispatch, (listener) => (toPage = listener));
    const notebook: Notebook = {
      dataDir,
      get dispatch() {
        return dispatch;
      },
      restart: async () => {
        // As the app does on quit: every pending write lands and the notebook's lock is released first.
        await session?.close();
        dispatch = await open();
        await page.reload();
      },
    };
    await page.goto(server.url);
    await use(notebook);
    await (session as NotebookSession | null)?.close().catch(() => {});
    // Retries: a save the page started just before the test ended may still be landing in the folder.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },
});

export { expect };

/** Call a channel as the renderer would; a failure throws with the backend's message and code. */
export async function call<T = unknown>(notebook: Pick<Notebook, 'dispatch'>, channel: string, input?: unknown): Promise<T> {
  const r = await notebook.dispatch(channel, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

/**
 * Wait until the notes' status says "Saved": every change acknowledged by the backend. The acknowledgement waits for
 * the write's fsync, which can take seconds while another test worker (packaging) writes hundreds of megabytes, so
 * this waits longer than the default 5 s (a CI run once missed it by that margin).
 */
export async function expectSaved(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 20_000 });
}
