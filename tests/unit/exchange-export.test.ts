import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob, StartExportResult } from '../../core/exchange/api';
import { makeBenchSnapshot } from '../../scripts/bench/fixtures/export';
import { writeFileAtomic } from '../../electron/backend/atomic-write';
import { fixtureSnapshot } from './export-fixture';
import { call, cleanUp, exportTo, notebookFrom, tempDir, type OpenNotebook } from './exchange-helpers';

/** Export jobs through the dispatcher: every format, scopes, destination checks, progress, cancel, atomic writes. */

let nb: OpenNotebook;
beforeAll(async () => {
  nb = await notebookFrom(fixtureSnapshot());
});
afterAll(cleanUp);

describe('every format writes its file', () => {
  it.each([
    ['w3c', 'n.json', (b: Buffer) => expect(JSON.parse(b.toString('utf8')).type).toBe('AnnotationCollection')],
    ['qdpx', 'n.qdpx', (b: Buffer) => expect(b.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))],
    ['qdc', 'n.qdc', (b: Buffer) => expect(b.toString('utf8')).toMatch(/^<\?xml[^>]*>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/)],
    ['csv', 'n.csv', (b: Buffer) => expect(b.toString('utf8')).toMatch(/^\uFEFFSource,Date,Tag,Tag kind,Quote,Note,Start,End,Page,Publisher,Authors,URL,Language,Highlight ID,Source ID\r\n/)],
    ['html', 'n.html', (b: Buffer) => expect(b.toString('utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Border crossing diary/)],
  ])('%s', async (format, name, check) => {
    const dir = await tempDir();
    const job = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format, path: join(dir, name) });
    expect(job).toMatchObject({ state: 'done', paths: [join(dir, name)], counts: { sources: 6, highlights: 14, tags: 12 } });
    check(await readFile(join(dir, name)));
    expect(await readdir(dir)).toEqual([name]);
  });

  it('markdown: one file per source in a new folder, or one combined file', async () => {
    const dir = await tempDir();
    const job = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'markdown', path: join(dir, 'vault') });
    expect(job.state).toBe('done');
    const files = (await readdir(join(dir, 'vault'))).sort();
    expect(files).toHaveLength(7);
    expect(files).toContain('Border crossing diary 🚶.md');
    expect(await readFile(join(dir, 'vault', 'Border crossing diary 🚶.md'), 'utf8')).toMatch(/^---\ntitle: /);
    expect(await readdir(dir)).toEqual(['vault']);

    const combined = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'markdown', layout: 'combined', path: join(dir, 'all') });
    expect(combined.paths).toEqual([join(dir, 'all.md')]);
    expect(await readFile(join(dir, 'all.md'), 'utf8')).toContain('## Border crossing diary 🚶');
  });
});

