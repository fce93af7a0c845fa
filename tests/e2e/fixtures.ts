import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { channels } from '../../core/contract';
import { createDispatcher, type Dispatch } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { serveRenderer } from '../support/static-server';

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

async function bindNotebook(page: Page, getDispatch: () => Dispatch): Promise<void> {
  await page.exposeBinding('__notebookInvoke', async (source, channel: string, input: unknown) => {
    if (source.frame !== source.page.mainFrame()) return { ok: false, error: 'Calls are accepted from the main frame only.' };
    return getDispatch()(channel, input);
  });
  await page.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __notebookInvoke(c: string, i: unknown): Promise<unknown> }).__notebookInvoke;
    const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const name of names) api[name] = (input?: unknown) => invoke(name, input);
    Object.defineProperty(window, 'notebook', { value: Object.freeze(api) });
  }, channels as string[]);
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
    const open = async () => createDispatcher(await NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'test' }));
    let dispatch = await open();
    await bindNotebook(page, () => dispatch);
    const notebook: Notebook = {
      dataDir,
      get dispatch() {
        return dispatch;
      },
      restart: async () => {
        dispatch = await open();
        await page.reload();
      },
    };
    await page.goto(server.url);
    await use(notebook);
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
