import { chromium, type Browser, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { bindNotebook } from '../../tests/support/bind-notebook';
import { serveRenderer } from '../../tests/support/static-server';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/support/chromium';

/** Uncaught errors and crashes of every page the benchmarks opened: `npm run bench` fails when there is one. */
export const pageErrors: string[] = [];

/** The app in Chromium on a given notebook folder: the same harness as the end-to-end tests. */
export async function openApp(dataDir: string): Promise<{ page: Page; service: NotebookService; close(): Promise<void> }> {
  const server = await serveRenderer(resolve(process.env.BENCH_RENDERER ?? 'dist/renderer'));
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const service = await NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' });
  const dispatch = createDispatcher(service);
  await bindNotebook(page, () => dispatch);
  // tsx compiles this file with esbuild's keepNames, which wraps functions sent to page.evaluate in __name().
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  page.on('crash', () => pageErrors.push('the page crashed'));
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message} ${process.env.BENCH_STACK ? e.stack : ''}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`bench: console: ${m.text().slice(0, 3000)}`));
  await page.goto(server.url);
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').first().waitFor();
  return {
    page,
    service,
    close: async () => {
      await browser.close();
      await server.close();
      await service.close();
    },
  };
}
