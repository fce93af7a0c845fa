import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../core/exchange/api';
import { fixtureSnapshot } from './export-fixture';
import { call, cleanUp, describeNotebook, emptyNotebook, exportTo, fileInput, importFiles, notebookFrom, tempDir, type OpenNotebook } from './exchange-helpers';

/**
 * Issue 6's round trips, through the service and dispatcher on real folders: the whole notebook exported to W3C
 * JSON and to QDPX, each file imported into an empty notebook, gives the same sources, tags (names, kinds, colours,
 * tree), highlights (same passages, tags and note text) and notes (same text).
 */

afterAll(cleanUp);

async function roundTrip(format: 'w3c' | 'qdpx'): Promise<{ a: OpenNotebook; b: OpenNotebook; summary: ImportSummary }> {
  const a = await notebookFrom(fixtureSnapshot());
  const out = join(await tempDir(), `notebook.${format === 'w3c' ? 'json' : 'qdpx'}`);
  const job = await exportTo(a.dispatch, { scope: { kind: 'notebook' }, format, path: out });
  expect(job.state).toBe('done');
  expect(job.paths).toEqual([out]);
  const b = await emptyNotebook();
  const summary = await importFiles(b.dispatch, [fileInput(`notebook.${format === 'w3c' ? 'json' : 'qdpx'}`, await readFile(out))]);
  return { a, b, summary };
}

describe('W3C Web Annotation round trip', () => {
  it('brings back the same sources, tags, highlights (orphan included) and notes', async () => {
    const { a, b, summary } = await roundTrip('w3c');
    const before = await describeNotebook(a.service);
    const after = await describeNotebook(b.service);
    expect(after.sources).toEqual(before.sources);
    expect(after.tags).toEqual(before.tags);
    expect(after.highlights).toEqual(before.highlights);
    expect(after.projectNote).toBe(before.projectNote);
    expect(before.highlights).toHaveLength(14);
    expect(before.highlights.filter((h) => h.includes('| orphan: '))).toHaveLength(1);
    expect(summary).toMatchObject({ sourcesAdded: 6, highlightsAdded: 14, orphans: 1, tagsAdded: 12, sourcesSkipped: 0 });
  });

  it('keeps rich notes and points citations at the imported highlights', async () => {
    const { b } = await roundTrip('w3c');
    const list = await b.service.listSources();
    const docs = await Promise.all(list.map((s) => b.service.getSource({ id: s.id })));
    const byId = new Map(docs.flatMap((d) => d.highlights.map((h) => [h.id, { h, title: d.meta.title }] as const)));
    const citations = [
      ...docs.flatMap((d) => d.highlights.flatMap((h) => (h.note?.content ?? []) as Array<{ type: string; attrs?: Record<string, string> }>)),
      ...(((await b.service.getProjectNote()).content ?? []) as Array<{ type: string; attrs?: Record<string, string> }>),
    ].filter((n) => n.type === 'citation');
    expect(citations).toHaveLength(3);
    for (const c of citations) {
      const target = byId.get(c.attrs!.highlightId);
      expect(target, `citation of ${c.attrs!.quote}`).toBeDefined();
      expect(target!.h.sourceId).toBe(c.attrs!.sourceId);
      expect(target!.h.quote.exact).toBe(c.attrs!.quote);
      expect(target!.title).toBe(c.attrs!.sourceTitle);
    }
  });
});

describe('REFI-QDA (QDPX) round trip', () => {
  it('brings back the same sources, tags, passages and note text; orphans, which QDPX cannot hold, are reported', async () => {
    const { a, b, summary } = await roundTrip('qdpx');
    const before = await describeNotebook(a.service, { orphans: false });
    const after = await describeNotebook(b.service);
    expect(after.sources).toEqual(before.sources);
    expect(after.tags).toEqual(before.tags);
    expect(after.highlights).toEqual(before.highlights);
    expect(after.projectNote).toBe(before.projectNote);
    expect(summary).toMatchObject({ sourcesAdded: 6, highlightsAdded: 13, orphans: 0, tagsAdded: 12 });
  });

  it('the export job says that orphans were left out', async () => {
    const a = await notebookFrom(fixtureSnapshot());
    const job = await exportTo(a.dispatch, { scope: { kind: 'notebook' }, format: 'qdpx', path: join(await tempDir(), 'x.qdpx') });
    expect(job.warnings).toEqual(['1 orphaned highlight left out: REFI-QDA has no place for a passage that is not found in its text.']);
  });
});

