import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editedParagraphs, paragraphsText } from '../../scripts/bench/fixtures/big-text';
import { describeRange } from '../../core/anchoring/describe';
import { exportQdpxArchive } from '../../core/export/refi-qda';
import { importFile } from '../../core/import';
import { EMPTY_DOC, SCHEMA_VERSION, type Highlight, type NotebookSnapshot, type SourceMeta } from '../../core/model';
import { noteFormatter } from '../../electron/backend/exchange/formats';
import { WorkerPool, WorkerStoppedError, type HeavyWork } from '../../electron/backend/workers/pool';
import { SearchWorker } from '../../electron/backend/search/search-worker';
import type { NotebookStore } from '../../electron/backend/store';
import { makePdf } from '../support/make-documents';
import { deflatedZeros, lyingQdpx, rawZip } from '../support/hostile-zip';
import { call, cleanUp, fileInput, fingerprint, notebookFrom, seededNotebook, type OpenNotebook } from './exchange-helpers';
import type { ImportPreview, ImportProgress } from '../../core/exchange/api';
import type { SourceSummary } from '../../core/model';

/**
 * Heavy work runs in a worker thread (issue 11): a hostile archive is stopped by the bytes it yields, not by what
 * its headers claim, and while a heavy job runs the backend's other channels answer. "Answer while it runs" is
 * checked by order, not by a clock: the other calls are made after the heavy one and must settle before it does
 * (on the backend's own thread, the heavy call held it until it was done, so they could only settle after).
 */

afterAll(cleanUp);

/** Start `heavy`, then run `others` one after another; which settled first. */
async function race(heavy: Promise<unknown>, others: () => Promise<void>): Promise<{ othersFirst: boolean; heavy: PromiseSettledResult<unknown> }> {
  let heavyDone = false;
  const settled = heavy.then(
    (value): PromiseSettledResult<unknown> => {
      heavyDone = true;
      return { status: 'fulfilled', value };
    },
    (reason): PromiseSettledResult<unknown> => {
      heavyDone = true;
      return { status: 'rejected', reason };
    },
  );
  await others();
  const othersFirst = !heavyDone;
  return { othersFirst, heavy: await settled };
}

/** Calls a busy analyst makes meanwhile: the list, an article, a highlight on another source. */
async function otherCalls(nb: OpenNotebook, sourceId: string): Promise<void> {
  const list = await call<SourceSummary[]>(nb.dispatch, 'listSources');
  expect(list.length).toBeGreaterThan(0);
  const doc = await call<{ text: string }>(nb.dispatch, 'getSource', { id: sourceId });
  expect(doc.text.length).toBeGreaterThan(100);
  await call(nb.dispatch, 'createHighlight', { sourceId, start: 0, end: 20 });
}

describe('streamed, byte-counted inflation', () => {
  it('a QDPX whose header claims 1 KB and inflates to 4 GB is stopped at the counted bytes', () => {
    const zip = lyingQdpx(1 / 1024, 4096);
    expect(zip.length).toBeLessThan(5 * 1024 * 1024);
    expect(() => importFile('liar.qdpx', zip)).toThrow(/"project\.qde" expands past the 1\.0 KB its header declares \(it may be a zip bomb\)/);
  });

  it('a stored entry larger than it declares is refused too, and a damaged stream is named damaged', () => {
    const stored = rawZip([{ name: 'project.qde', data: new Uint8Array(4096).fill(32), method: 0, declaredSize: 100 }]);
    expect(() => importFile('stored.qdpx', stored)).toThrow(/expands past the 100 bytes its header declares/);
    const garbage = rawZip([{ name: 'project.qde', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, declaredSize: 100 }]);
    expect(() => importFile('garbage.qdpx', garbage)).toThrow(/damaged/);
  });

  it('a Word file whose document.xml lies about its size is refused the same way', async () => {
    const docx = rawZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), method: 0, declaredSize: 8 },
      { name: 'word/document.xml', data: deflatedZeros(64), method: 8, declaredSize: 2048 },
    ]);
    const nb = await seededNotebook();
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('liar.docx', docx)] });
    expect(preview.files[0].ok).toBe(false);
    expect(preview.files[0].error).toMatch(/liar\.docx: the archive entry "word\/document\.xml" expands past the 2\.0 KB its header declares/);
  });
});

