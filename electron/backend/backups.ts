import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { sha256 } from './hash';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { ORIGINALS } from '../../core/documents/originals';

export type BackupKind = 'hourly' | 'daily' | 'manual' | 'before-restore';

export interface BackupInfo {
  id: string;
  kind: BackupKind;
  createdAt: string;
  files: number;
  bytes: number;
}

interface BackupManifest extends BackupInfo {
  /** SHA-256 of each file, so the next snapshot can share unchanged files with this one. */
  hashes: Record<string, string>;
}

export interface BackupPolicy {
  keep: Record<BackupKind, number>;
  /** Bound on the space all backups take (files shared by hard links count once). */
  maxBytes: number;
}

export const DEFAULT_POLICY: BackupPolicy = {
  keep: { hourly: 24, daily: 14, manual: 10, 'before-restore': 5 },
  maxBytes: 2 * 1024 ** 3,
};

const HOUR = 3_600_000;
/** The folders a snapshot holds besides catalog.json. */
const SNAPSHOT_FOLDERS = ['sources', ORIGINALS] as const;
/** An original's file name as documents/originals.ts writes it (temp files of an atomic write are left out). */
const ORIGINAL_NAME = /^[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,8}$/;

/**
 * Rotating snapshots of the notebook in `<data>/backups/<id>/`. A snapshot holds its own copies of the files (never
 * links to the live ones: damage done in place to a live file must not reach its backup); a file unchanged since the
 * previous snapshot is hard-linked to that snapshot's copy, so unchanged files cost no space twice. A snapshot is
 * built in a temp folder and renamed into place, so a half-made one is never listed.
 */
export class Backups {
  readonly dir: string;

  constructor(
    private readonly dataDir: string,
    private readonly policy: BackupPolicy = DEFAULT_POLICY,
  ) {
    this.dir = join(dataDir, 'backups');
  }

  async list(): Promise<BackupInfo[]> {
    return (await this.manifests()).map(({ id, kind, createdAt, files, bytes }) => ({ id, kind, createdAt, files, bytes }));
  }

