import { afterAll, describe, expect, it } from 'vitest';
import { editedParagraphs, paragraphsText } from '../../scripts/bench/fixtures/big-text';
import { describeRange } from '../../core/anchoring/describe';
import { exportQdpxArchive } from '../../core/export/refi-qda';
import { importFile } from '../../core/import';
import { EMPTY_DOC, type Highlight, type NotebookSnapshot, type SourceMeta } from '../../core/model';
import { noteFormatter } from '../../electron/backend/exchange/formats';
import { WorkerPool, WorkerStoppedError } from '../../electron/backend/workers/pool';
import { deflatedZeros, lyingQdpx, rawZip } from '../support/hostile-zip';
import { call, cleanUp, fileInput, fingerprint, notebookFrom, seededNotebook, type OpenNotebook } from './exchange-helpers';
import type { ImportPreview } from '../../core/exchange/api';
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
