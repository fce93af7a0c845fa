import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dragSelect } from './reader-helpers';

/** This test's session shows the guide (the harness dismisses it in advance for every other test). */
async function asNewAnalyst(page: Page): Promise<void> {
  await page.evaluate(() => {
    sessionStorage.setItem('nb-e2e-guide', '1');
    localStorage.removeItem('nb-guide-dismissed');
  });
  await page.reload();
}

test('first launch: a short walk through the first highlight, tag and note, remembered once done', async ({ page, notebook: _ }) => {
  await asNewAnalyst(page);
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  const guide = page.getByRole('region', { name: 'Getting started' });
  await expect(guide).toBeVisible();
  await expect(guide.locator('[aria-current="step"]')).toContainText('Highlight a passage');

  await dragSelect(page, 'buildup of extremist and terrorist groups');
  await page.keyboard.press('h');
  await expect(guide.locator('[aria-current="step"]')).toContainText('Tag it');

  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: /^Tag “/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type('Terrorism');
  await expect(picker.getByRole('option').first()).toContainText('Terrorism');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(guide.locator('[aria-current="step"]')).toContainText('Write a note');

  await page.getByRole('tab', { name: 'Highlight', exact: true }).click();
  await page.getByRole('textbox', { name: 'Note on this highlight' }).click();
  await page.keyboard.type('The first reading of the threat.');
  await expect(page.getByRole('heading', { name: 'You have the basics' })).toBeVisible();
  await expect(guide.locator('li.done')).toHaveCount(3);
  await guide.getByRole('button', { name: 'Close' }).click();
  await expect(guide).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(guide).toHaveCount(0);
});

test('the guide is dismissed with Escape and stays dismissed', async ({ page, notebook: _ }) => {
  await asNewAnalyst(page);
  const guide = page.getByRole('region', { name: 'Getting started' });
  await expect(guide).toBeVisible();
  await guide.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(guide).toHaveCount(0);
});
