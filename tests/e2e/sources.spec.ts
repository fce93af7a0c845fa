import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const EFE_ID = '002_3d6a35bbe9bd0c1a';
const EFE = /Putin warns of buildup/;
const list = (page: Page) => page.getByRole('listbox', { name: 'Sources' });
const options = (page: Page) => list(page).getByRole('option');
const titles = (page: Page) => options(page).locator('.source-title').allTextContents();
async function sortBy(page: Page, key: string) {
  await page.getByRole('button', { name: /^Sort: / }).click();
  await page.getByRole('menu', { name: 'Sort sources by' }).getByRole('menuitem', { name: key }).click();
  await expect(page.getByRole('button', { name: `Sort: ${key}` })).toBeVisible();
}
async function groupBy(page: Page, key: string) {
  await page.getByRole('button', { name: /^Group: / }).click();
  await page.getByRole('menu', { name: 'Group sources by' }).getByRole('menuitem', { name: key }).click();
  await expect(page.getByRole('button', { name: `Group: ${key}` })).toBeVisible();
}
const heading = (page: Page) => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });

test('the sources pane filters as you type, sorts by title, publisher, highlights and date, and groups by publisher and month', async ({ page, notebook: _ }) => {
  await expect(options(page)).toHaveCount(5);
  const filter = page.getByRole('searchbox', { name: /Filter sources/ });
  await filter.fill('csto');
  await expect(options(page)).toHaveCount(1);
  await expect(options(page).first()).toContainText('Putin to discuss the situation in Afghanistan at a session of the CSTO');
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 of 5' })).toBeVisible();
  await filter.fill('kremlin zzz');
  await expect(options(page)).toHaveCount(0);
  await expect(page.getByText('No source matches “kremlin zzz”.')).toBeVisible();
  await filter.press('Escape');
  await expect(options(page)).toHaveCount(5);

  // Default: newest first.
  const byDate = await titles(page);
  await sortBy(page, 'Title');
  const byTitle = await titles(page);
  expect(byTitle).toEqual([...byDate].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await page.getByRole('button', { name: 'Ascending order' }).click();
  expect(await titles(page)).toEqual([...byTitle].reverse());

  await groupBy(page, 'Publisher');
  const headers = list(page).locator('.source-group-label');
  await expect(headers.first()).toBeVisible();
  const names = await headers.allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  expect(names).toContain('EFE');
  await expect(options(page)).toHaveCount(5);
  await groupBy(page, 'Month');
  await expect(headers).toContainText(['October 2021']);

  // The choice of sort and grouping is remembered.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Group: Month' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sort: Title' })).toBeVisible();
});

test('the list is keyboard-driven: arrows move, Enter opens, Alt+Down follows the shown order, focus is visible', async ({ page, notebook: _ }) => {
  await expect(options(page)).toHaveCount(5);
  await sortBy(page, 'Title');
  const order = await titles(page);
  await options(page).first().click();
  await expect(heading(page)).toHaveText(order[0]);
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toBeFocused();
  const outline = await options(page).nth(1).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(order[1]);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText(order[2]);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page)).toHaveText(order[1]);
  // From the filter box, ArrowDown enters the list.
  await page.getByRole('searchbox', { name: /Filter sources/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list(page).locator('[role="option"]:focus')).toHaveCount(1);
});

test('edit a source’s title, publisher and date from the list (F2) and from the reader; Ctrl+Z undoes it; bad dates are refused', async ({ page, notebook }) => {
  await options(page).filter({ hasText: EFE }).click();
  await expect(heading(page)).toHaveText(EFE);
  await options(page).filter({ hasText: EFE }).press('F2');
  const dialog = page.getByRole('dialog', { name: 'Source details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(/Putin warns of buildup/);
  await dialog.getByLabel('Title').fill('ISIS in northern Afghanistan: Putin');
  await dialog.getByLabel('Publisher').fill('EFE Moscow');
  await dialog.getByLabel(/^Date/).fill('2021-10-16');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = options(page).filter({ hasText: 'ISIS in northern Afghanistan: Putin' });
  await expect(row).toContainText('EFE Moscow');
  await expect(row).toContainText('16 Oct 2021');
  await expect(heading(page)).toHaveText('ISIS in northern Afghanistan: Putin');

  // Saved on disk: the backend lists it so.
  const listed = (await notebook.dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string; title: string; date: string }> };
  expect(listed.value.find((s) => s.id === EFE_ID)).toMatchObject({ title: 'ISIS in northern Afghanistan: Putin', date: '2021-10-16' });

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(options(page).filter({ hasText: EFE })).toContainText('15 Oct 2021');
  await expect(heading(page)).toHaveText(EFE);

  // From the reader's header; an empty title is refused with a message and nothing changes.
  await page.getByRole('button', { name: 'Edit details…' }).click();
  await dialog.getByLabel('Title').fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Title: a source needs a title');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(options(page).filter({ hasText: EFE })).toHaveCount(1);
});

test('select several sources (Ctrl+click, Shift+click, Ctrl+A), delete them after confirming, and undo brings them back', async ({ page, notebook: _ }) => {
  await expect(options(page)).toHaveCount(5);
  await sortBy(page, 'Title');
  const order = await titles(page);
  await options(page).nth(0).click();
  await options(page).nth(2).click({ modifiers: ['Control'] });
  await expect(page.getByRole('toolbar', { name: 'Selected sources' })).toContainText('2 selected');
  await options(page).nth(3).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selected sources' })).toContainText('2 selected');
  await expect(options(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('toolbar', { name: 'Selected sources' })).toContainText('5 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Selected sources' })).toBeHidden();

  await options(page).nth(1).click({ modifiers: ['Control'] });
  await options(page).nth(2).click({ modifiers: ['Control'] });
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete 3 sources?' });
  await expect(confirm).toContainText('will show “Deleted passage”');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(options(page)).toHaveCount(5);

  await page.getByRole('toolbar', { name: 'Selected sources' }).getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete 3 sources?' }).getByRole('button', { name: 'Delete 3 sources' }).click();
  await expect(options(page)).toHaveCount(2);
  expect(await titles(page)).toEqual([order[3], order[4]]);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 3 sources' })).toBeVisible();
  // The open source was among them: the reader moved on to one that is left.
  await expect(heading(page)).toHaveText(order[3]);

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(options(page)).toHaveCount(5);
  expect(await titles(page)).toEqual(order);
});

