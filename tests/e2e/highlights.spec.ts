import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { currentSelection, dragSelect, paintedTexts, phrasePoints } from './reader-helpers';

const EFE = /Putin warns of buildup/;

async function openEfe(page: import('@playwright/test').Page) {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
}

const panel = (page: import('@playwright/test').Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });

test('select a passage with the mouse, highlight it from the popover, and find it in the same place after a restart', async ({ page, notebook }) => {
  await openEfe(page);
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  expect(await currentSelection(page)).toBe('Islamic State (IS) alone has about 2,000 members');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Highlight/ }).click();
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect(panel(page).getByRole('option').first()).toContainText('Islamic State (IS) alone has about 2,000 members');
  await expect.poll(() => paintedTexts(page)).toEqual(['Islamic State (IS) alone has about 2,000 members']);
  await expect(page.getByRole('option', { name: EFE })).toContainText('1 highlight');

  await notebook.restart();
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect.poll(() => paintedTexts(page)).toEqual(['Islamic State (IS) alone has about 2,000 members']);
  const text = await readFile(join('seeds', '002_3d6a35bbe9bd0c1a.txt'), 'utf8');
  const stored = JSON.parse(await readFile(join(notebook.dataDir, 'sources', '002_3d6a35bbe9bd0c1a.json'), 'utf8'));
  const [h] = stored.highlights;
  expect(text.slice(h.start, h.end)).toBe('Islamic State (IS) alone has about 2,000 members');
  expect(h.quote.prefix.length).toBe(32);
  expect(h.quote.suffix.length).toBe(32);
});

test('select with the keyboard (shift+arrows) and highlight with H', async ({ page, notebook: _ }) => {
  await openEfe(page);
  const { start } = await phrasePoints(page, 'Kassym-Jomart Tokayev');
  await page.mouse.click(start.x - 1, start.y);
  for (let i = 0; i < 'Kassym-Jomart Tokayev'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await currentSelection(page)).toBe('Kassym-Jomart Tokayev');
  await page.keyboard.press('h');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect.poll(() => paintedTexts(page)).toEqual(['Kassym-Jomart Tokayev']);
  // Words: Ctrl+Shift+Right extends a word at a time.
  const points = await phrasePoints(page, 'Tajik President Emomali Rahmon');
  await page.mouse.click(points.start.x - 1, points.start.y);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  expect((await currentSelection(page)).trim()).toBe('Tajik President Emomali Rahmon');
});

test('overlapping highlights are all kept; a click picks the innermost and offers the others', async ({ page, notebook: _ }) => {
  await openEfe(page);
  await dragSelect(page, 'Uzbekistan and Tajikistan border Afghanistan, as does Turkmenistan');
  await page.keyboard.press('h');
  await dragSelect(page, 'Tajikistan border Afghanistan');
  await page.keyboard.press('h');
  await expect(panel(page).getByRole('option')).toHaveCount(2);
  await expect.poll(() => paintedTexts(page)).toEqual(['Tajikistan border Afghanistan', 'Uzbekistan and Tajikistan border Afghanistan, as does Turkmenistan']);
  // Two lanes of margin marks: the overlap is visible without colour.
  await expect
    .poll(() => page.locator('.margin-mark').evaluateAll((els) => new Set(els.map((e) => (e as HTMLElement).style.right)).size))
    .toBe(2);

  await page.getByRole('main', { name: 'Reader' }).click({ position: { x: 5, y: 5 } });
  const { middle } = await phrasePoints(page, 'border Afghanistan');
  await page.mouse.click(middle.x, middle.y);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Tajikistan border Afghanistan');
  await expect(panel(page).getByRole('option', { selected: true })).not.toContainText('Turkmenistan');
  const others = page.getByRole('group', { name: 'Other highlights here' });
  await expect(others).toContainText('Uzbekistan and Tajikistan');
  await others.getByRole('button').click();
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Turkmenistan');
  // Outside both: only the outer one.
  const outer = await phrasePoints(page, 'Turkmenistan');
  await page.mouse.click(outer.middle.x, outer.middle.y);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Turkmenistan');
  await expect(others).toHaveCount(0);
});

