import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { NotebookSession } from '../../electron/backend/startup';
import { serveRenderer } from '../support/static-server';
import { bindNotebook } from '../support/bind-notebook';

// Issue 20: the source list comes from the catalog alone. Here the search index's load is held in its worker thread
// for as long as the test wants: the list, the reader and the codebook work all the same, search says "Indexing",
// and once the load is let go the same search finds its results.

const test = base;
let dataDir = '';
test.afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('the notebook opens to its list, a source and its codebook while the search index is still loading', async ({ page }) => {
  dataDir = await mkdtemp(join(tmpdir(), 'notebook-e2e-index-held-'));
  const options = { dataDir, seedsDir: resolve('seeds'), version: 'test' };
  // A notebook that was opened before: its search index is saved and will be loaded (held below) from disk.
  const first = await NotebookSession.open(options);
  await first.dispatch('search', { query: 'Afghanistan' });
  await first.close();

  const gate = new Int32Array(new SharedArrayBuffer(4));
  const session = await NotebookSession.open({ ...options, searchLoadGate: gate.buffer as SharedArrayBuffer });
  const server = await serveRenderer();
  try {
    await bindNotebook(page, () => session.dispatch);
    await page.goto(server.url);

    const list = page.getByRole('listbox', { name: 'Sources' });
    await expect(list.getByRole('option')).toHaveCount(5);
    const heading = page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    const other = list.getByRole('option').nth(2);
    const title = (await other.locator('.source-title').textContent()) ?? '';
    await other.click();
    await expect(heading).toHaveText(title);
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await expect(page.getByRole('tree').first()).toContainText('Refugees');

    await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+K`);
    const palette = page.getByRole('dialog', { name: 'Search the notebook' });
    await palette.getByRole('combobox').fill('Afghanistan');
    await expect(palette).toContainText(/Indexing, \d+%/);

    // Let the worker load the index: the same search, asked again by the palette, now finds its results.
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await expect(palette).not.toContainText(/Indexing/, { timeout: 60_000 });
    await expect(palette.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
  } finally {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await session.close().catch(() => {});
    await server.close();
  }
});