  private async manifests(): Promise<BackupManifest[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: BackupManifest[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue;
      try {
        out.push(JSON.parse(await readFile(join(this.dir, name, 'backup.json'), 'utf8')) as BackupManifest);
      } catch {
        // Not a finished snapshot: ignored (and removed by the next rotation).
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Take the snapshots that are due: an hourly one after an hour, a daily one after a day. */
  async snapshotIfDue(now = new Date()): Promise<BackupInfo[]> {
    const list = await this.list();
    const made: BackupInfo[] = [];
    for (const [kind, period] of [['hourly', HOUR], ['daily', 24 * HOUR]] as const) {
      const last = list.find((b) => b.kind === kind);
      if (!last || now.getTime() - Date.parse(last.createdAt) >= period) made.push(await this.snapshot(kind, now));
    }
    if (made.length) await this.rotate();
    return made;
  }

  async snapshot(kind: BackupKind, now = new Date()): Promise<BackupInfo> {
    const id = `${now.toISOString().replace(/[:.]/g, '-')}-${kind}`;
    const partial = join(this.dir, `.${id}.partial`);
    await rm(partial, { recursive: true, force: true });
    for (const folder of SNAPSHOT_FOLDERS) await mkdir(join(partial, folder), { recursive: true });
    const previous = (await this.manifests())[0];
    const files = await this.notebookFiles();
    const hashes: Record<string, string> = {};
    let bytes = 0;
    for (const rel of files) {
      const content = await readFile(join(this.dataDir, rel));
      const hash = sha256(content);
      const to = join(partial, rel);
      let shared = false;
      if (previous?.hashes?.[rel] === hash) {
        try {
          await link(join(this.dir, previous.id, rel), to);
          shared = true;
        } catch {
          // Links impossible here (some file systems): copy.
        }
      }
      if (!shared) await writeFile(to, content);
      hashes[rel] = hash;
      bytes += content.length;
    }
    const info: BackupInfo = { id, kind, createdAt: now.toISOString(), files: files.length, bytes };
    const manifest: BackupManifest = { ...info, hashes };
    await writeFile(join(partial, 'backup.json'), JSON.stringify(manifest));
    await rename(partial, join(this.dir, id));
    return info;
  }

  /** Keep the newest N of each kind and stay under the size bound, dropping the oldest first. */
  async rotate(): Promise<void> {
    const list = await this.list();
    const keep = new Set<string>();
    const counts: Record<string, number> = {};
    for (const b of list) {
      counts[b.kind] = (counts[b.kind] ?? 0) + 1;
      if (counts[b.kind] <= this.policy.keep[b.kind]) keep.add(b.id);
    }
    // Size: unique inodes across the kept snapshots, newest first; drop older ones past the bound.
    const seen = new Set<string>();
    let total = 0;
    for (const b of list) {
      if (!keep.has(b.id)) continue;
      for (const rel of await this.filesOf(b.id)) {
        const s = await stat(join(this.dir, b.id, rel));
        const key = `${s.dev}:${s.ino}`;
        if (!seen.has(key)) {
          seen.add(key);
          total += s.size;
        }
      }
      if (total > this.policy.maxBytes && keep.size > 1) keep.delete(b.id);
    }
    for (const name of await readdir(this.dir)) {
      if (!keep.has(name)) await rm(join(this.dir, name), { recursive: true, force: true });
    }
  }

  /**
   * The newest backup copy of one notebook file that parses as JSON, e.g. `catalog.json` or `sources/x.json`.
   * Returns its content and the backup it came from, or null.
   */
  async newestGoodCopy(rel: string, isGood: (text: string) => boolean = parsesAsJson): Promise<{ text: string; backup: BackupInfo } | null> {
    for (const b of await this.list()) {
      try {
        const text = await readFile(join(this.dir, b.id, rel), 'utf8');
        if (!isGood(text)) continue;
        return { text, backup: b };
      } catch {
        // Missing or damaged in this one: try an older backup.
      }
    }
    return null;
  }

  /**
   * Put the notebook back as it was in backup `id`. The current state is first saved as a 'before-restore' backup,
   * so a restore can itself be undone; files the backup does not have are moved into that backup, not deleted.
   */
  async restore(id: string): Promise<{ restored: number; before: BackupInfo; changed: string[] }> {
    const target = (await this.manifests()).find((b) => b.id === id);
    if (!target) throw new Error(`There is no backup "${id}".`);
    const before = await this.snapshot('before-restore');
    const current = (await this.manifests()).find((b) => b.id === before.id)?.hashes ?? {};
    const wanted = new Set(await this.filesOf(id));
    // Which files the restore changes (by the two snapshots' hashes): only those are written, and the caller needs
    // to look again only at them.
    const changed: string[] = [];
    for (const rel of await this.notebookFiles()) {
      if (wanted.has(rel)) continue;
      await rm(join(this.dataDir, rel));
      changed.push(rel);
    }
    for (const rel of wanted) {
      if (target.hashes?.[rel] && current[rel] === target.hashes[rel]) continue;
      // Bytes, not text: originals are PDFs and Word files.
      if (rel.startsWith(`${ORIGINALS}/`)) await mkdir(join(this.dataDir, ORIGINALS), { recursive: true });
      await writeFileAtomic(join(this.dataDir, rel), await readFile(join(this.dir, id, rel)));
      changed.push(rel);
    }
    await this.rotate();
    return { restored: wanted.size, before, changed };
  }

  private async notebookFiles(): Promise<string[]> {
    const out: string[] = [];
    try {
      await stat(join(this.dataDir, 'catalog.json'));
      out.push('catalog.json');
    } catch {
      // No catalog yet.
    }
    for (const f of await readdir(join(this.dataDir, 'sources')).catch(() => [] as string[])) {
      if (f.endsWith('.json') && !f.startsWith('.')) out.push(join('sources', f));
    }
    // The files sources were imported from (the page view's PDFs): without them a restored PDF source has no pages.
    for (const f of await readdir(join(this.dataDir, ORIGINALS)).catch(() => [] as string[])) {
      if (ORIGINAL_NAME.test(f)) out.push(join(ORIGINALS, f));
    }
    return out;
  }

  private async filesOf(id: string): Promise<string[]> {
    const root = join(this.dir, id);
    const out: string[] = [];
    if (await exists(join(root, 'catalog.json'))) out.push('catalog.json');
    for (const f of await readdir(join(root, 'sources')).catch(() => [] as string[])) out.push(join('sources', f));
    for (const f of await readdir(join(root, ORIGINALS)).catch(() => [] as string[])) if (ORIGINAL_NAME.test(f)) out.push(join(ORIGINALS, f));
    return out;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
