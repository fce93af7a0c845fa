import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countSource, type NoteDoc } from '../../core/model';
import { NotebookService } from '../../electron/backend/service';
import { reopener } from './reopen';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

// Issue 11: whatever the backend acknowledges is on disk after a restart, under any interleaving of calls.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-ack-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);
const EFE = '002_3d6a35bbe9bd0c1a';
const RT = '001_b5be86838c25179b';
const note = (text: string): NoteDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A fresh backend on a notebook whose sources it has not read yet (as after every start). */
async function freshBackend(): Promise<NotebookService> {
  await open();
  return open();
}

async function textOf(service: NotebookService, id: string): Promise<string> {
  return (await service.getSource({ id })).text;
}

describe('concurrent calls on one source', () => {
  it('1,000 createHighlight calls at once on an unread source: all 1,000 on disk after a restart', async () => {
    const length = (await textOf(await open(), EFE)).length;
    const service = await freshBackend();
    const made = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const start = (i * 13) % (length - 20);
        return service.createHighlight({ sourceId: EFE, start, end: start + 8 + (i % 9) });
      }),
    );
    expect(new Set(made.map((h) => h.id)).size).toBe(1000);
    const after = await open();
    const ids = new Set((await after.getSource({ id: EFE })).highlights.map((h) => h.id));
    expect(made.filter((h) => !ids.has(h.id))).toEqual([]);
    expect((await after.listSources()).find((s) => s.id === EFE)?.highlightCount).toBe(1000);
  });

  it('createHighlight and saveSourceNote together on an unread source: both kept', async () => {
    const service = await freshBackend();
    const [h] = await Promise.all([service.createHighlight({ sourceId: RT, start: 10, end: 30 }), service.saveSourceNote({ sourceId: RT, doc: note('both') })]);
    const after = await open();
    const doc = await after.getSource({ id: RT });
    expect(doc.highlights.map((x) => x.id)).toEqual([h.id]);
    expect(JSON.stringify(doc.note)).toContain('both');
  });

  it('50 highlights + 50 highlight notes + 10 source-note saves in parallel: every one kept, the last note wins', async () => {
    const service = await freshBackend();
    const highlights = await Promise.all(Array.from({ length: 50 }, (_, i) => service.createHighlight({ sourceId: EFE, start: i * 20, end: i * 20 + 10 })));
    await Promise.all([
      ...highlights.map((h, i) => service.setHighlightNote({ sourceId: EFE, highlightId: h.id, note: note(`note ${i}`) })),
      ...Array.from({ length: 10 }, (_, i) => service.saveSourceNote({ sourceId: EFE, doc: note(`source note ${i}`) })),
      ...Array.from({ length: 50 }, (_, i) => service.createHighlight({ sourceId: EFE, start: 1200 + i * 20, end: 1200 + i * 20 + 10 })),
    ]);
    const after = await open();
    const doc = await after.getSource({ id: EFE });
    expect(doc.highlights).toHaveLength(100);
    for (const [i, h] of highlights.entries()) expect(JSON.stringify(doc.highlights.find((x) => x.id === h.id)?.note)).toContain(`note ${i}`);
    expect(JSON.stringify(doc.note)).toContain('source note 9');
  });

  it('1,000 mixed calls (create, tag, note, delete, undo) on read and unread sources: every acknowledged change survives a restart', async () => {
    const service = await freshBackend();
    await service.getSource({ id: RT }); // one source read, the others not
    const sources = (await service.listSources()).map((s) => s.id);
    const lengths = new Map<string, number>();
    for (const id of sources) lengths.set(id, (await textOf(await Promise.resolve(service), id)).length);
    const restarted = await open();
    const tag = (await restarted.listTags()).tags.find((t) => t.name === 'Refugees')!.id;
    const random = seededRandom(11);
    const expected = new Map<string, { tags: string[]; note: string | null } | 'deleted'>();
    const created: Array<{ sourceId: string; id: string }> = [];
    const calls: Array<Promise<unknown>> = [];
    const last = new Map<string, Promise<unknown>>();
    for (let i = 0; i < 1000; i++) {
      const sourceId = sources[Math.floor(random() * sources.length)];
      const roll = random();
      if (roll < 0.5 || created.length < 20) {
        const start = Math.floor(random() * ((lengths.get(sourceId) ?? 100) - 40));
        const id = `h-mixed-${i}`;
        created.push({ sourceId, id });
        expected.set(id, { tags: [], note: null });
        calls.push(restarted.createHighlight({ sourceId, id, start, end: start + 12 }));
        last.set(id, calls.at(-1)!);
        continue;
      }
      const target = created[Math.floor(random() * created.length)];
      const state = expected.get(target.id);
      if (state === 'deleted' || !state) continue;
      // Changes of one highlight wait for the change of it before them, as a renderer's would.
      const previous = last.get(target.id) ?? Promise.resolve();
      if (roll < 0.65) {
        state.tags = [tag];
        calls.push(previous.then(() => restarted.setHighlightTags({ sourceId: target.sourceId, highlightId: target.id, tagIds: [tag] })));
        last.set(target.id, calls.at(-1)!);
      } else if (roll < 0.8) {
        state.note = `n${i}`;
        calls.push(previous.then(() => restarted.setHighlightNote({ sourceId: target.sourceId, highlightId: target.id, note: note(`n${i}`) })));
        last.set(target.id, calls.at(-1)!);
      } else if (roll < 0.92) {
        expected.set(target.id, 'deleted');
        calls.push(previous.then(() => restarted.deleteHighlight({ sourceId: target.sourceId, highlightId: target.id })));
        last.set(target.id, calls.at(-1)!);
      } else {
        // Delete then undo: the highlight comes back as it was.
        calls.push(
          previous.then(async () => {
            const { deleted } = await restarted.deleteHighlight({ sourceId: target.sourceId, highlightId: target.id });
            await restarted.restoreHighlight({ highlight: deleted });
          }),
        );
        last.set(target.id, calls.at(-1)!);
      }
    }
    await Promise.all(calls);
    const after = await open();
    for (const id of sources) {
      const doc = await after.getSource({ id });
      const byId = new Map(doc.highlights.map((h) => [h.id, h]));
      for (const c of created.filter((x) => x.sourceId === id)) {
        const want = expected.get(c.id)!;
        const got = byId.get(c.id);
        if (want === 'deleted') {
          expect(got).toBeUndefined();
          continue;
        }
        expect(got, c.id).toBeDefined();
        expect(got!.tagIds).toEqual(want.tags);
        if (want.note) expect(JSON.stringify(got!.note)).toContain(want.note);
      }
      // The catalog's counts equal a recount of the file.
      const listed = (await after.listSources()).find((s) => s.id === id)!;
      const counts = countSource(doc);
      expect([listed.highlightCount, listed.orphanCount, listed.charCount]).toEqual([counts.highlightCount, counts.orphanCount, counts.charCount]);
    }
  });
});