describe('heavy work leaves the other channels free', () => {
  it('while a hostile QDPX (declares 100 MB, inflates to 2 GB) is read, other calls answer; then it is refused and nothing changed', async () => {
    const nb = await seededNotebook();
    const [source] = await call<SourceSummary[]>(nb.dispatch, 'listSources');
    const before = await fingerprint(nb.dir);
    const zip = lyingQdpx(100, 2048);
    const { othersFirst, heavy } = await race(call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('bomb.qdpx', zip)] }), () => otherCalls(nb, source.id));
    expect(othersFirst).toBe(true);
    expect(heavy.status).toBe('fulfilled');
    const preview = (heavy as PromiseFulfilledResult<ImportPreview>).value;
    expect(preview.importable).toBe(0);
    expect(preview.files[0].error).toMatch(/bomb\.qdpx: the archive entry "project\.qde" expands past the 100\.0 MB its header declares \(it may be a zip bomb\)\. It was stopped there; the file was not opened\./);
    // Only the highlight made meanwhile changed the folder.
    const after = await fingerprint(nb.dir);
    expect(Object.keys(after).filter((k) => after[k] !== before[k] && !k.startsWith('backups')).every((k) => k === `sources/${source.id}.json` || k === 'catalog.json' || k.startsWith('summaries-'))).toBe(true);
  });

  it('while a 50 MB text is re-anchored, other calls answer; the highlights follow their passages', async () => {
    const text = paragraphsText();
    // Highlights spread over the text, each on a unique paragraph number; and a small second source.
    const marks = [10, 5_000, 100_000, 400_000];
    const snapshot = largeSnapshot(1, 20);
    const now = '2026-01-01T00:00:00.000Z';
    const highlights: Highlight[] = marks.map((i, k) => {
      const start = text.indexOf(`Paragraph ${i}:`);
      const d = describeRange(text, start, start + `Paragraph ${i}:`.length);
      return { id: `h-big-${k}`, sourceId: 'src-big', start: d.start, end: d.end, quote: d.quote, tagIds: [], note: null, orphan: false, createdAt: now, modifiedAt: now };
    });
    snapshot.sources.push({ meta: { ...snapshot.sources[0].meta, id: 'src-big', title: 'Big', contentHash: 'big' }, text, highlights, note: EMPTY_DOC });
    const nb = await notebookFrom(snapshot);
    const big = { id: 'src-big' };
    const other = { id: snapshot.sources[0].meta.id };
    // The new text: a preface, and a paragraph gone (the highlighted ones stay): every highlight moves.
    const edited = editedParagraphs(text);
    const { othersFirst, heavy } = await race(
      call<{ reanchored: number; orphaned: string[]; source: { highlights: Highlight[]; text: string } }>(nb.dispatch, 'updateSourceText', { sourceId: big.id, text: edited }),
      () => otherCalls(nb, other.id),
    );
    expect(othersFirst).toBe(true);
    expect(heavy.status).toBe('fulfilled');
    const result = (heavy as PromiseFulfilledResult<{ reanchored: number; orphaned: string[]; source: { highlights: Highlight[] } }>).value;
    expect(result.orphaned).toEqual([]);
    expect(result.reanchored).toBe(marks.length);
    for (const h of result.source.highlights) expect(edited.slice(h.start, h.end)).toBe(h.quote.exact);
    const meta = (await call<SourceSummary[]>(nb.dispatch, 'listSources')).find((s) => s.id === big.id)!;
    expect(meta.charCount).toBe(edited.length);
  }, 300_000);

  it('while a large QDPX (40 sources, 20,000 coded passages) is parsed and anchored, other calls answer', async () => {
    const nb = await seededNotebook();
    const [source] = await call<SourceSummary[]>(nb.dispatch, 'listSources');
    const { bytes } = exportQdpxArchive(largeSnapshot(40, 500), noteFormatter);
    const { othersFirst, heavy } = await race(call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('large.qdpx', bytes)] }), () => otherCalls(nb, source.id));
    expect(othersFirst).toBe(true);
    const preview = (heavy as PromiseFulfilledResult<ImportPreview>).value;
    expect(preview.files[0]).toMatchObject({ ok: true, sources: 40, highlights: 20_000, orphans: 0 });
  });
});

