import { test, expect, call } from './fixtures';

// The window is told what changed in the notebook once it is on disk (the shell forwards the backend's batches; the
// harness does the same). A change the renderer did not make itself (here, made through the backend directly, as an
// import or another window would) shows in the codebook's counts without a reload.

test('the codebook counts a highlight tagged elsewhere without a reload', async ({ page, notebook }) => {
  await expect(page.getByRole('listbox', { name: 'Sources' }).getByRole('option')).toHaveCount(5);
  await page.getByRole('tab', { name: /Codebook/ }).click();
  const drugs = page.getByRole('treeitem', { name: /^Drugs, theme, / });
  await expect(drugs).toHaveAccessibleName(/0 highlights in 0 sources/);
  // The counts come from the search index: once it has loaded, the codebook stops asking again by itself (it asks
  // every second while they are pending), so what follows can only reach it as a pushed change.
  await expect.poll(async () => (await call<{ countsPending?: boolean }>(notebook, 'listTags')).countsPending ?? false, { timeout: 30_000 }).toBe(false);
  await page.waitForTimeout(1500);

  const sources = await call<Array<{ id: string }>>(notebook, 'listSources');
  for (const { id } of sources.slice(0, 2)) {
    const { text } = await call<{ text: string }>(notebook, 'getSource', { id });
    const at = text.indexOf('Afghanistan');
    await call(notebook, 'createHighlight', { sourceId: id, start: at, end: at + 'Afghanistan'.length, tagIds: ['tag-theme-drugs'] });
  }
  await expect(drugs).toHaveAccessibleName(/2 highlights in 2 sources/);
});
