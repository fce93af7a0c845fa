import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, call, type Notebook } from './fixtures';
import { paintedTexts } from './reader-helpers';

const RT = '000_fef7c3c830cc015c';
const RT_TITLE = /the situation in Afghanistan carries risks for Central Asia/;
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const seedText = (id: string) => readFile(join('seeds', `${id}.txt`), 'utf8');

/** A highlight over the first occurrence of `phrase` in a seed, made through the backend as the renderer would. */
async function highlight(notebook: Notebook, sourceId: string, phrase: string, tagIds: string[]): Promise<string> {
  const text = await seedText(sourceId);
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" is in ${sourceId}`).toBeGreaterThanOrEqual(0);
  const r = await notebook.dispatch('createHighlight', { sourceId, start, end: start + phrase.length, tagIds });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { value: { id: string } }).value.id;
}

/** The text under each range of a named CSS highlight, and whether the first is inside the reader's view. */
async function layer(page: Page, name: string) {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    const ranges = h ? ([...h] as AbstractRange[]) : [];
    const texts = ranges.map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
    let visible = false;
    if (ranges[0]) {
      const range = document.createRange();
      range.setStart(ranges[0].startContainer, ranges[0].startOffset);
      range.setEnd(ranges[0].endContainer, ranges[0].endOffset);
      const box = range.getBoundingClientRect();
      const view = document.getElementById('reader')!.getBoundingClientRect();
      visible = box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
    }
    return { texts, visible };
  }, name);
}

const readerTitle = (page: Page) => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });

