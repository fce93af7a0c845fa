import { test, expect } from './fixtures';
for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`shots ${w} ${scheme}`, async ({ page, notebook: _ }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      const options = page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
      await expect(options).toHaveCount(5);
      await page.getByRole('button', { name: /^Group: / }).click();
      await page.getByRole('menu', { name: 'Group sources by' }).getByRole('menuitem', { name: 'Publisher' }).click();
      await options.nth(0).click();
      await options.nth(2).click({ modifiers: ['Control'] });
      await page.screenshot({ path: `/tmp/corpus-shots/list-${w}-${scheme}.png` });
      await options.nth(1).click({ button: 'right' });
      await page.screenshot({ path: `/tmp/corpus-shots/menu-${w}-${scheme}.png` });
      await page.keyboard.press('Escape');
      await options.nth(1).click();
      await options.nth(1).press('F2');
      await page.getByRole('dialog', { name: 'Source details' }).getByLabel(/^Date/).fill('');
      await page.getByRole('dialog', { name: 'Source details' }).getByLabel('Title').fill(' ');
      await page.getByRole('dialog', { name: 'Source details' }).getByRole('button', { name: 'Save' }).click();
      await page.screenshot({ path: `/tmp/corpus-shots/edit-${w}-${scheme}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: /Filter/ }).fill('putin');
      await options.nth(0).click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await page.screenshot({ path: `/tmp/corpus-shots/delete-${w}-${scheme}.png` });
    });
  }
}