describe('restore while writes are in flight', () => {
  it('the running backend and the disk agree after a restore that raced 30 highlights, and a note saved right after it is kept', async () => {
    const service = await open();
    const backup = await service.createBackup();
    const writes = Array.from({ length: 30 }, (_, i) => service.createHighlight({ sourceId: EFE, start: i * 30, end: i * 30 + 12 }).catch(() => null));
    const restore = service.restoreBackup({ id: backup.id });
    const saved = service.saveSourceNote({ sourceId: EFE, doc: note('after the restore') });
    await Promise.all([...writes, restore, saved]);
    const running = await service.getSource({ id: EFE });
    const after = await open();
    const disk = await after.getSource({ id: EFE });
    expect(running.highlights.map((h) => h.id).sort()).toEqual(disk.highlights.map((h) => h.id).sort());
    expect(JSON.stringify(disk.note)).toContain('after the restore');
    // The 30 acknowledged highlights are in the before-restore backup, never lost.
    const list = await after.listBackups();
    expect(list.some((b) => b.kind === 'before-restore')).toBe(true);
  });
});

describe('one writer per notebook folder', () => {
  it('a second backend on the same folder is refused with a clear message and changes nothing; read-only use may share', async () => {
    const first = await open();
    await expect(NotebookService.open({ dataDir: dir, seedsDir: 'seeds', version: 'test' })).rejects.toThrow(
      new RegExp(`The notebook is open in Research Notebook \\(pid ${process.pid}\\)\\. Close it first, or use --read-only\\.`),
    );
    const reader = await NotebookService.open({ dataDir: dir, seedsDir: 'seeds', version: 'test', readOnly: true });
    expect(await reader.listSources()).toHaveLength(5);
    await expect(reader.saveSourceNote({ sourceId: EFE, doc: note('x') })).rejects.toThrow(/read-only/);
    await reader.close();
    // The first still holds the folder and still writes.
    await first.saveSourceNote({ sourceId: EFE, doc: note('still mine') });
  });

  it("a dead process's lock is taken over", async () => {
    await (await open()).close();
    // A pid that is not running on this host.
    await writeFile(join(dir, 'notebook.lock'), JSON.stringify({ pid: 2 ** 22 - 7, host: hostname(), app: 'Research Notebook', since: '2020-01-01' }));
    const service = await open();
    await service.saveSourceNote({ sourceId: EFE, doc: note('taken over') });
    expect(JSON.parse(await readFile(join(dir, 'notebook.lock'), 'utf8')).pid).toBe(process.pid);
  });

  it('a lock held on another host is respected', async () => {
    await (await open()).close();
    await writeFile(join(dir, 'notebook.lock'), JSON.stringify({ pid: 1, host: 'analyst-laptop', app: 'Research Notebook', since: '2020-01-01' }));
    await expect(open()).rejects.toThrow(/open in Research Notebook \(pid 1 on analyst-laptop\)/);
  });
});
