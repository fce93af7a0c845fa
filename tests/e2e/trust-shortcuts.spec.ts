import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SOURCE = /Putin warns of buildup/;

async function openNotes(page: Page) {
  await page.getByRole('option', { name: SOURCE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(SOURCE);
  const editor = page.getByRole('textbox', { name: 'Notes on this source' });
  await editor.click();
  return editor;
}

test('inside a note, Ctrl+Shift+F and Ctrl+K search and Ctrl+E exports, as everywhere; the sheet and tooltips say the same', async ({ page, notebook: _ }) => {
  const editor = await openNotes(page);
  await page.keyboard.type('Kabulov says');
  const search = page.getByRole('dialog', { name: 'Search the notebook' });
  for (const key of ['Control+Shift+F', 'Control+k']) {
    await page.keyboard.press(key);
    await expect(search).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(search).toHaveCount(0);
    await editor.click();
  }
  // Nothing was typed into the note, and no link prompt opened.
  await expect(editor).toHaveText('Kabulov says');
  await expect(page.getByRole('form', { name: 'Insert link' })).toHaveCount(0);

  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(exportDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);

  // Inline code has its own key, which the toolbar's tooltip and the shortcuts sheet both name.
  await editor.click();
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Control+Shift+E');
  await expect(editor.locator('code')).toHaveText('says');
  await expect(page.getByRole('button', { name: 'Inline code' })).toHaveAttribute('title', 'Inline code (Ctrl+Shift+E)');
  await expect(page.getByRole('button', { name: 'Link' })).toHaveAttribute('title', /Ctrl\+Shift\+K/);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.locator('.shortcut-row', { hasText: 'Inline code' }).locator('kbd')).toHaveText('Ctrl+Shift+E');
  await expect(sheet.locator('.shortcut-row', { hasText: 'Export' }).locator('kbd')).toHaveText('Ctrl+E');
  await expect(sheet.locator('.shortcut-row', { hasText: 'Search the Notebook' }).locator('kbd')).toHaveText('Ctrl+K');
});