describe('the index worker and PDFs', () => {
  it('while a 50 MB source is indexed, other calls answer; the index worker reads the file itself, and search finds it', async () => {
    const snapshot = largeSnapshot(1, 20);
    const nb = await notebookFrom(snapshot);
    const other = snapshot.sources[0].meta.id;
    // A word found only in the big text, near its end.
    const text = `${paragraphsText(50 * 1024 * 1024 - 400)}The closing paragraph mentions quillwort.\n`;
    const sent: Array<{ op: string; longestString: number }> = [];
    const request = SearchWorker.prototype.request;
    SearchWorker.prototype.request = function (this: SearchWorker, req: Parameters<SearchWorker['request']>[0], transfer?: ArrayBuffer[]) {
      sent.push({ op: req.op, longestString: longestString(req) });
      return request.call(this, req, transfer);
    } as SearchWorker['request'];
    try {
      // The source written, then named in the catalog (as an import does): the catalog change sets off its indexing.
      const store = (nb.service as unknown as { store: NotebookStore }).store;
      await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: 'src-big', text, highlights: [], note: EMPTY_DOC });
      await store.updateCatalog((c) => {
        c.sources = [...c.sources, { ...snapshot.sources[0].meta, id: 'src-big', title: 'Big', contentHash: 'big' }];
      });
      const { othersFirst, heavy } = await race(nb.service.searchIndex.flush(), () => otherCalls(nb, other));
      expect(othersFirst).toBe(true);
      expect(heavy.status).toBe('fulfilled');
    } finally {
      SearchWorker.prototype.request = request;
    }
    // The backend sent the source's id; the text never went through a message (the longest string sent is small).
    expect(sent.map((s) => s.op)).toContain('applyFile');
    expect(sent.filter((s) => s.op === 'apply')).toEqual([]);
    expect(Math.max(...sent.map((s) => s.longestString))).toBeLessThan(100_000);
    const found = await call<{ groups: { source: Array<{ sourceId?: string }> } }>(nb.dispatch, 'search', { query: 'quillwort' });
    expect(found.groups.source.map((h) => h.sourceId)).toContain('src-big');
  }, 600_000);

  it('a PDF is read in the worker thread: its pages are reported, other calls answer meanwhile, pdf.js never loads on the backend thread', async () => {
    const pool = new WorkerPool({ size: 2 });
    const jobs: string[] = [];
    const spy: HeavyWork = {
      run: (kind, input, options) => {
        jobs.push(`${kind}:${(input as { name?: string }).name ?? ''}`);
        return pool.run(kind, input, options);
      },
      close: () => pool.close(),
    };
    const { NotebookService } = await import('../../electron/backend/service');
    const { createDispatcher } = await import('../../electron/backend/dispatch');
    const nb = await seededNotebook();
    await nb.service.close();
    const service = await NotebookService.open({ dataDir: nb.dir, seedsDir: 'seeds', version: 'test', heavyWork: spy });
    try {
      const dispatch = createDispatcher(service, () => {});
      const [source] = await call<SourceSummary[]>(dispatch, 'listSources');
      const pages = 150;
      const pdf = await makePdf({ title: 'A long report', pages: Array.from({ length: pages }, (_, p) => Array.from({ length: 30 }, (_, l) => `Page ${p + 1}, line ${l + 1}: the convoy waited at the crossing.`)) });
      const jobId = 'job-heavy-pdf';
      const preview = call<ImportPreview>(dispatch, 'previewImport', { files: [fileInput('long.pdf', pdf)], jobId });
      const { othersFirst, heavy } = await race(preview, async () => {
        // Once the worker is reading pages, the analyst goes on working.
        for (;;) {
          const p = await call<ImportProgress | null>(dispatch, 'importProgress', { jobId });
          if (p && p.page > 0) break;
          await new Promise((r) => setTimeout(r, 5));
        }
        await otherCalls({ ...nb, service, dispatch }, source.id);
      });
      expect(othersFirst).toBe(true);
      expect((heavy as PromiseFulfilledResult<ImportPreview>).value.files[0]).toMatchObject({ ok: true, title: 'A long report' });
      expect(jobs).toContain('parseImport:long.pdf');
      // pdf.js sets this global on the thread that loads it (documents/pdf.ts): never this one.
      expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
    } finally {
      await service.close();
      await pool.close();
    }
  }, 300_000);
});

