import { test, expect } from './fixtures';

// The README's screenshot, taken through the real harness. `UPDATE_SCREENSHOT=1 npx playwright test screenshot`
// refreshes docs/screenshot.png; otherwise the picture goes to test-results/.
test('the three panes render a readable article', async ({ page, notebook: _ }) => {
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(/Putin warns/);
  await page.getByRole('textbox', { name: 'Notes on this source' }).click();
  await page.keyboard.type('## First reading\nPutin frames Afghanistan as a **terrorism** and **drugs** threat to the CIS. ');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const boxes = await Promise.all(['Sources', 'Reader', 'Notes'].map((name) => page.getByLabel(name, { exact: true }).first().boundingBox()));
  for (const box of boxes) expect(box?.width).toBeGreaterThan(200);
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : 'test-results/screenshot.png' });
});
