import type { Page } from 'playwright-core';
import { channels } from '../../core/contract';
import type { Dispatch } from '../../electron/backend/dispatch';

/**
 * Give the page the same window.notebook the preload gives the Electron window: one function per contract
 * channel, each going to the real backend's dispatcher (validation included). Calls from frames other than the
 * main frame are refused, as the main process refuses them.
 */
export async function bindNotebook(page: Page, getDispatch: () => Dispatch): Promise<void> {
  // Results travel as one JSON string: Playwright's own serialiser is slow for large objects (a 1 MB source with
  // thousands of highlights), where Electron's IPC structured clone is not; a string keeps the harness honest.
  await page.exposeBinding('__notebookInvoke', async (source, channel: string, input: unknown) => {
    if (source.frame !== source.page.mainFrame()) return JSON.stringify({ ok: false, error: { code: 'not-allowed', message: 'Calls are accepted from the main frame only.' } });
    return JSON.stringify(await getDispatch()(channel, input));
  });
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
