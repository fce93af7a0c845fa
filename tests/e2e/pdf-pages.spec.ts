import type { Page } from '@playwright/test';
import { makePdf } from '../support/make-documents';
import { test, expect, type Notebook } from './fixtures';

/**
 * The page view of a PDF source (issue 15): the pages as the PDF draws them, highlights on them at their text
 * positions, a selection on a page that makes a highlight in the same offsets as the text view, and the two views
 * in step. By mouse and by keyboard, on a PDF generated here.
 */

const sources = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const pageView = (page: Page) => page.getByTestId('pdf-view');
const pdfPage = (page: Page, n: number) => pageView(page).getByRole('group', { name: new RegExp(`^Page ${n} of`) });

const TITLE = 'Crossings report with pages';
const filler = (n: number) => Array.from({ length: 40 }, (_, i) => `Observation ${n}.${i + 1}: the post logged lorries, buses and people on foot.`);

async function importReport(page: Page): Promise<void> {
  await expect(sources(page)).toHaveCount(5, { timeout: 30_000 });
  const pdf = await makePdf({
    title: TITLE,
    author: 'Jane Roe',
    header: 'Border Monitoring Mission — Annual Report 2022',
    pageNumbers: true,
    pages: [
      ['Summary', '', 'The mission observed the crossings through-', 'out the year and recorded every convoy.', '', ...filler(1)],
      ['Chapter 1', '', 'Families waited at the gate for many days.', '', ...filler(2)],
      ['Chapter 2', '', 'Lorries carried flour and fuel across the border.', '', ...filler(3)],
      ['Chapter 3', '', 'The winter closed two of the posts.', '', ...filler(4)],
    ],
  });
  await page.getByTestId('import-input').setInputFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByText(`“${TITLE}”`)).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(TITLE);
}

/** Screen points at the first and last characters of `phrase` in a page's text layer (the page scrolled into view). */
async function pagePhrasePoints(page: Page, phrase: string) {
  return page.evaluate((phrase) => {
    for (const span of document.querySelectorAll<HTMLElement>('[data-testid="pdf-view"] .textLayer span')) {
      const node = span.firstChild as Text | null;
      const at = node?.data.indexOf(phrase) ?? -1;
      if (!node || at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + phrase.length - 1);
      last.setEnd(node, at + phrase.length);
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { start: { x: a.left + 1, y: a.top + a.height / 2 }, end: { x: b.right - 1, y: b.top + b.height / 2 } };
    }
    return null;
  }, phrase);
}

async function sourceOf(notebook: Notebook, title: string) {
  const list = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string }> };
  const id = list.value.find((s) => s.title === title)!.id;
  const doc = (await notebook.dispatch('getSource', { id })) as { ok: true; value: { text: string; highlights: Array<{ id: string; start: number; end: number; quote: { exact: string } }> } };
  return { id, ...doc.value };
}

test.describe.configure({ timeout: 240_000 });

