import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteDoc } from '../../core/model';
import { Backups } from '../../electron/backend/backups';
import { reopener } from './reopen';

// Issue 11: a file of the wrong shape is damage, handled like a garbled one; ids never name a path outside the folder;
// a read-only or full disk opens the notebook read-only; a refused save leaves memory as the disk is.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-damaged-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);
const EFE = '002_3d6a35bbe9bd0c1a';
const note = (text: string): NoteDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function editJson(rel: string, edit: (data: Record<string, unknown>) => void): Promise<void> {
  const path = join(dir, rel);
  const data = JSON.parse(await readFile(path, 'utf8'));
  edit(data);
  await writeFile(path, JSON.stringify(data));
}

/** A notebook with one highlight in EFE and a backup of it. Returns the highlight's id. */
async function withBackup(): Promise<string> {
  const service = await open();
  const h = await service.createHighlight({ sourceId: EFE, start: 10, end: 40 });
  await service.close();
  await new Backups(dir).snapshot('manual');
  return h.id;
}

const CATALOG_DAMAGE: Array<[string, (d: Record<string, unknown>) => void]> = [
  ['sources is an object', (d) => (d.sources = { a: 1 })],
  ['sources is null', (d) => (d.sources = null)],
  ['tags is a string', (d) => (d.tags = 'tags')],
  ['a source id names a path outside the folder', (d) => ((d.sources as Array<{ id: string }>)[0].id = '../../../../outside/x')],
];

const SOURCE_DAMAGE: Array<[string, (d: Record<string, unknown>) => void]> = [
  ['highlights is a string', (d) => (d.highlights = 'none')],
  ['highlights is [null]', (d) => (d.highlights = [null])],
  ['text is a number', (d) => (d.text = 42)],
];

describe('a file of the wrong shape is damage: restored from the newest backup, and the analyst is told', () => {
  for (const [what, damage] of CATALOG_DAMAGE) {
    it(`catalog: ${what}`, async () => {
      await withBackup();
      await editJson('catalog.json', damage);
      const service = await open();
      const report = await service.startupReport();
      expect(report.readOnly).toBe(false);
      expect(report.notices.join(' ')).toMatch(/catalog\.json was damaged \(does not have the shape of a catalog file .*\) It was kept aside as catalog\.json\.damaged-.* and restored from the backup/);
      expect(await service.listSources()).toHaveLength(5);
      expect((await readdir(dir)).some((f) => f.startsWith('catalog.json.damaged-'))).toBe(true);
    });
  }

  for (const [what, damage] of SOURCE_DAMAGE) {
    it(`source: ${what}`, async () => {
      const id = await withBackup();
      await editJson(join('sources', `${EFE}.json`), damage);
      const service = await open();
      const doc = await service.getSource({ id: EFE });
      expect(doc.highlights.map((h) => h.id)).toEqual([id]);
      expect((await service.startupReport()).notices.join(' ')).toMatch(new RegExp(`sources/${EFE}\\.json was damaged`));
    });
  }

  it('a source file deleted behind the app is restored from the backup, never opened empty', async () => {
    const id = await withBackup();
    await rm(join(dir, 'sources', `${EFE}.json`));
    const service = await open();
    const doc = await service.getSource({ id: EFE });
    expect(doc.text.length).toBeGreaterThan(1000);
    expect(doc.highlights.map((h) => h.id)).toEqual([id]);
    expect((await service.startupReport()).notices.join(' ')).toMatch(new RegExp(`sources/${EFE}\\.json was missing\\. It was restored from the backup`));
  });
});

/** A notebook as the app leaves it, without any backup (the app takes one when it opens). */
async function withoutBackup(): Promise<void> {
  await (await open()).close();
  await rm(join(dir, 'backups'), { recursive: true, force: true });
}

