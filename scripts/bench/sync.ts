// Issue 19 in Node: sharing a notebook through git. Sync of an unchanged 10,000-source notebook (commit nothing, fetch,
// nothing to merge or push), against the floor of the same work done by bare git commands in the same run; and a
// merge of two replicas of 100,000 highlights with 1% of them edited on each side (fetch, merge by meaning, write,
// reload, commit the merge, push), with the pure three-way merge (mergeTrees) alone beside it.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type Highlight, type SourceMeta } from '../../core/model';
import { stableFileJson } from '../../core/stable-json';
import { mergeTrees } from '../../core/sync/merge-files';
import { NotebookStore } from '../../electron/backend/store';
import { NotebookSync } from '../../electron/backend/sync/notebook-sync';
import { joinNotebook } from '../../electron/backend/sync/join-notebook';
import { SystemGit } from '../../electron/backend/sync/system-git';
import { benchStoreFixture } from './store';
import { percentile, type Figure } from './report';

const noSecrets = null;

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

function bare(root: string): string {
  const path = join(root, 'team.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
  return path;
}

async function unchangedSync(): Promise<Figure[]> {
  const dir = await benchStoreFixture(10_000);
  const root = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  const git = new SystemGit();
  const { store } = await NotebookStore.open(dir);
  try {
    const sync = new NotebookSync(store, git, noSecrets);
    await sync.share({ url: bare(root), authorName: 'Bench' });
    await sync.sync();
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const [ms, r] = await time(() => sync.sync());
      if (!r.upToDate) throw new Error('bench: the unchanged notebook was not up to date');
      runs.push(ms);
    }
    // The floor: the git commands a sync of an unchanged notebook needs, run bare.
    const floor: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      execFileSync('git', ['add', '--all', '.'], { cwd: dir });
      execFileSync('git', ['diff', '--cached', '--quiet', 'HEAD'], { cwd: dir });
      execFileSync('git', ['ls-remote', 'origin', 'refs/heads/main'], { cwd: dir });
      execFileSync('git', ['fetch', '--quiet', 'origin', '+refs/heads/main:refs/remotes/origin/main'], { cwd: dir });
      floor.push(performance.now() - t0);
    }
    const median = percentile(runs, 50);
    const base = percentile(floor, 50);
    return [
      { issue: '19', figure: 'sync of an unchanged 10,000-source notebook (median of 7)', value: Math.round(median), unit: 'ms', target: 500, note: `baseline, bare git add --all + diff + ls-remote + fetch on the same folder: ${Math.round(base)} ms (ratio ${(median / base).toFixed(2)})` },
    ];
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  }
}

const SOURCES = 100;
const PER_SOURCE = 1000;

async function highlightsFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-sync-hl-'));
  await mkdir(join(dir, 'sources'), { recursive: true });
  const now = '2026-01-01T00:00:00.000Z';
  const text = 'Border security and the refugees of the region were discussed at the summit in Dushanbe. '.repeat(60);
  const metas: SourceMeta[] = [];
  for (let i = 0; i < SOURCES; i++) {
    const id = `hl-${i}`;
    const highlights: Highlight[] = Array.from({ length: PER_SOURCE }, (_, k) => {
      const start = (k * 5) % (text.length - 40);
      return { id: `h${i}x${k}`, sourceId: id, start, end: start + 30, quote: { exact: text.slice(start, start + 30), prefix: '', suffix: '' }, tagIds: [], note: null, orphan: false, createdAt: now, modifiedAt: now };
    });
    await writeFile(join(dir, 'sources', `${id}.json`), stableFileJson({ schemaVersion: SCHEMA_VERSION, id, text, highlights, note: { type: 'doc', content: [{ type: 'paragraph' }] } }));
    metas.push({ id, title: `Report ${i}`, publisher: 'Bench', date: '', originalFile: `${id}.txt`, contentHash: id, addedAt: now, furniture: [] });
  }
  await writeFile(join(dir, 'catalog.json'), stableFileJson({ schemaVersion: SCHEMA_VERSION, sources: metas, tags: [{ id: 'bench-tag', name: 'Bench', kind: 'theme', color: '#336699', parentId: null, description: '', aliases: [], createdAt: now }], settings: DEFAULT_SETTINGS, projectNote: { type: 'doc', content: [{ type: 'paragraph' }] } }));
  return dir;
}

