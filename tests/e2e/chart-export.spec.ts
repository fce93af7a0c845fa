import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openView, seedTaggedHighlights } from './views';

async function save(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: /^Export Co-occurrence/ }).getByRole('button', { name: button }).click()]);
  return readFile((await download.path())!);
}

test('a chart saved as SVG or PNG carries its title, description and legend', async ({ page, notebook }) => {
  await seedTaggedHighlights(notebook);
  await page.reload();
  await openView(page, 'analysis: co-occurrence');
  const onScreen = (await page.locator('svg.matrix').boundingBox())!;

  const svg = (await save(page, 'SVG')).toString('utf8');
  expect(svg).toMatch(/<text[^>]*font-weight="600"[^>]*>Co-occurrence of tags<\/text>/);
  expect(svg).toContain('Jaccard');
  expect(svg).toMatch(/>fewer<\/text>/);
  expect(svg).toMatch(/>more<\/text>/);
  const [, w, h] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  // The title band sits above the chart: the picture is taller than the chart on screen.
  expect(Number(h)).toBeGreaterThan(onScreen.height + 40);

  // The PNG is that drawing at twice the size (its width and height from the PNG header).
  const png = await save(page, 'PNG');
  await writeFile(test.info().outputPath('co-occurrence.png'), png);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(Math.round(Number(w) * 2));
  expect(png.readUInt32BE(20)).toBe(Math.round(Number(h) * 2));
});