describe('with no backup', () => {
  it('a catalog of the wrong shape opens the notebook read-only with the reason, and is never rewritten', async () => {
    await withoutBackup();
    await editJson('catalog.json', (d) => (d.sources = null));
    const before = await readFile(join(dir, 'catalog.json'), 'utf8');
    const service = await open();
    const report = await service.startupReport();
    expect(report.readOnly).toBe(true);
    expect(report.notices.join(' ')).toMatch(/does not have the shape of a catalog file.*no backup of it, so the notebook is open read-only/);
    await expect(service.updateSettings({ reader: { fontSize: 20 } })).rejects.toThrow(/read-only/);
    await service.close();
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(before);
  });

  it('a missing source file is reported and refused, never written empty; the other sources work', async () => {
    await withoutBackup();
    await rm(join(dir, 'sources', `${EFE}.json`));
    const service = await open();
    await expect(service.getSource({ id: EFE })).rejects.toThrow(/is missing and there is no backup of it, so it cannot be opened; nothing was changed/);
    await expect(service.saveSourceNote({ sourceId: EFE, doc: note('lost?') })).rejects.toThrow(/missing/);
    expect((await readdir(join(dir, 'sources'))).includes(`${EFE}.json`)).toBe(false);
    await service.saveSourceNote({ sourceId: '001_b5be86838c25179b', doc: note('fine') });
    expect((await service.startupReport()).notices.join(' ')).toMatch(/is missing and there is no backup/);
  });

  it('a path-like id in the catalog never reads or writes outside the notebook folder', async () => {
    await withoutBackup();
    const outside = join(dir, '..', `outside-${Date.now()}`);
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'x.json'), '{"schemaVersion":2}');
    await editJson('catalog.json', (d) => ((d.sources as Array<{ id: string }>)[0].id = `../../${outside.split('/').pop()}/x`));
    const service = await open();
    expect((await service.startupReport()).readOnly).toBe(true);
    await expect(service.getSource({ id: `../../${outside.split('/').pop()}/x` })).rejects.toThrow();
    expect(await readFile(join(outside, 'x.json'), 'utf8')).toBe('{"schemaVersion":2}');
    await rm(outside, { recursive: true, force: true });
  });
});

/** A tmpfs of `size` mounted at a new folder (root only); null where this machine cannot mount one. */
function mountTmpfs(size: string): string | null {
  const mount = join(tmpdir(), `notebook-tmpfs-${process.pid}-${Date.now()}`);
  try {
    execFileSync('mkdir', ['-p', mount]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], { stdio: 'ignore' });
    return mount;
  } catch {
    return null;
  }
}

function remount(mount: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, mount], { stdio: 'ignore' });
}

function unmount(mount: string): void {
  execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
  execFileSync('rmdir', [mount], { stdio: 'ignore' });
}

const canMount = (() => {
  const m = mountTmpfs('64k');
  if (!m) return false;
  unmount(m);
  return true;
})();
if (!canMount) console.warn('damaged-files: this machine cannot mount a tmpfs (not root?): the read-only and full-disk tests are skipped.');

describe.runIf(canMount)('read-only and full disks (a real tmpfs)', () => {
  it('a read-only file system at start opens the notebook read-only with a notice', async () => {
    const mount = mountTmpfs('16m')!;
    try {
      const data = join(mount, 'nb');
      const first = await reopener(() => data)();
      await first.close();
      remount(mount, 'ro');
      const service = await reopener(() => data)();
      const report = await service.startupReport();
      expect(report.readOnly).toBe(true);
      expect(report.notices.join(' ')).toMatch(/the disk is read-only \(EROFS\)\. The notebook is open read-only/);
      expect(await service.listSources()).toHaveLength(5);
      await expect(service.saveSourceNote({ sourceId: EFE, doc: note('x') })).rejects.toThrow(/read-only/);
      await service.close();
    } finally {
      unmount(mount);
    }
  });

  it('a full disk: the refused save is reported, and the backend shows what is on disk, not the refused change', async () => {
    const mount = mountTmpfs('2m')!;
    try {
      const data = join(mount, 'nb');
      const service = await reopener(() => data)();
      const kept = await service.createHighlight({ sourceId: EFE, start: 10, end: 30 });
      // Fill the disk.
      await writeFile(join(mount, 'filler'), Buffer.alloc(4 * 1024 * 1024)).catch(() => {});
      const huge = note('x'.repeat(1_500_000));
      await expect(service.saveSourceNote({ sourceId: EFE, doc: huge })).rejects.toThrow(/ENOSPC/);
      const doc = await service.getSource({ id: EFE });
      expect(JSON.stringify(doc.note)).not.toContain('xxxx');
      expect(doc.highlights.map((h) => h.id)).toEqual([kept.id]);
      await rm(join(mount, 'filler'));
      await service.saveSourceNote({ sourceId: EFE, doc: note('room again') });
      await service.close();
      const reopened = await reopener(() => data)();
      expect(JSON.stringify((await reopened.getSource({ id: EFE })).note)).toContain('room again');
      await reopened.close();
    } finally {
      unmount(mount);
    }
  });
});
