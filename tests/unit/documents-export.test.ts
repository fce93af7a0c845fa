import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../core/export/csv';
import { exportMarkdown } from '../../core/export/markdown';
import { exportQdpx, exportQdpxArchive } from '../../core/export/refi-qda';
import { exportW3C, serializeW3C } from '../../core/export/w3c';
import { importQdpx } from '../../core/import/qdpx';
import { importW3C } from '../../core/import/w3c';
import type { NotebookSnapshot } from '../../core/model';
import { fixtureSnapshot, REFI_QDA_DIR, testFormatter, xmllint } from './export-fixture';

/**
 * A source's document facts (authors, URL, language, pages) in every export: W3C targets the page's address and
 * names the PDF page, REFI-QDA writes a PDF source as PDFSource with its text as the Representation, Markdown front
 * matter and CSV columns carry them, and our own files bring them back.
 */

const dir = mkdtempSync(join(tmpdir(), 'documents-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 (stands in for the original file)');

function snapshotWithDocuments(): NotebookSnapshot {
  const snap = fixtureSnapshot();
  const [web, pdf] = snap.sources;
  web.meta = { ...web.meta, kind: 'html', authors: ['Miriam Hale', 'Jo Bloggs'], url: 'https://news.example/en/story', language: 'en', dir: 'ltr' };
  // The PDF's second page starts at the middle of its text.
  const half = Math.floor(pdf.text.length / 2);
  pdf.meta = { ...pdf.meta, kind: 'pdf', authors: ['Jane Roe'], language: 'ru', pageStarts: [0, half] };
  pdf.original = PDF_BYTES;
  return snap;
}

describe('document facts in exports', () => {
  const snap = snapshotWithDocuments();
  const [web, pdf] = snap.sources;
  const half = pdf.meta.pageStarts![1];

  it('W3C: a web source is targeted by its URL, a PDF passage names its page; our import reads the facts back', () => {
    const collection = exportW3C(snap, testFormatter);
    const items = collection.first.items;
    const onWeb = items.filter((a) => typeof a.target === 'object' && a.target.source === 'https://news.example/en/story');
    expect(onWeb.length).toBe(web.highlights.length);
    const pdfHighlight = pdf.highlights.find((h) => !h.orphan && h.start >= half)!;
    const annotation = items.find(
      (a) => typeof a.target === 'object' && a.target.selector.some((sel) => sel.type === 'TextPositionSelector' && sel.end > sel.start) && a.target.selector.some((sel) => sel.type === 'TextQuoteSelector' && sel.exact === pdfHighlight.quote.exact),
    )!;
    expect(typeof annotation.target === 'object' && annotation.target.selector).toContainEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' });

    const back = importW3C('notes.json', new TextEncoder().encode(serializeW3C(collection)));
    const webBack = back.sources.find((s) => s.id === web.meta.id)!;
    expect(webBack.document).toMatchObject({ kind: 'html', authors: ['Miriam Hale', 'Jo Bloggs'], url: 'https://news.example/en/story', language: 'en' });
    expect(back.sources.find((s) => s.id === pdf.meta.id)!.document).toMatchObject({ kind: 'pdf', pageStarts: [0, half] });
    // Every highlight still finds its source (targets by URL map back through the extension).
    expect(back.missingSources).toEqual([]);
  });

  it('REFI-QDA: PDFSource with a plain-text Representation, valid against Project.xsd, and read back', () => {
    const { projectXml, entries } = exportQdpx(snap, testFormatter);
    expect(projectXml).toMatch(/<PDFSource guid="[^"]+" name="[^"]*" path="internal:\/\/[^"]+\.pdf"/);
    expect(projectXml).toMatch(/<Representation guid="[^"]+" name="[^"]*" plainTextPath="internal:\/\/[^"]+\.txt">\s*<PlainTextSelection/);
    expect(entries.some((e) => e.path.endsWith('.pdf') && e.data === PDF_BYTES)).toBe(true);
    expect(projectXml).toContain('<TextValue>Miriam Hale; Jo Bloggs</TextValue>');
    expect(projectXml).toContain('<TextValue>https://news.example/en/story</TextValue>');
    const file = join(dir, 'project.qde');
    writeFileSync(file, projectXml);
    const { ok, output } = xmllint(file, `${REFI_QDA_DIR}Project.xsd`);
    expect(ok, output).toBe(true);

    const back = importQdpx('p.qdpx', exportQdpxArchive(snap, testFormatter).bytes);
    const pdfBack = back.sources.find((s) => s.title === pdf.meta.title)!;
    expect(pdfBack.text).toBe(pdf.text);
    expect(pdfBack.document).toMatchObject({ kind: 'pdf', authors: ['Jane Roe'], language: 'ru' });
    expect(pdfBack.document?.original?.bytes).toEqual(PDF_BYTES);
    expect(back.highlights.filter((h) => h.sourceRef === pdfBack.id)).toHaveLength(pdf.highlights.filter((h) => !h.orphan).length);
    expect(back.sources.find((s) => s.title === web.meta.title)!.document).toMatchObject({ url: 'https://news.example/en/story' });
  });

  it('Markdown: authors, URL and language in the front matter; a PDF quote says its page', () => {
    const files = exportMarkdown(snap, testFormatter);
    const webFile = files.find((f) => f.content.includes(`title: `) && f.content.includes('news.example'))!;
    expect(webFile.content).toMatch(/^---\ntitle: .*\nauthors:\n {2}- "Miriam Hale"\n {2}- "Jo Bloggs"\n/);
    expect(webFile.content).toContain('url: "https://news.example/en/story"');
    expect(webFile.content).toContain('language: "en"');
    const pdfFile = files.find((f) => f.content.includes('Jane Roe'))!;
    expect(pdfFile.content).toMatch(/> \(p\. 2\)\n\n\^/);
  });

  it('CSV: page, publisher, authors, URL and language columns', () => {
    const rows = exportCsv(snap, testFormatter).slice(1).split('\r\n');
    expect(rows[0]).toBe('Source,Date,Tag,Tag kind,Quote,Note,Start,End,Page,Publisher,Authors,URL,Language,Highlight ID,Source ID');
    // The document's facts, then the highlight's and source's ids (a field holding ";" is quoted: Excel splits on it in many locales).
    expect(rows.some((r) => /,"Miriam Hale; Jo Bloggs",https:\/\/news\.example\/en\/story,en,h-[^,]+,[^,]+$/.test(r))).toBe(true);
    expect(rows.some((r) => /,p\. 2,[^,]*,Jane Roe,,ru,h-[^,]+,[^,]+$/.test(r))).toBe(true);
  });
});
