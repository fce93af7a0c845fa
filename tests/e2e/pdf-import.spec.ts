import type { Page } from '@playwright/test';
import { makeEncryptedPdf, makePdf } from '../support/make-documents';
import { test, expect, type Notebook } from './fixtures';

/**
 * Importing PDFs in the app (issue 15): a long one shows its pages as they are read and can be cancelled (by the
 * Import dialog and by a drop on the window) with nothing changed; a protected one asks for its password. And the
 * source details dialog edits authors, address and language.
 */

const sources = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

const longReport = (pages: number) =>
  makePdf({ title: 'A very long report', pages: Array.from({ length: pages }, (_, p) => Array.from({ length: 30 }, (_, l) => `Page ${p + 1}, line ${l + 1}: the convoy waited at the crossing for clearance.`)) });

async function sourceCount(notebook: Notebook): Promise<number> {
  return ((await notebook.dispatch('listSources', undefined)) as { ok: true; value: unknown[] }).value.length;
}

test.describe.configure({ timeout: 300_000 });

test('a long PDF shows the pages read so far; Cancel stops it and nothing is added (Import dialog, then a drop)', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5, { timeout: 30_000 });
  const pdf = Buffer.from(await longReport(300));
  await page.getByTestId('import-input').setInputFiles([{ name: 'long.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  const status = importDialog(page).getByRole('status');
  await expect(status).toContainText(/Reading long\.pdf: page \d+ of 300/, { timeout: 60_000 });
  await expect(status.getByRole('progressbar', { name: 'Reading the files' })).toHaveAttribute('max', '300');
  await page.screenshot({ path: 'test-results/pdf-import-progress.png' });
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(importDialog(page)).toBeHidden();
  await expect(sources(page)).toHaveCount(5);
  expect(await sourceCount(notebook)).toBe(5);

  // Dropped on the window: the same progress, cancelled with the keyboard (Escape closes the dialog and stops it).
  const transfer = await page.evaluateHandle((b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdf.toString('base64'));
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(status).toContainText(/Reading dropped\.pdf: page \d+ of 300/, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(importDialog(page)).toBeHidden();
  await expect(sources(page)).toHaveCount(5);
  expect(await sourceCount(notebook)).toBe(5);
});

test('a protected PDF asks for its password: a wrong one is refused with a message, the right one imports it', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5, { timeout: 30_000 });
  const pdf = await makeEncryptedPdf({ title: 'Protected brief', pages: [['Families waited at the gate for many days.', 'The crossing reopened on Tuesday.']] }, 'open sesame');
  await page.getByTestId('import-input').setInputFiles([{ name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) }]);
  const dialog = importDialog(page);
  await expect(dialog.getByRole('alert')).toContainText('brief.pdf: the PDF is protected by a password', { timeout: 60_000 });
  const password = dialog.getByLabel('Password for brief.pdf');
  await password.fill('wrong one');
  await password.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('that password does not open the PDF', { timeout: 60_000 });
  await expect(dialog.getByLabel('Password for brief.pdf')).toHaveAttribute('aria-invalid', 'true');
  expect(await sourceCount(notebook)).toBe(5);
  for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/pdf-import-password-${w}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/pdf-import-password-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByLabel('Password for brief.pdf').fill('open sesame');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByText('“Protected brief”')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(sources(page)).toHaveCount(6);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Protected brief');
  await expect(reader(page)).toContainText('Families waited at the gate for many days.');
  // The page view asks for the password too (the file is kept as it came), then shows the page.
  await reader(page).getByRole('button', { name: 'Pages' }).click();
  const view = reader(page).getByLabel('Password');
  await view.fill('open sesame');
  await view.press('Enter');
  await expect(page.getByTestId('pdf-view').locator('.textLayer')).toContainText('Families waited at the gate', { timeout: 30_000 });
});

test('source details: authors, address and language are edited (F2), checked, shown in the list and the reader, and undone', async ({ page, notebook }) => {
  const EFE = 'Putin warns of buildup of extremist and terrorist groups in northern Afghanistan';
  await sources(page).filter({ hasText: EFE }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await sources(page).filter({ hasText: EFE }).press('F2');
  const dialog = page.getByRole('dialog', { name: 'Source details' });
  await dialog.getByLabel(/^Address/).fill('ftp://efe.example/a');
  await dialog.getByLabel(/^Language/).fill('Spanish');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Address (URL): an address starts with http:// or https://');
  await dialog.getByLabel(/^Address/).fill('https://efe.example/2021/putin-warns');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Language: a language is a code such as en, ru, ar or en-GB');
  await dialog.getByLabel(/^Language/).fill('es');
  await dialog.getByLabel(/^Authors/).fill('Ana García; Pedro Ruiz');
  for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/source-details-${w}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/source-details-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByLabel(/^Authors/).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(sources(page).filter({ hasText: EFE })).toContainText('Ana García et al.');
  await expect(page.getByTestId('article-authors')).toHaveText('Ana García, Pedro Ruiz');
  await expect(page.getByTestId('article-url')).toHaveText('https://efe.example/2021/putin-warns');
  await expect(page.getByTestId('article')).toHaveAttribute('lang', 'es');
  const listed = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ title: string; authors?: string[]; url?: string; language?: string }> };
  expect(listed.value.find((s) => s.title === EFE)).toMatchObject({ authors: ['Ana García', 'Pedro Ruiz'], url: 'https://efe.example/2021/putin-warns', language: 'es' });

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('article-authors')).toHaveCount(0);
  await expect(page.getByTestId('article-url')).toHaveCount(0);
  const after = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ title: string; authors?: string[]; url?: string }> };
  expect(after.value.find((s) => s.title === EFE)?.authors).toBeUndefined();
});