test('deleting a cited source turns its citations into “Deleted passage”; undo makes them live again', async ({ page, notebook }) => {
  const created = (await notebook.dispatch('createHighlight', { sourceId: EFE_ID, start: 0, end: 20 })) as { ok: true; value: { id: string; quote: { exact: string } } };
  const h = created.value;
  const doc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Cited:' }] },
      { type: 'citation', attrs: { highlightId: h.id, sourceId: EFE_ID, quote: h.quote.exact, sourceTitle: 'EFE', tags: [], deleted: false } },
    ],
  };
  expect(await notebook.dispatch('saveProjectNote', { doc })).toMatchObject({ ok: true });
  await page.reload();
  await options(page).filter({ hasText: /Putin Concerned/ }).click();
  await page.getByRole('tab', { name: 'Project', exact: true }).click();
  const citation = page.getByRole('textbox', { name: 'Project notebook' }).locator('figure.citation');
  await expect(citation).toBeVisible();
  await expect(citation).not.toHaveClass(/deleted/);

  await options(page).filter({ hasText: EFE }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Source' }).getByRole('menuitem', { name: 'Delete source…' }).click();
  await page.getByRole('dialog', { name: 'Delete this source?' }).getByRole('button', { name: 'Delete source' }).click();
  await expect(options(page).filter({ hasText: EFE })).toHaveCount(0);
  await expect(citation).toHaveClass(/deleted/);
  await expect(citation).toContainText('Deleted passage');

  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(options(page).filter({ hasText: EFE })).toHaveCount(1);
  await expect(citation).not.toHaveClass(/deleted/);
});

test('export the selected sources: the selection bar, the context menu and Ctrl+E in the list open Export on them', async ({ page, notebook: _ }) => {
  const out = await mkdtemp(join(tmpdir(), 'notebook-export-selected-'));
  try {
    await expect(options(page)).toHaveCount(5);
    await sortBy(page, 'Title');
    const order = await titles(page);
    // Mouse: a range with Shift+click, then Export… in the selection bar.
    await options(page).nth(1).click();
    await options(page).nth(3).click({ modifiers: ['Shift'] });
    const bar = page.getByRole('toolbar', { name: 'Selected sources' });
    await expect(bar).toContainText('3 selected');
    await bar.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: /Export/ });
    await expect(dialog.getByRole('radio', { name: /Selected sources/ })).toBeChecked();
    await expect(dialog).toContainText('3 sources chosen in the list');
    await dialog.getByRole('radio', { name: /W3C Web Annotation/ }).check();
    await expect(dialog.getByLabel('Save to')).toHaveValue(/Research Notebook - 3 sources\.json$/);
    const target = join(out, 'three.json');
    await dialog.getByLabel('Save to').fill(target);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`from 3 sources to ${target}`);
    const parsed = JSON.parse(await readFile(target, 'utf8')) as { notebook: { sources: Array<{ title: string }> } };
    expect(parsed.notebook.sources.map((s) => s.title).sort()).toEqual([order[1], order[2], order[3]].sort());
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Keyboard: Ctrl+A in the list, Ctrl+E exports all that the list shows.
    await options(page).nth(0).focus();
    await page.keyboard.press('Control+a');
    await expect(bar).toContainText('5 selected');
    await page.keyboard.press('Control+e');
    await expect(dialog).toContainText('5 sources chosen in the list');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The context menu names how many it exports.
    await options(page).nth(0).click();
    await options(page).nth(4).click({ modifiers: ['Control'] });
    await options(page).nth(4).click({ button: 'right' });
    await page.getByRole('menu', { name: 'Source' }).getByRole('menuitem', { name: 'Export 2 sources…' }).click();
    await expect(dialog).toContainText('2 sources chosen in the list');
    await dialog.getByRole('radio', { name: /CSV/ }).check();
    const csv = join(out, 'two.csv');
    await dialog.getByLabel('Save to').fill(csv);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
