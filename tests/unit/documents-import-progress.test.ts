import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../core/exchange/api';
import type { SourceDocument } from '../../core/model';
import { makeEncryptedPdf, makePdf } from '../support/make-documents';
import { call, cleanUp, emptyNotebook, fileInput, fingerprint } from './exchange-helpers';

/** Long PDFs report their pages as they are read and can be cancelled; protected ones ask for their password. */

afterAll(cleanUp);

const longReport = (pages: number) =>
  makePdf({ title: 'A long report', pages: Array.from({ length: pages }, (_, p) => Array.from({ length: 30 }, (_, l) => `Page ${p + 1}, line ${l + 1}: the convoy waited at the crossing.`)) });

describe('import progress and cancel', () => {
  it('reports pages done of the total while a long PDF is read, then nothing once done', async () => {
    const nb = await emptyNotebook();
    const jobId = 'job-progress-1';
    const seen: ImportProgress[] = [];
    const preview = call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('long.pdf', await longReport(60))], jobId });
    let done = false;
    void preview.finally(() => (done = true));
    while (!done) {
      const p = await call<ImportProgress | null>(nb.dispatch, 'importProgress', { jobId });
      if (p) seen.push(p);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await preview).files[0]).toMatchObject({ ok: true, title: 'A long report' });
    const pages = seen.filter((p) => p.pages > 0);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.pages === 60 && p.page >= 1 && p.page <= 60 && p.fileName === 'long.pdf' && p.file === 1 && p.files === 1)).toBe(true);
    expect(await call(nb.dispatch, 'importProgress', { jobId })).toBeNull();
  });

  it('cancel stops the reading between pages: an error that says so, nothing kept, nothing changed', async () => {
    const nb = await emptyNotebook();
    const before = await fingerprint(nb.dir);
    const jobId = 'job-cancel-1';
    const preview = nb.dispatch('previewImport', { files: [fileInput('long.pdf', await longReport(200))], jobId });
    for (;;) {
      const p = await call<ImportProgress | null>(nb.dispatch, 'importProgress', { jobId });
      if (p && p.page > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await call(nb.dispatch, 'cancelImport', { jobId })).toEqual({ cancelled: true });
    expect(await preview).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('Import cancelled at long.pdf; nothing was changed.') }) });
    expect(await call(nb.dispatch, 'cancelImport', { jobId })).toEqual({ cancelled: false });
    expect(await fingerprint(nb.dir)).toEqual(before);
    expect(await call(nb.dispatch, 'listSources')).toEqual([]);
  });
});

describe('a PDF protected by a password', () => {
  const SPEC = { title: 'Protected brief', pages: [['Families waited at the gate for many days.', 'The crossing reopened on Tuesday.']] };

  it('is listed as asking for its password; a wrong one is refused, the right one opens and imports it', async () => {
    const nb = await emptyNotebook();
    const before = await fingerprint(nb.dir);
    const bytes = await makeEncryptedPdf(SPEC, 'open sesame');
    const first = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('brief.pdf', bytes)] });
    expect(first.files[0]).toMatchObject({ ok: false, needsPassword: 'ask', error: expect.stringContaining('protected by a password') });
    expect(first.importable).toBe(0);
    expect(first.previewId).not.toBe('');

    const wrong = await call<ImportPreview>(nb.dispatch, 'unlockImport', { previewId: first.previewId, file: 0, password: 'Open Sesame' });
    expect(wrong.files[0]).toMatchObject({ ok: false, needsPassword: 'wrong', error: expect.stringContaining('that password does not open the PDF') });
    expect(await fingerprint(nb.dir)).toEqual(before);

    const right = await call<ImportPreview>(nb.dispatch, 'unlockImport', { previewId: wrong.previewId, file: 0, password: 'open sesame' });
    expect(right.files[0]).toMatchObject({ ok: true, title: 'Protected brief' });
    expect(right.importable).toBe(1);
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: right.previewId, skipDuplicates: true });
    const doc = await call<SourceDocument>(nb.dispatch, 'getSource', { id: summary.firstSourceId });
    expect(doc.text).toContain('Families waited at the gate');
    expect(doc.meta.kind).toBe('pdf');
  });

  it('the password can come with the file (the CLI flag does this); discarding the preview changes nothing', async () => {
    const nb = await emptyNotebook();
    const before = await fingerprint(nb.dir);
    const bytes = await makeEncryptedPdf(SPEC, 'pw-123');
    const direct = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [{ ...fileInput('brief.pdf', bytes), password: 'pw-123' }] });
    expect(direct.files[0]).toMatchObject({ ok: true, title: 'Protected brief' });
    await call(nb.dispatch, 'discardImport', { previewId: direct.previewId });
    expect(await fingerprint(nb.dir)).toEqual(before);
    const gone = await nb.dispatch('unlockImport', { previewId: direct.previewId, file: 0, password: 'pw-123' });
    expect(gone).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('no longer waiting') }) });
  });
});
