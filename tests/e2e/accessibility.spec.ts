import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { VIEWS, openView, seedTaggedHighlights } from './views';

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core (loaded from node_modules, no network) on the page as it is and return what it found. */
async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every view passes axe-core with no critical, serious or moderate finding (${scheme})`, async ({ page, notebook }) => {
    test.setTimeout(300_000);
    await seedTaggedHighlights(notebook);
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, Finding[]> = {};
    for (const view of VIEWS) {
      await page.reload();
      await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
      await openView(page, view);
      const findings = (await audit(page)).filter((f) => f.impact === 'critical' || f.impact === 'serious' || f.impact === 'moderate');
      if (findings.length) found[view] = findings;
    }
    await writeFile(test.info().outputPath('axe-findings.json'), JSON.stringify(found, null, 1));
    expect(found).toEqual({});
  });
}

test('the co-occurrence heatmap is one Tab stop; the arrow keys move between its cells', async ({ page, notebook }) => {
  await seedTaggedHighlights(notebook);
  await page.reload();
  await openView(page, 'analysis: co-occurrence');
  const matrix = page.locator('svg.matrix');
  const cells = matrix.getByRole('button');
  expect(await cells.count()).toBeGreaterThan(3);
  await expect(matrix.locator('[tabindex="0"]')).toHaveCount(1);

  const focusedCell = () => page.evaluate(() => document.activeElement?.closest('svg.matrix') ? document.activeElement.getAttribute('aria-label') : null);
  await page.getByRole('button', { name: 'CSV' }).focus();
  await page.keyboard.press('Tab');
  const first = await focusedCell();
  expect(first).toMatch(/ and /);
  await page.keyboard.press('ArrowDown');
  const second = await focusedCell();
  expect(second).toMatch(/ and /);
  expect(second).not.toBe(first);
  // Still one stop, now on the cell the analyst moved to; Tab leaves the grid.
  await expect(matrix.locator('[tabindex="0"]')).toHaveAttribute('aria-label', second!);
  await page.keyboard.press('Tab');
  expect(await focusedCell()).toBeNull();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedCell()).toBe(second);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Paragraphs' }).getByRole('status')).toContainText(/paragraph/);
});
