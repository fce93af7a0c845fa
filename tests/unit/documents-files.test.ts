import { strToU8 } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import { pageLabel, pagesOfRange } from '../../core/documents/pdf-text';
import { ImportError } from '../../core/import';
import type { SourceDocument } from '../../core/model';
import { readDocument } from '../../electron/backend/documents';
import { MAX_PDF_PAGES } from '../../electron/backend/documents/pdf';
import { sha256 } from '../../electron/backend/hash';
import { makeDocx, makeManyPagePdf, makePasswordPdf, makePdf, makeScannedPdf, withDeclaredSize } from '../support/make-documents';
import { call, cleanUp, emptyNotebook, fileInput, fingerprint } from './exchange-helpers';

/** PDF reports and Word files, generated here, read as an analyst would import them. */

afterAll(cleanUp);

const read = (name: string, bytes: Uint8Array) => readDocument(name, bytes, { hash: sha256 });
async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const REPORT = {
  title: 'Border monitoring: annual report',
  author: 'Jane Roe; John Poe',
  header: 'Border Monitoring Mission — Annual Report 2022',
  pageNumbers: true,
  pages: [
    ['Summary', '', 'The mission observed the crossings through-', 'out the year and recorded every inter-', 'national convoy that passed.', '', 'A second paragraph follows here.'],
    ['Chapter 1: Refugees', '', 'Families waited at the gate for many days; the refu-', 'gees were given tents and water by the Red Crescent.'],
    ['Chapter 2: Trade', '', 'Lorries carried flour and fuel across the border.'],
  ],
};

describe('PDF: text page by page', () => {
  it('joins hyphenated line ends, keeps paragraphs, knows where each page starts', async () => {
    const s = (await read('report.pdf', await makePdf(REPORT))).sources[0];
    expect(s.text).toContain('The mission observed the crossings throughout the year and recorded every international convoy that passed.');
    expect(s.text).toContain('the refugees were given tents');
    expect(s.text.split('\n\n')).toContain('A second paragraph follows here.');
    const starts = s.document!.pageStarts!;
    expect(starts).toHaveLength(3);
    const at = (phrase: string): number => s.text.indexOf(phrase);
    expect(pagesOfRange(starts, at('Families'), at('Families') + 8)).toEqual([2, 2]);
    expect(pageLabel(starts, at('Lorries'), at('Lorries') + 7)).toBe('p. 3');
    expect(pageLabel(starts, at('second paragraph'), at('Families') + 5)).toBe('pp. 1–2');
    expect(s).toMatchObject({ title: 'Border monitoring: annual report', date: '2022-04-29' });
    expect(s.document).toMatchObject({ kind: 'pdf', authors: ['Jane Roe', 'John Poe'], language: 'en', dir: 'ltr' });
  });

  it('running headers and page numbers are furniture (kept in the text, dimmed), body text is not', async () => {
    const s = (await read('report.pdf', await makePdf(REPORT))).sources[0];
    const furniture = s.furniture!.map(([a, b]) => s.text.slice(a, b));
    expect(furniture.filter((f) => f === REPORT.header)).toHaveLength(3);
    expect(furniture).toEqual(expect.arrayContaining(['1', '2', '3']));
    expect(furniture.some((f) => /Lorries|Families|mission/.test(f))).toBe(false);
  });

  it('a scanned PDF without a text layer is refused, never imported empty', async () => {
    const e = await refusal(read('scan.pdf', await makeScannedPdf()));
    expect(e.message).toMatch(/this PDF has no text layer; run OCR first/);
  });

  it('a password-protected PDF says so', async () => {
    expect((await refusal(read('secret.pdf', await makePasswordPdf()))).message).toMatch(/protected by a password/);
  });

  it('a corrupt PDF and a PDF bomb (pages far beyond any report) are refused', async () => {
    expect((await refusal(read('bad.pdf', strToU8('%PDF-1.7\n1 0 obj garbage')))).message).toMatch(/not a readable PDF/);
    const e = await refusal(read('bomb.pdf', await makeManyPagePdf(MAX_PDF_PAGES + 1)));
    expect(e.message).toMatch(/3,001 pages, more than the 3,000/);
  });
});

describe('Word files', () => {
  const brief = makeDocx({
    title: 'Brief on the northern crossing',
    creator: 'Anna Smith',
    blocks: [
      { heading: 'Brief on the northern crossing' },
      { para: 'The crossing reopened on Tuesday after eleven days.' },
      { heading: 'Findings', level: 2 },
      { bullet: 'aid convoys pass without fees' },
      { bullet: 'commercial lorries pay the old rate' },
      { table: [['Crossing', 'Lorries'], ['North', '40']] },
      { para: 'Статья на русском языке тоже читается.' },
    ],
  });

  it('headings, list items and table cells become paragraphs; title, author and date come along', async () => {
    const s = (await read('brief.docx', brief)).sources[0];
    const paragraphs = s.text.split('\n\n');
    expect(paragraphs).toEqual(
      expect.arrayContaining(['Findings', '• aid convoys pass without fees', 'Crossing', 'Lorries', 'North', '40', 'Статья на русском языке тоже читается.']),
    );
    expect(s).toMatchObject({ title: 'Brief on the northern crossing', date: '2023-03-02' });
    expect(s.document).toMatchObject({ kind: 'docx', authors: ['Anna Smith'] });
  });

  it('external references are refused; hyperlinks are not', async () => {
    const template = '<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/>';
    const e = await refusal(read('linked.docx', makeDocx({ blocks: [{ para: 'Text' }], documentRels: template })));
    expect(e.message).toMatch(/refers to files outside itself \(attachedTemplate → https:\/\/evil\.example\/t\.dotm\)/);
    const link = '<Relationship Id="rL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/>';
    expect((await read('link.docx', makeDocx({ blocks: [{ para: 'Text with a link' }], documentRels: link }))).sources[0].text).toBe('Text with a link');
  });

  it('a zip bomb is refused from its headers, and a zip that is not a Word file is named as such', async () => {
    const bomb = withDeclaredSize(brief, 'word/document.xml', 0xfffffff0);
    expect((await refusal(read('bomb.docx', bomb))).message).toMatch(/would expand to .* \(it may be a zip bomb\)/);
    expect((await refusal(read('fake.docx', strToU8('PK\u0003\u0004 no')))).message).toMatch(/not a Word document/);
  });
});

describe('through the app: preview, commit, the original kept', () => {
  it('a PDF comes in with its pages and its original file; a refused one changes nothing', async () => {
    const nb = await emptyNotebook();
    const before = await fingerprint(nb.dir);
    const bad = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('scan.pdf', await makeScannedPdf())] });
    expect(bad.files[0].error).toMatch(/^scan\.pdf: this PDF has no text layer; run OCR first/);
    expect(await fingerprint(nb.dir)).toEqual(before);

    const pdf = await makePdf(REPORT);
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('report.pdf', pdf)] });
    expect(preview.files[0]).toMatchObject({ ok: true, title: 'Border monitoring: annual report' });
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    const doc = await call<SourceDocument>(nb.dispatch, 'getSource', { id: summary.firstSourceId });
    expect(doc.meta).toMatchObject({ kind: 'pdf', authors: ['Jane Roe', 'John Poe'], original: `originals/${doc.meta.id}.pdf` });
    expect(doc.meta.pageStarts).toHaveLength(3);
    const kept = join(nb.dir, doc.meta.original!);
    expect(existsSync(kept)).toBe(true);
    expect(new Uint8Array(readFileSync(kept))).toEqual(pdf);
  });
});
