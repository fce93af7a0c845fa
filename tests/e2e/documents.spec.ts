import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeDocx, makePdf, makeScannedPdf } from '../support/make-documents';
import { test, expect, type Notebook } from './fixtures';

/**
 * The documents analysts read (issue 15), imported in the app: a right-to-left web article from a saved page, a PDF
 * report and a Word brief (both generated here) through File > Import; the reader sets direction and language and
 * shows authors, address and pages; "Show the whole page" and back; a scanned PDF refused with what to do.
 */

const sources = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function importFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files);
  await importDialog(page).getByRole('button', { name: 'Import' }).click();
  await expect(importDialog(page)).toBeHidden();
}

/** Wait until the app has saved which source it opened (so the test ends with nothing in flight). */
async function settled(page: Page, notebook: Notebook, title: string): Promise<void> {
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
  const list = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string }> };
  const ids = list.value.filter((s) => s.title === title).map((s) => s.id);
  const last = async () => ((await notebook.dispatch('getSettings', undefined)) as { ok: true; value: { lastSourceId: string } }).value.lastSourceId;
  await expect.poll(async () => ids.includes(await last())).toBe(true);
}

test.describe.configure({ timeout: 240_000 });

const AR_TITLE = 'استئناف المحادثات حول إعادة فتح المعابر الحدودية';
const PDF_TITLE = 'Border monitoring: annual report';

test('a right-to-left web article, a PDF report and a Word brief come in through Import, each read as it should be', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5, { timeout: 30_000 });
  const pdf = await makePdf({
    title: PDF_TITLE,
    author: 'Jane Roe',
    header: 'Border Monitoring Mission — Annual Report 2022',
    pageNumbers: true,
    pages: [
      ['Summary', '', 'The mission observed the crossings through-', 'out the year and recorded every inter-', 'national convoy that passed.'],
      ['Chapter 1', '', 'Families waited at the gate for many days.'],
      ['Chapter 2', '', 'Lorries carried flour and fuel across the border.'],
    ],
  });
  const docx = makeDocx({ title: 'Brief on the northern crossing', creator: 'Anna Smith', blocks: [{ heading: 'Findings' }, { bullet: 'aid convoys pass without fees' }, { para: 'The crossing reopened on Tuesday.' }] });
  await page.getByTestId('import-input').setInputFiles([
    { name: 'ar-sharq.html', mimeType: 'text/html', buffer: readFileSync('tests/fixtures/articles/ar-sharq.html') },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    { name: 'brief.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) },
  ]);
  const dialog = importDialog(page);
  // Reading a PDF loads pdf.js once per process: on a loaded machine that takes seconds.
  await expect(dialog.getByText(`“${PDF_TITLE}”`)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByText('“Brief on the northern crossing”')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(sources(page)).toHaveCount(8);

  // The Arabic article: right to left, in Arabic, with its author and address; none of the page's comments.
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(AR_TITLE);
  const article = page.getByTestId('article');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');
  await expect(page.getByTestId('article-authors')).toHaveText('سارة الخطيب');
  await expect(page.getByTestId('article-url')).toHaveText('https://news.example/ar/2022/ar-sharq');
  await expect(reader(page)).toContainText('وقدمت المنظمات قائمة بمطالبها');
  await expect(reader(page)).not.toContainText('نتمنى أن تنجح المحادثات'); // a reader's comment
  for (const [w, h] of [[1024, 700], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/documents-rtl-${w}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/documents-rtl-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The PDF: words hyphenated at line ends joined, its pages counted, the running header dimmed as furniture.
  await sources(page).filter({ hasText: PDF_TITLE }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(PDF_TITLE);
  await expect(reader(page)).toContainText('observed the crossings throughout the year and recorded every international convoy');
  await expect(reader(page)).toContainText('3 pages (PDF)');
  await expect(page.getByTestId('article')).toHaveAttribute('dir', 'ltr');
  await page.screenshot({ path: 'test-results/documents-pdf-1024.png' });

  // The Word brief: heading, list item and paragraph each on their own line.
  await sources(page).filter({ hasText: 'Brief on the northern crossing' }).click();
  await expect(reader(page)).toContainText('aid convoys pass without fees');
  await expect(page.getByTestId('article-authors')).toHaveText('Anna Smith');
  await settled(page, notebook, 'Brief on the northern crossing');
});

test('"Show the whole page" brings back what the extraction left out, and "Show the article" returns to it', async ({ page, notebook }) => {
  await importFiles(page, [{ name: 'en-ledger.html', mimeType: 'text/html', buffer: readFileSync('tests/fixtures/articles/en-ledger.html') }]);
  const title = 'Border crossings reopen as aid convoys wait in the heat';
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader(page)).toContainText('Hospitals run short');
  await expect(reader(page)).not.toContainText('Would love a follow-up on the hospitals');
  await reader(page).getByRole('button', { name: 'Show the whole page' }).click();
  await expect(reader(page)).toContainText('Would love a follow-up on the hospitals');
  await expect(page.getByRole('status').filter({ hasText: 'Showing the whole saved page' })).toBeVisible();
  await reader(page).getByRole('button', { name: 'Show the article' }).click();
  await expect(reader(page)).not.toContainText('Would love a follow-up on the hospitals');
  await expect(reader(page)).toContainText('Hospitals run short');
  await settled(page, notebook, title);
});

test('a scanned PDF without a text layer is refused with what to do, and nothing changes', async ({ page, notebook: _ }) => {
  await expect(sources(page)).toHaveCount(5, { timeout: 30_000 });
  await page.getByTestId('import-input').setInputFiles([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeScannedPdf()) }]);
  const alert = importDialog(page).getByRole('alert');
  await expect(alert).toContainText('scan.pdf: this PDF has no text layer; run OCR first', { timeout: 60_000 });
  await expect(importDialog(page).getByRole('button', { name: 'Import' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/documents-scanned-refused.png' });
  await importDialog(page).getByRole('button', { name: /Close|Cancel/ }).first().click();
  await expect(sources(page)).toHaveCount(5);
});
