import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SystemGit } from '../../electron/backend/sync/system-git';
import { JsGit } from '../../electron/backend/sync/js-git';
import type { GitDriver } from '../../electron/backend/sync/git';
import { joinNotebook } from '../../electron/backend/sync/join-notebook';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { addHighlight, addTag, appendNote, bareRepo, gitIn, makeNotebook, openReplica, renameTag, sharedFiles, testSecrets, tmp, type Replica } from './sync-helpers';

// Issue 19: the git transport of sharing. Two notebook folders share through a bare repository on disk and through a
// loopback smart-HTTP server (git http-backend, a token required), with the system git and with isomorphic-git.

const open: Replica[] = [];
const servers: GitHttpServer[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.store.close().catch(() => {});
  for (const s of servers.splice(0)) await s.close();
});

async function pair(git: GitDriver, remote: () => Promise<{ url: string; token?: string }>) {
  const a = await makeNotebook(await tmp('sync-a-'), git);
  open.push(a);
  const { url, token } = await remote();
  const first = await a.sync.share({ url, token, authorName: 'Ana' });
  expect(first.pushed).toBe(true);
  const folder = join(await tmp('sync-b-'), 'joined');
  const joined = await joinNotebook(git, { url, folder, token, authorName: 'Ben' }, testSecrets);
  expect(joined.sources).toBe(2);
  const b = await openReplica(joined.dataDir, git);
  open.push(b);
  return { a, b };
}

const drivers: Array<[string, () => GitDriver]> = [
  ['system git', () => new SystemGit()],
  ['isomorphic-git (no git installed)', () => new JsGit()],
];

