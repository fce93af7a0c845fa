import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../core/contract';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import type { SourceDocument } from '../../core/model';
import { makePdf } from '../support/make-documents';
import { call, cleanUp, emptyNotebook, fileInput } from './exchange-helpers';

/** The files sources came from (originals/) go into every backup and come back, byte for byte, with a restore. */

afterAll(cleanUp);

describe('backups keep the originals', () => {
  it('a PDF original is in the backup and is restored with it, its bytes whole', async () => {
    const nb = await emptyNotebook();
    const pdf = await makePdf({ title: 'Backed-up report', pages: [['Page one of the report.', 'More text on page one here.'], ['Page two of it.']] });
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('report.pdf', pdf)] });
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    const doc = await call<SourceDocument>(nb.dispatch, 'getSource', { id: summary.firstSourceId });
    const original = join(nb.dir, doc.meta.original!);

    const backup = await call<BackupSummary>(nb.dispatch, 'createBackup');
    expect(new Uint8Array(readFileSync(join(nb.dir, 'backups', backup.id, doc.meta.original!)))).toEqual(pdf);

    // The original is damaged, then lost: the restore brings it back as it was.
    writeFileSync(original, 'not a pdf any more');
    await call(nb.dispatch, 'restoreBackup', { id: backup.id });
    expect(new Uint8Array(readFileSync(original))).toEqual(pdf);
    rmSync(original);
    await call(nb.dispatch, 'restoreBackup', { id: backup.id });
    expect(new Uint8Array(readFileSync(original))).toEqual(pdf);
    const back = await call<{ kind: string; base64: string }>(nb.dispatch, 'sourceOriginal', { sourceId: doc.meta.id });
    expect(new Uint8Array(Buffer.from(back.base64, 'base64'))).toEqual(pdf);
  });
});
