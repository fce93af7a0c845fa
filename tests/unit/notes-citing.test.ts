import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteDoc } from '../../core/model';
import { citedInSource } from '../../core/notes/cited-by';
import type { NotebookService } from '../../electron/backend/service';
import type { NotebookStore } from '../../electron/backend/store';
import { reopener } from './reopen';

// Issue 13: the warning before deleting a cited highlight names every note that cites it, in any source, and
// finding them reads only the files of the sources whose notes do (the catalog keeps what each source cites).

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-citing-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);
const RT = '001_b5be86838c25179b';
const EFE = '002_3d6a35bbe9bd0c1a';
const cites = (...ids: string[]): NoteDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'See' }] },
    ...ids.map((highlightId) => ({ type: 'blockquote', content: [{ type: 'citation', attrs: { highlightId, sourceId: RT, quote: 'q', sourceTitle: 't', tags: [], deleted: false } }] })),
  ],
});
const plain: NoteDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nothing cited' }] }] };
const storeOf = (s: NotebookService) => (s as unknown as { store: NotebookStore }).store;

async function sourceIds(service: NotebookService): Promise<string[]> {
  return (await service.listSources()).map((s) => s.id);
}

describe('notesCiting', () => {
  it('finds citations in the project notebook, other sources’ notebooks and other sources’ highlight notes', async () => {
    let service = await open();
    const ids = await sourceIds(service);
    const third = ids.find((id) => id !== RT && id !== EFE)!;
    const cited = await service.createHighlight({ sourceId: RT, start: 0, end: 20 });
    const citing = await service.createHighlight({ sourceId: EFE, start: 0, end: 30 });
    await service.setHighlightNote({ sourceId: EFE, highlightId: citing.id, note: cites(cited.id) });
    await service.saveSourceNote({ sourceId: third, doc: cites(cited.id) });
    await service.saveProjectNote({ doc: cites(cited.id) });
    const expected = {
      project: true,
      places: expect.arrayContaining([
        { sourceId: EFE, sourceTitle: expect.any(String), highlightId: citing.id, quote: citing.quote.exact },
        { sourceId: third, sourceTitle: expect.any(String), highlightId: null, quote: null },
      ]),
    };
    const now = await service.notesCiting({ highlightId: cited.id });
    expect(now).toEqual(expected);
    expect(now.places).toHaveLength(2);

    // After a restart the answer is the same, and only the two citing sources' files were read for it.
    service = await open();
    expect(storeOf(service).cachedSources).toBe(0);
    const after = await service.notesCiting({ highlightId: cited.id });
    expect(after).toEqual(expected);
    expect(storeOf(service).cachedSources).toBe(2);

    // A citation taken out of a note is no longer reported, after a restart too.
    await service.setHighlightNote({ sourceId: EFE, highlightId: citing.id, note: plain });
    await service.saveProjectNote({ doc: plain });
    service = await open();
    const later = await service.notesCiting({ highlightId: cited.id });
    expect(later.project).toBe(false);
    expect(later.places.map((p) => p.sourceId)).toEqual([third]);
  });

  it('a highlight cited nowhere: nothing reported, no source file read', async () => {
    let service = await open();
    const h = await service.createHighlight({ sourceId: RT, start: 0, end: 20 });
    service = await open();
    expect(await service.notesCiting({ highlightId: h.id })).toEqual({ project: false, places: [] });
    expect(storeOf(service).cachedSources).toBe(0);
  });

  it('a notebook written before citations were kept: every source is read once, then the catalog knows', async () => {
    let service = await open();
    const cited = await service.createHighlight({ sourceId: RT, start: 0, end: 20 });
    await service.saveSourceNote({ sourceId: EFE, doc: cites(cited.id) });
    await service.close();
    // Make the files look as an older version wrote them: no citations in the catalog, no `k` in the logs.
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as Record<string, unknown>;
    delete catalog.citations;
    delete catalog.citationsUnknown;
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
    for (const name of await readdir(dir)) {
      if (!name.startsWith('summaries-')) continue;
      const lines = (await readFile(join(dir, name), 'utf8')).split('\n').filter(Boolean);
      await writeFile(join(dir, name), lines.map((l) => JSON.stringify({ ...JSON.parse(l), k: undefined })).join('\n') + '\n');
    }
    service = await open();
    const total = (await sourceIds(service)).length;
    expect((await service.notesCiting({ highlightId: cited.id })).places.map((p) => p.sourceId)).toEqual([EFE]);
    expect(storeOf(service).cachedSources).toBe(total);
    await service.saveProjectNote({ doc: plain }); // any catalog write records what was learnt
    service = await open();
    expect((await service.notesCiting({ highlightId: cited.id })).places.map((p) => p.sourceId)).toEqual([EFE]);
    expect(storeOf(service).cachedSources).toBe(1);
  });
});

describe('citedInSource', () => {
  it('collects the ids cited by the source notebook and every highlight note, once each, sorted', () => {
    expect(citedInSource({ note: cites('b', 'a'), highlights: [{ note: cites('c', 'a') }, { note: null }] })).toEqual(['a', 'b', 'c']);
    expect(citedInSource({ note: plain, highlights: [] })).toEqual([]);
  });
});
