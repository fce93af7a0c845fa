import { test, expect, expectSaved } from './fixtures';
import { dragSelect } from './reader-helpers';

// The app is offline by design: while an analyst opens, highlights, tags, notes and exports, the renderer makes no
// request outside its own origin (app://notebook in Electron; the harness's loopback server here, which stands in
// for it). Fonts and icons are bundled.
test('no network request leaves the app while opening, highlighting, tagging, noting and exporting', async ({ page, notebook, appUrl }, testInfo) => {
  const outside: string[] = [];
  const inside: string[] = [];
  const origin = new URL(appUrl).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    else inside.push(url);
  });
  await page.reload(); // record the start-up too
  await expect(page.getByRole('option', { name: /Putin warns of buildup/ })).toBeVisible();

  // Open and highlight.
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  await dragSelect(page, 'Emomali Rahmon');
  await page.keyboard.press('t');
  // Tag it with the picker: a theme from the codebook.
  const picker = page.getByRole('dialog', { name: /tag/i });
  await expect(picker).toBeVisible();
  await page.getByRole('combobox', { name: 'Find or create a tag' }).or(page.getByLabel('Find or create a tag')).first().fill('Diplomacy');
  await expect(picker.getByRole('option').first()).toContainText('Diplomacy');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Highlights in reading order' }).getByRole('option').first()).toContainText('Diplomacy');

  // A note.
  await page.getByRole('textbox', { name: 'Notes on this source' }).click();
  await page.keyboard.type('Rahmon chairs the CSTO session.');
  await expectSaved(page);

  // Export the notebook to W3C JSON and HTML.
  for (const [format, ext] of [[/W3C Web Annotation/, 'json'], [/^HTML report/, 'html']] as const) {
    await page.locator('#reader').focus();
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: format }).check();
    await dialog.getByLabel('Save to').fill(testInfo.outputPath(`export.${ext}`));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
  expect(outside).toEqual([]);
  // The recording works: the app's own files (script, styles, bundled fonts) were seen.
  expect(inside.some((u) => u.endsWith('.js'))).toBe(true);
  expect(inside.some((u) => u.endsWith('.woff2'))).toBe(true);
  void notebook;
});