test('delete a highlight with the Delete key, undo and redo', async ({ page, notebook }) => {
  await openEfe(page);
  await dragSelect(page, 'humanitarian aid to the Afghan people');
  await page.keyboard.press('h');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await panel(page).getByRole('option').first().click();
  await page.keyboard.press('Delete');
  await expect(panel(page).getByRole('option')).toHaveCount(0);
  await expect.poll(() => paintedTexts(page)).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect.poll(() => paintedTexts(page)).toEqual(['humanitarian aid to the Afghan people']);
  await page.keyboard.press('Control+Shift+z');
  await expect(panel(page).getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  // Undo of the creation itself.
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await notebook.restart();
  await expect(panel(page).getByRole('option')).toHaveCount(1);
});

test('clicking a highlight in the panel scrolls the reader to it; clicking it in the reader selects it in the panel', async ({ page, notebook: _ }) => {
  await openEfe(page);
  await dragSelect(page, 'EFE News Services');
  await page.keyboard.press('h');
  await dragSelect(page, 'Moscow (EFE)');
  await page.keyboard.press('h');
  await expect(panel(page).getByRole('option')).toHaveCount(2);
  await expect(panel(page).getByRole('option').first()).toContainText('Moscow (EFE)');
  await page.locator('#reader').evaluate((el) => (el.scrollTop = 0));
  await panel(page).getByRole('option').nth(1).click();
  await expect.poll(() => page.locator('#reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nb-flash'))).toBe(true);
  await page.locator('#reader').evaluate((el) => (el.scrollTop = 0));
  const { middle } = await phrasePoints(page, 'Moscow (EFE)');
  await page.mouse.click(middle.x, middle.y);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Moscow (EFE)');
});

test('re-import a changed text: highlights follow their passages and one becomes an orphan', async ({ page, notebook }, testInfo) => {
  await openEfe(page);
  for (const [i, phrase] of ['Zamir Kabulov', 'operations center in Almaty', 'Please wait...'].entries()) {
    await dragSelect(page, phrase);
    await page.keyboard.press('h');
    await expect(panel(page).getByRole('option')).toHaveCount(i + 1);
  }

  const original = await readFile(join('seeds', '002_3d6a35bbe9bd0c1a.txt'), 'utf8');
  const changed = ('EDITOR’S NOTE: updated with the summit’s final statement.\n\n' + original)
    .replace('operations center in Almaty', 'operations centre in Almaty')
    .replace('Please wait...', '');
  const file = testInfo.outputPath('efe-updated.txt');
  await writeFile(file, changed);
  await page.getByTestId('reimport-input').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Re-imported' })).toContainText('2 highlights followed their passage; 1 could not be found');
  await expect(panel(page).getByRole('option')).toHaveCount(2);
  await expect.poll(() => paintedTexts(page)).toEqual(['Zamir Kabulov', 'operations centre in Almaty']);
  const orphans = page.getByRole('region', { name: 'Orphaned highlights' });
  await expect(orphans).toContainText('Please wait...');
  await expect(page.getByRole('option', { name: EFE })).toContainText('1 orphaned');

  // Re-attach the orphan to a new selection.
  await dragSelect(page, 'Rating: 4.0/5');
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect.poll(() => paintedTexts(page)).toContain('Rating: 4.0/5');
  await notebook.restart();
  await expect(panel(page).getByRole('option')).toHaveCount(3);
});

test('an orphan can be deleted, and undo brings it back as an orphan', async ({ page, notebook: _ }, testInfo) => {
  await openEfe(page);
  await dragSelect(page, 'Please wait...');
  await page.keyboard.press('h');
  const original = await readFile(join('seeds', '002_3d6a35bbe9bd0c1a.txt'), 'utf8');
  const file = testInfo.outputPath('efe-trimmed.txt');
  await writeFile(file, original.replace('Please wait...', ''));
  await page.getByTestId('reimport-input').setInputFiles(file);
  const orphans = page.getByRole('region', { name: 'Orphaned highlights' });
  await expect(orphans).toContainText('Please wait...');
  await orphans.getByRole('button', { name: 'Delete' }).click();
  await expect(orphans).toHaveCount(0);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(orphans).toContainText('Please wait...');
});

test('a binary file offered as the new text is refused and changes nothing', async ({ page, notebook }, testInfo) => {
  await openEfe(page);
  const before = await readFile(join(notebook.dataDir, 'sources', '002_3d6a35bbe9bd0c1a.json'), 'utf8');
  const file = testInfo.outputPath('photo.txt');
  await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]));
  await page.getByTestId('reimport-input').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('photo.txt is not a text file');
  expect(await readFile(join(notebook.dataDir, 'sources', '002_3d6a35bbe9bd0c1a.json'), 'utf8')).toBe(before);
});
