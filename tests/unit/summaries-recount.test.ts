import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countSource, type Highlight } from '../../core/model';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';
import { createDispatcher } from '../../electron/backend/dispatch';
import type { NotebookService } from '../../electron/backend/service';
import type { NotebookStore } from '../../electron/backend/store';
import { call, exportTo, fileInput } from './exchange-helpers';
import { reopener } from './reopen';

// Issue 20: the catalog's per-source summaries (highlights, orphans, length) stay equal to a count of the files,
// whatever happens: highlights made, deleted and undone, texts replaced (orphans), sources deleted and undone,
// imports of new sources and of annotations onto existing ones, restores from backups, restarts.

let dir: string;
let exports: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-recount-'));
  exports = await mkdtemp(join(tmpdir(), 'notebook-recount-exports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(exports, { recursive: true, force: true });
});
const open = reopener(() => dir);

/** What the source list says of each source, and what counting every file on disk gives. */
async function listedAndRecounted(service: NotebookService): Promise<{ listed: Record<string, number[]>; recounted: Record<string, number[]> }> {
  const listed: Record<string, number[]> = {};
  for (const s of await service.listSources()) listed[s.id] = [s.highlightCount, s.orphanCount, s.charCount];
  const recounted: Record<string, number[]> = {};
  const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as { sources: Array<{ id: string }> };
  const onDisk = new Set(await readdir(join(dir, 'sources')));
  // The catalog on disk may lag the one in memory by a moment; the list names the sources, the files hold the truth.
  for (const id of Object.keys(listed)) {
    expect(onDisk.has(`${id}.json`), `file of ${id}`).toBe(true);
    const c = countSource(JSON.parse(await readFile(join(dir, 'sources', `${id}.json`), 'utf8')));
    recounted[id] = [c.highlightCount, c.orphanCount, c.charCount];
  }
  expect(catalog.sources.length).toBeGreaterThan(0);
  return { listed, recounted };
}

async function expectExact(service: NotebookService, step: string): Promise<void> {
  const { listed, recounted } = await listedAndRecounted(service);
  expect(listed, `after ${step}`).toEqual(recounted);
}

