import type { Page } from '@playwright/test';
import { test, expect, type Notebook } from './fixtures';
import { dragSelect } from './reader-helpers';

const EFE = /Putin warns of buildup/;

const panel = (page: Page) => page.getByRole('listbox', { name: 'Highlights in reading order' });
const rowWith = (page: Page, quote: string) => panel(page).getByRole('option').filter({ hasText: quote });
const chipsOf = (page: Page, quote: string) => rowWith(page, quote).locator('.tag-chip');
const picker = (page: Page) => page.getByRole('dialog', { name: /^Tag “/ });

async function open(page: Page, title: RegExp) {
  await page.getByRole('tab', { name: /Sources/ }).click();
  await page.getByRole('option', { name: title }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
}

async function listTags(notebook: Notebook) {
  const r = await notebook.dispatch('listTags', undefined);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { tags: Array<{ id: string; name: string; kind: string; parentId: string | null }> }).tags;
}

test('Enter in the tag picker applies only a tag of exactly that name; a new name is created, never a fuzzy hit', async ({ page, notebook }) => {
  await open(page, EFE);
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  // T and the name at once, as a fast typist does: no letter may be lost before the picker has focus.
  await page.keyboard.press('t');
  await page.keyboard.type('CIS');
  await expect(picker(page).getByRole('combobox', { name: 'Find or create a tag' })).toHaveValue('CIS');
  // The first row offers to create it; fuzzy hits are shown below but not chosen.
  await expect(picker(page).getByRole('option').first()).toContainText('Create “CIS” as organisation');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['CIS']);

  // NATO: the Organisations category is not a tag and is never offered.
  await page.keyboard.type('NATO');
  await expect(picker(page).getByRole('option', { name: /^Organisations/ })).toHaveCount(0);
  await expect(picker(page).getByRole('option').first()).toContainText('Create “NATO”');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['CIS', 'NATO']);

  // The exact name, in another case and with an accent, applies the existing tag.
  await page.keyboard.type('TÉRRORISM');
  await expect(picker(page).getByRole('option').first()).toContainText('Terrorism');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['CIS', 'NATO', 'Terrorism']);

  // A part of a name with create impossible (bulk remove is not this picker): Enter alone does nothing here either.
  await page.keyboard.type('drug');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(picker(page).locator('.tag-picker-row.active')).toContainText('Drugs');
  await page.keyboard.press('Enter');
  await expect(chipsOf(page, 'Islamic State (IS) alone')).toHaveText(['CIS', 'NATO', 'Terrorism', 'Drugs']);
  await page.keyboard.press('Escape');

  const tags = await listTags(notebook);
  expect(tags.find((t) => t.name === 'CIS')).toMatchObject({ kind: 'organisation', parentId: 'tag-organisations' });
  expect(tags.find((t) => t.name === 'NATO')).toMatchObject({ kind: 'organisation', parentId: 'tag-organisations' });
  expect(tags.some((t) => t.name === 'drug')).toBe(false);
});

test('the first letter typed right after T reaches the picker, even for letters that are shortcuts', async ({ page, notebook }) => {
  await open(page, EFE);
  for (const [phrase, name] of [
    ['Taliban will find it difficult', 'Taliban'],
    ['the world’s largest supplier of opiates', 'heroin'],
  ] as const) {
    await dragSelect(page, phrase);
    await page.keyboard.press('t');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(chipsOf(page, phrase.slice(0, 20))).toHaveText([name]);
    await page.keyboard.press('Escape');
    await expect(picker(page)).toHaveCount(0);
  }
  const names = (await listTags(notebook)).map((t) => t.name);
  expect(names).toContain('Taliban');
  expect(names).toContain('heroin');
  expect(names).not.toContain('aliban');
  expect(names).not.toContain('eroin');
});

test('a tag moved under another category takes its kind; one whose kind the analyst set keeps it', async ({ page, notebook }) => {
  const create = async (input: unknown) => {
    const r = await notebook.dispatch('createTag', input);
    if (!r.ok) throw new Error(r.error.message);
  };
  // Filed under Places by mistake: it is a place because of where it sits.
  await create({ name: 'Islamic State Khorasan', parentId: 'tag-places' });
  // Under Places too, but the analyst made it an organisation on purpose.
  await create({ name: 'Border Service', parentId: 'tag-places', kind: 'organisation' });
  await page.reload();
  await page.getByRole('tab', { name: /Codebook/ }).click();
  const item = (name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name},`) });
  await expect(item('Islamic State Khorasan')).toHaveAccessibleName(/place/);

  // Move it under Groups with the keyboard (M, then the category): it becomes a group, and the app says so.
  await item('Islamic State Khorasan').focus();
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Move “Islamic State Khorasan” under…' });
  await dialog.getByRole('option', { name: 'Group Groups', exact: true }).click();
  await expect(page.getByText('It is now a group.')).toBeVisible();
  await expect(item('Islamic State Khorasan')).toHaveAccessibleName(/group/);
  expect((await listTags(notebook)).find((t) => t.name === 'Islamic State Khorasan')).toMatchObject({ kind: 'group', parentId: 'tag-groups' });

  // Dragged under Groups by mouse, the organisation stays an organisation.
  await item('Border Service').dragTo(item('Groups'));
  await expect.poll(async () => (await listTags(notebook)).find((t) => t.name === 'Border Service')?.parentId).toBe('tag-groups');
  expect((await listTags(notebook)).find((t) => t.name === 'Border Service')?.kind).toBe('organisation');
  await expect(item('Border Service')).toHaveAccessibleName(/organisation/);
});
