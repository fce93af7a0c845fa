import type { Page } from '@playwright/test';
import { test, expect, type Notebook, call } from './fixtures';
import { dragSelect } from './reader-helpers';

const EFE_ID = '002_3d6a35bbe9bd0c1a';
const FT_ID = '003_66612958c2088e72';
const EFE = /Putin warns of buildup/;
const FT = /Russia and ex-Soviet allies pledge/;

const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const rowWith = (page: Page, quote: string) => panel(page).getByRole('option').filter({ hasText: quote });
const chipsOf = (page: Page, quote: string) => rowWith(page, quote).locator('.tag-chip');
const treeItem = (page: Page, name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name},`) });

async function open(page: Page, title: RegExp) {
  await page.getByRole('tab', { name: /Sources/ }).click();
  await page.getByRole('option', { name: title }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
}


/** A highlight made through the backend, as the renderer would (for test setup). */
async function seed(notebook: Notebook, sourceId: string, phrase: string, tagIds: string[]) {
  const { text } = await call<{ text: string }>(notebook, 'getSource', { id: sourceId });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${sourceId}`);
  return call<{ id: string; tagIds: string[] }>(notebook, 'createHighlight', { sourceId, start, end: start + phrase.length, tagIds });
}

async function storedTags(notebook: Notebook, sourceId: string, highlightId: string): Promise<string[]> {
  const doc = await call<{ highlights: Array<{ id: string; tagIds: string[] }> }>(notebook, 'getSource', { id: sourceId });
  return doc.highlights.find((h) => h.id === highlightId)?.tagIds ?? [];
}

async function showCodebook(page: Page) {
  await page.getByRole('tab', { name: /Codebook/ }).click();
  await expect(page.getByRole('tree', { name: 'Codebook tags' })).toBeVisible();
}

