import type { Page } from '@playwright/test';
import { test, expect, type Notebook, call, expectSaved } from './fixtures';

const EFE_ID = '002_3d6a35bbe9bd0c1a';
const EFE = /Putin warns of buildup/;
const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const rows = (page: Page) => panel(page).getByRole('option');


async function seed(notebook: Notebook, phrase: string, tagIds: string[]) {
  const { text } = await call<{ text: string }>(notebook, 'getSource', { id: EFE_ID });
  const start = text.indexOf(phrase);
  return call<{ id: string }>(notebook, 'createHighlight', { sourceId: EFE_ID, start, end: start + phrase.length, tagIds });
}

async function open(page: Page) {
  await page.getByRole('tab', { name: /Sources/ }).click();
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
}

test('filter the highlights panel by text, tag, kind and having a note', async ({ page, notebook }) => {
  const putin = await call<{ tag: { id: string } }>(notebook, 'createTag', { name: 'Vladimir Putin', kind: 'person', parentId: 'tag-people' });
  await seed(notebook, 'Russian President Vladimir Putin', [putin.tag.id]);
  await seed(notebook, 'drug trafficking', ['tag-theme-drugs']);
  await seed(notebook, 'Islamic State (IS) alone', ['tag-theme-terrorism']);
  await seed(notebook, 'Kassym-Jomart Tokayev', []);
  await page.reload();
  await open(page);
  await expect(rows(page)).toHaveCount(4);

  const filter = page.getByRole('search', { name: 'Filter highlights' });
  await filter.getByLabel('Filter by text').fill('ISLAMIC');
  await expect(rows(page)).toHaveText([/Islamic State/]);
  await expect(filter.getByRole('status')).toHaveText('1 of 4 shown');
  await filter.getByRole('button', { name: 'Clear filter' }).click();
  await expect(rows(page)).toHaveCount(4);

  await filter.getByLabel('Filter by tag').selectOption({ label: 'Drugs' });
  await expect(rows(page)).toHaveText([/drug trafficking/]);
  await filter.getByLabel('Filter by tag').selectOption({ label: 'Any tag' });
  await filter.getByLabel('Filter by kind').selectOption({ label: 'Person' });
  await expect(rows(page)).toHaveText([/Vladimir Putin/]);
  await filter.getByLabel('Filter by kind').selectOption({ label: 'Any kind' });

  // A note on one highlight, written as an analyst does; then only it has one.
  await rows(page).filter({ hasText: 'Kassym-Jomart' }).click();
  await page.getByRole('tablist', { name: 'Which note' }).getByRole('tab', { name: 'Highlight' }).click();
  await page.getByRole('textbox', { name: 'Note on this highlight' }).click();
  await page.keyboard.type('Chairs the CSTO summit');
  await expectSaved(page);
  await filter.getByLabel('With a note').check();
  await expect(rows(page)).toHaveText([/Kassym-Jomart/]);
  await filter.getByLabel('Filter by text').fill('nothing like this');
  await expect(page.getByText('No highlight matches the filter.')).toBeVisible();
  await filter.getByLabel('Filter by text').fill('csto');
  await expect(rows(page)).toHaveText([/Kassym-Jomart/]);
});

test('the number keys’ tags are shown in the highlights panel, and a pin fixes one to its key', async ({ page, notebook }) => {
  await seed(notebook, 'drug trafficking', []);
  await seed(notebook, 'Islamic State (IS) alone', []);
  await seed(notebook, 'Kassym-Jomart Tokayev', []);
  await page.reload();
  await open(page);
  const keys = page.getByRole('group', { name: 'Number keys 1–9' });
  await expect(keys).toHaveCount(0);
  // Tag one highlight with the picker: Drugs becomes a recent tag, behind key 1.
  await rows(page).filter({ hasText: 'drug trafficking' }).click();
  await page.keyboard.press('t');
  // As an analyst sees it: the picker shows Drugs before Enter (the codebook arrives after the source list).
  const picker = page.getByRole('dialog', { name: /^Tag “/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type('drugs');
  await expect(picker.getByRole('option').first()).toContainText('Drugs');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(keys.getByRole('button')).toHaveText([/1\s*Drugs/]);
  // Pin it: it stays on 1 when another tag is used more recently.
  await keys.getByRole('button', { name: 'Key 1: Drugs' }).click();
  await expect(keys.getByRole('button', { name: 'Key 1: Drugs, pinned' })).toHaveAttribute('aria-pressed', 'true');
  await rows(page).filter({ hasText: 'Islamic State' }).click();
  await page.keyboard.press('t');
  await page.keyboard.type('terrorism');
  await expect(picker.getByRole('option').first()).toContainText('Terrorism');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(keys.getByRole('button')).toHaveText([/1\s*Drugs/, /2\s*Terrorism/]);
  // The legend is what the keys do: 2 on the third highlight applies Terrorism.
  await rows(page).filter({ hasText: 'Kassym-Jomart' }).click();
  await page.keyboard.press('2');
  await expect(rows(page).filter({ hasText: 'Kassym-Jomart' }).locator('.tag-chip')).toHaveText(['Terrorism']);
  // Looked at: the legend and the filter at the smallest supported window, light and dark.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'test-results/trust-highlights-panel-1024-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/trust-highlights-panel-1024-dark.png' });
});
