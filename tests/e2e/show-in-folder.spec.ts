import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

// In Electron the preload gives the page notebookShell.showInFolder (shell.showItemInFolder in the main process);
// here a stub records what the page asks for.
test('after an export the dialog offers "Show in folder", which opens the file manager at the file', async ({ page, notebook: _ }) => {
  const outDir = await mkdtemp(join(tmpdir(), 'notebook-show-'));
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, {
      __shown: shown,
      notebookShell: { platform: 'linux', onMenuCommand: () => () => undefined, showInFolder: async (path: string) => void shown.push(path) },
    });
  });
  await page.reload();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /CSV spreadsheet/ }).check();
  const target = join(outDir, 'segments.csv');
  await dialog.getByLabel('Save to').fill(target);
  await expect(dialog.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Exported');
  await dialog.getByRole('button', { name: 'Show in folder' }).click();
  expect(await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)).toEqual([target]);
  await rm(outDir, { recursive: true, force: true });
});
