import { test, expect } from './fixtures';
import { dragSelect } from './reader-helpers';

for (const [w, h] of [[1024, 700], [1920, 1080]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`ru shots ${w}x${h} ${scheme}`, async ({ page, notebook: _ }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ru');
      await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
      await dragSelect(page, 'Tajik President Emomali Rahmon');
      await page.keyboard.press('t');
      await page.keyboard.type('Emomali');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-picker.png` });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-main.png` });
      await page.getByRole('tab', { name: 'Кодовая книга' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-codebook.png` });
      await page.keyboard.press('Control+e');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-export.png` });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+A');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-analysis.png` });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-search.png` });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Alt+S');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/i18n/shots/${w}-${scheme}-statements.png` });
      expect(true).toBe(true);
    });
  }
}
