import { test, expect, expectSaved } from './fixtures';
import { dragSelect } from './reader-helpers';

// The README's screenshot, taken through the real harness. `UPDATE_SCREENSHOT=1 npx playwright test screenshot`
// refreshes docs/screenshot.png; otherwise the picture goes to test-results/.
test('the panes render a readable, annotated article', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin warns/);
  for (const [phrase, tag] of [
    ['buildup of extremist and terrorist groups near the border', 'terrorism'],
    ['Tajik President Emomali Rahmon', 'Emomali'],
    ['humanitarian aid to the Afghan people', 'humanitarian aid'],
  ] as const) {
    await dragSelect(page, phrase);
    await page.keyboard.press('t');
    const picker = page.getByRole('dialog', { name: /^Tag “/ });
    await expect(picker).toBeVisible();
    await page.keyboard.type(tag);
    await expect(picker.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
  }
  await page.getByRole('textbox', { name: 'Notes on this source' }).click();
  await page.keyboard.type('## First reading\nPutin frames Afghanistan as a **terrorism** and **drugs** threat to the CIS. ');
  await expectSaved(page);
  await page.locator('#reader').evaluate((el) => (el.scrollTop = 0));
  const boxes = await Promise.all(['Sources', 'Reader', 'Notes'].map((name) => page.getByLabel(name, { exact: true }).first().boundingBox()));
  for (const box of boxes) expect(box?.width).toBeGreaterThan(200);
  await page.waitForTimeout(300);
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : 'test-results/screenshot.png' });
});