test('tag a highlight with the picker as it is made, later without re-selecting, and with a number key', async ({ page, notebook }) => {
  await open(page, EFE);
  // T on a selection: the highlight is made and the picker opens for it.
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: /^Tag “Islamic State \(IS\)/ });
  await expect(picker).toBeVisible();
  // A prefix finds the tag; Enter alone would create "terr", so the analyst chooses the row.
  await page.keyboard.type('terr');
  await expect(picker.getByRole('option').first()).toContainText('Create “terr”');
  await expect(picker.getByRole('option').nth(1)).toContainText('Terrorism');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['Terrorism']);
  // An alias finds its tag ("narcotics" is an alias of Drugs); the picker stays open for more tags.
  await page.keyboard.type('narcotics');
  await expect(picker.getByRole('option').first()).toContainText('Drugs');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['Terrorism', 'Drugs']);
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);

  // A new tag inline, with its kind: "Islamic State" as a group goes under Groups.
  await rowWith(page, 'Islamic State (IS) alone').hover();
  await rowWith(page, 'Islamic State (IS) alone').getByTitle(/^Tag…/).click();
  await expect(picker).toBeVisible();
  await page.keyboard.type('Islamic State');
  await picker.getByLabel('New tag kind').selectOption('group');
  await picker.getByRole('option', { name: /Create “Islamic State” as group/ }).click();
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['Terrorism', 'Drugs', 'Islamic State']);
  await page.keyboard.press('Escape');
  const tags = await call<{ tags: Array<{ id: string; name: string; kind: string; parentId: string | null }> }>(notebook, 'listTags');
  expect(tags.tags.find((t) => t.name === 'Islamic State')).toMatchObject({ kind: 'group', parentId: 'tag-groups' });

  // Number keys: the most recent tags, without any picker. Islamic State is the most recent: key 1.
  await dragSelect(page, 'Kassym-Jomart Tokayev');
  await page.keyboard.press('h');
  await expect(rowWith(page, 'Kassym-Jomart Tokayev')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('1');
  await expect(chipsOf(page, 'Kassym-Jomart Tokayev')).toHaveText(['Islamic State']);
  // In the picker the same keys are shown with their numbers; T on the selected highlight opens it (no selection needed).
  await page.keyboard.press('t');
  const picker2 = page.getByRole('dialog', { name: /^Tag “Kassym-Jomart Tokayev”/ });
  await expect(picker2.getByRole('option').nth(2)).toContainText('Terrorism');
  await expect(picker2.getByRole('option').nth(2).locator('kbd')).toHaveText('3');
  await page.keyboard.press('3');
  await expect(chipsOf(page, 'Kassym-Jomart Tokayev')).toHaveText(['Islamic State', 'Terrorism']);
  await page.keyboard.press('Escape');

  // Saved: the colour follows the first tag, and all of it survives a restart.
  const row = rowWith(page, 'Kassym-Jomart Tokayev');
  const islamicState = tags.tags.find((t) => t.name === 'Islamic State') as { id: string };
  await notebook.restart();
  await expect(chipsOf(page, 'Kassym-Jomart Tokayev')).toHaveText(['Islamic State', 'Terrorism']);
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['Terrorism', 'Drugs', 'Islamic State']);
  const color = await call<{ tags: Array<{ id: string; color: string }> }>(notebook, 'listTags').then((r) => r.tags.find((t) => t.id === islamicState.id)?.color);
  const swatch = await row.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
  const hex = (c: string) => `#${(c.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  expect(hex(swatch)).toBe(color);
});

test('bulk: select several highlights and add, then remove, a tag on all of them', async ({ page, notebook }) => {
  const is = await seed(notebook, EFE_ID, 'Islamic State (IS) alone has about 2,000 members', []);
  await seed(notebook, EFE_ID, 'Kassym-Jomart Tokayev', ['tag-theme-border']);
  await seed(notebook, EFE_ID, 'Tajikistan border Afghanistan', []);
  await page.reload();
  await open(page, EFE);
  await rowWith(page, 'Islamic State (IS)').click();
  await rowWith(page, 'Kassym-Jomart').click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Selected highlights' });
  await expect(bar).toContainText('3 selected');
  await rowWith(page, 'Kassym-Jomart').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  await page.keyboard.type('refugees');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Refugees']);
  await expect(chipsOf(page, 'Tajikistan border')).toHaveText(['Refugees']);
  await expect(chipsOf(page, 'Kassym-Jomart')).toHaveText(['Border']);
  await bar.getByRole('button', { name: 'Remove tag…' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove a tag from 2 highlights' });
  // Only tags the selection carries are offered.
  await expect(remove.getByRole('option')).toHaveText([/Refugees/]);
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveCount(0);
  // Meanwhile Drugs is put on one of them from elsewhere (another window, an import): the undo must not take it off.
  await call(notebook, 'bulkTag', { highlights: [{ sourceId: EFE_ID, highlightId: is.id }], add: 'tag-theme-drugs' });
  // Ctrl+Z puts Refugees back on both, and only Refugees.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(chipsOf(page, 'Tajikistan border')).toHaveText(['Refugees']);
  await expect(chipsOf(page, 'Islamic State (IS)')).toContainText(['Refugees']);
  expect((await storedTags(notebook, EFE_ID, is.id)).sort()).toEqual(['tag-theme-drugs', 'tag-theme-refugees']);
});

test('rename a tag in the codebook: every highlight’s chip changes, in every source', async ({ page, notebook }) => {
  await seed(notebook, EFE_ID, 'Islamic State (IS) alone has about 2,000 members', ['tag-theme-terrorism']);
  await seed(notebook, EFE_ID, 'Kassym-Jomart Tokayev', ['tag-theme-border', 'tag-theme-terrorism']);
  const ft = await seed(notebook, FT_ID, 'Islamic State terror group', ['tag-theme-terrorism']);
  await page.reload();
  await open(page, EFE);
  await expect(chipsOf(page, 'Kassym-Jomart')).toHaveText(['Border', 'Terrorism']);
  await showCodebook(page);
  await expect(treeItem(page, 'Terrorism')).toHaveAccessibleName(/3 highlights in 2 sources/);
  await treeItem(page, 'Terrorism').focus();
  await page.keyboard.press('F2');
  const input = page.getByRole('textbox', { name: 'New name for Terrorism' });
  await input.fill('Extremism');
  await input.press('Enter');
  await expect(treeItem(page, 'Extremism')).toBeVisible();
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Extremism']);
  await expect(chipsOf(page, 'Kassym-Jomart')).toHaveText(['Border', 'Extremism']);
  await expect(panel(page).locator('.tag-chip', { hasText: 'Terrorism' })).toHaveCount(0);
  await open(page, FT);
  await expect(chipsOf(page, 'Islamic State terror group')).toHaveText(['Extremism']);
  // The highlight kept the same tag id; the name changed once, in the codebook.
  expect(await storedTags(notebook, FT_ID, ft.id)).toEqual(['tag-theme-terrorism']);
});

test('merge two tags: every highlight moves to the target, none tagged twice; Ctrl+Z undoes it', async ({ page, notebook }) => {
  const isis = await call<{ tag: { id: string } }>(notebook, 'createTag', { name: 'ISIS', kind: 'group' });
  const state = await call<{ tag: { id: string } }>(notebook, 'createTag', { name: 'Islamic State', kind: 'group', aliases: ['IS'] });
  const both = await seed(notebook, EFE_ID, 'Islamic State (IS) alone has about 2,000 members', [isis.tag.id, 'tag-theme-terrorism', state.tag.id]);
  const one = await seed(notebook, FT_ID, 'Islamic State terror group', [isis.tag.id]);
  await page.reload();
  await open(page, EFE);
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['ISIS', 'Terrorism', 'Islamic State']);
  await showCodebook(page);
  await treeItem(page, 'ISIS').hover();
  await page.getByRole('button', { name: 'Actions for ISIS' }).click();
  await page.getByRole('menuitem', { name: /Merge into/ }).click();
  const picker = page.getByRole('dialog', { name: 'Merge “ISIS” into…' });
  await page.keyboard.type('islamic st');
  await expect(picker.getByRole('option').first()).toContainText('Islamic State');
  // Not the exact name: Enter alone chooses nothing until the analyst picks the row.
  await page.keyboard.press('Enter');
  await expect(picker).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Merge “ISIS” into “Islamic State”?' });
  await expect(confirm).toContainText('2 highlights in 2 sources move to “Islamic State”');
  await confirm.getByRole('button', { name: 'Merge' }).click();
  await expect(treeItem(page, 'ISIS')).toHaveCount(0);
  await expect(treeItem(page, 'Islamic State')).toHaveAccessibleName(/2 highlights in 2 sources/);
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Islamic State', 'Terrorism']);
  expect(await storedTags(notebook, FT_ID, one.id)).toEqual([state.tag.id]);
  expect(await storedTags(notebook, EFE_ID, both.id)).toEqual([state.tag.id, 'tag-theme-terrorism']);

  await page.getByRole('main', { name: 'Reader' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(treeItem(page, 'ISIS')).toBeVisible();
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['ISIS', 'Terrorism', 'Islamic State']);
  await expect.poll(() => storedTags(notebook, FT_ID, one.id)).toEqual([isis.tag.id]);
});

test('delete a tag (asks first): highlights keep their other tags; Ctrl+Z restores it', async ({ page, notebook }) => {
  const h = await seed(notebook, EFE_ID, 'Islamic State (IS) alone has about 2,000 members', ['tag-theme-terrorism', 'tag-theme-border']);
  await page.reload();
  await open(page, EFE);
  await showCodebook(page);
  await treeItem(page, 'Terrorism').focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete the tag “Terrorism”?' });
  await expect(confirm).toContainText('1 highlight in 1 source will lose it; they keep their other tags.');
  // Nothing happens until confirmed; Delete here must not delete the selected highlight either.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(treeItem(page, 'Terrorism')).toBeVisible();
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Terrorism', 'Border']);

  await treeItem(page, 'Terrorism').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Delete the tag “Terrorism”?' }).getByRole('button', { name: 'Delete tag' }).click();
  await expect(treeItem(page, 'Terrorism')).toHaveCount(0);
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Border']);
  expect(await storedTags(notebook, EFE_ID, h.id)).toEqual(['tag-theme-border']);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted "Terrorism"' })).toBeVisible();

  await page.keyboard.press('ControlOrMeta+z');
  await expect(treeItem(page, 'Terrorism')).toBeVisible();
  await expect(chipsOf(page, 'Islamic State (IS)')).toHaveText(['Terrorism', 'Border']);
  await expect.poll(() => storedTags(notebook, EFE_ID, h.id)).toEqual(['tag-theme-terrorism', 'tag-theme-border']);
});

test('move a tag by drag and drop and with Move to…', async ({ page, notebook }) => {
  await call(notebook, 'createTag', { name: 'Central Asia', kind: 'place' });
  await call(notebook, 'createTag', { name: 'Tajikistan', kind: 'place' });
  await page.reload();
  await showCodebook(page);
  await expect(treeItem(page, 'Tajikistan')).toHaveAttribute('aria-level', '2');
  await treeItem(page, 'Tajikistan').dragTo(treeItem(page, 'Central Asia'));
  await expect(treeItem(page, 'Tajikistan')).toHaveAttribute('aria-level', '3');
  let list = await call<{ tags: Array<{ name: string; parentId: string | null; id: string }> }>(notebook, 'listTags');
  const asia = list.tags.find((t) => t.name === 'Central Asia') as { id: string };
  expect(list.tags.find((t) => t.name === 'Tajikistan')?.parentId).toBe(asia.id);

  await treeItem(page, 'Tajikistan').focus();
  await page.keyboard.press('m');
  await page.getByRole('dialog', { name: 'Move “Tajikistan” under…' }).getByRole('option', { name: /Top level/ }).click();
  await expect(treeItem(page, 'Tajikistan')).toHaveAttribute('aria-level', '1');
  list = await call(notebook, 'listTags');
  expect(list.tags.find((t) => t.name === 'Tajikistan')?.parentId).toBeNull();
});

test('retrieval: a query across sources with counts, an inline error, then a jump to the passage', async ({ page, notebook }) => {
  await seed(notebook, EFE_ID, 'Islamic State (IS) alone has about 2,000 members', ['tag-theme-terrorism']);
  await seed(notebook, EFE_ID, 'drug production', ['tag-theme-terrorism', 'tag-theme-drugs']);
  const ft = await seed(notebook, FT_ID, 'Islamic State terror group', ['tag-theme-terrorism', 'tag-theme-border']);
  await page.reload();
  await open(page, EFE);
  await page.keyboard.press('ControlOrMeta+Alt+R');
  const view = page.getByRole('main', { name: 'Coded passages' });
  const query = view.getByRole('textbox', { name: 'Query' });
  await expect(query).toBeFocused();
  await query.fill('Terrorism AND');
  await expect(view.getByRole('alert')).toHaveText('Expected a tag name after "AND" at column 14.');
  await query.fill('Terrorism AND NOT Drugs');
  await expect(view.getByRole('status')).toHaveText('2 passages in 2 sources');
  const rows = view.getByRole('list', { name: 'Passages' }).getByRole('button');
  await expect(rows).toHaveCount(2);
  // Oldest first: the FT piece (23 Aug 2021) with its context, source, date and other tags.
  await expect(rows.first()).toContainText('Russia and ex-Soviet allies pledge');
  await expect(rows.first()).toContainText('23 Aug 2021');
  await expect(rows.first()).toContainText('militants from the Islamic State terror group');
  await expect(rows.first().locator('.tag-chip')).toHaveText(['Border']);
  // Filters: from 1 October 2021 only EFE remains.
  await view.getByRole('textbox', { name: 'From', exact: true }).fill('2021-10-01');
  await expect(view.getByRole('status')).toHaveText('1 passage in 1 source');
  await view.getByRole('textbox', { name: 'From', exact: true }).fill('');
  await expect(view.getByRole('status')).toHaveText('2 passages in 2 sources');

  await rows.first().click();
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(FT);
  await expect(panel(page).getByRole('option', { selected: true })).toContainText('Islamic State terror group');
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nb-flash'))).toBe(true);
  // The flashed passage is the one clicked, and it is in view in the reader.
  const flashed = await page.evaluate(() => {
    let out = { text: '', inView: false };
    CSS.highlights.get('nb-flash')?.forEach((r) => {
      const s = r as StaticRange;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      const box = range.getBoundingClientRect();
      const view = document.getElementById('reader')!.getBoundingClientRect();
      out = { text: range.toString(), inView: box.top >= view.top && box.bottom <= view.bottom };
    });
    return out;
  });
  expect(flashed).toEqual({ text: 'Islamic State terror group', inView: true });
  expect(ft.tagIds).toContain('tag-theme-border');

  // From the codebook: a click on a tag shows its passages; Esc goes back to the reader.
  await showCodebook(page);
  await treeItem(page, 'Drugs').locator('.codebook-name').click();
  await expect(view.getByRole('status')).toHaveText('1 passage in 1 source');
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('entity suggestions: dashed marks, accept a whole entity, reject one mention (remembered), accept one by key', async ({ page, notebook }) => {
  test.setTimeout(120_000); // the entity analysis runs three times (open, after accepting, after rejecting)
  await open(page, EFE);
  await page.getByRole('tab', { name: 'Suggestions' }).click();
  // Finding entities is real language analysis in the backend: on a busy machine it takes longer than an
  // expectation's default 5 s. Wait for the panel to say it is done, as an analyst would.
  await expect(page.getByRole('region', { name: 'Entity suggestions' }).getByRole('status')).toHaveText(/^[1-9]\d* untagged mentions? of [1-9]\d* entit/, { timeout: 60_000 });
  const list = page.getByRole('list', { name: 'Suggested entities' });
  const rahmon = list.getByRole('listitem', { name: /^Emomali Rahmon, person/ });
  await expect(rahmon).toBeVisible();
  await expect(list.getByRole('listitem', { name: /^Vladimir Putin, person/ })).toBeVisible();
  await expect(list.getByRole('listitem', { name: /^Tajikistan, place/ })).toBeVisible();
  await expect(list.getByRole('listitem', { name: /^Taliban, / })).toBeVisible();
  // Pending marks are drawn while the tab shows, and go when it is left.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('nb-pending')?.size ?? 0)).toBeGreaterThan(10);

  await rahmon.getByRole('button', { name: 'Accept all' }).click();
  await expect(rahmon).toHaveCount(0);
  await page.getByRole('tab', { name: /Highlights/ }).click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('nb-pending')?.size ?? 0)).toBe(0);
  await expect(rowWith(page, 'Emomali Rahmon').first().locator('.tag-chip')).toHaveText(['Emomali Rahmon']);
  const tags = await call<{ tags: Array<{ name: string; kind: string; parentId: string | null }> }>(notebook, 'listTags');
  expect(tags.tags.find((t) => t.name === 'Emomali Rahmon')).toMatchObject({ kind: 'person', parentId: 'tag-people' });

  // Keys: R rejects the mention in focus, A accepts the next one.
  await page.getByRole('tab', { name: 'Suggestions' }).click();
  const putin = list.getByRole('listitem', { name: /^Vladimir Putin, person/ });
  const first = putin.locator('.suggestion-row').first();
  const rejectedKey = await first.getAttribute('data-key');
  const secondKey = await putin.locator('.suggestion-row').nth(1).getAttribute('data-key');
  await first.click();
  await page.keyboard.press('r');
  await expect(list.locator(`[data-key="${rejectedKey}"]`)).toHaveCount(0);
  await expect(list.locator(`[data-key="${secondKey}"]`)).toBeFocused();
  await page.keyboard.press('a');
  await expect(list.locator(`[data-key="${secondKey}"]`)).toHaveCount(0);
  await page.getByRole('tab', { name: /Highlights/ }).click();
  await expect(panel(page).locator('.tag-chip', { hasText: 'Vladimir Putin' })).toHaveCount(1);

  // Rejections are remembered for this source.
  await notebook.restart();
  await page.getByRole('tab', { name: 'Suggestions' }).click();
  await expect(list.getByRole('listitem', { name: /^Vladimir Putin, person/ })).toBeVisible();
  await expect(list.locator(`[data-key="${rejectedKey}"]`)).toHaveCount(0);
  await expect(list.getByRole('listitem', { name: /^Emomali Rahmon/ })).toHaveCount(0);
});

test('tag all mentions of a tag with aliases, across sources, after review', async ({ page, notebook }) => {
  await call(notebook, 'createTag', { name: 'Islamic State', kind: 'group', aliases: ['IS', 'ISIS'] });
  await page.reload();
  await showCodebook(page);
  await treeItem(page, 'Islamic State').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Tag all mentions…' }).click();
  const review = page.getByRole('dialog', { name: 'Tag all mentions of “Islamic State”' });
  const boxes = review.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const n = await boxes.count();
  expect(n).toBeGreaterThan(2);
  await boxes.first().uncheck();
  await review.getByRole('button', { name: `Tag ${n - 1} mentions` }).click();
  await expect(review).toHaveCount(0);
  await expect(treeItem(page, 'Islamic State')).toHaveAccessibleName(new RegExp(`${n - 1} highlights in \\d sources`));
});
