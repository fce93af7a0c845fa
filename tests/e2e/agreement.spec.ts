/**
 * Blind double-coding and agreement (issue 19), as two coders sharing one data folder: each sets a name, codes the
 * same source differently, submits; the Agreement view's figures equal the core's on the files on disk; one key
 * settles a disagreement into highlights by "Adjudicated", and U takes it back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, call, type Notebook } from './fixtures';
import { paintedTexts } from './reader-helpers';
import { tagPhrase } from './team-helpers';
import { compareCoders } from '../../core/agreement/compare';
import { formatCoefficient, formatPercent } from '../../core/agreement/format';
import type { Highlight, Tag } from '../../core/model';

const SOURCE = /Putin warns of buildup/;
const BOTH = 'Terrorists are trying to penetrate CIS territory';
const ONLY_ANNA = 'the terrorist leaders are hatching plans';
const ONLY_BORIS = 'Extremist and terrorist groups are betting on';

async function setName(page: Page, name: string) {
  await page.keyboard.press('Control+Alt+N');
  const dialog = page.getByRole('dialog', { name: 'Your name' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(name) }).first()).toBeVisible();
}

async function onDisk(notebook: Notebook, sourceId: string): Promise<{ text: string; highlights: Highlight[] }> {
  return JSON.parse(await readFile(join(notebook.dataDir, 'sources', `${sourceId}.json`), 'utf8'));
}

test('two coders code blind, submit, compare, and adjudicate by key', async ({ page, notebook }) => {
  test.setTimeout(120_000);
  const { tags } = await call<{ tags: Tag[] }>(notebook, 'listTags');
  const terrorism = tags.find((t) => t.name === 'Terrorism')!;
  await page.getByRole('option', { name: SOURCE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(SOURCE);
  const source = (await call<Array<{ id: string; title: string }>>(notebook, 'listSources')).find((s) => SOURCE.test(s.title))!;
  const sourceId = source.id;

  // The coordinator (Anna) assigns the source and the code to both coders, blind.
  await setName(page, 'Anna Petrova');
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const view = page.getByRole('main', { name: 'Agreement' });
  await expect(view).toBeVisible();
  for (const coder of ['Anna Petrova', 'Boris Ivanov']) {
    await view.getByLabel('Coder', { exact: true }).fill(coder);
    await view.getByRole('listbox', { name: 'Sources' }).selectOption({ label: source.title });
    await view.getByRole('listbox', { name: 'Codes' }).selectOption({ label: 'Terrorism' });
    await view.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(view.getByRole('row', { name: new RegExp(coder) })).toBeVisible();
  }
  await view.getByRole('checkbox', { name: 'Blind coding' }).click();
  await expect(view.getByRole('checkbox', { name: 'Blind coding' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);

  // Anna codes.
  await tagPhrase(page, BOTH, 'Terrorism');
  await tagPhrase(page, ONLY_ANNA, 'Terrorism');
  await expect(page.locator('.highlight-list .byline').first()).toHaveText(/^by A\. Petrova · /);

  // Boris, on the same computer: Anna's coding is hidden from him.
  await setName(page, 'Boris Ivanov');
  await expect.poll(() => paintedTexts(page)).toEqual([]);
  await tagPhrase(page, BOTH, 'Terrorism');
  await tagPhrase(page, ONLY_BORIS, 'Terrorism');
  expect(await paintedTexts(page)).not.toContain(ONLY_ANNA);
  await page.keyboard.press('Control+Alt+A');
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Compare' }).click();
  await expect(view.getByRole('alert')).toContainText('have not submitted');
  await view.getByRole('button', { name: 'Submit my coding' }).click();
  await expect(view.getByText('Your coding is submitted')).toBeVisible();

  await view.getByRole('button', { name: 'Switch name…' }).click();
  await page.getByRole('dialog', { name: 'Your name' }).getByRole('button', { name: 'Anna Petrova' }).click();
  await page.keyboard.press('Enter');
  await view.getByRole('button', { name: 'Submit my coding' }).click();
  await expect(view.getByText('Your coding is submitted')).toBeVisible();

  // Compare on sentences: the figures shown are the core's on the files on disk.
  await view.getByRole('radio', { name: 'Sentences' }).check();
  await view.getByRole('button', { name: 'Compare' }).click();
  const table = view.getByRole('table').filter({ hasText: 'Krippendorff' });
  await expect(table).toBeVisible();
  const file = await onDisk(notebook, sourceId);
  const core = compareCoders([{ sourceId, text: file.text, highlights: file.highlights }], ['Anna Petrova', 'Boris Ivanov'], [terrorism.id], 'sentence');
  for (const [row, figures] of [[terrorism.id, core.codes[0]], ['overall', core.overall]] as const) {
    const cells = table.locator(`tr[data-tag-id="${row}"]`);
    await expect(cells.locator('[data-figure="percent"]')).toHaveText(formatPercent(figures.percent));
    await expect(cells.locator('[data-figure="kappa"]')).toHaveText(formatCoefficient(figures.kappa));
    await expect(cells.locator('[data-figure="alpha"]')).toHaveText(formatCoefficient(figures.alpha));
  }
  expect(core.disagreements.length).toBe(2);
  const rows = view.getByRole('list', { name: 'Passages where the coders differ' }).locator(':scope > li');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(ONLY_ANNA);

  // One key: 1 keeps Anna's coding of the first passage; the merged reading is on disk as "Adjudicated".
  await rows.nth(0).focus();
  await page.keyboard.press('1');
  await expect(rows.nth(0)).toHaveAttribute('aria-label', /Kept A/);
  await expect(rows.nth(1)).toBeFocused();
  let adjudicated = (await onDisk(notebook, sourceId)).highlights.filter((h) => h.creator === 'Adjudicated');
  expect(adjudicated.map((h) => [h.quote.exact, h.tagIds, h.lastEditor])).toEqual([[ONLY_ANNA, [terrorism.id], 'Anna Petrova']]);
  // B keeps Boris's; then U takes it back.
  await page.keyboard.press('b');
  await expect(rows.nth(1)).toHaveAttribute('aria-label', /Kept B/);
  adjudicated = (await onDisk(notebook, sourceId)).highlights.filter((h) => h.creator === 'Adjudicated');
  expect(adjudicated.map((h) => h.quote.exact).sort()).toEqual([ONLY_BORIS, ONLY_ANNA].sort());
  await rows.nth(1).focus();
  await page.keyboard.press('u');
  await expect(rows.nth(1)).toHaveAttribute('aria-label', /not settled/);
  adjudicated = (await onDisk(notebook, sourceId)).highlights.filter((h) => h.creator === 'Adjudicated');
  expect(adjudicated.map((h) => h.quote.exact)).toEqual([ONLY_ANNA]);
  // The quick-tag key 1 did nothing to the reader's highlights behind the view: four coded, one merged.
  expect((await onDisk(notebook, sourceId)).highlights.length).toBe(5);

  // Screenshots: the view at both sizes, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [[1024, 700], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `test-results/agreement-${width}x${height}-${scheme}.png` });
      await view.locator('.agreement-body').evaluate((el) => (el.scrollTop = 0));
      await page.screenshot({ path: `test-results/agreement-top-${width}x${height}-${scheme}.png` });
      await rows.nth(0).scrollIntoViewIfNeeded();
    }
  }
});
