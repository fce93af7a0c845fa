import type { Page } from 'playwright-core';
import { channels } from '../../core/contract';
import type { Dispatch } from '../../electron/backend/dispatch';
import type { NotebookChange } from '../../core/shell-contract';

/** Where the harness hears of the backend's changes (NotebookSession.onChange), to pass them on to the page. */
export type ChangeFeed = (listener: (batch: NotebookChange[]) => void) => void;

/**
 * Give the page the same window.notebook the preload gives the Electron window: one function per contract
 * channel, each going to the real backend's dispatcher (validation included). Calls from frames other than the
 * main frame are refused, as the main process refuses them. With `changes`, the page also hears what changed in
 * the notebook (window.notebookEvents, as the preload's notebookShell.onNotebookChanged in Electron).
 */
export async function bindNotebook(page: Page, getDispatch: () => Dispatch, changes?: ChangeFeed): Promise<void> {
  changes?.((batch) => {
    page.evaluate((b) => (window as unknown as { __notebookChanged?(b: unknown): void }).__notebookChanged?.(b), batch).catch(() => {});
  });
  // Results travel as one JSON string: Playwright's own serialiser is slow for large objects (a 1 MB source with
  // thousands of highlights), where Electron's IPC structured clone is not; a string keeps the harness honest.
  await page.exposeBinding('__notebookInvoke', async (source, channel: string, input: unknown) => {
    if (source.frame !== source.page.mainFrame()) return JSON.stringify({ ok: false, error: { code: 'not-allowed', message: 'Calls are accepted from the main frame only.' } });
    return JSON.stringify(await getDispatch()(channel, input));
  });
  if (changes) {
    await page.addInitScript(() => {
      const listeners = new Set<(batch: unknown) => void>();
      const w = window as unknown as Record<string, unknown>;
      w.__notebookChanged = (batch: unknown) => listeners.forEach((l) => l(batch));
      w.notebookEvents = Object.freeze({
        onNotebookChanged(listener: (batch: unknown) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      });
    });
  }
  await page.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __notebookInvoke(c: string, i: unknown): Promise<string> }).__notebookInvoke;
    const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const name of names) api[name] = async (input?: unknown) => JSON.parse(await invoke(name, input));
    Object.defineProperty(window, 'notebook', { value: Object.freeze(api) });
    // Every test starts on a brand-new notebook: the first-launch guide is dismissed in advance, except for the
    // test of the guide itself (it marks its session).
    if (!sessionStorage.getItem('nb-e2e-guide')) localStorage.setItem('nb-guide-dismissed', '1');
  }, channels as string[]);
}
