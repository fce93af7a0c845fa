import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, expectSaved } from './fixtures';

const TITLES = [
  'Putin Concerned Russia May Neglect Threat From Afghanistan Amid Ukraine Conflict',
  'Putin to discuss the situation in Afghanistan at a session of the CSTO Collective Security Council',
  'Putin warns of buildup of extremist and terrorist groups in northern Afghanistan',
];

test('lists the five bundled articles with publisher, date and highlight count', async ({ page, notebook: _ }) => {
  const items = page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
  await expect(items).toHaveCount(5);
  for (const title of TITLES) await expect(page.getByRole('option', { name: new RegExp(title.slice(0, 40)) })).toBeVisible();
  const efe = page.getByRole('option', { name: /Putin warns of buildup/ });
  await expect(efe).toContainText('EFE');
  await expect(efe).toContainText('15 Oct 2021');
  await expect(efe).toContainText('0 highlights');
});

test('opening a source shows its full text, paragraphs preserved, furniture dimmed', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: /Putin Concerned Russia May Neglect/ }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Putin Concerned Russia May Neglect Threat From Afghanistan Amid Ukraine Conflict');
  const raw = await readFile(join('seeds', '001_b5be86838c25179b.txt'), 'utf8');
  const shown = await page.getByTestId('article-text').evaluate((el) => Array.from(el.querySelectorAll('p')).map((p) => p.textContent));
  const expected = raw.split('\n').filter((l) => l.trim());
  expect(shown).toEqual(expected);
  // Navigation menus and channel plugs are kept in the text but dimmed; the prose is not.
  await expect(reader.locator('p.furniture', { hasText: '• Home' })).toHaveCount(1);
  await expect(reader.locator('p.furniture', { hasText: 'Subscribe to the Afghanistan Online YouTube Channel' })).toHaveCount(1);
  await expect(reader.locator('p:not(.furniture)', { hasText: 'President Vladimir Putin told Russia’s Security Council' })).toHaveCount(1);
  const dim = await reader.locator('p.furniture', { hasText: '• Home' }).evaluate((el) => getComputedStyle(el).color);
  const prose = await reader.locator('p:not(.furniture)').first().evaluate((el) => getComputedStyle(el).color);
  expect(dim).not.toBe(prose);
});

test('a note typed in the editor is saved and is there after a restart', async ({ page, notebook }) => {
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  const editor = page.getByRole('textbox', { name: 'Notes on this source' });
  await editor.click();
  await page.keyboard.type('ISIS numbers: Putin says about 2,000 in the north.');
  await expectSaved(page);
  await notebook.restart();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin warns of buildup/);
  await expect(page.getByRole('textbox', { name: 'Notes on this source' })).toHaveText('ISIS numbers: Putin says about 2,000 in the north.');
});

test('reading settings change with shortcuts and the toolbar, and persist', async ({ page, notebook }) => {
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option')).toHaveCount(5);
  await expect(page.locator('output[aria-label="Text size"]')).toHaveText('18px');
  await page.getByRole('main', { name: 'Reader' }).locator('#reader').focus();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(page.locator('output[aria-label="Text size"]')).toHaveText('20px');
  await page.keyboard.press('Control+-');
  await expect(page.locator('output[aria-label="Text size"]')).toHaveText('19px');
  await page.getByRole('radio', { name: 'Sans' }).click();
  await expect(page.locator('#reader')).toHaveAttribute('data-font', 'sans');
  await page.getByRole('button', { name: 'Wider lines' }).click();
  await expect(page.locator('output[aria-label="Line width"]')).toHaveText('73ch');
  const fontSize = await page.locator('.article').evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).toBe('19px');
  await notebook.restart();
  await expect(page.locator('output[aria-label="Text size"]')).toHaveText('19px');
  await expect(page.locator('#reader')).toHaveAttribute('data-font', 'sans');
});

