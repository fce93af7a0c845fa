import { test, expect } from './fixtures';

// On a Mac the Electron preload reports Node's platform name, "darwin" (tests/unit/shell-parts.test.ts checks that it
// passes process.platform through). Here the page gets the same bridge the preload gives it, with that platform.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { notebookShell: unknown }).notebookShell = { platform: 'darwin', onMenuCommand: () => () => {} };
  });
});

test('with the preload saying "darwin", shortcuts read ⌘ and Cmd runs them; Ctrl is left to the text field', async ({ page, notebook: _ }) => {
  await page.reload();
  const search = page.getByRole('button', { name: /^Search…/ });
  await expect(search.locator('kbd')).toHaveText('⌘K');
  await expect(search).toHaveAttribute('title', /\(⌘K\)$/);

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search the notebook' })).toHaveCount(0);
  await page.keyboard.press('Meta+k');
  await expect(page.getByRole('dialog', { name: 'Search the notebook' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: /Keyboard shortcuts/i });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('⌘E');
  await expect(shortcuts).not.toContainText('Ctrl+');
});
