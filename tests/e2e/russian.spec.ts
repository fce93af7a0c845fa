/**
 * Issue 18 in the UI: a Russian source and its English translation. Suggestions in Russian, one tag across scripts,
 * search across scripts, and side-by-side reading, by mouse and by keyboard.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const RU = /Саммит ОДКБ в Душанбе/;
const EN = /CSTO summit in Dushanbe/;
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });
const suggestions = (page: Page) => page.getByRole('list', { name: 'Suggested entities' });
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function importPair(page: Page): Promise<void> {
  await page.getByTestId('import-input').setInputFiles([
    { name: 'csto-ru.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/russian/csto-article.txt') },
    { name: 'csto-en.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/russian/csto-article.en.txt') },
  ]);
  await importDialog(page).getByRole('button', { name: 'Import' }).click();
  await expect(importDialog(page)).toBeHidden();
}

async function open(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('option', { name: title }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

test('Russian suggestions: lemmas, no glued case endings, types; accepting one tags the English mentions too', async ({ page, notebook: _ }) => {
  await importPair(page);
  await open(page, RU);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+6');
  await expect(suggestions(page).locator('.suggestion-row').first()).toBeFocused({ timeout: 30_000 });
  const putin = suggestions(page).getByRole('listitem', { name: /^Владимир Путин, person/ });
  await expect(putin).toBeVisible();
  await expect(suggestions(page).getByRole('listitem', { name: /^Россия, place/ })).toBeVisible();
  await expect(suggestions(page).getByRole('listitem', { name: /^ОДКБ, organisation/ })).toBeVisible();
  await expect(suggestions(page).getByRole('listitem', { name: /^Эмомали Рахмон, person/ })).toBeVisible();
  await expect(suggestions(page).locator('.suggestion-name', { hasText: 'России Владимир' })).toHaveCount(0);
  await expect(suggestions(page).getByRole('listitem', { name: /Организации Договора.*person/ })).toHaveCount(0);
  // Accept every mention of Putin with the mouse (Путин, Путину and the full name are one entity).
  await putin.getByRole('button', { name: /Accept all/ }).click();
  await expect(putin).toHaveCount(0);
  // The English translation's "Vladimir Putin" and "Putin" now belong to that tag: one entity, two scripts.
  await open(page, EN);
  await page.keyboard.press('Control+6');
  const linked = suggestions(page).getByRole('listitem', { name: /^Владимир Путин, person/ });
  await expect(linked).toBeVisible({ timeout: 30_000 });
  await expect(linked.locator('.suggestion-row')).toHaveCount(3);
});

test('search across scripts: Shoigu finds Шойгу, marked as another script, after the English hits', async ({ page, notebook: _ }) => {
  await importPair(page);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the notebook' });
  await palette.getByRole('combobox').fill('Shoigu');
  const hits = palette.locator('.sp-hit');
  await expect(hits.filter({ hasText: 'other script' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(hits.filter({ hasText: 'other script' }).first()).toContainText('Шойгу');
  const texts = await hits.allTextContents();
  const firstCross = texts.findIndex((t) => t.includes('other script'));
  const lastOwn = texts.map((t, i) => (t.includes('Shoigu') && !t.includes('other script') ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  expect(lastOwn).toBeGreaterThanOrEqual(0);
  expect(firstCross).toBeGreaterThan(lastOwn);
});

test('side by side: link the translation, read aligned paragraphs, highlight a passage and its match (keyboard)', async ({ page, notebook: _ }) => {
  await importPair(page);
  await open(page, RU);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+Alt+t');
  const view = page.getByRole('region', { name: 'Side by side reading' });
  await expect(view).toBeVisible();
  await view.getByRole('combobox', { name: 'Translation' }).selectOption({ label: 'CSTO summit in Dushanbe: leaders discussed Afghanistan' });
  await view.getByRole('button', { name: 'Link translation' }).click();
  const grid = view.getByRole('table');
  await expect(grid).toBeVisible();
  // The translator split the third paragraph in two: both halves sit beside the Russian one.
  const row = grid.getByRole('row').filter({ hasText: 'Председательствовавший' });
  await expect(row.getByRole('cell').nth(1).locator('p')).toHaveCount(2);
  // Select "Сергей Шойгу" in the Russian column and press H.
  await page.evaluate(() => {
    const p = [...document.querySelectorAll<HTMLElement>('.bilingual [data-side="a"]')].find((x) => x.textContent!.includes('Сергей Шойгу'))!;
    const node = p.firstChild!;
    const at = node.textContent!.indexOf('Сергей Шойгу');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Сергей Шойгу'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await view.focus();
  await page.keyboard.press('h');
  await expect(view.getByRole('status')).toContainText('Highlighted in');
  const offer = view.getByRole('button', { name: /Highlight the matching paragraph in “CSTO summit/ });
  await offer.focus();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('status')).toContainText('The matching paragraph is highlighted');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await page.getByRole('tab', { name: /Highlights/ }).click();
  await expect(page.getByRole('listbox', { name: 'Highlights in reading order' }).getByRole('option', { name: /Сергей Шойгу/ })).toBeVisible();
  // The translation has its highlight over the matching paragraph.
  const list = (await _.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string; highlightCount: number }> };
  const en = list.value.find((s) => EN.test(s.title))!;
  const src = (await _.dispatch('getSource', { id: en.id })) as { ok: true; value: { highlights: Array<{ quote: { exact: string } }> } };
  expect(src.value.highlights.map((h) => h.quote.exact)).toEqual([expect.stringContaining('Defence Minister Sergei Shoigu')]);
});

for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`side by side screenshot ${w}x${h} ${scheme}`, async ({ page, notebook }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await importPair(page);
      const list = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string }> };
      const ru = list.value.find((s) => RU.test(s.title))!;
      const en = list.value.find((s) => EN.test(s.title))!;
      await notebook.dispatch('linkTranslation', { sourceId: ru.id, otherId: en.id });
      await open(page, RU);
      await reader(page).getByRole('button', { name: 'Side by side…' }).click();
      await expect(page.getByRole('region', { name: 'Side by side reading' }).getByRole('table')).toBeVisible();
      await page.screenshot({ path: `test-results/russian-side-by-side-${w}x${h}-${scheme}.png` });
    });
  }
}
