import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const EFE = /Putin warns of buildup/;
const list = (page: Page) => page.getByRole('list', { name: 'Suggested entities' });
const groupNames = (page: Page) => list(page).locator('.suggestion-group .suggestion-name').allTextContents();

test('suggestions: Ctrl+6 lands on the list, accepting keeps the keyboard in it, and groups stay where they are', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+6');
  // Focus is on the first mention, not on the Refresh button.
  // Finding the entities takes a few seconds on a busy machine; the focus waits for the first mention.
  await expect(list(page).locator('.suggestion-row').first()).toBeFocused({ timeout: 30_000 });

  // A new entity with several mentions: accept one with A, then the next has the focus and takes A too.
  const putin = list(page).getByRole('listitem', { name: /^Vladimir Putin, person/ });
  await expect(putin).toBeVisible();
  const before = await groupNames(page);
  const at = before.indexOf('Vladimir Putin');
  const firstKey = await putin.locator('.suggestion-row').first().getAttribute('data-key');
  await putin.locator('.suggestion-row').first().click();
  await page.keyboard.press('a');
  await expect(list(page).locator(`[data-key="${firstKey}"]`)).toHaveCount(0);
  await expect(page.locator('.suggestion-row:focus')).toHaveCount(1);
  const secondKey = await page.locator('.suggestion-row:focus').getAttribute('data-key');
  // The tag now exists; the list was refreshed from the backend, and the focus is still on a mention.
  await expect(putin).toHaveAccessibleName(/^Vladimir Putin, person/);
  await expect(page.locator('.suggestion-row:focus')).toHaveCount(1);
  await page.keyboard.press('a');
  await expect(list(page).locator(`[data-key="${secondKey}"]`)).toHaveCount(0);
  await expect(page.locator('.suggestion-row:focus')).toHaveCount(1);
  // No group moved under the cursor: those that are left keep their order.
  const after = await groupNames(page);
  expect(after).toEqual(before.filter((n) => after.includes(n)));
  if (after.includes('Vladimir Putin')) expect(after.indexOf('Vladimir Putin')).toBe(before.slice(0, at).filter((n) => after.includes(n)).length);
  await page.getByRole('tab', { name: /Highlights/ }).click();
  await expect(page.getByRole('listbox', { name: 'Highlights in reading order' }).locator('.tag-chip', { hasText: 'Vladimir Putin' })).toHaveCount(2);
});
