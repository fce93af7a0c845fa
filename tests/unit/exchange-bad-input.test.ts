import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/exchange/api';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportQdpx } from '../../core/export/refi-qda';
import { exportW3C, serializeW3C } from '../../core/export/w3c';
import { MAX_SOURCE_BYTES } from '../../core/import';
import { fixtureSnapshot, testFormatter } from './export-fixture';
import { call, cleanUp, emptyNotebook, fileInput, fingerprint, seededNotebook, type OpenNotebook } from './exchange-helpers';

/**
 * Bad input through the app's own path (dispatcher, contract validation, service): each case gives a message that
 * names the file and the problem, and changes nothing in the notebook (every file in its folder is byte for byte
 * the same afterwards, and there is nothing to commit).
 */

let nb: OpenNotebook;
beforeAll(async () => {
  nb = await seededNotebook();
});
afterAll(cleanUp);

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const goodQdpx = exportQdpx(fixtureSnapshot(), testFormatter);

/** Preview the file; expect it refused with `message`, nothing importable, and the notebook's files untouched. */
async function refused(file: { name: string; size: number; data?: string }, message: RegExp): Promise<string> {
  const before = await fingerprint(nb.dir);
  const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [file] });
  expect(preview.importable).toBe(0);
  expect(preview.files).toHaveLength(1);
  const [f] = preview.files;
  expect(f.ok).toBe(false);
  expect(f.error?.startsWith(`${file.name}: `)).toBe(true);
  expect(f.error).toMatch(message);
  // Nothing was kept to commit.
  const commit = await nb.dispatch('commitImport', { previewId: preview.previewId || 'import-none', skipDuplicates: true });
  expect(commit.ok).toBe(false);
  const after = await fingerprint(nb.dir);
  expect(after).toEqual(before);
  return f.error!;
}

describe('bad input is refused with a message naming the file and the problem, and changes nothing', () => {
  it('an unsupported type', async () => {
    await refused(fileInput('Report.xlsx', 'PK\u0003\u0004 not really'), /\.xlsx files cannot be imported\. Import sources as \.txt, \.md, \.html, \.htm, \.pdf or \.docx/);
    await refused(fileInput('Report.docx', 'PK\u0003\u0004 not really'), /the file is not a Word document/);
    // The renderer does not even read such a file: its name is enough.
    await refused({ name: 'movie.mp4', size: 2_000_000_000 }, /\.mp4 files cannot be imported/);
  });

  it('a binary file renamed .txt', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await refused(fileInput('photo.txt', png), /named \.txt but holds a PNG image, not text/);
  });

  it('a file over 50 MB, whether it was sent or only its size', async () => {
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    await refused(fileInput('huge.txt', big), /the file is 50\.0 MB, more than the 50\.0 MB this app imports/);
    await refused({ name: 'huge.md', size: MAX_SOURCE_BYTES + 10 }, /more than the 50\.0 MB this app imports/);
  });

  it('malformed JSON', async () => {
    await refused(fileInput('notes.json', '{\n  "type": "AnnotationCollection",\n  "items": [\n'), /not valid JSON/);
  });

  it('JSON of the wrong shape', async () => {
    await refused(fileInput('other.json', '{"hello": "world"}'), /not Web Annotation data: expected an AnnotationCollection, AnnotationPage or Annotation/);
  });

  it('a zip that is not a QDPX', async () => {
    await refused(fileInput('archive.qdpx', zipSync({ 'readme.txt': strToU8('hello') })), /no project\.qde at its top level, so it is not a REFI-QDA project/);
  });

  it('a QDPX whose entries escape the folder (../)', async () => {
    const evil = zipSync({ 'project.qde': goodQdpx.entries[0].data, '../../.bashrc': strToU8('rm -rf ~') });
    await refused(fileInput('evil.qdpx', evil), /entry "\.\.\/\.\.\/\.bashrc" has a path that climbs out of the archive/);
  });

  it('a QDPX that would expand past 500 MB (zip bomb)', async () => {
    const zip = zipSync({ 'project.qde': goodQdpx.entries[0].data, 'sources/big.txt': new Uint8Array(1024) }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 46 < zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name === 'sources/big.txt') view.setUint32(at + 24, 600 * 1024 * 1024, true);
    }
    await refused(fileInput('bomb.qdpx', zip), /would expand to 6\d\d\.\d MB, more than the 500\.0 MB allowed \(it may be a zip bomb\)/);
  });

  it('XML with external entities', async () => {
    const xxe =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>';
    const zip = zipSync({ 'project.qde': utf8(xxe) });
    const message = await refused(fileInput('xxe.qdpx', zip), /declares a DOCTYPE or entities/);
    expect(message).not.toContain('root:');
  });

  it('bytes that are not base64 are refused as a damaged transfer', async () => {
    await refused({ name: 'a.txt', size: 3, data: 'not base64!' }, /arrived damaged/);
  });
});

