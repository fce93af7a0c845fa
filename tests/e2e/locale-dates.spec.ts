import { test, expect } from './fixtures';
import { openView, seedTaggedHighlights } from './views';

test.use({ locale: 'de-DE' });

test("date filters are typed and shown in the analyst's locale (German: dd.mm.yyyy)", async ({ page, notebook }) => {
  await seedTaggedHighlights(notebook);
  await page.reload();
  await openView(page, 'analysis: frequency');
  const view = page.getByRole('main', { name: 'Analysis' });
  const from = view.getByRole('textbox', { name: 'Published from' });
  await expect(from).toHaveAttribute('placeholder', 'dd.mm.yyyy');
  const summary = view.locator('.analysis-summary');
  await expect(summary).toContainText('5 sources');

  await from.fill('01.10.2021');
  await from.press('Enter');
  await expect(summary).toContainText('3 sources');
  await expect(from).toHaveValue('01.10.2021');

  // Not a date: said beside the field, and the filter stays as it was.
  const to = view.getByRole('textbox', { name: 'Published to' });
  await to.fill('31.02.2022');
  await to.press('Enter');
  await expect(view.getByRole('alert')).toHaveText('Not a date: type it as dd.mm.yyyy.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toContainText('3 sources');
  await to.fill('31.12.2021');
  await to.press('Enter');
  await expect(summary).toContainText('2 sources');
  await expect(view.getByRole('alert')).toHaveCount(0);
});
