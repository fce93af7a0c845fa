import { describe, expect, it } from 'vitest';
import { anchor } from '../../core/anchoring';
import { makeBenchSnapshot } from '../../scripts/bench/fixtures/export';
import { tagNamePaths } from '../../core/export/common';
import { exportQdpxArchive } from '../../core/export/refi-qda';
import { exportW3C, exportW3CBytes, serializeW3C } from '../../core/export/w3c';
import { importFile, type ImportedNotebook } from '../../core/import';
import type { NotebookSnapshot } from '../../core/model';
import { fixtureSnapshot, plain, testFormatter, testParser } from './export-fixture';

/**
 * Round trips: the whole notebook exported to W3C JSON and to QDPX, each imported into an empty notebook, gives the
 * same sources, tags (names, kinds, colours, tree), highlights (same passages, once anchored) and notes (same text).
 */

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function treeOf(tags: NotebookSnapshot['tags']): string[] {
  const paths = tagNamePaths(tags);
  return tags.map((t) => `${paths.get(t.id)?.join(' > ')} | ${t.kind} | ${t.color} | ${t.description} | ${t.aliases.join(';')}`).sort();
}

/** Each highlight as its source title, passage, tag paths and note text, after anchoring as the backend does. */
function passages(n: { sources: Array<{ id: string; title: string; text: string }>; tags: NotebookSnapshot['tags'] }, highlights: ImportedNotebook['highlights']): string[] {
  const paths = tagNamePaths(n.tags);
  return highlights
    .map((h) => {
      const s = n.sources.find((x) => x.id === h.sourceRef)!;
      const found = h.unanchorable ? null : anchor(s.text, h);
      const passage = found ? s.text.slice(found.start, found.end) : `orphan: ${h.quote.exact}`;
      const tags = h.tagIds.map((id) => paths.get(id)?.join('/')).sort();
      return `${s.title} | ${passage} | ${tags.join(', ')} | ${plain(h.note)}`;
    })
    .sort();
}

function expected(snapshot: NotebookSnapshot, withOrphans: boolean): string[] {
  const paths = tagNamePaths(snapshot.tags);
  return snapshot.sources
    .flatMap((s) =>
      s.highlights
        .filter((h) => withOrphans || !h.orphan)
        .map((h) => {
          const passage = h.orphan ? `orphan: ${h.quote.exact}` : s.text.slice(h.start, h.end);
          const tags = h.tagIds.map((id) => paths.get(id)?.join('/')).sort();
          return `${s.meta.title} | ${passage} | ${tags.join(', ')} | ${plain(h.note)}`;
        }),
    )
    .sort();
}

function checkSourcesAndTags(snapshot: NotebookSnapshot, imported: ImportedNotebook): void {
  expect(imported.sources.map((s) => [s.title, s.publisher, s.date, s.originalFile, s.text, s.contentHash, plain(s.note)])).toEqual(
    snapshot.sources.map((s) => [s.meta.title, s.meta.publisher, s.meta.date, s.meta.originalFile, s.text, s.meta.contentHash, plain(s.note)]),
  );
  expect(treeOf(imported.tags)).toEqual(treeOf(snapshot.tags));
  expect(plain(imported.projectNote)).toBe(plain(snapshot.projectNote));
  expect(imported.missingSources).toEqual([]);
}

describe('round trip through W3C Web Annotation JSON', () => {
  const snapshot = fixtureSnapshot();
  const json = serializeW3C(exportW3C(snapshot, testFormatter));
  const imported = importFile('notebook.json', utf8(json), { notes: testParser });

  it('brings back the same sources, tags, tree, kinds, colours and notebooks', () => {
    expect(imported.format).toBe('w3c');
    expect(imported.title).toBe(snapshot.title);
    checkSourcesAndTags(snapshot, imported);
    expect(imported.tags.map((t) => t.id).sort()).toEqual(snapshot.tags.map((t) => t.id).sort());
    expect(imported.sources.map((s) => s.id)).toEqual(snapshot.sources.map((s) => s.meta.id));
  });

  it('brings back every highlight on the same passage with the same tags and note text, orphan included', () => {
    expect(imported.highlights).toHaveLength(snapshot.sources.flatMap((s) => s.highlights).length);
    expect(passages(imported, imported.highlights)).toEqual(expected(snapshot, true));
    const emoji = imported.highlights.filter((h) => h.sourceRef === 'emoji-src');
    const original = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!.highlights;
    expect(emoji.map((h) => [h.start, h.end])).toEqual(original.map((h) => [h.start, h.end]));
    expect(imported.warnings).toEqual([]);
  });
});

describe('round trip through REFI-QDA (QDPX)', () => {
  const snapshot = fixtureSnapshot();
  const { bytes, skippedOrphans } = exportQdpxArchive(snapshot, testFormatter);
  const imported = importFile('notebook.qdpx', bytes, { notes: testParser });

  it('brings back the same sources, tags, tree, kinds, colours, aliases and notebooks', () => {
    expect(imported.format).toBe('qdpx');
    expect(imported.title).toBe(snapshot.title);
    checkSourcesAndTags(snapshot, imported);
    expect(imported.warnings).toEqual([]);
  });

  it('brings back every anchored highlight on the same passage with the same tags and note text', () => {
    expect(skippedOrphans).toBe(1);
    expect(imported.highlights.every((h) => !h.unanchorable)).toBe(true);
    expect(passages(imported, imported.highlights)).toEqual(expected(snapshot, false));
    // Positions and quotes come straight from the code point offsets, context included.
    const emoji = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!;
    const src = imported.sources.find((s) => s.title === emoji.meta.title)!;
    const back = imported.highlights.filter((h) => h.sourceRef === src.id).sort((a, b) => a.start - b.start);
    expect(back.map((h) => [h.start, h.end, h.quote])).toEqual(emoji.highlights.map((h) => [h.start, h.end, h.quote]));
  });

  it('gives the same ids when the same file is imported again', () => {
    const again = importFile('copy.qdpx', bytes, { notes: testParser });
    expect(again.highlights.map((h) => h.id)).toEqual(imported.highlights.map((h) => h.id));
    expect(again.tags.map((t) => t.id)).toEqual(imported.tags.map((t) => t.id));
  });
});

describe('round trip of a generated notebook (emoji all through, many overlaps)', () => {
  const snapshot = makeBenchSnapshot({ sources: 20, highlights: 2_000, seed: 7 });

  it('W3C and QDPX both bring back every passage', () => {
    const w3c = importFile('bench.json', exportW3CBytes(snapshot, testFormatter), { notes: testParser });
    expect(w3c.highlights).toHaveLength(2_000);
    const qdpx = importFile('bench.qdpx', exportQdpxArchive(snapshot, testFormatter).bytes, { notes: testParser });
    const anchored = snapshot.sources.flatMap((s) => s.highlights).filter((h) => !h.orphan);
    expect(qdpx.highlights).toHaveLength(anchored.length);
    for (const n of [w3c, qdpx]) {
      const texts = new Map(n.sources.map((s) => [s.id, s.text]));
      const got = n.highlights.filter((h) => h.quote.exact && texts.get(h.sourceRef)!.slice(h.start, h.end) === h.quote.exact);
      expect(got.length).toBeGreaterThanOrEqual(anchored.length);
    }
  });
});