describe('writing a large source file', () => {
  it('a change to a large source is written by the worker and renamed into place; a failed worker write falls back; both survive a restart', async () => {
    const snapshot = largeSnapshot(1, 20);
    snapshot.sources.push({ meta: { ...snapshot.sources[0].meta, id: 'src-big', title: 'Big', contentHash: 'big' }, text: paragraphsText(2_000_000), highlights: [], note: EMPTY_DOC });
    const nb = await notebookFrom(snapshot);
    await nb.service.close();
    const pool = new WorkerPool({ size: 2 });
    const jobs: string[] = [];
    let refuse = false;
    const spy: HeavyWork = {
      run: (kind, input, options) => {
        jobs.push(kind);
        if (refuse && kind === 'writeSourceFile') return Promise.reject(new Error('the worker could not write'));
        return pool.run(kind, input, options);
      },
      close: () => pool.close(),
    };
    const { NotebookService } = await import('../../electron/backend/service');
    const { createDispatcher } = await import('../../electron/backend/dispatch');
    let service = await NotebookService.open({ dataDir: nb.dir, seedsDir: 'seeds', version: 'test', heavyWork: spy });
    let first: Highlight;
    let second: Highlight;
    try {
      const dispatch = createDispatcher(service, () => {});
      first = await call<Highlight>(dispatch, 'createHighlight', { sourceId: 'src-big', start: 0, end: 9 });
      expect(jobs.filter((j) => j === 'writeSourceFile')).toHaveLength(1);
      // A small source is written on the backend's thread as before.
      await call(dispatch, 'createHighlight', { sourceId: snapshot.sources[0].meta.id, start: 0, end: 6 });
      expect(jobs.filter((j) => j === 'writeSourceFile')).toHaveLength(1);
      refuse = true;
      second = await call<Highlight>(dispatch, 'createHighlight', { sourceId: 'src-big', start: 10, end: 20 });
      expect(jobs.filter((j) => j === 'writeSourceFile')).toHaveLength(2);
    } finally {
      await service.close();
      await pool.close();
    }
    service = await NotebookService.open({ dataDir: nb.dir, seedsDir: 'seeds', version: 'test' });
    try {
      const big = await service.getSource({ id: 'src-big' });
      expect(big.highlights.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
      expect(big.text.length).toBe(snapshot.sources[1].text.length);
      expect((await readdir(join(nb.dir, 'sources'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await service.close();
    }
  }, 300_000);
});

/** The longest string anywhere in a message (an iterative walk). */
function longestString(value: unknown): number {
  let longest = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') longest = Math.max(longest, v.length);
    else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) stack.push(...Object.values(v as object));
  }
  return longest;
}

describe('the worker pool', () => {
  it('a job past its time is stopped with a clear message, and the pool goes on', async () => {
    const pool = new WorkerPool({ size: 1 });
    try {
      const err = await pool.run('spin', { ms: 120_000 }, { timeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerStoppedError);
      expect((err as WorkerStoppedError).reason).toBe('timeout');
      expect((err as Error).message).toBe('The test job took longer than 5 s and was stopped; nothing was changed.');
      expect(await pool.run('spin', { ms: 1 })).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('a job past its memory is stopped with a clear message', async () => {
    const pool = new WorkerPool({ size: 1, memoryMb: 48 });
    try {
      const err = await pool.run('hog', { mb: 4_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerStoppedError);
      expect((err as WorkerStoppedError).reason).toBe('memory');
      expect((err as Error).message).toMatch(/needed more than the 48 MB of memory it may use and was stopped; nothing was changed\./);
    } finally {
      await pool.close();
    }
  });

  it('an import stopped for time is refused per file; a re-anchoring stopped for time changes nothing', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 1 });
    const { NotebookService } = await import('../../electron/backend/service');
    const { createDispatcher } = await import('../../electron/backend/dispatch');
    const nb = await seededNotebook();
    await nb.service.close();
    const service = await NotebookService.open({ dataDir: nb.dir, seedsDir: 'seeds', version: 'test', heavyWork: pool });
    try {
      const dispatch = createDispatcher(service, () => {});
      const [source] = await call<SourceSummary[]>(dispatch, 'listSources');
      const before = await fingerprint(nb.dir);
      const preview = await call<ImportPreview>(dispatch, 'previewImport', { files: [fileInput('a.txt', 'Some text to import.')] });
      expect(preview.files[0].error).toMatch(/^a\.txt: the file could not be read \(Reading the file took longer than 1 ms and was stopped; nothing was changed\.\)/);
      const reply = await dispatch('updateSourceText', { sourceId: source.id, text: 'A new text.' });
      expect(reply).toMatchObject({ ok: false });
      expect(JSON.stringify(reply)).toMatch(/Re-anchoring the highlights to the new text took longer than 1 ms and was stopped; nothing was changed\./);
      expect(await fingerprint(nb.dir)).toEqual(before);
      // The source's other changes were not held up by the stopped one.
      await call(dispatch, 'createHighlight', { sourceId: source.id, start: 0, end: 10 });
    } finally {
      await service.close();
      await pool.close();
    }
  });
});

function largeSnapshot(sourceCount: number, perSource: number): NotebookSnapshot {
  const now = '2026-01-01T00:00:00.000Z';
  const sources: NotebookSnapshot['sources'] = [];
  for (let s = 0; s < sourceCount; s++) {
    const lines = Array.from({ length: perSource }, (_, i) => `Source ${s} line ${i}: the minister spoke about the border and trade routes.`);
    const text = lines.join('\n');
    const id = `src-large-${s}`;
    const highlights: Highlight[] = [];
    let at = 0;
    for (let i = 0; i < perSource; i++) {
      const d = describeRange(text, at, at + lines[i].indexOf(':'));
      highlights.push({ id: `h-${s}-${i}`, sourceId: id, start: d.start, end: d.end, quote: d.quote, tagIds: [], note: null, orphan: false, createdAt: now, modifiedAt: now });
      at += lines[i].length + 1;
    }
    const meta: SourceMeta = { id, title: `Large ${s}`, publisher: 'Bench', date: '2026-01-01', originalFile: `${id}.txt`, contentHash: `hash-${s}`, addedAt: now, furniture: [] };
    sources.push({ meta, text, highlights, note: EMPTY_DOC });
  }
  return { title: 'Large', exportedAt: now, tags: [], sources, projectNote: EMPTY_DOC };
}
