import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isFileId } from '../../../core/storage-schemas';
import { fsyncDir, writeFileAtomic } from '../atomic-write';

/**
 * All-or-nothing commits of many files (imports, merges). Files are written into `staging/<tx>/sources/`; then one
 * atomic `commit.json` (the new catalog and the list of files) is the commit point; then the files are moved into
 * `sources/`, the catalog is written and the staging folder removed. At open, a staging folder with a commit record is
 * completed (rolled forward) and one without is removed: the notebook holds the whole import or none of it.
 */
const STAGING = 'staging';

interface CommitRecord {
  files: string[];
  catalog: string;
}

export async function stageAndCommit(dataDir: string, files: Array<{ id: string; text: string }>, catalogText: string): Promise<void> {
  const tx = join(dataDir, STAGING, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(tx, 'sources'), { recursive: true });
  try {
    const queue = [...files];
    await Promise.all(
      Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let f = queue.shift(); f; f = queue.shift()) await writeDurable(join(tx, 'sources', `${f.id}.json`), f.text);
      }),
    );
    await fsyncDir(join(tx, 'sources'));
    const record: CommitRecord = { files: files.map((f) => f.id), catalog: catalogText };
    await writeFileAtomic(join(tx, 'commit.json'), JSON.stringify(record));
  } catch (err) {
    await rm(tx, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  await rollForward(dataDir, tx);
}

/** Complete or discard what a crash left in `staging/`. */
export async function recoverStaging(dataDir: string): Promise<{ rolledForward: number; discarded: number }> {
  let rolledForward = 0;
  let discarded = 0;
  const root = join(dataDir, STAGING);
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const tx = join(root, name);
    const record = await readRecord(tx);
    if (record) {
      rolledForward += await rollForward(dataDir, tx);
    } else {
      await rm(tx, { recursive: true, force: true });
      discarded++;
    }
  }
  return { rolledForward, discarded };
}

async function rollForward(dataDir: string, tx: string): Promise<number> {
  const record = await readRecord(tx);
  if (!record) throw new Error(`The import's commit record in ${tx} cannot be read.`);
  let moved = 0;
  for (const id of record.files) {
    if (!isFileId(id)) continue;
    try {
      await rename(join(tx, 'sources', `${id}.json`), join(dataDir, 'sources', `${id}.json`));
      moved++;
    } catch (err) {
      // Already moved by an earlier, interrupted roll-forward.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  await fsyncDir(join(dataDir, 'sources'));
  await writeFileAtomic(join(dataDir, 'catalog.json'), record.catalog);
  await rm(tx, { recursive: true, force: true });
  return moved;
}

async function readRecord(tx: string): Promise<CommitRecord | null> {
  try {
    const data = JSON.parse(await readFile(join(tx, 'commit.json'), 'utf8')) as CommitRecord;
    return Array.isArray(data.files) && typeof data.catalog === 'string' ? data : null;
  } catch {
    return null;
  }
}

async function writeDurable(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