test('the pages of a PDF: seen, highlighted on the page by mouse, the same highlight in the text view and the panel, views in step', async ({ page, notebook }) => {
  await importReport(page);
  await reader(page).getByRole('button', { name: 'Pages' }).click();
  await expect(reader(page).getByRole('button', { name: 'Pages' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pdfPage(page, 1).locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(pdfPage(page, 1).locator('.textLayer')).toContainText('The mission observed the crossings');
  await expect(pageView(page).getByRole('toolbar', { name: 'Pages' })).toContainText('of 4');

  // To page 2 with the page bar, by keyboard: the page number, Enter.
  const number = pageView(page).getByRole('textbox', { name: /Page number/ });
  await number.fill('2');
  await number.press('Enter');
  await expect(pdfPage(page, 2).locator('.textLayer')).toContainText('Families waited at the gate', { timeout: 30_000 });
  await expect(number).toHaveValue('2');

  // Select a phrase on the page with the mouse and highlight it from the popover.
  const points = await pagePhrasePoints(page, 'Families waited at the gate');
  expect(points).not.toBeNull();
  await page.mouse.move(points!.start.x, points!.start.y);
  await page.mouse.down();
  await page.mouse.move((points!.start.x + points!.end.x) / 2, points!.end.y, { steps: 4 });
  await page.mouse.move(points!.end.x, points!.end.y, { steps: 4 });
  await page.mouse.up();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Highlight/ }).click();
  await expect(panel(page).getByRole('option')).toHaveCount(1);
  await expect(panel(page).getByRole('option').first()).toContainText('Families waited at the gate');
  // The same offsets as the text view would give that phrase.
  const doc = await sourceOf(notebook, TITLE);
  const at = doc.text.indexOf('Families waited at the gate');
  expect(doc.highlights).toHaveLength(1);
  expect(doc.highlights[0]).toMatchObject({ start: at, end: at + 'Families waited at the gate'.length });
  // Drawn on the page where the words are.
  const mark = pdfPage(page, 2).locator(`.pdf-mark[data-highlight-id="${doc.highlights[0].id}"]`).first();
  await expect(mark).toBeAttached();
  // (Polled: the boxes are drawn again when the selection changes.)
  await expect
    .poll(async () => {
      const [markBox, words] = [await mark.boundingBox(), await pagePhrasePoints(page, 'Families')];
      return markBox && words ? Math.abs(markBox.y + markBox.height / 2 - words.start.y) < markBox.height && Math.abs(markBox.x - words.start.x) < 4 : false;
    })
    .toBe(true);
  for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await expect(pdfPage(page, 2).locator('canvas')).toBeVisible();
    await page.screenshot({ path: `test-results/pdf-pages-${w}.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `test-results/pdf-pages-${w}-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  await page.setViewportSize({ width: 1400, height: 900 });
  // In step: to page 3, then the text view opens at page 3's passage.
  await pageView(page).getByRole('button', { name: 'Next page' }).click();
  await expect(number).toHaveValue('3');
  await expect(pdfPage(page, 3).locator('.textLayer')).toContainText('Lorries carried flour', { timeout: 30_000 });
  await reader(page).getByRole('button', { name: 'Text', exact: true }).click();
  await expect(pageView(page)).toHaveCount(0);
  // Pages -> text: the text view opens at page 3's passage.
  await expect(reader(page).getByText('Lorries carried flour and fuel across the border.')).toBeInViewport({ timeout: 30_000 });
  // Back to the pages with the keyboard shortcut: at the same passage, page 3.
  await page.keyboard.press('Control+Shift+P');
  await expect(pageView(page)).toBeVisible();
  await expect(number).toHaveValue('3', { timeout: 30_000 });
  await expect(pdfPage(page, 3).locator('.textLayer')).toContainText('Lorries carried flour', { timeout: 30_000 });
  await expect(pdfPage(page, 3)).toBeInViewport();
  // The panel's highlight: the pages scroll back to it on page 2.
  await panel(page).getByRole('option').first().click();
  await expect(pdfPage(page, 2).locator(`.pdf-mark[data-highlight-id="${doc.highlights[0].id}"]`).first()).toBeInViewport({ timeout: 30_000 });
  // The highlight made on the page is painted in the text view too, and the panel brings it into view there.
  await reader(page).getByRole('button', { name: 'Text', exact: true }).click();
  await expect(pageView(page)).toHaveCount(0);
  await panel(page).getByRole('option').first().click();
  await expect(reader(page).getByText('Families waited at the gate for many days.')).toBeInViewport();
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => (r as StaticRange).startContainer.textContent?.includes('Families waited')))))
    .toBe(true);
});

test('the page view by keyboard: switch, page through, click a highlight in the panel and the page scrolls to it', async ({ page, notebook }) => {
  await importReport(page);
  const doc = await sourceOf(notebook, TITLE);
  const at = doc.text.indexOf('Lorries carried flour');
  const made = (await notebook.dispatch('createHighlight', { sourceId: doc.id, start: at, end: at + 'Lorries carried flour'.length })) as { ok: true; value: { id: string } };
  // Reopen the source so the reader has the new highlight.
  await sources(page).first().click();
  await sources(page).filter({ hasText: TITLE }).click();
  await expect(panel(page).getByRole('option')).toHaveCount(1);

  // The view switch is a pair of toggle buttons reached with Tab.
  const pagesButton = reader(page).getByRole('button', { name: 'Pages' });
  await pagesButton.focus();
  await page.keyboard.press('Enter');
  await expect(pdfPage(page, 1).locator('canvas')).toBeVisible({ timeout: 30_000 });
  const next = pageView(page).getByRole('button', { name: 'Next page' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(pageView(page).getByRole('textbox', { name: /Page number/ })).toHaveValue('2');
  await pageView(page).getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await expect(pageView(page).getByRole('textbox', { name: /Page number/ })).toHaveValue('1');

  // The panel's highlight: the page view scrolls to page 3 and the highlight is there, drawn.
  await panel(page).getByRole('option').first().click();
  await expect(pdfPage(page, 3).locator(`.pdf-mark[data-highlight-id="${made.value.id}"]`).first()).toBeInViewport({ timeout: 30_000 });
  // A click on the highlight on the page selects it.
  await panel(page).getByRole('option').first().press('Escape');
  const box = await pdfPage(page, 3).locator(`.pdf-mark[data-highlight-id="${made.value.id}"]`).first().boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Lorries carried flour');
  await expect(pdfPage(page, 3).locator('.pdf-mark.selected').first()).toBeAttached();
});

test('with a PDF in the notebook, pdf.js and its worker load after start-up, before any page view is opened', async ({ page, notebook }) => {
  await importReport(page);
  // Another source open at the restart: nothing on screen asks for pdf.js.
  await sources(page).filter({ hasText: /Putin warns of buildup/ }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('Putin warns');
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await notebook.restart();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('Putin warns');
  // Two scripts: the module that names the worker's address, and the worker itself (started, not only named).
  await expect.poll(() => new Set(requested.filter((p) => /\/assets\/pdf\.worker\.min-[^/]*\.js$/.test(p))).size, { timeout: 15_000 }).toBe(2);
  await expect(pageView(page)).toHaveCount(0);
  // The page view, opened afterwards, draws with what was loaded.
  await sources(page).filter({ hasText: TITLE }).click();
  await reader(page).getByRole('button', { name: 'Pages' }).click();
  await expect(pdfPage(page, 1).locator('canvas')).toHaveCount(1);
});
