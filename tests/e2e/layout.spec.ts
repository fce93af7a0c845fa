import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openView, seedTaggedHighlights } from './views';

// The app is usable from a 1024x700 laptop window to a 2560x1440 screen: every toolbar control on screen, names in
// the codebook readable, a dialog's buttons reachable, tag chips wrapped rather than cut, messages over the panes.

async function inViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  expect(box, 'it is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(view.height);
}

/** Names in the codebook that do not fit their row (cut with an ellipsis). */
const cutNames = (page: Page) =>
  page.locator('.codebook-name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));

for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 },
]) {
  test(`every control is reachable at ${size.width}x${size.height}`, async ({ page, notebook }) => {
    await seedTaggedHighlights(notebook);
    await page.setViewportSize(size);
    await page.reload();
    await page.getByRole('option', { name: /Putin warns of buildup/ }).click();

    for (const name of ['Keyboard shortcuts', /^Export…/, /^Import…/, /^Search…/, /^Analysis/, 'Smaller text', 'Larger text']) {
      await inViewport(page, page.getByRole('button', { name }));
    }

    // Tag chips wrap inside their row: the last chip of a highlight with two tags is whole and inside the panel.
    const row = page.getByRole('option', { name: /humanitarian aid/ });
    const panel = await page.getByRole('listbox', { name: 'Highlights in reading order' }).boundingBox();
    for (const chip of await row.locator('.tag-chip').all()) {
      const box = (await chip.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panel!.x + panel!.width);
      expect(await chip.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    }

    // The codebook: every name whole (at 1024 px too), and more than a letter wide.
    await openView(page, 'codebook');
    expect(await cutNames(page)).toEqual([]);
    const organisations = await page.locator('.codebook-name', { hasText: 'Organisations' }).boundingBox();
    expect(organisations!.width).toBeGreaterThan(60);

    // The export dialog's buttons are on screen, and so is Close; the dialog scrolls inside, not the window.
    await openView(page, 'export');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await inViewport(page, dialog.getByRole('button', { name: 'Export', exact: true }));
    await inViewport(page, dialog.getByRole('button', { name: 'Cancel' }));
    await inViewport(page, dialog.getByRole('button', { name: 'Close' }));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
}

test('a notice floats over the panes instead of pushing them down', async ({ page, notebook: _ }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  const before = (await reader.boundingBox())!;
  await page.getByTestId('import-input').setInputFiles({ name: 'briefing.txt', mimeType: 'text/plain', buffer: Buffer.from('A short briefing on the border.\n\nSecond paragraph.') });
  const dialog = page.getByRole('dialog', { name: /Import/ });
  await dialog.getByRole('button', { name: /^Import/ }).click();
  const notice = page.getByRole('region', { name: 'Messages' }).getByRole('status');
  await expect(notice).toContainText(/Imported/);
  await inViewport(page, notice);
  const after = (await reader.boundingBox())!;
  expect(after.y).toBe(before.y);
  expect(after.height).toBe(before.height);
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});

test('margin marks are 10 px wide drag targets, and the find bar leaves the first line in view', async ({ page, notebook }) => {
  await seedTaggedHighlights(notebook);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.reload();
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  const marks = page.locator('.margin-mark');
  await expect(marks.first()).toBeVisible();
  for (const mark of await marks.all()) expect((await mark.boundingBox())!.width).toBeGreaterThanOrEqual(10);
  // The marks stay inside the reader (not cut by its edge).
  const scroller = (await page.locator('#reader').boundingBox())!;
  expect((await marks.first().boundingBox())!.x).toBeGreaterThanOrEqual(scroller.x);

  await page.locator('#reader').focus();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+F' : 'Control+F');
  const bar = page.getByRole('search', { name: 'Find in article' });
  await expect(bar).toBeVisible();
  const title = (await reader.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(title.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.y + (await bar.boundingBox())!.height);
});
