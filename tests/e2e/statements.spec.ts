import type { Page } from '@playwright/test';
import { test, expect, call } from './fixtures';
import { dragSelect } from './reader-helpers';

/** Statements and grading (issue 17), by mouse and keyboard on the seeds. */

const EFE = /Putin warns of buildup/;
const RT = /Putin: the situation in Afghanistan carries risks/;
const FT = /Russia and ex-Soviet allies pledge/;

async function open(page: Page, title: RegExp) {
  await page.getByRole('option', { name: title }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
}

async function createPutin(page: Page) {
  // A person tag for the speaker, through the codebook's own dialog-free path: the tag picker creates it.
  await page.evaluate(async () => {
    const r = await window.notebook.createTag({ name: 'Vladimir Putin', kind: 'person', parentId: 'tag-people' });
    if (!r.ok) throw new Error(r.error.message);
  });
  await page.reload();
}

/** Select a phrase, press S, pick the speaker by typing, keep the source's date, save. */
async function markStatement(page: Page, phrase: string) {
  await dragSelect(page, phrase);
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Statement' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Filter speakers').fill('putin');
  await expect(dialog.getByLabel('Speaker', { exact: true })).toHaveValue(/tag-/);
  await dialog.getByRole('button', { name: 'Save statement' }).click();
  await expect(dialog).toBeHidden();
}

