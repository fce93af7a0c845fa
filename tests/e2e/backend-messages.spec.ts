import type { Page } from '@playwright/test';
import { test, expect, call } from './fixtures';

/**
 * Messages the backend composes, in the interface language (issue 18): a refused change, an invalid tag query and
 * the summary of "tag all mentions" read in Russian once the interface is Russian, with the right plural forms.
 */
const treeItem = (page: Page, name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name},`) });

async function russian(page: Page) {
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option')).toHaveCount(5);
  await page.getByRole('combobox', { name: 'Interface language' }).selectOption({ label: 'Русский' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
}

async function showCodebook(page: Page) {
  await page.getByRole('tab', { name: /Кодовая книга/ }).click();
  await expect(page.getByRole('tree', { name: 'Метки кодовой книги' })).toBeVisible();
}

test('a refused rename and an invalid tag query read in Russian', async ({ page, notebook: _ }) => {
  await russian(page);
  await showCodebook(page);
  // Rename "Drugs" to a name its sibling has (F2, by keyboard): the backend refuses, in Russian.
  await treeItem(page, 'Drugs').focus();
  await page.keyboard.press('F2');
  const input = page.getByRole('textbox', { name: 'Новое название для Drugs' });
  await input.fill('Border');
  await input.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Border' })).toHaveText(/Метка «Border» уже есть в Themes\./);
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toHaveCount(0);

  // Retrieval (Ctrl+Alt+R): a query that stops short is refused in Russian, with its column.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Alt+R');
  const view = page.getByRole('main', { name: 'Размеченные фрагменты' });
  const query = view.getByRole('textbox', { name: 'Запрос' });
  await expect(query).toBeFocused();
  await query.fill('Terrorism AND');
  await expect(view.getByRole('alert')).toHaveText('После «AND» ожидается название метки (позиция 14).');
  await query.fill('Terrorism AND Talibn');
  await expect(view.getByRole('alert')).toHaveText('Неизвестная метка «Talibn» (позиция 15).');
});

test('"tag all mentions" reports in Russian, with the plural its number takes', async ({ page, notebook }) => {
  await call(notebook, 'createTag', { name: 'Islamic State', kind: 'group', aliases: ['IS', 'ISIS'] });
  await page.reload();
  await russian(page);
  await showCodebook(page);
  await treeItem(page, 'Islamic State').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Пометить все упоминания…' }).click();
  const review = page.getByRole('dialog', { name: 'Пометить все упоминания «Islamic State»' });
  const boxes = review.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const n = await boxes.count();
  expect(n).toBeGreaterThan(2);
  await review.getByRole('button', { name: /^Пометить \d+ упоминани/ }).click();
  await expect(review).toHaveCount(0);
  const passages = (count: number) => {
    const form = new Intl.PluralRules('ru-RU').select(count);
    return form === 'one' ? `Размечен ${count} фрагмент.` : form === 'few' ? `Размечено ${count} фрагмента.` : `Размечено ${count} фрагментов.`;
  };
  await expect(page.getByRole('status').filter({ hasText: 'Размечен' })).toContainText(passages(n));
  await expect(page.getByRole('status').filter({ hasText: 'Tagged' })).toHaveCount(0);
});