describe('catalog summaries', () => {
  it('equal a full recount after 120 random mixed operations, including undo, import, restore and restarts', async () => {
    let service = await open();
    const random = seededRandom(20);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const undoable: Array<() => Promise<unknown>> = [];
    let w3cExport: string | null = null;
    let backupId: string | null = null;
    let imported = 0;
    const log: string[] = [];

    for (let step = 0; step < 120; step++) {
      const sources = await service.listSources();
      const source = pick(sources);
      const roll = random();
      let what: string;
      if (roll < 0.3) {
        // A few highlights at once, on one or two sources (parallel calls).
        what = 'create highlights';
        const made = await Promise.all(
          Array.from({ length: 1 + Math.floor(random() * 4) }, async () => {
            const s = pick(sources);
            const start = Math.floor(random() * Math.max(1, s.charCount - 40));
            return service.createHighlight({ sourceId: s.id, start, end: start + 5 + Math.floor(random() * 30) });
          }),
        );
        for (const h of made) undoable.push(() => service.deleteHighlight({ sourceId: h.sourceId, highlightId: h.id }));
      } else if (roll < 0.42) {
        what = 'delete a highlight';
        const doc = await service.getSource({ id: source.id });
        if (!doc.highlights.length) continue;
        const { deleted } = await service.deleteHighlight({ sourceId: source.id, highlightId: pick(doc.highlights).id });
        undoable.push(() => service.restoreHighlight({ highlight: deleted }));
      } else if (roll < 0.54) {
        what = 'undo';
        const undo = undoable.pop();
        if (!undo) continue;
        await undo().catch(() => {}); // the thing undone may be gone by now (a restore): nothing to count then
      } else if (roll < 0.62) {
        what = 'replace a text (orphans)';
        const doc = await service.getSource({ id: source.id });
        const cut = Math.floor(random() * doc.text.length);
        const text = `${doc.text.slice(0, Math.floor(cut / 2))}${doc.text.slice(cut)} — revised ${step}`;
        await service.updateSourceText({ sourceId: source.id, text });
        undoable.push(() => service.updateSourceText({ sourceId: source.id, text: doc.text }));
      } else if (roll < 0.68) {
        what = 're-attach an orphan';
        const doc = await service.getSource({ id: source.id });
        const orphan = doc.highlights.find((h: Highlight) => h.orphan);
        if (!orphan) continue;
        await service.reattachHighlight({ sourceId: source.id, highlightId: orphan.id, start: 0, end: 10 });
      } else if (roll < 0.75) {
        what = 'delete sources';
        if (sources.length < 4) continue;
        const ids = [...new Set([pick(sources).id, pick(sources).id])];
        const { trashId } = await service.deleteSources({ sourceIds: ids });
        undoable.push(() => service.restoreSources({ trashId }));
      } else if (roll < 0.82) {
        what = 'import';
        const dispatch = createDispatcher(service);
        if (w3cExport && random() < 0.5) {
          // Annotations exported earlier come back onto the sources they were made on.
          const preview = await call<{ previewId: string }>(dispatch, 'previewImport', { files: [fileInput('earlier.jsonld', await readFile(w3cExport))] });
          await call(dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
        } else {
          imported++;
          const text = `Imported article ${imported}\n\nMarch ${1 + (imported % 27)}, 2022\n\n${'The border crossing reopened after talks. '.repeat(5 + imported)}`;
          const preview = await call<{ previewId: string }>(dispatch, 'previewImport', { files: [fileInput(`imported-${imported}.txt`, text)] });
          await call(dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
        }
      } else if (roll < 0.87) {
        what = 'export annotations (for a later import)';
        w3cExport = join(exports, `export-${step}.jsonld`);
        await exportTo(createDispatcher(service), { scope: { kind: 'notebook' }, format: 'w3c', path: w3cExport });
      } else if (roll < 0.92) {
        if (backupId && random() < 0.6) {
          what = 'restore a backup';
          await service.restoreBackup({ id: backupId });
          undoable.length = 0; // a restore is undone by restoring its before-restore backup, not step by step
        } else {
          what = 'take a backup';
          backupId = (await service.createBackup()).id;
        }
      } else {
        what = 'restart';
        service = await open();
        undoable.length = 0;
      }
      log.push(`${step}: ${what}`);
      await expectExact(service, log.slice(-3).join(', '));
    }
    // Every kind of operation happened.
    for (const kind of ['create highlights', 'delete a highlight', 'undo', 'replace a text (orphans)', 'delete sources', 'import', 'restore a backup', 'restart']) {
      expect(log.some((l) => l.endsWith(kind)), kind).toBe(true);
    }
    // And across a restart: the catalog and its logs on disk hold the same counts.
    service = await open();
    await expectExact(service, 'the last restart');
  });

  it('a restore from a backup reads and counts again only the sources it changed', async () => {
    const service = await open();
    const sources = await service.listSources();
    const [a, b] = sources;
    await service.createHighlight({ sourceId: a.id, start: 0, end: 12 });
    const { id } = await service.createBackup();
    await service.createHighlight({ sourceId: b.id, start: 5, end: 25 });
    await service.createHighlight({ sourceId: b.id, start: 30, end: 45 });
    const store = (service as unknown as { store: NotebookStore }).store;
    const read = new Set<string>();
    const original = store.readSource.bind(store);
    vi.spyOn(store, 'readSource').mockImplementation((sourceId: string) => {
      read.add(sourceId);
      return original(sourceId);
    });
    await service.restoreBackup({ id });
    expect([...read]).toEqual([b.id]);
    await expectExact(service, 'the restore');
    const listed = new Map((await service.listSources()).map((s) => [s.id, s.highlightCount]));
    expect([listed.get(a.id), listed.get(b.id)]).toEqual([1, 0]);
  });
});
