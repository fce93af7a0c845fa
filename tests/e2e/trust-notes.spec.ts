import { test, expect, expectSaved } from './fixtures';

const RT_TITLE = /the situation in Afghanistan carries risks for Central Asia/;

test('the Project notebook stays open after a search hit and after a restart', async ({ page, notebook }) => {
  const which = page.getByRole('tablist', { name: 'Which note' });
  await which.getByRole('tab', { name: 'Project' }).click();
  await expect(which.getByRole('tab', { name: 'Project' })).toHaveAttribute('aria-selected', 'true');
  const project = page.getByRole('textbox', { name: 'Project notebook' });
  await project.click();
  await page.keyboard.type('Synthesis: who speaks of weapons?');
  await expectSaved(page);

  // A search hit in another source opens it in the reader; the notes pane stays on the project.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the notebook' });
  await palette.getByRole('combobox').fill('"mountains of weapons"');
  await expect(palette.getByRole('listbox', { name: 'Results' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(RT_TITLE);
  await expect(which.getByRole('tab', { name: 'Project' })).toHaveAttribute('aria-selected', 'true');
  await expect(project).toContainText('Synthesis: who speaks of weapons?');

  // Another source from the list, then a restart: still the project.
  await page.getByRole('option', { name: /Putin warns of buildup/ }).click();
  await expect(which.getByRole('tab', { name: 'Project' })).toHaveAttribute('aria-selected', 'true');
  await notebook.restart();
  await expect(which.getByRole('tab', { name: 'Project' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Project notebook' })).toContainText('Synthesis: who speaks of weapons?');

  // Choosing Source is remembered the same way.
  await which.getByRole('tab', { name: 'Source' }).click();
  await notebook.restart();
  await expect(which.getByRole('tab', { name: 'Source' })).toHaveAttribute('aria-selected', 'true');
});
