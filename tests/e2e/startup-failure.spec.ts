import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, call } from './fixtures';

/**
 * A notebook that cannot be opened shows the start-up failure screen (issue 11): what failed, the backups with a
 * Restore button, Quit; the analyst restores a backup and the notebook opens with the backup's data. The damage is
 * real: the notebook's sources folder replaced by a file (a copy or a sync tool gone wrong), which read-only opening
 * cannot absorb either.
 */

const EFE_ID = '002_3d6a35bbe9bd0c1a';
const EFE = /Putin warns of buildup/;


test('a notebook whose start fails offers its backups; restoring one opens the notebook with the backup data', async ({ page, notebook }, testInfo) => {
  const text = (await call<{ text: string }>(notebook, 'getSource', { id: EFE_ID })).text;
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  await call(notebook, 'createHighlight', { sourceId: EFE_ID, ...at('Kassym-Jomart Tokayev') });
  await call(notebook, 'createBackup');
  // Done after the backup: the restore takes it away.
  await call(notebook, 'createHighlight', { sourceId: EFE_ID, ...at('Islamic State (IS) alone has about 2,000 members') });

  // The damage, then a restart.
  await rename(join(notebook.dataDir, 'sources'), join(notebook.dataDir, 'sources-moved-away'));
  await writeFile(join(notebook.dataDir, 'sources'), 'not a folder');
  await notebook.restart();

  const screen = page.getByRole('main', { name: 'The notebook could not be opened' });
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('alert')).toContainText("should be the folder of the notebook's source files, but it is a file");
  await expect(screen).toContainText(`Notebook folder: ${notebook.dataDir}`);
  // Read-only cannot help here; Quit is offered.
  await expect(screen.getByRole('button', { name: 'Open read-only' })).toHaveCount(0);
  await expect(screen.getByRole('button', { name: 'Quit' })).toBeVisible();
  const restoreButtons = screen.getByRole('button', { name: /^Restore the backup of/ });
  await expect(restoreButtons.first()).toBeVisible();

  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath(`startup-failure-${width}x${height}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // By keyboard: the newest backup's Restore…, then the confirmation's Restore.
  await restoreButtons.first().focus();
  await page.keyboard.press('Enter');
  const confirm = screen.getByRole('group', { name: 'Confirm restore' });
  await expect(confirm).toContainText('Put the notebook back as it was on');
  await confirm.getByRole('button', { name: 'Restore' }).click();

  // The notebook opens, with the backup's data: one highlight on the article, not two.
  await expect(page.getByRole('option', { name: EFE })).toContainText('1 highlight');
  await page.getByRole('option', { name: EFE }).click();
  const highlights = page.getByRole('listbox', { name: 'Highlights in reading order' });
  await expect(highlights.getByRole('option')).toHaveCount(1);
  await expect(highlights.getByRole('option').first()).toContainText('Kassym-Jomart Tokayev');
  // The file that stood in the folder's place was kept aside, not deleted.
  expect((await readdir(notebook.dataDir)).some((n) => n.startsWith('sources.not-a-folder-'))).toBe(true);
  await mkdir(join(notebook.dataDir, 'sources'), { recursive: true });
});
