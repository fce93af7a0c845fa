import { describe, expect, it } from 'vitest';
import { alignPageItems, charsInRange, offsetAt, pageIndexAt } from '../../core/documents/pdf-align';
import { loadPdfJs, readPdf } from '../../electron/backend/documents/pdf';
import { makePdf } from '../support/make-documents';

/**
 * The page view finds each highlight on the page by aligning pdf.js's text items (what it draws) with the stored
 * text (what highlights count in): every letter of the text has its place on the page, and back.
 */

const REPORT = {
  title: 'Aligned report',
  header: 'Border Monitoring Mission — Annual Report 2022',
  pageNumbers: true,
  pages: [
    ['Summary', '', 'The mission observed the crossings through-', 'out the year and recorded every inter-', 'national convoy that passed.'],
    ['Chapter 1', '', 'Families waited at the gate for many days; the refu-', 'gees were given tents and water.'],
    ['Chapter 2', '', 'Lorries carried flour and fuel across the border.'],
  ],
};

async function itemsOf(bytes: Uint8Array): Promise<string[][]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent({ includeMarkedContent: false, disableNormalization: false });
    pages.push(content.items.flatMap((i) => ('str' in i ? [i.str] : [])));
  }
  await doc.destroy();
  return pages;
}

describe('aligning pdf.js text items with the stored text', () => {
  it('puts every letter of every page at its offset, the dropped hyphens nowhere', async () => {
    const bytes = await makePdf(REPORT);
    const { text, pageStarts } = await readPdf('r.pdf', bytes);
    const pages = await itemsOf(bytes);
    pages.forEach((items, p) => {
      const from = pageStarts[p];
      const to = p + 1 < pageStarts.length ? pageStarts[p + 1] : text.length;
      const aligned = alignPageItems(text, from, to, items);
      const covered = new Set<number>();
      aligned.forEach((a, i) => {
        for (let j = 0; j < items[i].length; j++) {
          const o = a.offsets[j];
          if (o < 0) continue;
          expect(text[o]).toBe(items[i][j]);
          expect(covered.has(o)).toBe(false);
          covered.add(o);
        }
      });
      for (let o = from; o < to; o++) if (!/\s/.test(text[o])) expect(covered.has(o), `offset ${o} (“${text[o]}”) of page ${p + 1}`).toBe(true);
    });
    const at = text.indexOf('throughout');
    const p1 = alignPageItems(text, pageStarts[0], pageStarts[1], pages[0]);
    const line = pages[0].findIndex((s) => s.includes('through-'));
    const range = charsInRange(p1[line], at, at + 'throughout'.length)!;
    expect(pages[0][line].slice(range[0], range[1])).toBe('through');
    expect(offsetAt(p1[line], pages[0][line].indexOf('through'))).toBe(at);
  });

  it('finds the page of an offset (an empty page starts where the next does)', () => {
    expect(pageIndexAt([0, 10, 10, 30], 5)).toBe(0);
    expect(pageIndexAt([0, 10, 10, 30], 10)).toBe(2);
    expect(pageIndexAt([0, 10, 10, 30], 99)).toBe(3);
  });
});
