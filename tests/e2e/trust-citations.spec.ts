import type { Page } from '@playwright/test';
import { test, expect, call, expectSaved } from './fixtures';
import { dragSelect } from './reader-helpers';

const EFE = /Putin warns of buildup/;
const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const sourceNotes = (page: Page) => page.getByRole('textbox', { name: 'Notes on this source' });

test('a citation shows publisher, date and paragraph; deleting a cited highlight warns first, and Cancel keeps it', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await dragSelect(page, 'Zamir Kabulov');
  await page.keyboard.press('h');
  const row = panel(page).getByRole('option').filter({ hasText: 'Zamir Kabulov' });
  await expect(row).toHaveCount(1);
  await sourceNotes(page).click();
  await page.keyboard.type('Who confirmed the Taliban would attend? ');
  await row.dragTo(sourceNotes(page));
  const citation = sourceNotes(page).locator('figure.citation');
  await expect(citation.locator('.citation-source')).toHaveText(EFE);
  await expect(citation.locator('.citation-detail')).toHaveText(/^EFE · 15 Oct 2021 · ¶ \d+$/);
  await expectSaved(page);

  // Delete it from the panel: the app says which note cites it, and Cancel changes nothing.
  await row.click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Delete a cited highlight?' });
  await expect(ask).toContainText('is cited in the notes on “Putin warns of buildup');
  await expect(ask).toContainText('“deleted passage”');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(row).toHaveCount(1);

  // Delete for real: the citation becomes a deleted passage with its quote; Ctrl+Z brings the highlight back.
  // The row's × (mouse only: a list option holds no buttons; the Delete key did the same above).
  await row.hover();
  await row.getByTitle(/^Delete highlight/).click();
  await ask.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(row).toHaveCount(0);
  await expect(citation).toHaveClass(/deleted/);
  await expect(citation.locator('.citation-quote')).toHaveText('Zamir Kabulov');
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(row).toHaveCount(1);
  await expect(citation).not.toHaveClass(/deleted/);

  // A highlight nobody cites is deleted without a question.
  await dragSelect(page, 'Kassym-Jomart Tokayev');
  await page.keyboard.press('h');
  const other = panel(page).getByRole('option').filter({ hasText: 'Kassym-Jomart Tokayev' });
  await other.click();
  await page.keyboard.press('Delete');
  await expect(other).toHaveCount(0);
  await expect(ask).toHaveCount(0);
});

test('deleting a highlight cited in another source’s highlight note names that note', async ({ page, notebook }) => {
  const value = <T>(channel: string, input: unknown): Promise<T> => call<T>(notebook, channel, input);
  const sources = await value<Array<{ id: string; title: string }>>('listSources', undefined);
  const efe = sources.find((s) => EFE.test(s.title))!;
  const other = sources.find((s) => s.id !== efe.id)!;
  const efeText = (await value<{ text: string }>('getSource', { id: efe.id })).text;
  const at = efeText.indexOf('Zamir Kabulov');
  const cited = await value<{ id: string }>('createHighlight', { sourceId: efe.id, start: at, end: at + 'Zamir Kabulov'.length });
  const citing = await value<{ id: string; quote: { exact: string } }>('createHighlight', { sourceId: other.id, start: 0, end: 24 });
  const citation = { type: 'citation', attrs: { highlightId: cited.id, sourceId: efe.id, quote: 'Zamir Kabulov', sourceTitle: efe.title, tags: [], deleted: false } };
  await value('setHighlightNote', { sourceId: other.id, highlightId: citing.id, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Compare' }] }, citation] } });
  await value('saveProjectNote', { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who attends?' }] }, citation] } });
  await notebook.restart();

  // With another source open, the project notebook's citation of an EFE passage still shows its paragraph.
  await page.getByRole('option', { name: other.title }).click();
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  const projectCitation = page.getByRole('textbox', { name: 'Project notebook' }).locator('figure.citation');
  await expect(projectCitation.locator('.citation-detail')).toHaveText(/^EFE · 15 Oct 2021 · ¶ \d+$/);

  await page.getByRole('option', { name: EFE }).click();
  const row = panel(page).getByRole('option').filter({ hasText: 'Zamir Kabulov' });
  await row.click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Delete a cited highlight?' });
  await expect(ask).toContainText(`the note on “${citing.quote.exact.replace(/\s+/g, ' ').trim().slice(0, 20)}`);
  await expect(ask).toContainText(`in “${other.title.slice(0, 20)}`);
  await expect(ask).toContainText('the project notebook');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
});