describe.each(drivers)('sharing with %s', (_name, makeGit) => {
  let git: GitDriver;
  beforeAll(() => {
    git = makeGit();
  });

  it('shares through a bare repository on disk: edits of different and the same items on both sides converge', async () => {
    const bare = bareRepo(join(await tmp('sync-bare-'), 'team.git'));
    const { a, b } = await pair(git, async () => ({ url: bare }));
    expect(b.store.catalog.sources.map((s) => s.title)).toEqual(['Source 0', 'Source 1']);
    // Different items: A highlights s0, B highlights s1 and adds a tag; the same item: both rename the tag.
    await addHighlight(a.store, 's0', 'ha1', 0, ['tag-people']);
    await addHighlight(b.store, 's1', 'hb1', 10);
    await addTag(b.store, 'tag-place', 'Places');
    await renameTag(a.store, 'tag-people', 'Persons');
    await renameTag(b.store, 'tag-people', 'People (named)');
    await appendNote(a.store, 's0', 'A wrote this.');
    await appendNote(b.store, 's0', 'B wrote that.');
    const ra = await a.sync.sync();
    expect(ra.committed).toMatch(/1 highlight added.*in “Source 0”.*1 tag renamed/);
    const rb = await b.sync.sync();
    expect(rb.received).toBeGreaterThan(0);
    expect(rb.conflicts.join('\n')).toMatch(/Both of you changed the name of the tag/);
    expect(rb.conflicts.join('\n')).toMatch(/same part of the notes in “Source 0”/);
    await a.sync.sync();
    expect(await sharedFiles(a.dir)).toEqual(await sharedFiles(b.dir));
    // Each sees the other's work, in memory (the store reloaded) and on disk.
    expect((await a.store.readSource('s1')).highlights.map((h) => h.id)).toEqual(['hb1']);
    expect((await b.store.readSource('s0')).highlights.map((h) => h.id)).toEqual(['ha1']);
    expect(a.store.catalog.tags.map((t) => t.id).sort()).toEqual(['tag-people', 'tag-place']);
    const note = JSON.stringify((await a.store.readSource('s0')).note);
    expect(note).toContain('A wrote this.');
    expect(note).toContain('B wrote that.');
    // Both replicas end on the same commit, with both analysts in the history.
    expect(await git.head(a.dir)).toBe(await git.head(b.dir));
    const authors = new Set((await a.sync.history(undefined)).map((e) => e.author));
    expect(authors).toEqual(new Set(['Ana', 'Ben']));
    // Unchanged: a sync sends and receives nothing and makes no commit.
    const again = await a.sync.sync();
    expect(again.upToDate).toBe(true);
  });

  it('shares through a loopback smart-HTTP server with a token; a wrong token and a stopped server give clear errors and keep local commits', async () => {
    const server = await startGitHttpServer(await tmp('sync-http-'), { token: 's3cret-token' });
    servers.push(server);
    const url = server.repo('team');
    const { a, b } = await pair(git, async () => ({ url, token: 's3cret-token' }));
    // The token is never written into .git/config, in clear or in the remote address.
    for (const dir of [a.dir, b.dir]) {
      const config = await readFile(join(dir, '.git', 'config'), 'utf8');
      expect(config).not.toContain('s3cret-token');
      expect(await readFile(join(dir, '.git', 'research-notebook-sync.json'), 'utf8')).not.toContain('s3cret-token');
    }
    await addHighlight(a.store, 's0', 'ha1', 0);
    await a.sync.sync();
    await b.sync.sync();
    expect((await b.store.readSource('s0')).highlights.map((h) => h.id)).toEqual(['ha1']);

    // A wrong token: refused in words, the local commit kept.
    const c = await makeNotebook(await tmp('sync-c-'), git);
    open.push(c);
    await expect(c.sync.share({ url, token: 'wrong', authorName: 'Cy' })).rejects.toThrow(/refused the credentials/);
    expect(await git.head(c.dir)).not.toBeNull();
    expect((await c.sync.status()).lastError).toMatch(/refused the credentials/);

    // Offline: the server stopped. A's new highlight is committed locally, kept, and goes out once it is back.
    await addHighlight(a.store, 's1', 'ha2', 20);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await expect(a.sync.sync()).rejects.toThrow(/cannot be reached.*committed locally/);
    const log = await a.sync.history('s1');
    expect(log[0].summary).toMatch(/1 highlight added in “Source 1”/);
    expect((await a.store.readSource('s1')).highlights.map((h) => h.id)).toEqual(['ha2']);
  });

  it('refuses to join into a folder that is not empty, and leaves nothing behind when the address is wrong', async () => {
    const bare = bareRepo(join(await tmp('sync-bare-'), 'team.git'));
    const busy = await tmp('sync-busy-');
    await writeFile(join(busy, 'mine.txt'), 'keep me');
    await expect(joinNotebook(git, { url: bare, folder: busy, authorName: 'Ben' }, testSecrets)).rejects.toThrow(/is not empty/);
    expect(await readFile(join(busy, 'mine.txt'), 'utf8')).toBe('keep me');
    const target = join(await tmp('sync-j-'), 'nb');
    await expect(joinNotebook(git, { url: join(bare, '..', 'missing.git'), folder: target, authorName: 'Ben' }, testSecrets)).rejects.toThrow(/no shared notebook|cannot be reached/);
    await rm(target, { recursive: true, force: true });
  });
});

describe('what git carries', () => {
  it('ignores view.json, backups, the lock, logs and the catalog’s own settings; history per source restores a version as a new change', async () => {
    const bare = bareRepo(join(await tmp('sync-bare-'), 'team.git'));
    const a = await makeNotebook(await tmp('sync-a-'), new SystemGit());
    open.push(a);
    await a.sync.share({ url: bare, authorName: 'Ana' });
    const tracked = gitIn(a.dir, 'ls-files').trim().split('\n');
    expect(tracked.sort()).toEqual(['.gitignore', 'catalog.shared.json', 'sources/s0.json', 'sources/s1.json']);
    await addHighlight(a.store, 's0', 'h1', 0);
    await a.sync.sync();
    await addHighlight(a.store, 's0', 'h2', 30);
    await a.sync.sync();
    const history = await a.sync.history('s0');
    expect(history.map((e) => e.summary)).toEqual(['1 highlight added in “Source 0”', '1 highlight added in “Source 0”', expect.stringMatching(/Source 0|files? changed|highlight|source/)]);
    await a.sync.restoreSourceVersion('s0', history[1].commit);
    expect((await a.store.readSource('s0')).highlights.map((h) => h.id)).toEqual(['h1']);
    const r = await a.sync.sync();
    expect(r.committed).toBe('1 highlight deleted in “Source 0”');
    expect((await a.sync.history('s0')).length).toBe(4);
  });
});