test('S marks a statement, G grades source and passage, and the statements view groups the refugee claim', async ({ page, notebook: _ }) => {
  await createPutin(page);
  await open(page, EFE);
  await markStatement(page, 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees');
  const highlights = page.getByRole('listbox', { name: 'Highlights in reading order' });
  await expect(highlights.locator('.statement-badge')).toContainText('Vladimir Putin, 15 Oct 2021 · Paraphrase');

  // G then C grades the source; G then 3 the selected passage; the meanings show meanwhile.
  await page.locator('#reader').focus();
  await page.keyboard.press('g');
  await expect(page.locator('.grade-hint')).toContainText('Fairly reliable');
  await page.keyboard.press('c');
  await expect(page.locator('.grade-hint')).toHaveCount(0);
  await expect(page.getByRole('option', { name: EFE }).locator('.grade-badge')).toHaveText('C');
  await highlights.locator('.highlight-item').first().click();
  await page.keyboard.press('g');
  await page.keyboard.press('3');
  await expect(highlights.locator('.statement-badge .grade-badge')).toHaveText('3');
  // Undo takes the credibility back; redo puts it again.
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+z');
  await expect(highlights.locator('.statement-badge .grade-badge')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(highlights.locator('.statement-badge .grade-badge')).toHaveText('3');

  await open(page, RT);
  await markStatement(page, 'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees');
  await open(page, FT);
  await markStatement(page, 'We don’t want militants coming here under the guise of refugees');
  // The FT quote was said on a Sunday before the report: the date is editable.
  await page.getByRole('listbox', { name: 'Highlights in reading order' }).locator('.highlight-item').first().click();
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Statement' });
  await dialog.getByLabel('Date said').fill('2021-08-22');
  await dialog.getByRole('button', { name: 'Save statement' }).click();

  // The statements view: three statements, the RT and EFE ones one claim, FT offered as related.
  await page.keyboard.press('Control+Alt+s');
  const view = page.getByRole('region', { name: 'Statements' });
  await expect(view.getByRole('status').first()).toContainText('3 of 3 statements · 1 claim reported more than once');
  const rows = view.getByRole('row').filter({ has: page.locator('.statement-text') });
  await expect(rows).toHaveCount(3);
  await rows.filter({ hasText: 'disguised as refugees' }).click();
  const claim = view.getByRole('region', { name: /^Claim G1/ });
  await expect(claim).toContainText('2 reports in 2 outlets');
  await expect(claim.locator('ins').first()).toBeVisible();
  await expect(view.getByRole('region', { name: 'Related statements' })).toContainText('Financial Times');
  // Filter: what did Putin say about refugees before September.
  await view.getByLabel('Said until').fill('2021-09-01');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('militants coming here');
  // Enter opens the passage in the reader.
  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(view).toBeHidden();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(FT);
});

test('statement suggestions: accept with A (speaker tag created), reject with R, edit with E', async ({ page, notebook: _ }) => {
  await open(page, FT);
  await page.locator('#reader').focus();
  await page.keyboard.press('Control+7');
  const list = page.getByRole('list', { name: 'Suggested statements' });
  await expect(list.locator('[data-key]').first()).toBeFocused({ timeout: 30_000 });
  const visas = list.getByRole('listitem', { name: /^Vladimir Putin, 22 Aug 2021: So they \[refugees\]/ });
  await visas.click();
  await page.keyboard.press('a');
  await expect(visas).toHaveCount(0);
  await expect(page.locator('[data-key]:focus')).toHaveCount(1);
  const peskovs = list.getByRole('listitem', { name: /^Dmitry Peskov/ });
  const before = await peskovs.count();
  expect(before).toBeGreaterThan(1);
  await peskovs.first().click();
  await page.keyboard.press('r');
  await expect(peskovs).toHaveCount(before - 1);
  // Edit: change the occasion before accepting.
  const next = list.getByRole('listitem', { name: /^Dmitry Peskov/ }).first();
  await next.click();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Statement' });
  await dialog.getByLabel('Occasion').fill('Kremlin briefing');
  await dialog.getByRole('button', { name: 'Save statement' }).click();
  await page.getByRole('tab', { name: /Highlights/ }).click();
  const panel = page.getByRole('listbox', { name: 'Highlights in reading order' });
  await expect(panel.locator('.statement-badge')).toHaveCount(2);
  await expect(panel.locator('.statement-badge').filter({ hasText: 'Dmitry Peskov' })).toHaveCount(1);
  // The speakers became person tags in the codebook.
  await page.getByRole('tab', { name: /Codebook/ }).click();
  await expect(page.getByRole('treeitem', { name: /Dmitry Peskov/ })).toBeVisible();
});

test('the statements view filters by a source collection', async ({ page, notebook }) => {
  await createPutin(page);
  await open(page, EFE);
  await markStatement(page, 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees');
  await open(page, RT);
  await markStatement(page, 'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees');
  // A collection holding the RT article only.
  const sources = await call<Array<{ id: string; title: string }>>(notebook, 'listSources');
  const rt = sources.find((x) => RT.test(x.title))!;
  await call(notebook, 'createCollection', { name: 'Russian state media', sourceIds: [rt.id] });

  await page.keyboard.press('Control+Alt+s');
  const view = page.getByRole('region', { name: 'Statements' });
  const rows = view.getByRole('row').filter({ has: page.locator('.statement-text') });
  await expect(rows).toHaveCount(2);
  await view.getByLabel('Filter by collection').selectOption({ label: 'Russian state media' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('disguised as refugees');
  await expect(view.getByRole('status').first()).toContainText('1 of 2 statements');
  await view.getByLabel('Filter by collection').selectOption({ label: 'All sources' });
  await expect(rows).toHaveCount(2);
});

test('statements view and dialog: screenshots at two sizes, light and dark', async ({ page, notebook: _ }) => {
  await createPutin(page);
  await open(page, EFE);
  await markStatement(page, 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees');
  await open(page, RT);
  await markStatement(page, 'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.keyboard.press('Control+Alt+s');
      const view = page.getByRole('region', { name: 'Statements' });
      await view.getByRole('row').filter({ hasText: 'disguised' }).click();
      await page.screenshot({ path: `test-results/statements-view-${scheme}-${size.width}.png` });
      await page.keyboard.press('Escape');
      await page.locator('#reader').focus();
      await page.keyboard.press('g');
      await page.screenshot({ path: `test-results/statements-grade-${scheme}-${size.width}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('listbox', { name: 'Highlights in reading order' }).locator('.highlight-item').first().click();
      await page.keyboard.press('s');
      await page.screenshot({ path: `test-results/statements-dialog-${scheme}-${size.width}.png` });
      await page.keyboard.press('Escape');
    }
  }
});