describe('importing into a notebook that already has things', () => {
  it('importing the same export again skips the duplicate sources and adds no highlight twice', async () => {
    const a = await notebookFrom(fixtureSnapshot());
    const out = join(await tempDir(), 'n.json');
    await exportTo(a.dispatch, { scope: { kind: 'notebook' }, format: 'w3c', path: out });
    const before = await describeNotebook(a.service);
    const preview = await call<{ previewId: string; duplicates: number }>(a.dispatch, 'previewImport', { files: [fileInput('n.json', await readFile(out))] });
    expect(preview.duplicates).toBe(6);
    const summary = await call<ImportSummary>(a.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary).toMatchObject({ sourcesAdded: 0, sourcesSkipped: 6, highlightsAdded: 0, highlightsAlreadyThere: 14, tagsAdded: 0, tagsMatched: 12 });
    expect(await describeNotebook(a.service)).toEqual(before);
  });

  it('highlights of a skipped duplicate join the notebook’s copy, anchored there, with tags matched by name', async () => {
    // A colleague's notebook: the same article, their own highlight and a tag the notebook also has.
    const snapshot = fixtureSnapshot();
    const theirs = { ...snapshot, sources: snapshot.sources.filter((s) => s.meta.id === 'emoji-src') };
    const a = await notebookFrom(theirs);
    const out = join(await tempDir(), 'colleague.json');
    await exportTo(a.dispatch, { scope: { kind: 'notebook' }, format: 'w3c', path: out });

    const mine = { ...snapshot, sources: snapshot.sources.filter((s) => s.meta.id === 'emoji-src').map((s) => ({ ...s, highlights: s.highlights.slice(0, 1) })) };
    const b = await notebookFrom(mine);
    const summary = await importFiles(b.dispatch, [fileInput('colleague.json', await readFile(out))]);
    expect(summary).toMatchObject({ sourcesAdded: 0, sourcesSkipped: 1, highlightsAdded: 2, highlightsAlreadyThere: 1, tagsAdded: 0 });
    const doc = await b.service.getSource({ id: 'emoji-src' });
    expect(doc.highlights.map((h) => doc.text.slice(h.start, h.end))).toEqual(theirs.sources[0].highlights.map((h) => h.quote.exact));
    expect(doc.highlights.every((h) => !h.orphan)).toBe(true);
  });

  it('ids that collide with the notebook’s are re-keyed, so nothing is overwritten', async () => {
    const a = await notebookFrom(fixtureSnapshot());
    const out = join(await tempDir(), 'n.json');
    await exportTo(a.dispatch, { scope: { kind: 'notebook' }, format: 'w3c', path: out });
    const summary = await importFiles(a.dispatch, [fileInput('n.json', await readFile(out))], false);
    expect(summary).toMatchObject({ sourcesAdded: 6, sourcesSkipped: 0, highlightsAdded: 14 });
    const list = await a.service.listSources();
    expect(list).toHaveLength(12);
    expect(new Set(list.map((s) => s.id)).size).toBe(12);
    const all = (await Promise.all(list.map((s) => a.service.getSource({ id: s.id })))).flatMap((d) => d.highlights.map((h) => h.id));
    expect(new Set(all).size).toBe(28);
    // The originals are as they were.
    const original = await a.service.getSource({ id: 'seed-000' });
    expect(original.highlights.map((h) => h.id).sort()).toEqual(fixtureSnapshot().sources[0].highlights.map((h) => h.id).sort());
  });
});
