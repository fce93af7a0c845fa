import { test, expect } from './fixtures';
import { dragSelect } from './reader-helpers';

/**
 * A render error never blanks the app (issue 11): the pane that fails says what failed, with Try again and
 * Backups…, and the other panes go on working. The harness makes the Notes pane fail by defining
 * window.__notebookFailPane before the page loads (renderer/shell/PaneBoundary.tsx), which nothing in the app can do.
 */

const EFE = /Putin warns of buildup/;

test('a pane that fails to render says so, the others keep working, and the backups are one click away', async ({ page, notebook: _ }) => {
  await page.addInitScript(() => {
    (window as unknown as { __notebookFailPane?: string }).__notebookFailPane = 'Notes';
  });
  await page.reload();

  const failed = page.getByRole('alert', { name: 'Notes (failed)' });
  await expect(failed.getByRole('heading', { name: 'The Notes pane could not be shown' })).toBeVisible();
  await expect(failed).toContainText('The test harness made the Notes pane fail. Nothing in your notebook was changed by this.');
  await expect(failed.getByRole('button', { name: 'Try again' })).toBeVisible();

  // The other panes: open a source, highlight a passage, see it listed and counted.
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Highlight/ }).click();
  const highlights = page.getByRole('listbox', { name: 'Highlights in reading order' });
  await expect(highlights.getByRole('option')).toHaveCount(1);
  await expect(highlights.getByRole('option').first()).toContainText('Islamic State (IS) alone has about 2,000 members');
  await expect(page.getByRole('option', { name: EFE })).toContainText('1 highlight');

  // Backups… in the failed pane opens the dialog; so does File > Backups (Ctrl+Alt+B).
  await failed.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('button', { name: /^Restore the backup/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Control+Alt+b');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');

  // Once the cause is gone, Try again brings the pane back (still failing while it is not).
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(failed).toBeVisible();
  await page.evaluate(() => {
    delete (window as unknown as { __notebookFailPane?: string }).__notebookFailPane;
  });
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert', { name: 'Notes (failed)' })).toHaveCount(0);
  await expect(page.locator('.error-banner')).toHaveCount(0);
});
