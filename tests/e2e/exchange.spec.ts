import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type Notebook } from './fixtures';

/**
 * Export and import in the app (issue 6), through the Chromium harness: the export dialog writes a file to a typed
 * path, files come in through the file chooser and by drag and drop, duplicates are offered to skip, a bad file is
 * refused with a message naming it, and the HTML report prints to PDF.
 */

const ARTICLE = `<!DOCTYPE html>
<html><head><title>Border crossings rise at Termez</title>
<meta name="date" content="2021-09-14">
<script>window.__pwned = true; document.title = 'hacked';</script>
<style>body { color: red }</style></head>
<body onload="window.__pwned = true">
<h1>Border crossings rise at Termez</h1>
<p>Officials in Termez said on Tuesday that more people crossed the Amu Darya bridge than in any week this year.</p>
<script>document.write('INJECTED SCRIPT TEXT')</script>
<iframe src="https://example.org/ad"></iframe>
<form action="https://example.org"><input value="FORM FIELD TEXT"></form>
<p onclick="alert(1)">Aid agencies asked for more tents and water before the winter.</p>
</body></html>`;

let outDir: string;
test.beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'notebook-export-e2e-'));
});
test.afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const sources = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });

/** Wait until the app has saved which source it opened after an import (so the test ends with nothing in flight). */
async function settled(page: Page, notebook: Notebook, title: string): Promise<void> {
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
  const list = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string }> };
  const ids = list.value.filter((s) => s.title === title).map((s) => s.id);
  const last = async () => ((await notebook.dispatch('getSettings', undefined)) as { ok: true; value: { lastSourceId: string } }).value.lastSourceId;
  await expect.poll(async () => ids.includes(await last())).toBe(true);
}

async function dropFiles(page: Page, files: Array<{ name: string; content: string; type: string }>): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.content], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeHidden();
}

test('File > Export writes W3C JSON to the typed path, and the file parses as an annotation collection', async ({ page, notebook: _ }) => {
  await expect(sources(page)).toHaveCount(5);
  await page.keyboard.press('Control+e');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/5 sources, \d+ highlights/)).toBeVisible();
  // In the browser there is no native dialog: a text field only, no "Choose…"; PDF needs the desktop app.
  await expect(dialog.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: /PDF report/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: /W3C Web Annotation/ }).check();
  await expect(dialog.getByLabel('Save to')).toHaveValue(/Research Notebook\.json$/);
  const target = join(outDir, 'notebook.json');
  await dialog.getByLabel('Save to').fill(target);
  await page.screenshot({ path: 'test-results/exchange-export-dialog.png' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`from 5 sources to ${target}`);
  const parsed = JSON.parse(await readFile(target, 'utf8'));
  expect(parsed.type).toBe('AnnotationCollection');
  expect(parsed.notebook.sources.map((s: { title: string }) => s.title)).toContain('Putin warns of buildup of extremist and terrorist groups in northern Afghanistan');
  // No temp file is left beside it.
  expect(await readdir(outDir)).toEqual(['notebook.json']);

  // Exporting to the same path again asks before replacing it.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  await exportDialog(page).getByRole('radio', { name: /W3C Web Annotation/ }).check();
  await exportDialog(page).getByLabel('Save to').fill(target);
  await exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog(page).getByRole('alert')).toContainText(`${target} already exists`);
  await exportDialog(page).getByRole('button', { name: 'Replace' }).click();
  await expect(exportDialog(page).getByRole('status')).toContainText('Exported');
});

test('an .html file chosen in File > Import comes in as clean text, titled from <title>, scripts never run', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5);
  const chooser = page.waitForEvent('filechooser');
  // A round trip, so that Playwright intercepts the chooser before the shortcut opens it.
  await page.evaluate(() => undefined);
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'termez.html', mimeType: 'text/html', buffer: Buffer.from(ARTICLE) });
  const dialog = importDialog(page);
  await expect(dialog.getByText('“Border crossings rise at Termez”')).toBeVisible();
  await expect(dialog.getByText('Source', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported termez.html: 1 source' })).toBeVisible();
  await expect(sources(page)).toHaveCount(6);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Border crossings rise at Termez');
  await expect(reader).toContainText('more people crossed the Amu Darya bridge');
  await expect(reader).toContainText('Aid agencies asked for more tents');
  for (const dropped of ['INJECTED SCRIPT TEXT', 'FORM FIELD TEXT', 'window.__pwned', 'color: red']) await expect(reader).not.toContainText(dropped);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(sources(page).filter({ hasText: 'Border crossings rise at Termez' })).toContainText(/14 Sept? 2021/);
  await settled(page, notebook, 'Border crossings rise at Termez');
});

