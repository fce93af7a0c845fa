import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import { normaliseUrl } from '../../core/exchange/url';
import { textSelectors } from '../../core/import/w3c';
import { tagNamePaths } from '../../core/export/common';
import { noteToPlainText } from '../../core/notes/markdown';
import { hypothesisJson, recogitoW3C, webPage } from '../support/dialects';
import { call, cleanUp, emptyNotebook, exportTo, fileInput, tempDir, type OpenNotebook } from './exchange-helpers';

afterEach(cleanUp);

const KABUL = ['The aid convoy reached Kabul on Tuesday after a long wait at the border.', 'Officials said the humanitarian corridor would stay open for a week.'];
const BORDER = ['Guards at the Tajik border reported a rise in drug seizures this spring.', 'Local traders 😀 welcomed the reopening of the bridge at Termez.'];

async function withPages(): Promise<OpenNotebook> {
  const nb = await emptyNotebook();
  const files = [
    fileInput('kabul.html', webPage('https://news.example.org/kabul-story', 'Aid reaches Kabul', KABUL)),
    fileInput('border.html', webPage('https://news.example.org/border-story', 'Seizures at the border', BORDER)),
  ];
  const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files });
  await call(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
  return nb;
}

async function sourceByTitle(nb: OpenNotebook, title: string) {
  const s = (await nb.service.listSources()).find((x) => x.title === title)!;
  return nb.service.getSource({ id: s.id });
}

describe('W3C annotations from other tools attach to the sources the notebook has', () => {
  it('records each imported page\'s canonical URL and compares addresses normalised', async () => {
    const nb = await withPages();
    expect((await sourceByTitle(nb, 'Aid reaches Kabul')).meta.url).toBe('https://news.example.org/kabul-story');
    expect(normaliseUrl('HTTP://WWW.News.Example.org:80/kabul-story/?utm_source=x&b=2&a=1#frag')).toBe('news.example.org/kabul-story?a=1&b=2');
    expect(normaliseUrl('urn:x:y')).toBe('');
  });

  it('Hypothesis API JSON: by URL, then by quote across sources; replies skipped; orphans counted right', async () => {
    const nb = await withPages();
    const json = hypothesisJson([
      { id: 'h1', uri: 'http://www.news.example.org/kabul-story/?utm_source=twitter#annotations', exact: 'humanitarian corridor', tags: ['Kabul', 'aid/convoy'], text: 'Open for **a week** only.' },
      { id: 'h2', uri: 'https://mirror.example.net/copy-of-border', exact: 'rise in drug seizures', tags: ['drugs'], text: '' },
      { id: 'h3', uri: 'https://unknown.example/page', exact: 'words that no source in this notebook has', tags: [], text: 'lost' },
    ]);
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('hypothesis.json', json)] });
    expect(preview.files[0]).toMatchObject({ ok: true, kind: 'w3c', highlights: 3, orphans: 1 });
    expect(preview.files[0].warnings.join(' ')).toMatch(/1 reply to another annotation was skipped/);
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary).toMatchObject({ highlightsAdded: 3, orphans: 1, sourcesAdded: 1 });
    expect(summary.message).toMatch(/3 highlights \(1 orphan\)/);

    const kabul = await sourceByTitle(nb, 'Aid reaches Kabul');
    expect(kabul.highlights).toHaveLength(1);
    const h = kabul.highlights[0];
    expect(h.orphan).toBe(false);
    expect(kabul.text.slice(h.start, h.end)).toBe('humanitarian corridor');
    expect(noteToPlainText(h.note!)).toBe('Open for a week only.');
    const paths = tagNamePaths((await nb.service.listTags()).tags);
    expect(h.tagIds.map((id) => paths.get(id)?.join('/')).sort()).toEqual(['Kabul', 'aid/convoy']);
    const border = await sourceByTitle(nb, 'Seizures at the border');
    expect(border.highlights.map((x) => border.text.slice(x.start, x.end))).toEqual(['rise in drug seizures']);
    expect(summary.warnings.join(' ')).toMatch(/matched to “Seizures at the border” by their quotes/);
  });

  it('Recogito W3C: quotes and positions nested in a RangeSelector or refinedBy', async () => {
    const nb = await withPages();
    const border = await sourceByTitle(nb, 'Seizures at the border');
    const at = (s: string) => ({ start: border.text.indexOf(s), end: border.text.indexOf(s) + s.length });
    const json = recogitoW3C('https://news.example.org/border-story', [
      { exact: 'Tajik border', ...at('Tajik border'), tag: 'Places/Tajikistan', comment: 'range', nest: 'range' },
      { exact: 'bridge at Termez', ...at('bridge at Termez'), tag: 'Places/Termez', comment: 'refined', nest: 'refined' },
      { exact: 'Local traders', ...at('Local traders'), tag: 'people', comment: 'flat', nest: 'flat' },
    ]);
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('recogito.jsonld', json)] });
    expect(preview.files[0]).toMatchObject({ highlights: 3, orphans: 0 });
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary).toMatchObject({ highlightsAdded: 3, orphans: 0, sourcesAdded: 0 });
    const after = await sourceByTitle(nb, 'Seizures at the border');
    expect(after.highlights.map((x) => after.text.slice(x.start, x.end)).sort()).toEqual(['Local traders', 'Tajik border', 'bridge at Termez']);

    // Back out as W3C: the same passages, tags and comments, on the page's address.
    const dir = await tempDir();
    const path = join(dir, 'out.json');
    expect((await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'w3c', path })).state).toBe('done');
    const out = JSON.parse(await readFile(path, 'utf8')) as { first: { items: Array<{ body: Array<{ value: string; purpose: string }>; target: { selector: Array<{ type: string; exact?: string }> } }> } };
    const items = out.first.items.filter((a) => a.target?.selector);
    const exacts = items.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).sort();
    expect(exacts).toEqual(['Local traders', 'Tajik border', 'bridge at Termez']);
    const values = items.flatMap((a) => a.body.map((b) => b.value));
    for (const v of ['Places/Tajikistan', 'Places/Termez', 'people', 'range', 'refined', 'flat']) expect(values).toContain(v);
  });

  it('reads selectors wherever they nest, bounded in depth', () => {
    expect(textSelectors({ type: 'RangeSelector', startSelector: { type: 'TextPositionSelector', start: 4, end: 4 }, endSelector: { type: 'TextPositionSelector', start: 9, end: 9 } }).posSel).toMatchObject({ start: 4, end: 9 });
    expect(textSelectors({ type: 'XPathSelector', value: '/p[1]', refinedBy: { type: 'TextQuoteSelector', exact: 'x' } }).quoteSel).toMatchObject({ exact: 'x' });
    let deep: Record<string, unknown> = { type: 'TextQuoteSelector', exact: 'deep' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'CssSelector', value: 'p', refinedBy: deep };
    expect(textSelectors(deep).quoteSel).toBeUndefined();
  });
});
