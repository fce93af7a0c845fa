import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SystemGit } from '../../electron/backend/sync/system-git';
import { joinNotebook } from '../../electron/backend/sync/join-notebook';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';
import { addHighlight, addTag, appendNote, bareRepo, deleteHighlight, makeNotebook, openReplica, renameTag, sharedFiles, tagHighlight, testSecrets, tmp, type Replica, TEXT } from './sync-helpers';

// Issue 19: three replicas make random concurrent edits (highlights, tags, tag renames, notes), syncing at random
// moments in random orders through one bare repository. All converge to the same files, and every acknowledged change
// is present or was reported as a conflict. SYNC_REPLICA_EDITS=10000 runs the long version (a few hundred by default).

const EDITS = Number(process.env.SYNC_REPLICA_EDITS ?? 300);
const SEED = Number(process.env.SYNC_REPLICA_SEED ?? 19);

const open: Replica[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.store.close().catch(() => {});
});

async function threeReplicas(): Promise<Replica[]> {
  const git = new SystemGit();
  const bare = bareRepo(join(await tmp('replicas-bare-'), 'team.git'));
  const a = await makeNotebook(await tmp('replica-a-'), git, 4);
  open.push(a);
  await a.sync.share({ url: bare, authorName: 'A' });
  const out = [a];
  for (const name of ['B', 'C']) {
    const joined = await joinNotebook(git, { url: bare, folder: join(await tmp(`replica-${name}-`), 'nb'), authorName: name }, testSecrets);
    const r = await openReplica(joined.dataDir, git);
    open.push(r);
    out.push(r);
  }
  return out;
}

describe('three replicas', () => {
  it(`converge after ${EDITS} random edits and syncs, losing no acknowledged change`, { timeout: Math.max(120_000, EDITS * 400) }, async () => {
    const replicas = await threeReplicas();
    const rand = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const sources = ['s0', 's1', 's2', 's3'];
    const created = new Set<string>();
    const deleted = new Set<string>();
    const tagAdds: Array<[string, string]> = [];
    const tagsMade = new Set<string>(['tag-people']);
    const names = new Map<string, Set<string>>([['tag-people', new Set(['People'])]]);
    const notes: Array<[string, string]> = [];
    const conflicts: string[] = [];
    let syncs = 0;
    for (let n = 0; n < EDITS; n++) {
      const r = pick(replicas);
      const op = rand();
      if (op < 0.1) {
        const res = await r.sync.sync();
        conflicts.push(...res.conflicts);
        syncs++;
        continue;
      }
      if (op < 0.45) {
        const id = `h${n}`;
        await addHighlight(r.store, pick(sources), id, Math.floor(rand() * (TEXT.length - 10)), rand() < 0.5 ? [pick([...tagsMade])] : []);
        created.add(id);
      } else if (op < 0.55) {
        const s = pick(sources);
        const hs = (await r.store.readSource(s)).highlights;
        if (hs.length) {
          const h = pick(hs);
          await deleteHighlight(r.store, s, h.id);
          deleted.add(h.id);
        }
      } else if (op < 0.7) {
        const s = pick(sources);
        const hs = (await r.store.readSource(s)).highlights;
        const known = r.store.catalog.tags.map((t) => t.id);
        if (hs.length) {
          const h = pick(hs);
          const t = pick(known);
          if (await tagHighlight(r.store, s, h.id, t)) tagAdds.push([h.id, t]);
        }
      } else if (op < 0.78) {
        const id = `t${n}`;
        await addTag(r.store, id, `Tag ${n}`);
        tagsMade.add(id);
        names.set(id, new Set([`Tag ${n}`]));
      } else if (op < 0.86) {
        const t = pick(r.store.catalog.tags);
        const name = `${t.name.split(' / ')[0]} / r${n}`;
        await renameTag(r.store, t.id, name);
        names.get(t.id)?.add(name);
      } else {
        const s = pick(sources);
        const text = `note ${n} by replica ${replicas.indexOf(r)}`;
        await appendNote(r.store, s, text);
        notes.push([s, text]);
      }
    }
    // Everyone syncs until nothing moves: two rounds after the last change settle it.
    for (let round = 0; round < 3; round++) for (const r of replicas) conflicts.push(...(await r.sync.sync()).conflicts);
    const files = await Promise.all(replicas.map((r) => sharedFiles(r.dir)));
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
    const heads = await Promise.all(replicas.map((r) => new SystemGit().head(r.dir)));
    expect(new Set(heads).size).toBe(1);

    // Every acknowledged change is there, or the analyst was told.
    const final = new Map<string, { tagIds: string[] }>();
    for (const s of sources) for (const h of (await replicas[0].store.readSource(s)).highlights) final.set(h.id, h);
    for (const id of created) if (!deleted.has(id)) expect(final.has(id), `highlight ${id}`).toBe(true);
    const told = conflicts.join('\n');
    for (const id of deleted) if (final.has(id)) expect(told, `highlight ${id} kept over a delete`).toContain(`(${id})`);
    for (const [h, t] of tagAdds) if (final.has(h)) expect(final.get(h)!.tagIds, `tag ${t} on ${h}`).toContain(t);
    const tags = new Map(replicas[0].store.catalog.tags.map((t) => [t.id, t.name]));
    for (const id of tagsMade) {
      expect(tags.has(id), `tag ${id}`).toBe(true);
      expect(names.get(id)!.has(tags.get(id)!), `name of ${id}`).toBe(true);
    }
    for (const [s, text] of notes) expect(JSON.stringify((await replicas[0].store.readSource(s)).note), text).toContain(text);
    // What the stores hold in memory is what the files say.
    for (const r of replicas) for (const s of sources) expect((await r.store.readSource(s)).highlights.length).toBe((await replicas[0].store.readSource(s)).highlights.length);
    console.log(`replicas: ${EDITS} edits, ${syncs} random syncs, ${created.size} highlights made, ${deleted.size} deleted, ${final.size} at the end, ${conflicts.length} conflicts reported; converged`);
  });

  it('a sync does not race the app’s own writes: saves made while it runs are kept and go out with the next sync', async () => {
    const [a, b] = await threeReplicas();
    await addHighlight(b.store, 's0', 'from-b', 5);
    await b.sync.sync();
    const writes = Array.from({ length: 60 }, (_, i) => addHighlight(a.store, `s${i % 4}`, `a${i}`, i * 3));
    const syncing = a.sync.sync();
    await Promise.all([...writes, syncing]);
    await a.sync.sync();
    await b.sync.sync();
    for (const r of [a, b]) {
      const ids = new Set<string>();
      for (const s of ['s0', 's1', 's2', 's3']) for (const h of (await r.store.readSource(s)).highlights) ids.add(h.id);
      expect(ids.size).toBe(61);
    }
    expect(await sharedFiles(a.dir)).toEqual(await sharedFiles(b.dir));
  });
});
