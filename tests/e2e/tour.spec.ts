import { test } from './fixtures';
import { VIEWS, openView, seedTaggedHighlights } from './views';

test.skip(!process.env.TOUR, 'TOUR=1 takes the screenshots');
for (const size of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }])
  for (const scheme of ['light', 'dark'] as const)
    test(`tour ${size.width} ${scheme}`, async ({ page, notebook }) => {
      test.setTimeout(240_000);
      await seedTaggedHighlights(notebook);
      await page.reload();
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        await page.reload();
        await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
        await openView(page, view);
        await page.waitForTimeout(200);
        await page.screenshot({ path: `test-results/tour/${size.width}-${scheme}-${view.replace(/[^a-z]+/g, '_')}.png` });
      }
    });
