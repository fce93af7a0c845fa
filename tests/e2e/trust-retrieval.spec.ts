import { readFile } from 'node:fs/promises';
import { test, expect, type Notebook, call, expectSaved } from './fixtures';

const EFE_ID = '002_3d6a35bbe9bd0c1a';


async function seed(notebook: Notebook, phrase: string, tagIds: string[]) {
  const { text } = await call<{ text: string }>(notebook, 'getSource', { id: EFE_ID });
  const start = text.indexOf(phrase);
  return call<{ id: string }>(notebook, 'createHighlight', { sourceId: EFE_ID, start, end: start + phrase.length, tagIds });
}

test('retrieved passages drag into a note as citations and export as CSV, from Retrieval and from a co-occurrence cell', async ({ page, notebook }) => {
  const drugs = await seed(notebook, 'drug trafficking', ['tag-theme-drugs']);
  await seed(notebook, 'fight against terrorism', ['tag-theme-terrorism']);
  await page.reload();
  await page.getByRole('tab', { name: 'Project' }).click();
  const note = page.getByRole('textbox', { name: 'Project notebook' });

  // Retrieval: the Drugs passage, dragged into the project notebook.
  await page.keyboard.press('Control+Alt+r');
  const view = page.getByRole('main', { name: 'Coded passages' });
  await view.getByLabel('Query').fill('Drugs');
  const passage = view.getByRole('list', { name: 'Passages' }).getByRole('listitem').filter({ hasText: 'drug trafficking' });
  await expect(passage).toHaveCount(1);
  await passage.dragTo(note);
  await expect(note.locator('figure.citation .citation-quote')).toHaveText(['drug trafficking']);
  await expect(note.locator('figure.citation')).toHaveAttribute('data-highlight-id', drugs.id);
  const [csv] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: /^Export all 1 as CSV/ }).click()]);
  const lines = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Highlight id,Source id,Source,Date,Passage,Tags,Start,End,Orphan');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${drugs.id},${EFE_ID},`);
  expect(lines[1]).toContain(',drug trafficking,Drugs,');
  await page.keyboard.press('Escape');

  // A co-occurrence cell: the paragraph with both tags, dragged into the note and exported.
  await page.keyboard.press('Control+Shift+A');
  const analysis = page.getByRole('main', { name: 'Analysis' });
  await analysis.getByRole('tab', { name: 'Co-occurrence' }).click();
  await analysis.getByRole('button', { name: /^(Drugs and Terrorism|Terrorism and Drugs): 1 paragraph together/ }).first().click();
  const paragraphs = analysis.getByRole('complementary', { name: 'Paragraphs' });
  await expect(paragraphs.getByRole('listitem')).toHaveCount(1);
  await paragraphs.getByRole('listitem').dragTo(note);
  await expect(note.locator('figure.citation')).toHaveCount(2);
  const [csv2] = await Promise.all([page.waitForEvent('download'), paragraphs.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = (await readFile((await csv2.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(rows[0]).toBe('Source id,Source,Date,Start,End,Paragraph,Highlight ids');
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('fight against terrorism and drug trafficking');
  await expectSaved(page);
});

test('the CSV of a retrieval holds every passage, not only the rows loaded on screen', async ({ page, notebook }) => {
  const { text } = await call<{ text: string }>(notebook, 'getSource', { id: EFE_ID });
  const made = new Set<string>();
  test.setTimeout(180_000);
  // 130 passages tagged Drugs: the view loads 100 at a time.
  for (let i = 0; i < 130; i++) {
    const start = (i * 11) % (text.length - 10);
    made.add((await call<{ id: string }>(notebook, 'createHighlight', { sourceId: EFE_ID, start, end: start + 6, tagIds: ['tag-theme-drugs'] })).id);
  }
  await page.reload();
  // The app is up before the shortcut (a key pressed on the start-up screen has nothing to reach).
  await expect(page.getByRole('option', { name: /Putin warns of buildup/ })).toBeVisible();
  await page.keyboard.press('Control+Alt+r');
  const view = page.getByRole('main', { name: 'Coded passages' });
  await view.getByLabel('Query').fill('Drugs');
  await expect(view.getByRole('status')).toContainText('130 passages');
  const [csv] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: /^Export all 130 as CSV/ }).click()]);
  const lines = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(131);
  expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(made);
});