test('a file dropped on the window is imported; dropping it again offers to skip the duplicate', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5);
  const file = { name: 'termez.html', content: ARTICLE, type: 'text/html' };
  await dropFiles(page, [file]);
  await importDialog(page).getByRole('button', { name: 'Import' }).click();
  await expect(sources(page)).toHaveCount(6);

  await dropFiles(page, [{ ...file, name: 'termez-copy.htm' }]);
  const dialog = importDialog(page);
  await expect(dialog.getByText('Duplicate')).toBeVisible();
  await expect(dialog.getByText(/Same text as “Border crossings rise at Termez”, already in the notebook/)).toBeVisible();
  const skip = dialog.getByRole('checkbox', { name: /Skip the source already in the notebook/ });
  await expect(skip).toBeChecked();
  await page.screenshot({ path: 'test-results/exchange-import-duplicate.png' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 duplicate source skipped' })).toBeVisible();
  await expect(sources(page)).toHaveCount(6);

  // Not skipping it adds a second copy.
  await dropFiles(page, [{ ...file, name: 'termez-again.html' }]);
  await importDialog(page).getByRole('checkbox', { name: /Skip the source/ }).uncheck();
  await importDialog(page).getByRole('button', { name: 'Import' }).click();
  await expect(sources(page)).toHaveCount(7);
  await settled(page, notebook, 'Border crossings rise at Termez');
});

test('File > Import from the native menu (no user gesture) opens the dialog with its own Choose files… button', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5);
  // A synthetic key event carries no user activation, as a command sent by the native menu does not.
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true })));
  const dialog = importDialog(page);
  await expect(dialog.getByText(/You can also drop files anywhere on the window/)).toBeVisible();
  await page.screenshot({ path: 'test-results/exchange-import-choose.png' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles({ name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Field note\n---\n\nCrossings at dawn.\n') });
  await expect(dialog.getByText('“Field note”')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(sources(page)).toHaveCount(6);
  await settled(page, notebook, 'Field note');
});

test('a bad file is refused with an alert naming the file and the problem, and nothing changes', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'photo.txt', mimeType: 'text/plain', buffer: png },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "AnnotationCollection", "items": [') },
  ]);
  const dialog = importDialog(page);
  const alerts = dialog.getByRole('alert');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.nth(0)).toContainText('photo.txt: the file is named .txt but holds a PNG image, not text');
  await expect(alerts.nth(1)).toContainText('notes.json: ');
  await expect(alerts.nth(1)).toContainText('not valid JSON');
  await expect(dialog.getByText('None of these files can be imported. Nothing was changed.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/exchange-import-refused.png' });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(sources(page)).toHaveCount(5);
  const list = await notebook.dispatch('listSources', undefined);
  expect(list.ok && (list.value as unknown[]).length).toBe(5);
});

test('the HTML report prints to PDF in Chromium, with every source title in it', async ({ page, notebook, browser }) => {
  const report = await notebook.dispatch('exportReportHtml', { scope: { kind: 'notebook' } });
  if (!report.ok) throw new Error(report.error.message);
  const { html, sources: count } = report.value as { html: string; sources: number };
  expect(count).toBe(5);
  await expect(sources(page)).toHaveCount(5);
  const titles = await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').locator('.source-title').allTextContents();
  expect(titles).toHaveLength(5);

  // The same HTML the desktop app prints (printToPDF), in a page with JavaScript off as in the app's print window.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const printPage = await context.newPage();
  await printPage.setContent(html);
  for (const title of titles) await expect(printPage.getByRole('heading', { level: 2, name: title })).toBeVisible();
  // As the app prints it: with the document outline, so every source is a bookmark whose /Title is its heading.
  const pdf = await printPage.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true });
  await context.close();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const raw = pdf.toString('latin1');
  expect((raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(3);
  const bookmarks = [...raw.matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/g)].map((m) =>
    m[2] !== undefined
      ? Buffer.from(m[2], 'hex').swap16().toString('utf16le').replace(/^\uFEFF/, '')
      : m[1].replace(/\\([()\\])/g, '$1'),
  );
  // Chromium joins a heading's wrapped lines without the space between them: compare without spaces.
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  expect(bookmarks.length).toBeGreaterThanOrEqual(titles.length);
  for (const title of titles) expect(bookmarks.map(squeeze)).toContain(squeeze(title));
});
