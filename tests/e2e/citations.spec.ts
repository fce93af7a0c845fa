import type { Page } from '@playwright/test';
import { test, expect, expectSaved } from './fixtures';
import { dragSelect, paintedTexts } from './reader-helpers';

const EFE = /Putin warns of buildup/;
const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const sourceNotes = (page: Page) => page.getByRole('textbox', { name: 'Notes on this source' });

async function openEfeWithHighlight(page: Page, phrase: string) {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await dragSelect(page, phrase);
  await page.keyboard.press('h');
  await expect(panel(page).getByRole('option').filter({ hasText: phrase })).toHaveCount(1);
}

/** Drag with real mouse events from one element to another (HTML5 drag and drop). */
async function dragTo(page: Page, from: import('@playwright/test').Locator, to: import('@playwright/test').Locator) {
  await from.dragTo(to);
}

test('cite a highlight by dragging it from the panel into the notes, then click the citation to land on the passage', async ({ page, notebook }) => {
  await openEfeWithHighlight(page, 'Zamir Kabulov');
  const editor = sourceNotes(page);
  await editor.click();
  await page.keyboard.type('Who confirmed the Taliban would attend?');
  await page.keyboard.press('Enter');
  await dragTo(page, panel(page).getByRole('option').first(), editor);
  const citation = editor.locator('figure.citation');
  await expect(citation).toHaveCount(1);
  await expect(citation.locator('.citation-quote')).toHaveText('Zamir Kabulov');
  await expect(citation.locator('.citation-source')).toHaveText(/Putin warns of buildup/);
  await expectSaved(page);

  // Open another source, then click the citation in the source notebook of EFE: back to the passage, flashed.
  await page.locator('#reader').evaluate((el) => (el.scrollTop = 0));
  await citation.click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nb-flash'))).toBe(true);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Zamir Kabulov');
  const top = await page.locator('#reader').evaluate((el) => el.scrollTop);
  expect(top).toBeGreaterThan(300);

  await notebook.restart();
  await expect(sourceNotes(page).locator('figure.citation .citation-quote')).toHaveText('Zamir Kabulov');
});

test('cite the selected highlight with Ctrl+Shift+C, in the project notebook, and jump to another source from it', async ({ page, notebook: _ }) => {
  await openEfeWithHighlight(page, 'humanitarian aid to the Afghan people');
  await panel(page).getByRole('option').first().click();
  await expect(panel(page).getByRole('option', { selected: true })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  const project = page.getByRole('textbox', { name: 'Project notebook' });
  await project.click();
  await page.keyboard.type('Aid as a theme across the corpus:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+C');
  await expect(project.locator('figure.citation .citation-quote')).toHaveText('humanitarian aid to the Afghan people');
  await expectSaved(page);

  // From another source, the project notebook's citation opens EFE at the passage.
  await page.getByRole('option', { name: /Putin Concerned Russia/ }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin Concerned/);
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  await page.getByRole('textbox', { name: 'Project notebook' }).locator('figure.citation').click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nb-flash'))).toBe(true);
});

test('deleting a cited highlight marks the citation as a deleted passage and keeps its quote; undo brings it back', async ({ page, notebook }) => {
  await openEfeWithHighlight(page, 'operations center in Almaty');
  await panel(page).getByRole('option').first().click();
  await sourceNotes(page).click();
  await page.keyboard.press('Control+Shift+C');
  const citation = sourceNotes(page).locator('figure.citation');
  await expect(citation.locator('.citation-quote')).toHaveText('operations center in Almaty');
  await expect(citation).not.toHaveClass(/deleted/);

  await panel(page).getByRole('option').first().click();
  await page.keyboard.press('Delete');
  // Notes cite it: the app asks first.
  await page.getByRole('dialog', { name: 'Delete a cited highlight?' }).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(panel(page).getByRole('option')).toHaveCount(0);
  await expect(citation).toHaveClass(/deleted/);
  await expect(citation).toContainText('Deleted passage');
  await expect(citation.locator('.citation-quote')).toHaveText('operations center in Almaty');
  await expect.poll(() => paintedTexts(page)).toEqual([]);

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect(citation).not.toHaveClass(/deleted/);

  // Deleted for good: after a restart the citation still shows its last quote.
  await panel(page).getByRole('option').first().click();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Delete a cited highlight?' }).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(citation).toHaveClass(/deleted/);
  await expectSaved(page);
  await notebook.restart();
  const after = sourceNotes(page).locator('figure.citation');
  await expect(after).toHaveClass(/deleted/);
  await expect(after.locator('.citation-quote')).toHaveText('operations center in Almaty');
});

test('a note on a highlight: Note… opens the highlight scope; its first line shows in the panel', async ({ page, notebook }) => {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await dragSelect(page, 'Kassym-Jomart Tokayev');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Note/ }).click();
  const note = page.getByRole('textbox', { name: 'Note on this highlight' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Kazakhstan already supplies food.');
  await expectSaved(page);
  await expect(panel(page).getByRole('option').first()).toContainText('Kazakhstan already supplies food.');
  await notebook.restart();
  await expect(panel(page).getByRole('option').first()).toContainText('Kazakhstan already supplies food.');
});