describe('scopes', () => {
  it('this source: its highlights and notebook only', async () => {
    const dir = await tempDir();
    const job = await exportTo(nb.dispatch, { scope: { kind: 'source', sourceId: 'emoji-src' }, format: 'w3c', path: join(dir, 'one.json') });
    expect(job.counts).toMatchObject({ sources: 1, highlights: 3 });
    const json = JSON.parse(await readFile(join(dir, 'one.json'), 'utf8'));
    expect(json.notebook.sources.map((s: { title: string }) => s.title)).toEqual(['Border crossing diary 🚶']);
    expect(json.label).toBe('Research Notebook — Border crossing diary 🚶');
  });

  it('chosen tags: highlights with the tags or their sub-tags, the sources they are in, the tags they need', async () => {
    const dir = await tempDir();
    // Places includes Afghanistan, its child Northern Afghanistan, and Central Asia / CIS.
    const job = await exportTo(nb.dispatch, { scope: { kind: 'tags', tagIds: ['t-places'] }, format: 'csv', path: join(dir, 'places.csv') });
    const rows = (await readFile(join(dir, 'places.csv'), 'utf8')).trim().split('\r\n').slice(1);
    const snapshot = fixtureSnapshot();
    const placeTags = new Set(['t-places', 't-afghanistan', 't-north', 't-asia']);
    const tagged = snapshot.sources.flatMap((s) => s.highlights).filter((h) => h.tagIds.some((t) => placeTags.has(t)));
    expect(job.counts.highlights).toBe(tagged.length);
    expect(job.counts.sources).toBe(new Set(tagged.map((h) => h.sourceId)).size);
    for (const h of tagged) expect(rows.some((r) => r.includes(h.quote.exact.slice(0, 20)))).toBe(true);
    expect(rows.some((r) => r.includes('Vladimir Putin'))).toBe(false);
  });

  it('tags the notebook does not have, or that no highlight carries: a clear message, no file', async () => {
    const dir = await tempDir();
    const unknown = await nb.dispatch('startExport', { scope: { kind: 'tags', tagIds: ['t-gone'] }, format: 'w3c', path: join(dir, 'x.json') });
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ message: 'None of the chosen tags is in the notebook any more; choose tags again.' }) });
    const unused = await exportTo(nb.dispatch, { scope: { kind: 'tags', tagIds: ['t-taliban'] }, format: 'w3c', path: join(dir, 'x.json') });
    expect(unused).toMatchObject({ state: 'failed', failure: 'input', error: 'No highlight carries the chosen tags, so there is nothing to export.' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the destination', () => {
  it('must be a full path in a folder that exists, outside the notebook folder; the extension is added', async () => {
    const dir = await tempDir();
    const start = (path: string) => nb.dispatch('startExport', { scope: { kind: 'notebook' }, format: 'html', path });
    expect(await start('report.html')).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^Choose a full path for the export/) }) });
    expect(await start(join(dir, 'missing', 'r.html'))).toEqual({ ok: false, error: expect.objectContaining({ message: `The folder ${join(dir, 'missing')} does not exist. Choose a folder that exists.` }) });
    expect(await start(join(nb.dir, 'sources', 'r.html'))).toEqual({ ok: false, error: expect.objectContaining({ message: 'Choose a folder outside the notebook’s own data folder for the export.' }) });
    const job = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'html', path: join(dir, 'report') });
    expect(job.paths).toEqual([join(dir, 'report.html')]);
  });

  it('an existing file is not replaced unless asked; then it is, atomically', async () => {
    const dir = await tempDir();
    const path = join(dir, 'n.csv');
    await writeFile(path, 'keep me');
    const first = await call<StartExportResult>(nb.dispatch, 'startExport', { scope: { kind: 'notebook' }, format: 'csv', path });
    expect(first).toEqual({ jobId: null, path, exists: [path] });
    expect(await readFile(path, 'utf8')).toBe('keep me');
    const job = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'csv', path, overwrite: true });
    expect(job.state).toBe('done');
    expect(await readFile(path, 'utf8')).toMatch(/^\uFEFFSource,/);
    expect(await readdir(dir)).toEqual(['n.csv']);
  });
});

describe('long exports: progress, cancel, nothing half-written', () => {
  let big: OpenNotebook;
  beforeAll(async () => {
    big = await notebookFrom(makeBenchSnapshot({ sources: 300, highlights: 6_000, seed: 3 }));
  });

  it('reports progress source by source', async () => {
    const dir = await tempDir();
    const started = await call<StartExportResult>(big.dispatch, 'startExport', { scope: { kind: 'notebook' }, format: 'w3c', path: join(dir, 'big.json') });
    const seen: string[] = [];
    let job: ExportJob;
    do {
      job = await call<ExportJob>(big.dispatch, 'exportProgress', { jobId: started.jobId });
      seen.push(job.message);
      await new Promise((r) => setImmediate(r));
    } while (job.state === 'running');
    expect(job.state).toBe('done');
    expect(seen.some((m) => /^Reading source \d+ of 300$/.test(m))).toBe(true);
    expect(job).toMatchObject({ done: 300, total: 300, counts: { sources: 300, highlights: 6_000 } });
  });

  it('a cancelled export leaves no file, not even a temp file', async () => {
    const dir = await tempDir();
    const started = await call<StartExportResult>(big.dispatch, 'startExport', { scope: { kind: 'notebook' }, format: 'qdpx', path: join(dir, 'big.qdpx') });
    const cancelling = await call<ExportJob>(big.dispatch, 'cancelExport', { jobId: started.jobId });
    expect(cancelling.state).toBe('running');
    const job = await big.service.exchange.exports.wait(started.jobId!);
    expect(job).toMatchObject({ state: 'cancelled', message: 'The export was cancelled; no file was written.', paths: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('a cancelled Markdown export leaves no folder', async () => {
    const dir = await tempDir();
    const started = await call<StartExportResult>(big.dispatch, 'startExport', { scope: { kind: 'notebook' }, format: 'markdown', path: join(dir, 'vault') });
    await call(big.dispatch, 'cancelExport', { jobId: started.jobId });
    expect((await big.service.exchange.exports.wait(started.jobId!)).state).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('writes bytes as they are, and text as UTF-8', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'x'));
    const bytes = new Uint8Array([0, 255, 1, 254, 0x25, 0x50]);
    await writeFileAtomic(join(dir, 'x', 'b.bin'), bytes);
    expect(new Uint8Array(await readFile(join(dir, 'x', 'b.bin')))).toEqual(bytes);
    await writeFileAtomic(join(dir, 'x', 't.txt'), 'é🙂');
    expect(await readFile(join(dir, 'x', 't.txt'), 'utf8')).toBe('é🙂');
    expect((await readdir(join(dir, 'x'))).sort()).toEqual(['b.bin', 't.txt']);
  });
});