describe('ids in a file', () => {
  it('that would name files outside the notebook (or are not ids at all) are replaced', async () => {
    const json = JSON.parse(serializeW3C(exportW3C(fixtureSnapshot(), testFormatter)));
    json.notebook.sources[0].id = '../../escaped';
    json.notebook.sources[1].id = 'a/b\\c';
    json.notebook.tags[0].id = '<script>';
    const other = await emptyNotebook();
    const preview = await call<ImportPreview>(other.dispatch, 'previewImport', { files: [fileInput('evil-ids.json', JSON.stringify(json))] });
    expect(preview.files[0].ok).toBe(true);
    await call(other.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    const files = Object.keys(await fingerprint(other.dir));
    expect(files.filter((f) => f.startsWith('sources/'))).toHaveLength(6);
    expect(files.every((f) => f === 'catalog.json' || /^sources\/[A-Za-z0-9][A-Za-z0-9_-]*\.json$/.test(f) || f.startsWith('backups/') || f.startsWith('search') || f === 'notebook.lock' || /^summaries-\d+\.log$/.test(f))).toBe(true);
    expect(await readdir(join(other.dir, '..'))).not.toContain('escaped.json');
    const ids = (await other.service.listSources()).map((s) => s.id);
    expect(ids.every((id) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id))).toBe(true);
    expect((await other.service.listTags()).tags.every((t) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(t.id))).toBe(true);
  });
});

describe('a batch with good and bad files', () => {
  it('imports the good ones and refuses the bad ones by name', async () => {
    const before = (await nb.service.listSources()).length;
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', {
      files: [fileInput('good.md', '---\ntitle: A good note\ndate: 2022-02-02\n---\n\nSome text about the border.'), fileInput('bad.json', '[')],
    });
    expect(preview.importable).toBe(1);
    expect(preview.files.map((f) => [f.name, f.ok])).toEqual([
      ['good.md', true],
      ['bad.json', false],
    ]);
    expect(preview.files[0]).toMatchObject({ kind: 'source', title: 'A good note', sources: 1 });
    const summary = await call<{ sourcesAdded: number }>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary.sourcesAdded).toBe(1);
    const list = await nb.service.listSources();
    expect(list).toHaveLength(before + 1);
    expect(list.find((s) => s.title === 'A good note')?.date).toBe('2022-02-02');
  });

  it('a preview is committed once: a second commit is refused and adds nothing', async () => {
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('once.txt', 'Only once.\n\nA text.')] });
    await call(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    const before = await fingerprint(nb.dir);
    const again = await nb.dispatch('commitImport', { previewId: preview.previewId, skipDuplicates: false });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ message: 'This import is no longer waiting (it was done or cancelled). Choose the files again.' }) });
    expect(await fingerprint(nb.dir)).toEqual(before);
  });

  it('the contract refuses malformed calls before they reach the backend', async () => {
    expect(await nb.dispatch('previewImport', { files: [] })).toEqual({ ok: false, error: expect.objectContaining({ message: 'Invalid input for previewImport: choose at least one file (at files).' }) });
    const r = await nb.dispatch('previewImport', { files: [{ name: 'a.txt', size: -1 }] });
    expect(r.ok).toBe(false);
  });
});
