import { test, expect } from './fixtures';
import { phrasePoints } from './reader-helpers';

const EFE = /Putin warns of buildup/;

test('caret browsing (F7): the caret goes anywhere with the arrows, and Shift+arrows select from there', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await page.locator('#reader').focus();
  await page.keyboard.press('F7');
  await expect(page.locator('.notice')).toContainText('Caret browsing is on');
  // Put the caret before "Kassym-Jomart", then walk it to "Jomart" with the arrow keys alone.
  const { start } = await phrasePoints(page, 'Kassym-Jomart Tokayev');
  await page.mouse.click(start.x - 1, start.y);
  await expect(page.locator('.reader-caret')).toBeVisible();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Jomart');
  await page.keyboard.press('h');
  const panel = page.getByRole('listbox', { name: 'Highlights in reading order' });
  await expect(panel.getByRole('option')).toHaveText([/^Jomart/]);

  // Off again: the arrows scroll the article as before, the caret is gone.
  await page.locator('#reader').focus();
  await page.keyboard.press('F7');
  await expect(page.locator('.notice')).toContainText('Caret browsing is off');
  await expect(page.locator('.reader-caret')).toHaveCount(0);
  // The sheet lists it from the same table.
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).locator('.shortcut-row', { hasText: 'Caret Browsing' }).locator('kbd')).toHaveText('F7');
});
