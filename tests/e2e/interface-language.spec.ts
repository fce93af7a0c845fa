import { test, expect, call } from './fixtures';
import type { Settings } from '../../core/model';

/**
 * The interface in Russian (issue 18): switched in the toolbar or with View > Interface Language (Ctrl+Alt+I), kept
 * with the settings across a restart, every view at once; English stays the default.
 */
test('the interface switches to Russian and back, and stays Russian after a restart', async ({ page, notebook }) => {
  const sources = page.getByRole('listbox', { name: 'Sources' });
  await expect(sources.getByRole('option')).toHaveCount(5);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: /^Search…/ })).toBeVisible();

  // By mouse: the toolbar's language choice.
  await page.getByRole('combobox', { name: 'Interface language' }).selectOption({ label: 'Русский' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const russianSources = page.getByRole('listbox', { name: 'Источники' });
  await expect(russianSources.getByRole('option')).toHaveCount(5);
  // The toolbar.
  await expect(page.getByRole('button', { name: /^Поиск…/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Крупнее' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Антиква' })).toBeVisible();
  // The sources pane, with a Russian plural (5 источников) and dates in Russian.
  await expect(page.locator('.pane-sources .count, .sources-pane .count, [aria-label="5 источников"]').first()).toHaveAttribute('aria-label', '5 источников');
  const efe = page.getByRole('option', { name: /Putin warns of buildup/ });
  await expect(efe).toContainText('0 выделений');
  await expect(efe).toContainText('15 окт. 2021');

  // One highlight: the plural of one.
  await efe.click();
  await page.getByTestId('article-text').locator('p').nth(1).dblclick();
  await page.keyboard.press('h');
  await expect(page.getByRole('option', { name: /Putin warns of buildup/ })).toContainText('1 выделение');

  // The codebook (tags).
  await page.getByRole('tab', { name: 'Кодовая книга' }).click();
  await expect(page.getByRole('button', { name: /Новая метка/ }).first()).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Метки кодовой книги' }).or(page.getByRole('treegrid', { name: 'Метки кодовой книги' })).or(page.getByLabel('Метки кодовой книги')).first()).toBeVisible();

  // A dialog, opened with the keyboard: the shortcuts sheet, menus and commands in Russian.
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Сочетания клавиш' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Вид' })).toBeVisible();
  await expect(sheet).toContainText('Язык интерфейса: English / Русский');
  await expect(sheet).toContainText('Редактор заметок');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Stored with the settings: a restart opens in Russian.
  expect((await call<Settings>(notebook, 'getSettings')).interfaceLanguage).toBe('ru');
  await notebook.restart();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('listbox', { name: 'Источники' }).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('combobox', { name: 'Язык интерфейса' })).toHaveValue('ru');

  // By keyboard: View > Interface Language (Ctrl+Alt+I) switches back to English.
  await page.getByRole('listbox', { name: 'Источники' }).focus();
  await page.keyboard.press('Control+Alt+I');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('option', { name: /Putin warns of buildup/ })).toContainText('1 highlight');
  await expect(page.getByRole('combobox', { name: 'Interface language' })).toHaveValue('en');
  expect((await call<Settings>(notebook, 'getSettings')).interfaceLanguage).toBe('en');
});

test('a refused language leaves the setting as it was', async ({ notebook }) => {
  const r = await notebook.dispatch('updateSettings', { interfaceLanguage: 'de' });
  expect(r.ok).toBe(false);
  expect((await call<Settings>(notebook, 'getSettings')).interfaceLanguage).toBeUndefined();
});
