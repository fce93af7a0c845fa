import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, type SourceMeta } from '../../core/model';
import { makeSearchNotebook } from '../../scripts/bench/fixtures/search';
import { NotebookService } from '../../electron/backend/service';
import type { NotebookStore } from '../../electron/backend/store';

// Issue 20: the search index loads in a worker thread; channels that need no index answer while it loads, and the
// channels that use it read only the source files that hold the answer.

const SOURCES = 1_000;
let template: string;
const dirs: string[] = [];
const services: NotebookService[] = [];

/** The seeds plus SOURCES generated sources (~5 KB, 10 highlights each), written as the store writes them. */
beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'notebook-worker-'));
  await (await NotebookService.open({ dataDir: template, seedsDir: resolve('seeds'), version: 'test' })).close();
  const catalogPath = join(template, 'catalog.json');
  const catalog = JSON.parse(await readFile(catalogPath, 'utf8')) as { sources: SourceMeta[]; tags: Array<{ id: string }> };
  const generated = makeSearchNotebook(7, SOURCES, SOURCES * 10);
  const known = new Set(catalog.tags.map((t) => t.id));
  catalog.tags.push(...generated.tags.filter((t) => !known.has(t.id)));
  for (const [i, s] of generated.sources.entries()) {
    const id = `gen-${String(i).padStart(5, '0')}`;
    const highlights = s.highlights.map((h, k) => ({ ...h, id: `h-gen-${i}-${k}`, sourceId: id }));
    await writeFile(join(template, 'sources', `${id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, id, text: s.text, highlights, note: s.note }));
    catalog.sources.push({ ...s.meta, id, originalFile: `${id}.txt`, contentHash: `${id}-hash` });
  }
  await writeFile(catalogPath, JSON.stringify(catalog));
  dirs.push(template);
});

afterEach(async () => {
  for (const s of services.splice(0)) await s.close().catch(() => {});
});
afterEach(async () => {
  for (const d of dirs.splice(1)) await rm(d, { recursive: true, force: true });
});
process.on('exit', () => void rm(template, { recursive: true, force: true }));

async function open(options: { gate?: SharedArrayBuffer } = {}): Promise<NotebookService> {
  const service = await NotebookService.open({ dataDir: template, seedsDir: resolve('seeds'), version: 'test', searchLoadGate: options.gate });
  services.push(service);
  return service;
}

/** The source files the backend reads from now on (ids, each once). */
function readsOf(service: NotebookService): Set<string> {
  const store = (service as unknown as { store: NotebookStore }).store;
  const read = new Set<string>();
  const original = store.readSource.bind(store);
  vi.spyOn(store, 'readSource').mockImplementation((id: string) => {
    read.add(id);
    return original(id);
  });
  return read;
}

describe('the search index in its worker', () => {
  it('while it loads (held in its thread), the list, a source, a new highlight and the search status answer; then search finds the new highlight', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const service = await open({ gate: gate.buffer as SharedArrayBuffer });
    const events: string[] = [];
    const loaded = service.searchIndex.whenLoaded().then(() => events.push('index loaded'));

    const list = await service.listSources();
    events.push('listSources');
    expect(list).toHaveLength(SOURCES + 5);
    const doc = await service.getSource({ id: 'gen-00042' });
    events.push('getSource');
    const phrase = doc.text.slice(100, 160);
    const made = await service.createHighlight({ sourceId: 'gen-00042', start: 100, end: 160 });
    events.push('createHighlight');
    const status = await service.searchStatus();
    expect(status.ready).toBe(false);
    const partial = await service.search({ query: 'border', partial: true });
    expect(partial.ready).toBe(false);
    events.push('search (partial)');
    // The codebook does not wait for the index (a tag picker works at once): tags now, counts marked pending.
    const codebook = await service.listTags();
    expect(codebook.tags.length).toBeGreaterThan(5);
    expect(codebook.countsPending).toBe(true);
    expect(Object.keys(codebook.counts).sort()).toEqual(codebook.tags.map((t) => t.id).sort());
    events.push('listTags (pending)');
    expect(events).toEqual(['listSources', 'getSource', 'createHighlight', 'search (partial)', 'listTags (pending)']);

    // Let the worker go: it loads, checks every file, and indexes what changed meanwhile.
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await loaded;
    expect(events.at(-1)).toBe('index loaded');
    expect((await service.searchStatus()).ready).toBe(true);
    expect((await service.listTags()).countsPending).toBeUndefined();
    const found = await service.search({ query: `"${phrase.split(/\s+/).slice(1, 4).join(' ')}"`, facets: { sourceIds: ['gen-00042'] } });
    expect(found.groups.highlight.map((h) => h.highlightId)).toContain(made.id);
    await service.deleteHighlight({ sourceId: 'gen-00042', highlightId: made.id });
  });

  it('resolveHighlights reads only the sources holding the highlights asked for', async () => {
    await (await open()).searchIndex.flush();
    await services.pop()!.close();
    const service = await open();
    await service.searchIndex.whenLoaded();
    const reads = readsOf(service);
    const resolved = await service.resolveHighlights({ ids: ['h-gen-10-3', 'h-gen-900-0', 'h-gen-900-9', 'h-none'] });
    expect(resolved['h-gen-10-3']?.sourceId).toBe('gen-00010');
    expect(resolved['h-gen-900-9']?.sourceId).toBe('gen-00900');
    expect(resolved['h-none']).toBeNull();
    expect([...reads].sort()).toEqual(['gen-00010', 'gen-00900']);
  });

  it('retrieve counts over every source but reads only the sources on the page', async () => {
    const service = await open();
    await service.searchIndex.whenLoaded();
    const tag = (await service.listTags()).tags.find((t) => t.kind === 'theme' && t.parentId !== null)!;
    const reads = readsOf(service);
    const result = await service.retrieve({ query: `"${tag.name}"`, limit: 5 });
    expect(result.counts.segments).toBeGreaterThan(5);
    expect(result.segments).toHaveLength(5);
    expect(result.counts.sources).toBeGreaterThan(5);
    expect(reads).toEqual(new Set(result.segments.map((s) => s.sourceId)));
    // The rows carry the stored highlight and its context, as reading every file gave.
    const first = result.segments[0];
    const file = await service.getSource({ id: first.sourceId });
    const stored = file.highlights.find((h) => h.id === first.highlight.id)!;
    expect(first.highlight).toEqual(stored);
    expect(first.quote).toBe(file.text.slice(stored.start, stored.end));
  });

  it('the codebook counts come from the index: listTags reads no source file, and equals a count over every file', async () => {
    const service = await open();
    await service.searchIndex.whenLoaded();
    const reads = readsOf(service);
    const { tags, counts } = await service.listTags();
    expect(reads.size).toBe(0);
    // The same numbers as counting every file (the first version's way).
    const { countTags } = await import('../../core/tags/tag-counts');
    const all = [];
    for (const s of await service.listSources()) all.push((await service.getSource({ id: s.id })).highlights);
    expect(counts).toEqual(countTags(tags, all));
    expect(Object.values(counts).some((c) => c.highlights > 0)).toBe(true);
  });
});
