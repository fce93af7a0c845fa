import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { atlasCodebook, maxqdaProject, nvivoProject } from '../support/dialects';
import { HOSTILE } from '../support/hostile';

/**
 * Exchange with other tools in the app (issue 16): a MAXQDA project's document sets become collections in the
 * sources pane and its variables attributes in a source's details; collections are made, filled, renamed and
 * deleted by mouse and keyboard; an ATLAS.ti codebook is previewed (new, in conflict) before it merges; and a
 * Markdown export full of hostile HTML, rendered by markdown-it with HTML on, runs nothing in Chromium.
 */

const sources = (page: Page) => page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import' });

async function importFile(page: Page, name: string, bytes: Uint8Array | string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => undefined);
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

test('a MAXQDA project: sets become collections that filter the sources pane, variables become attributes', async ({ page, notebook }) => {
  void notebook;
  await expect(sources(page)).toHaveCount(5);
  await importFile(page, 'maxqda.qdpx', maxqdaProject().bytes);
  const dialog = importDialog(page);
  await expect(dialog.getByText('REFI-QDA project')).toBeVisible();
  await expect(dialog.getByText(/Collections: First wave \(1 source\), All comments \(2 sources\), Respondent A \(case, 1 source\)/)).toBeVisible();
  await expect(dialog.getByText(/Text positions read as Unicode code points/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /3 collections/ })).toBeVisible();
  await expect(sources(page)).toHaveCount(7);

  // Show one collection: the list narrows to its sources.
  const bar = page.getByRole('group', { name: 'Collections' });
  await bar.getByRole('button', { name: /Collection: All sources/ }).click();
  await page.getByRole('menuitem', { name: /First wave \(1\)/ }).click();
  await expect(sources(page)).toHaveCount(1);
  await expect(sources(page)).toContainText('MAXQDA field notes comments 1');
  await expect(bar.getByRole('button', { name: /Collection: First wave/ })).toBeVisible();
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/exchange-collections-${w}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/exchange-collections-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Its attributes, in the source's details (F2): shown, edited, saved.
  await sources(page).first().click();
  await sources(page).first().press('F2');
  const details = page.getByRole('dialog', { name: 'Source details' });
  await expect(details.getByRole('group', { name: 'Attributes' })).toBeVisible();
  await expect(details.getByRole('textbox', { name: 'Attribute 1 name' })).toHaveValue('Region');
  await expect(details.getByRole('textbox', { name: 'Attribute 1 value' })).toHaveValue('North');
  await expect(details.getByRole('textbox', { name: 'Attribute 2 name' })).toHaveValue('Verified');
  await details.getByRole('button', { name: 'Add attribute' }).click();
  await details.getByRole('textbox', { name: 'Attribute 3 name' }).fill('Interviewer');
  await details.getByRole('textbox', { name: 'Attribute 3 value' }).fill('Ana');
  await page.screenshot({ path: 'test-results/exchange-attributes.png' });
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();
  await sources(page).first().press('F2');
  await expect(page.getByRole('dialog', { name: 'Source details' }).getByRole('textbox', { name: 'Attribute 3 value' })).toHaveValue('Ana');
  await page.keyboard.press('Escape');
});