/** Edit 1% of the highlights (every 100th, from `offset`): a tag added and the time changed. */
async function editOnePercent(store: NotebookStore, offset: number): Promise<void> {
  for (let i = 0; i < SOURCES; i++) {
    await store.changeSource(`hl-${i}`, (f) => ({
      next: { ...f, highlights: f.highlights.map((h, k) => (k % 100 === offset ? { ...h, tagIds: ['bench-tag'], modifiedAt: new Date().toISOString() } : h)) },
      result: undefined,
    }));
  }
}

async function mergeOfReplicas(): Promise<Figure[]> {
  const dirA = await highlightsFixture();
  const root = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  const git = new SystemGit();
  const url = bare(root);
  const a = (await NotebookStore.open(dirA)).store;
  let b: NotebookStore | null = null;
  try {
    const syncA = new NotebookSync(a, git, noSecrets);
    await syncA.share({ url, authorName: 'A' });
    const joined = await joinNotebook(git, { url, folder: join(root, 'b'), authorName: 'B' }, noSecrets);
    b = (await NotebookStore.open(joined.dataDir)).store;
    const syncB = new NotebookSync(b, git, noSecrets);
    await editOnePercent(a, 0);
    await editOnePercent(b, 1);
    await syncA.sync();
    // The pure merge of the same three trees, for comparison.
    const tree = (commit: string) => {
      const out = new Map<string, string>();
      for (let i = 0; i < SOURCES; i++) out.set(`sources/hl-${i}.json`, execFileSync('git', ['show', `${commit}:sources/hl-${i}.json`], { cwd: dirA, encoding: 'utf8', maxBuffer: 64 << 20 }));
      return out;
    };
    const headA = execFileSync('git', ['rev-parse', 'main'], { cwd: dirA, encoding: 'utf8' }).trim();
    const baseCommit = execFileSync('git', ['rev-parse', 'main~1'], { cwd: dirA, encoding: 'utf8' }).trim();
    const [tb, tt] = [tree(baseCommit), tree(headA)];
    const ours = new Map<string, string>();
    for (let i = 0; i < SOURCES; i++) ours.set(`sources/hl-${i}.json`, stableFileJson((await b.readSource(`hl-${i}`)) as unknown as Record<string, unknown>));
    const t0 = performance.now();
    const pure = mergeTrees(tb, ours, tt);
    const pureMs = performance.now() - t0;
    if (pure.conflicts.length) throw new Error(`bench: ${pure.conflicts.length} unexpected conflicts`);
    const [ms, result] = await time(() => syncB.sync());
    if (result.received !== SOURCES) throw new Error(`bench: the merge brought in ${result.received} files, not ${SOURCES}`);
    const merged = (await b.readSource('hl-7')).highlights.filter((h) => h.tagIds.length).length;
    if (merged !== 20) throw new Error(`bench: ${merged} edited highlights in a merged source, not 20`);
    return [
      { issue: '19', figure: 'sync merging two replicas of 100,000 highlights, 1% edited on each side', value: Math.round(ms), unit: 'ms', target: 3000, note: `fetch, merge, write, reload, commit, push; the pure mergeTrees of the same files: ${Math.round(pureMs)} ms` },
    ];
  } finally {
    await a.close();
    await b?.close();
    await rm(dirA, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchSync(): Promise<Figure[]> {
  return [...(await unchangedSync()), ...(await mergeOfReplicas())];
}