test('search a phrase from a seed article and open it at the match', async ({ page, notebook: _ }) => {
  await expect(readerTitle(page)).not.toHaveText(RT_TITLE);
  await page.keyboard.press(`${mod}+K`);
  const palette = page.getByRole('dialog', { name: 'Search the notebook' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill('"mountains of weapons"');
  const results = palette.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  const hit = results.getByRole('option').first();
  await expect(hit).toContainText('Text · RT');
  await expect(hit.locator('mark')).toHaveText('mountains of weapons');
  await page.screenshot({ path: 'test-results/search-palette.png' });

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(readerTitle(page)).toHaveText(RT_TITLE);
  // The match is marked in the article and scrolled into view (it is far down a long article).
  await expect.poll(() => layer(page, 'nb-search-hit')).toEqual({ texts: ['mountains of weapons'], visible: true });
  expect(await page.locator('#reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(500);

  // The palette comes back with the last search; one Escape closes it.
  await page.keyboard.press(`${mod}+K`);
  await expect(palette.getByRole('combobox')).toHaveValue('"mountains of weapons"');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  // In the notes editor the same keys search too (one meaning per key); the link has its own key.
  await page.locator('#note-editor .ProseMirror').click();
  await page.keyboard.type('see the report');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press(`${mod}+K`);
  await expect(palette).toBeVisible();
  await expect(page.getByRole('form', { name: 'Insert link' })).toHaveCount(0);
});

test('filter the results by the source grade (A–F, ungraded), with counts', async ({ page, notebook }) => {
  await call(notebook, 'setSourceReliability', { sourceId: RT, reliability: 'B' });
  const palette = page.getByRole('dialog', { name: 'Search the notebook' });
  await page.getByRole('button', { name: /^Search…/ }).click();
  await palette.getByRole('combobox').fill('Afghanistan');
  const sources = palette.getByRole('group', { name: 'Sources', exact: true }).getByRole('option');
  await expect(sources.first()).toBeVisible();
  const filters = palette.getByRole('complementary', { name: 'Filters' });
  const b = filters.getByRole('button', { name: /^B [1-9]/ });
  await expect(b).toHaveAttribute('title', 'B: Usually reliable');
  await expect(b).toBeEnabled();
  // No source is graded A: its chip is there, with 0, and cannot be chosen.
  await expect(filters.getByRole('button', { name: 'A 0', exact: true })).toBeDisabled();
  await b.click();
  await expect(b).toHaveAttribute('aria-pressed', 'true');
  await expect(sources.filter({ hasNotText: RT_TITLE })).toHaveCount(0);
  await expect(sources.first()).toContainText(RT_TITLE);
  // Ungraded instead: no RT passage is left.
  await b.click();
  await filters.getByRole('button', { name: /^Ungraded [1-9]/ }).click();
  await expect(sources.first()).toBeVisible();
  await expect(sources.filter({ hasText: RT_TITLE })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/search-grade-facet.png' });
});

test('filter the results by a tag (with its children) and by kind of tag', async ({ page, notebook }) => {
  const drugs = await highlight(notebook, RT, 'the threat of drug trafficking', ['tag-theme-drugs']);
  await highlight(notebook, RT, 'increased the terrorist threat', ['tag-theme-terrorism']);
  const palette = page.getByRole('dialog', { name: 'Search the notebook' });
  await page.getByRole('button', { name: /^Search…/ }).click();
  await palette.getByRole('combobox').fill('threat');
  const highlights = palette.getByRole('group', { name: 'Highlights', exact: true });
  await expect(highlights.getByRole('option')).toHaveCount(2);

  const filters = palette.getByRole('complementary', { name: 'Filters' });
  await expect(filters.getByRole('checkbox', { name: /Drugs/ })).toBeVisible();
  await filters.getByRole('checkbox', { name: /Drugs/ }).check();
  await expect(highlights.getByRole('option')).toHaveCount(1);
  await expect(highlights.getByRole('option')).toContainText('the threat of drug trafficking');
  // The source text is narrowed too: only the paragraph where a Drugs passage lies.
  await expect(palette.getByRole('group', { name: 'Sources', exact: true }).getByRole('option')).toHaveCount(1);

  // The parent "Themes" takes in both; a kind facet too.
  await filters.getByRole('checkbox', { name: /Drugs/ }).uncheck();
  await filters.getByRole('checkbox', { name: /^Themes/ }).check();
  await expect(highlights.getByRole('option')).toHaveCount(2);
  await filters.getByRole('button', { name: 'Clear all' }).click();
  await page.screenshot({ path: 'test-results/search-facets.png' });

  // Enter on a highlight opens it: selected in the panel, its passage marked.
  await filters.getByRole('checkbox', { name: /Drugs/ }).check();
  await expect(highlights.getByRole('option')).toHaveCount(1);
  await highlights.getByRole('option').click();
  await expect(readerTitle(page)).toHaveText(RT_TITLE);
  await expect.poll(() => layer(page, 'nb-search-hit')).toEqual({ texts: ['the threat of drug trafficking'], visible: true });
  await expect(page.getByRole('listbox', { name: 'Highlights in reading order' }).getByRole('option', { selected: true })).toContainText('the threat of drug trafficking');
  expect(drugs).toMatch(/^h-/);
});

test('find in the article: all matches marked, next and previous, and highlight this match', async ({ page, notebook }) => {
  await page.getByRole('option', { name: RT_TITLE }).click();
  await expect(readerTitle(page)).toHaveText(RT_TITLE);
  const text = await seedText(RT);
  const count = text.match(/taliban/gi)!.length;
  expect(count).toBeGreaterThan(3);

  await page.locator('#reader').focus();
  await page.keyboard.press(`${mod}+F`);
  const bar = page.getByRole('search', { name: 'Find in article' });
  await bar.getByRole('searchbox').fill('taliban');
  await expect(bar.getByRole('status')).toHaveText(`1 of ${count}`);
  await expect.poll(async () => (await layer(page, 'nb-find')).texts.length).toBe(count);
  await expect.poll(() => layer(page, 'nb-find-current')).toEqual({ texts: ['Taliban'], visible: true });

  await page.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toHaveText(`2 of ${count}`);
  await page.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toHaveText(`3 of ${count}`);
  await page.keyboard.press('Shift+Enter');
  await expect(bar.getByRole('status')).toHaveText(`2 of ${count}`);
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(bar.getByRole('status')).toHaveText(`${count} of ${count}`);
  await page.keyboard.press('F3');
  await expect(bar.getByRole('status')).toHaveText(`1 of ${count}`);
  await page.screenshot({ path: 'test-results/find-bar.png' });

  await bar.getByRole('button', { name: 'Highlight this match' }).click();
  await expect.poll(() => paintedTexts(page)).toEqual(['Taliban']);
  await expect.poll(async () => {
    const r = await notebook.dispatch('getSource', { id: RT });
    return r.ok ? (r.value as { highlights: Array<{ start: number; quote: { exact: string } }> }).highlights.map((h) => [h.start, h.quote.exact]) : [];
  }).toEqual([[text.search(/taliban/i), 'Taliban']]);

  await bar.getByRole('searchbox').press('Escape');
  await expect(bar).toBeHidden();
  await expect.poll(async () => (await layer(page, 'nb-find')).texts.length).toBe(0);
});

test('the analysis view: click a co-occurrence cell to get its passages, open one, and export a chart', async ({ page, notebook }) => {
  // Two themes in one paragraph of the RT article, once; Drugs alone elsewhere.
  await highlight(notebook, RT, 'increased the terrorist threat', ['tag-theme-terrorism']);
  await highlight(notebook, RT, 'the threat of drug trafficking', ['tag-theme-drugs']);
  await highlight(notebook, '002_3d6a35bbe9bd0c1a', 'drug production', ['tag-theme-drugs']);

  await page.getByRole('button', { name: 'Analysis' }).click();
  const view = page.getByRole('main', { name: 'Analysis' });
  await expect(view.getByRole('status').first()).toContainText('3 highlights');
  await page.screenshot({ path: 'test-results/analysis-frequency.png' });

  // Export the frequency chart's numbers as CSV.
  const frequency = view.getByRole('region', { name: 'Highlights per tag' });
  const [csv] = await Promise.all([page.waitForEvent('download'), frequency.getByRole('button', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('highlights-per-tag.csv');
  const content = await readFile((await csv.path())!, 'utf8');
  expect(content.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3)).toEqual(['Tag,Path,Kind,Highlights,Sources,Paragraphs', 'Drugs,Themes / Drugs,theme,2,2,2', 'Terrorism,Themes / Terrorism,theme,1,1,1']);
  const [svg] = await Promise.all([page.waitForEvent('download'), frequency.getByRole('button', { name: 'SVG' }).click()]);
  const svgText = await readFile((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain('>Drugs<');
  const [png] = await Promise.all([page.waitForEvent('download'), frequency.getByRole('button', { name: 'PNG' }).click()]);
  const pngBytes = await readFile((await png.path())!);
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // The same numbers as a table.
  await frequency.getByRole('radio', { name: 'Table' }).click();
  await expect(frequency.getByRole('row', { name: /Drugs/ })).toContainText('2');

  await view.getByRole('tab', { name: 'Co-occurrence' }).click();
  const cell = view.getByRole('button', { name: /^(Terrorism and Drugs|Drugs and Terrorism): 1 paragraph together; Jaccard 0\.50/ }).first();
  await cell.click();
  const passages = view.getByRole('complementary', { name: 'Paragraphs' });
  await expect(passages.getByRole('status')).toHaveText('1 paragraph');
  await expect(passages.getByRole('listitem')).toHaveCount(1);
  await expect(passages.getByRole('listitem')).toContainText('has increased the terrorist threat and the threat of drug trafficking');
  await page.screenshot({ path: 'test-results/analysis-cooccurrence.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/analysis-cooccurrence-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await passages.getByRole('button', { name: /Open this paragraph|Putin/ }).first().click();
  await expect(view).toBeHidden();
  await expect(readerTitle(page)).toHaveText(RT_TITLE);
  await expect.poll(async () => (await layer(page, 'nb-search-hit')).visible).toBe(true);
});
