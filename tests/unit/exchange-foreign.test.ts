import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/import';
import { call, cleanUp, emptyNotebook, fileInput, importFiles, notebookFrom } from './exchange-helpers';

/**
 * Annotations from another tool (a W3C export of web pages, as Hypothesis writes them): the documents are not in the
 * file, so the highlights go to a source the notebook has for that address, or are kept as orphans on a placeholder
 * source until its text is imported; never lost.
 */

afterAll(cleanUp);

const ARTICLE = 'Officials in Termez said on Tuesday that more people crossed the bridge than in any week this year.\n\nAid agencies asked for tents.';
const URL = 'https://news.example/termez';

function hypothesis(start: number, exact: string, tag: string) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://hypothes.is/a/${start}`,
    created: '2023-05-01T10:00:00Z',
    motivation: 'tagging',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: tag }],
    target: {
      source: URL,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: ARTICLE.slice(Math.max(0, start - 10), start), suffix: ARTICLE.slice(start + exact.length, start + exact.length + 10) },
      ],
    },
  };
}

const FILE = JSON.stringify([hypothesis(ARTICLE.indexOf('more people crossed'), 'more people crossed', 'Border/Crossings'), hypothesis(ARTICLE.indexOf('tents'), 'tents', 'Aid')]);

describe('W3C annotations of documents the file does not include', () => {
  it('are kept as orphans on a placeholder source, and anchor once its text is imported there', async () => {
    const nb = await emptyNotebook();
    const summary = await importFiles(nb.dispatch, [fileInput('hypothesis.json', FILE)]);
    expect(summary).toMatchObject({ sourcesAdded: 1, highlightsAdded: 2, orphans: 2, tagsAdded: 3 });
    expect(summary.warnings.join(' ')).toContain('kept as orphans in sources named “Not included: …”');
    const [placeholder] = await nb.service.listSources();
    expect(placeholder).toMatchObject({ title: `Not included: ${URL}`, originalFile: URL, highlightCount: 0, orphanCount: 2 });

    // The analyst saves the page and re-imports its text into that source: the highlights find their passages.
    const result = await call<{ reanchored: number; orphaned: string[] }>(nb.dispatch, 'updateSourceText', { sourceId: placeholder.id, text: ARTICLE });
    expect(result.orphaned).toEqual([]);
    const doc = await nb.service.getSource({ id: placeholder.id });
    expect(doc.highlights.map((h) => [doc.text.slice(h.start, h.end), h.orphan])).toEqual([
      ['more people crossed', false],
      ['tents', false],
    ]);
  });

  it('go to the notebook’s own source for that address, anchored', async () => {
    // The article saved from that page: its original file is the page's address.
    const nb = await notebookFrom({
      title: 'T',
      exportedAt: '2024-01-01T00:00:00.000Z',
      tags: [],
      projectNote: { type: 'doc', content: [{ type: 'paragraph' }] },
      sources: [
        {
          meta: { id: 'termez', title: 'Termez', publisher: 'News', date: '2023-05-01', originalFile: URL, contentHash: contentHash(ARTICLE), addedAt: '2024-01-01T00:00:00.000Z', furniture: [] },
          text: ARTICLE,
          highlights: [],
          note: { type: 'doc', content: [{ type: 'paragraph' }] },
        },
      ],
    });
    const summary = await importFiles(nb.dispatch, [fileInput('hypothesis.json', FILE)]);
    expect(summary).toMatchObject({ sourcesAdded: 0, highlightsAdded: 2, orphans: 0 });
    const doc = await nb.service.getSource({ id: 'termez' });
    expect(doc.highlights.map((h) => doc.text.slice(h.start, h.end))).toEqual(['more people crossed', 'tents']);
  });
});
