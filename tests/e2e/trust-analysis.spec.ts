import type { Page } from '@playwright/test';
import { test, expect, type Notebook, call } from './fixtures';

const EFE_ID = '002_3d6a35bbe9bd0c1a';


async function seed(notebook: Notebook, phrase: string, tagIds: string[]) {
  const { text } = await call<{ text: string }>(notebook, 'getSource', { id: EFE_ID });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  await call(notebook, 'createHighlight', { sourceId: EFE_ID, start, end: start + phrase.length, tagIds });
}

/** The fill of the bar whose tooltip starts with `name:` in the chart of `region`. */
async function barFill(page: Page, region: string, name: string): Promise<string | null> {
  return page.evaluate(
    ({ region, name }) => {
      const frame = document.querySelector(`section[aria-label="${region}"]`);
      const g = [...(frame?.querySelectorAll('svg g') ?? [])].find((x) => x.querySelector(':scope > title')?.textContent?.startsWith(`${name}:`));
      return g?.querySelector('rect')?.getAttribute('fill') ?? null;
    },
    { region, name },
  );
}

test('analysis cells find their tags by id: two tags named alike under different parents are kept apart', async ({ page, notebook }) => {
  const place = await call<{ tag: { id: string } }>(notebook, 'createTag', { name: 'Kabul', kind: 'place', parentId: 'tag-places' });
  const group = await call<{ tag: { id: string } }>(notebook, 'createTag', { name: 'Kabul', kind: 'group', parentId: 'tag-groups' });
  await seed(notebook, 'Russian President Vladimir Putin', [place.tag.id]);
  await seed(notebook, 'extremist and terrorist groups in northern Afghanistan', ['tag-theme-terrorism']);
  await seed(notebook, 'about 2,000 members of IS', [group.tag.id]);
  await seed(notebook, 'the Russian leader said', ['tag-theme-terrorism']);
  await page.reload();
  // The shortcut works once the app is up: wait for the article, as an analyst would.
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+Shift+A');
  const view = page.getByRole('main', { name: 'Analysis' });
  await view.getByRole('tab', { name: 'Co-occurrence' }).click();
  const frame = view.getByRole('region', { name: 'Co-occurrence of tags' });
  await frame.getByRole('radio', { name: 'Table' }).click();
  const paragraphs = view.getByRole('complementary', { name: 'Paragraphs' });
  for (const [parent, text] of [
    ['Groups', 'According to our data, there are about 2,000 members of IS'],
    ['Places', 'Russian President Vladimir Putin warned Friday'],
  ] as const) {
    const row = frame.getByRole('row').filter({ hasText: `Kabul (${parent})` });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: '1' }).click();
    await expect(paragraphs.getByRole('status')).toHaveText('1 paragraph');
    await expect(paragraphs.getByRole('listitem')).toContainText(text);
  }
});

test('charts draw each tag in its own colour, the same in light and dark', async ({ page, notebook }) => {
  const tags = (await call<{ tags: Array<{ id: string; color: string }> }>(notebook, 'listTags')).tags;
  const colour = (id: string) => tags.find((t) => t.id === id)!.color;
  await seed(notebook, 'extremist and terrorist groups in northern Afghanistan', ['tag-theme-terrorism']);
  await seed(notebook, 'drug production', ['tag-theme-drugs']);
  await page.reload();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+Shift+A');
  const view = page.getByRole('main', { name: 'Analysis' });
  await expect(view.getByRole('region', { name: 'Highlights per tag' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => barFill(page, 'Highlights per tag', 'Terrorism')).toBe(colour('tag-theme-terrorism'));
    await expect.poll(() => barFill(page, 'Highlights per tag', 'Drugs')).toBe(colour('tag-theme-drugs'));
  }
  await view.getByRole('tab', { name: 'Timeline' }).click();
  const lines = view.locator('path[data-series-color]');
  await expect(lines.first()).toBeVisible();
  const shown = await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-series-color')));
  expect(shown.every((c) => tags.some((t) => t.color === c))).toBe(true);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'test-results/trust-timeline-dark-1024.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/trust-timeline-light-1024.png' });
});
