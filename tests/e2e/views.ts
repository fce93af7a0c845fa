import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Notebook } from './fixtures';
import { dragSelect } from './reader-helpers';

/**
 * Every view of the app, opened as an analyst opens it (mouse and keyboard), for the accessibility audit and the
 * layout checks at several window sizes. Each opener leaves the view on screen; `closeAll` puts the main view back.
 */

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Tagged highlights across the seed articles, so the codebook, retrieval and analysis have something to show. */
export async function seedTaggedHighlights(notebook: Notebook): Promise<void> {
  const list = (await notebook.dispatch('listTags', undefined)) as { ok: true; value: { tags: Array<{ id: string; name: string }> } };
  const tagId = (name: string) => {
    const tag = list.value.tags.find((t) => t.name === name);
    if (!tag) throw new Error(`no tag ${name}`);
    return tag.id;
  };
  const plan: Array<[string, string, string[]]> = [
    ['002_3d6a35bbe9bd0c1a', 'terrorist groups', ['Terrorism']],
    ['002_3d6a35bbe9bd0c1a', 'humanitarian aid', ['Humanitarian aid', 'Diplomacy']],
    ['002_3d6a35bbe9bd0c1a', 'border', ['Border', 'Terrorism']],
    ['000_fef7c3c830cc015c', 'drug', ['Drugs', 'Border']],
    ['000_fef7c3c830cc015c', 'refugees', ['Refugees']],
    ['003_66612958c2088e72', 'Taliban', ['Terrorism', 'Diplomacy']],
    ['004_d0aa3604567acda3', 'Afghanistan', ['Diplomacy']],
  ];
  for (const [sourceId, phrase, names] of plan) {
    const text = await readFile(join('seeds', `${sourceId}.txt`), 'utf8');
    const start = text.indexOf(phrase);
    if (start < 0) continue;
    const r = await notebook.dispatch('createHighlight', { sourceId, start, end: start + phrase.length, tagIds: names.map(tagId) });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
}

export const VIEWS = [
  'main',
  'codebook',
  'tag picker',
  'suggestions',
  'search',
  'retrieval',
  'analysis: frequency',
  'analysis: co-occurrence',
  'analysis: entity × theme',
  'analysis: timeline',
  'export',
  'import',
  'backups',
  'shortcuts',
  'agreement',
  'your name',
] as const;
export type View = (typeof VIEWS)[number];

const readerHeading = (page: Page) => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });

/** Open `view` from the main view with the article "Putin warns of buildup…" open. */
export async function openView(page: Page, view: View): Promise<void> {
  switch (view) {
    case 'main':
      await expect(readerHeading(page)).toBeVisible();
      return;
    case 'codebook':
      await page.getByRole('tab', { name: /^Codebook/ }).click();
      await expect(page.getByRole('tree').first()).toBeVisible();
      return;
    case 'tag picker':
      await dragSelect(page, 'buildup of extremist and terrorist groups');
      await page.keyboard.press('t');
      await expect(page.getByRole('dialog', { name: /^Tag “/ })).toBeVisible();
      await page.keyboard.type('ter');
      await expect(page.getByRole('dialog', { name: /^Tag “/ }).getByRole('option').first()).toBeVisible();
      return;
    case 'suggestions':
      await page.getByRole('tab', { name: /^Suggestions/ }).click();
      await expect(page.getByRole('region', { name: 'Entity suggestions' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Entity suggestions' }).locator('[aria-busy="true"]')).toHaveCount(0);
      return;
    case 'search':
      await page.getByRole('button', { name: /^Search…/ }).click();
      await page.getByRole('dialog', { name: 'Search the notebook' }).getByRole('combobox').fill('Taliban');
      await expect(page.getByRole('dialog', { name: 'Search the notebook' }).getByRole('option').first()).toBeVisible();
      return;
    case 'retrieval':
      await page.keyboard.press(`${mod}+Alt+R`);
      await expect(page.getByRole('main', { name: 'Coded passages' })).toBeVisible();
      await page.getByRole('main', { name: 'Coded passages' }).getByRole('textbox').first().fill('Terrorism');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('list', { name: 'Passages' }).getByRole('listitem').first()).toBeVisible();
      return;
    case 'export':
      await page.getByRole('button', { name: /^Export…/ }).click();
      await expect(page.getByRole('dialog', { name: /Export/ })).toBeVisible();
      return;
    case 'import':
      await page.getByTestId('import-input').setInputFiles({ name: 'briefing.txt', mimeType: 'text/plain', buffer: Buffer.from('A short briefing on the border.\n\nSecond paragraph.') });
      await expect(page.getByRole('dialog', { name: /Import/ })).toBeVisible();
      await expect(page.getByRole('dialog', { name: /Import/ }).getByText('briefing.txt')).toBeVisible();
      return;
    case 'backups':
      await page.keyboard.press(`${mod}+Alt+B`);
      await expect(page.getByRole('dialog', { name: /Backups/ })).toBeVisible();
      return;
    case 'agreement':
      await page.keyboard.press(`${mod}+Alt+A`);
      await expect(page.getByRole('main', { name: 'Agreement' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Coders and assignments' })).toBeVisible();
      return;
    case 'your name':
      await page.keyboard.press(`${mod}+Alt+N`);
      await expect(page.getByRole('dialog', { name: 'Your name' })).toBeVisible();
      return;
    case 'shortcuts':
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: /Keyboard shortcuts/i })).toBeVisible();
      return;
    default: {
      const tab = view.slice('analysis: '.length);
      await page.getByRole('button', { name: /Analysis/ }).click();
      const region = page.getByRole('main', { name: 'Analysis' });
      await expect(region).toBeVisible();
      await region.getByRole('tab', { name: new RegExp(`^${tab}`, 'i') }).click();
      await expect(region.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'false');
      await expect(region.getByRole('tabpanel').locator('svg, table').first()).toBeVisible();
    }
  }
}