test('collections are created from the selection, filled, renamed and deleted from the sources pane', async ({ page, notebook }) => {
  await expect(sources(page)).toHaveCount(5);
  await sources(page).nth(0).click();
  await sources(page).nth(1).click({ modifiers: ['Control'] });
  await sources(page).nth(2).click({ modifiers: ['Control'] });
  const bar = page.getByRole('group', { name: 'Collections' });
  await bar.getByRole('button', { name: 'Collections…' }).click();
  await page.getByRole('menuitem', { name: /New collection from the 3 selected sources/ }).click();
  const naming = page.getByRole('dialog', { name: 'New collection' });
  await naming.getByRole('textbox', { name: 'Name' }).fill('Kremlin');
  await naming.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(naming).toBeHidden();
  await bar.getByRole('button', { name: /Collection: All sources/ }).click();
  await page.getByRole('menuitem', { name: /Kremlin \(3\)/ }).click();
  await expect(sources(page)).toHaveCount(3);

  // Remove one, then rename and delete, by keyboard through the menu.
  await sources(page).nth(0).click();
  await bar.getByRole('button', { name: 'Collections…' }).click();
  await page.getByRole('menuitem', { name: /Remove the selected source from “Kremlin”/ }).click();
  await expect(sources(page)).toHaveCount(2);
  await bar.getByRole('button', { name: 'Collections…' }).click();
  await page.getByRole('menuitem', { name: /Rename “Kremlin”/ }).click();
  const rename = page.getByRole('dialog', { name: 'Rename collection' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Moscow statements');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(bar.getByRole('button', { name: /Collection: Moscow statements/ })).toBeVisible();
  const listed = (await notebook.dispatch('listCollections', undefined)) as { ok: true; value: Array<{ name: string; sourceIds: string[] }> };
  expect(listed.value.map((c) => [c.name, c.sourceIds.length])).toEqual([['Moscow statements', 2]]);
  await bar.getByRole('button', { name: 'Collections…' }).click();
  await page.getByRole('menuitem', { name: /Delete collection “Moscow statements”/ }).click();
  await expect(sources(page)).toHaveCount(5);
  await expect.poll(async () => ((await notebook.dispatch('listCollections', undefined)) as { value: unknown[] }).value.length).toBe(0);
});

test('an ATLAS.ti codebook is previewed (new, in conflict) and merged into the tag tree', async ({ page, notebook }) => {
  void notebook;
  await expect(sources(page)).toHaveCount(5);
  await importFile(page, 'atlas.qdc', atlasCodebook().bytes);
  const dialog = importDialog(page);
  await expect(dialog.getByText('REFI-QDA codebook')).toBeVisible();
  const preview = dialog.getByLabel('Codebook changes');
  await expect(preview).toContainText('4 new tags · 0 tags renamed · 1 tag in conflict');
  await preview.locator('summary', { hasText: '1 tag in conflict' }).click();
  await expect(preview).toContainText(/Places: colour .* in the file/);
  await page.screenshot({ path: 'test-results/exchange-codebook-preview.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/exchange-codebook-preview-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(dialog.getByText('Tag groups: Affect (2 tags), Field observations (2 tags)')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: /4 new tags, 2 tag groups/ })).toBeVisible();

  // ATLAS.ti's code groups are tag groups: the codebook shows one at a time, parents kept (marked) for the tree.
  await page.getByRole('tab', { name: /^Codebook/ }).click();
  const groups = page.getByRole('group', { name: 'Tag groups' });
  const tree = page.getByRole('tree', { name: 'Codebook tags' });
  await groups.getByRole('button', { name: /Group: All tags/ }).click();
  await page.getByRole('menuitem', { name: /Affect \(2\)/ }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(tree.getByRole('treeitem', { name: /^Emotions, .*not in the group/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /^Fear, / })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /^Hope, / })).toBeVisible();
  for (const [w, h] of [
    [1024, 700],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/exchange-tag-groups-${w}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/exchange-tag-groups-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back to every tag; put "Checkpoint" in "Affect", then make a new group from it.
  await groups.getByRole('button', { name: /Group: Affect/ }).click();
  await page.getByRole('menuitem', { name: /All tags/ }).click();
  await tree.getByRole('treeitem', { name: /^Checkpoint, / }).click();
  await groups.getByRole('button', { name: 'Tag groups…' }).click();
  await page.getByRole('menuitem', { name: 'Add “Checkpoint” to “Affect”' }).click();
  await groups.getByRole('button', { name: 'Tag groups…' }).click();
  await page.getByRole('menuitem', { name: 'New tag group from “Checkpoint”…' }).click();
  const naming = page.getByRole('dialog', { name: 'New tag group' });
  await naming.getByRole('textbox', { name: 'Name' }).fill('Field observations');
  await naming.getByRole('button', { name: 'Save' }).click();
  // The name is taken (ATLAS.ti's group): the message says so and the dialog stays.
  await expect(naming.getByRole('alert')).toContainText('A tag group named “Field observations” exists already');
  await naming.getByRole('textbox', { name: 'Name' }).fill('Borders');
  await naming.getByRole('button', { name: 'Save' }).click();
  await expect(naming).toBeHidden();
  await groups.getByRole('button', { name: /Group: All tags/ }).click();
  await expect(page.getByRole('menuitem', { name: /Affect \(3\)/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Borders \(1\)/ })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('the Markdown export of hostile quotes and notes, rendered by markdown-it with HTML on, runs nothing', async ({ page, notebook }) => {
  // A source full of hostile text, a highlight over all of it, the same text as its note: through the real channels.
  const text = `Intro. ${HOSTILE.join('\n')}\nEnd.`;
  const imported = (await notebook.dispatch('previewImport', { files: [{ name: 'hostile.txt', size: text.length, data: Buffer.from(text).toString('base64') }] })) as { ok: true; value: { previewId: string } };
  const summary = (await notebook.dispatch('commitImport', { previewId: imported.value.previewId, skipDuplicates: false })) as { ok: true; value: { firstSourceId: string } };
  const id = summary.value.firstSourceId;
  const start = text.indexOf('<script>');
  const h = (await notebook.dispatch('createHighlight', { sourceId: id, start, end: text.indexOf('\nEnd.') })) as { ok: true; value: { id: string } };
  const note = { type: 'doc', content: HOSTILE.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
  await notebook.dispatch('setHighlightNote', { sourceId: id, highlightId: h.value.id, note });
  const out = `${notebook.dataDir}-export.md`;
  const started = (await notebook.dispatch('startExport', { scope: { kind: 'source', sourceId: id }, format: 'markdown', layout: 'combined', path: out })) as { ok: true; value: { jobId: string } };
  await expect.poll(async () => ((await notebook.dispatch('exportProgress', { jobId: started.value.jobId })) as { value: { state: string } }).value.state).toBe('done');
  const markdown = await readFile(out, 'utf8');

  // Rendered in Chromium by markdown-it (html: true), as a viewer that shows raw HTML would.
  const viewer = await page.context().newPage();
  // A blank page without the app's CSP: only the escaping stands between the notes and script execution.
  await viewer.setContent('<!doctype html><html><body><main id="out"></main></body></html>');
  await viewer.addScriptTag({ path: createRequire(import.meta.url).resolve('markdown-it/dist/markdown-it.min.js') });
  // The whole file (a naive viewer renders even the front matter), then the body alone for its structure.
  const rendered = await viewer.evaluate((md) => {
    const render = (window as unknown as { markdownit: (o: object) => { render(s: string): string } }).markdownit({ html: true });
    const main = document.getElementById('out')!;
    main.innerHTML = render.render(md);
    const whole = { scripts: main.querySelectorAll('script').length, imgs: main.querySelectorAll('img').length, iframes: main.querySelectorAll('iframe').length };
    main.innerHTML = render.render(md.replace(/^---\n[\s\S]*?\n---\n/, ''));
    return {
      whole,
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: main.querySelectorAll('script').length,
      imgs: main.querySelectorAll('img').length,
      iframes: main.querySelectorAll('iframe').length,
      handlers: [...main.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      headings: [...main.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((e) => e.textContent),
      hr: main.querySelectorAll('hr').length,
      text: main.textContent ?? '',
    };
  }, markdown);
  expect(rendered).toMatchObject({ whole: { scripts: 0, imgs: 0, iframes: 0 }, pwned: undefined, scripts: 0, imgs: 0, iframes: 0, handlers: 0, hr: 0 });
  expect(rendered.headings).not.toContain('Not a heading');
  for (const line of HOSTILE) expect(rendered.text).toContain(line);
  await viewer.close();
});

test('after an NVivo project, the QDPX export counts positions for NVivo unless the analyst picks another tool', async ({ page, notebook }) => {
  void notebook;
  const built = nvivoProject();
  await expect(sources(page)).toHaveCount(5);
  await importFile(page, 'nvivo.qdpx', built.bytes);
  await expect(importDialog(page).getByText(/UTF-16 code units/)).toBeVisible();
  await importDialog(page).getByRole('button', { name: 'Import' }).click();
  await expect(importDialog(page)).toBeHidden();
  await expect(sources(page)).toHaveCount(7);

  const outDir = await mkdtemp(join(tmpdir(), 'notebook-positions-e2e-'));
  try {
    const exportAs = async (tool: RegExp | null, file: string): Promise<string> => {
      await page.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: /REFI-QDA project/ }).check();
      const unit = dialog.getByRole('radiogroup', { name: 'Text positions for' });
      // The default follows the project the notebook came from.
      if (!tool) await expect(unit.getByRole('radio', { name: /NVivo/ })).toBeChecked();
      else await unit.getByRole('radio', { name: tool }).check();
      await dialog.getByLabel('Save to').fill(join(outDir, file));
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText('Exported');
      await dialog.getByRole('button', { name: 'Done' }).click();
      return strFromU8(unzipSync(new Uint8Array(await readFile(join(outDir, file))))['project.qde']);
    };
    const position = (xml: string, guid: string): number => Number(new RegExp(`guid="${guid}" startPosition="(\\d+)"`).exec(xml)?.[1]);
    // A selection with emoji before it: its UTF-16 start and its code point start differ.
    const sel = built.selections.find((s) => s.fits && s.start > 40)!;
    const text = built.sources.find((s) => s.guid === sel.source)!.text;
    const codePoints = [...text.slice(0, sel.start)].length;
    expect(codePoints).toBeLessThan(sel.start);
    expect(position(await exportAs(null, 'for-nvivo.qdpx'), sel.guid)).toBe(sel.start);
    expect(position(await exportAs(/MAXQDA/, 'for-maxqda.qdpx'), sel.guid)).toBe(codePoints);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