test('the last open source and its reading position are remembered', async ({ page, notebook }) => {
  await page.getByRole('option', { name: /Putin: the situation in Afghanistan/ }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin: the situation/);
  await page.locator('#reader p', { hasText: /^Podberezkin recalled that this republic/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect
    .poll(async () => ((await notebook.dispatch('getSettings', undefined)) as { ok: true; value: { readingPositions: Record<string, number> } }).value.readingPositions['000_fef7c3c830cc015c'] ?? 0)
    .toBeGreaterThan(0);
  const topParagraph = () =>
    page.locator('#reader').evaluate((scroller) => {
      const top = scroller.getBoundingClientRect().top;
      const p = Array.from(scroller.querySelectorAll('p[data-start]')).find((el) => el.getBoundingClientRect().bottom > top + 1)!;
      return { text: p.textContent!.slice(0, 40), offset: p.getBoundingClientRect().top - top };
    });
  const before = await topParagraph();
  expect(before.text).not.toBe('');
  await notebook.restart();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin: the situation/);
  // The paragraph that was at the top of the reader is at the top again, far down the article.
  await expect.poll(async () => (await topParagraph()).text).toBe(before.text);
  expect(Math.abs((await topParagraph()).offset)).toBeLessThan(40);
  expect(await page.locator('#reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
});

test('an invalid call through the API shows an error and changes nothing', async ({ page, notebook }) => {
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  // The open source is saved (in view.json since issue 20) before anything is compared.
  await expect.poll(async () => JSON.parse(await readFile(join(notebook.dataDir, 'view.json'), 'utf8').catch(() => '{}')).lastSourceId ?? null).not.toBeNull();
  const before = await readFile(join(notebook.dataDir, 'catalog.json'), 'utf8');
  const result = await page.evaluate(() => window.notebook.updateSettings({ reader: { fontSize: 'huge' } } as never));
  expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/Invalid input for updateSettings.*reader\.fontSize/) }) });
  const unknownSource = await page.evaluate(() => window.notebook.getSource({ id: 'no-such-source' }));
  expect(unknownSource).toEqual({ ok: false, error: expect.objectContaining({ message: 'No source with id "no-such-source" in this notebook.' }) });
  expect(await readFile(join(notebook.dataDir, 'catalog.json'), 'utf8')).toBe(before);
  const empty = await page.evaluate(() => window.notebook.saveSourceNote({ sourceId: '', doc: { type: 'doc' } }));
  expect(empty).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^Invalid input for saveSourceNote: an id is required \(at sourceId\)\.$/) }) });
  expect(await readFile(join(notebook.dataDir, 'catalog.json'), 'utf8')).toBe(before);
});

test('a save that fails shows why, keeps the text, and succeeds once the disk is back', async ({ page, notebook }) => {
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  const editor = page.getByRole('textbox', { name: 'Notes on this source' });
  await editor.click();
  // Make the notebook folder unwritable in a way even root cannot get round: 'sources' becomes a file.
  const sources = join(notebook.dataDir, 'sources');
  await rename(sources, `${sources}.away`);
  await writeFile(sources, 'not a folder');
  await page.keyboard.type('Kabulov says the Taliban will attend.');
  const failed = page.getByRole('status').filter({ hasText: 'Not saved' });
  await expect(failed).toContainText('Could not save the notes: the notebook folder is missing or is not a folder');
  await expect(failed).toContainText('Your text is kept');
  await page.keyboard.type(' Confirmed.');
  await rm(sources);
  await rename(`${sources}.away`, sources);
  // No further typing: the editor retries by itself.
  await expectSaved(page);
  await notebook.restart();
  await expect(page.getByRole('textbox', { name: 'Notes on this source' })).toHaveText('Kabulov says the Taliban will attend. Confirmed.');
});

test('keyboard: the shortcuts sheet opens with Ctrl+/ and closes with Escape', async ({ page, notebook: _ }) => {
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option')).toHaveCount(5);
  await page.keyboard.press('Control+/');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Larger Text');
  await expect(dialog).toContainText('Ctrl+=');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
