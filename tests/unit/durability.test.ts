import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../core/model';
import { migrate } from '../../core/migrations';
import { Backups } from '../../electron/backend/backups';
import { createDispatcher } from '../../electron/backend/dispatch';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-durability-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);
const EFE = '002_3d6a35bbe9bd0c1a';

describe('schema migrations', () => {
  it('opens a version 1 notebook (fixture files) and brings it to the current version', async () => {
    await cp('tests/fixtures/notebook-v1', dir, { recursive: true });
    const service = await open();
    const [source] = await service.listSources();
    expect(source.title).toMatch(/Putin warns/);
    const doc = await service.getSource({ id: EFE });
    expect(doc.highlights).toHaveLength(1);
    expect(doc.text.slice(doc.highlights[0].start, doc.highlights[0].end)).toBe('Zamir Kabulov');
    expect(JSON.stringify(doc.note)).toContain('A note from version 1.');
    const settings = await service.getSettings();
    expect(settings.reader.fontSize).toBe(20);
    // Version 1 kept reading positions as fractions; they cannot be offsets, so they are dropped, not misread.
    expect(settings.readingPositions[EFE]).toBeUndefined();
    // The codebook arrives with the migration.
    expect((await service.listTags()).tags.map((t) => t.name)).toEqual(expect.arrayContaining(['People', 'Places', 'Refugees']));
    // Files are rewritten at the current version on the next save, not before.
    expect(JSON.parse(await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8')).schemaVersion).toBe(1);
    await service.saveSourceNote({ sourceId: EFE, doc: { type: 'doc', content: [] } });
    const rewritten = JSON.parse(await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8'));
    expect(rewritten.schemaVersion).toBe(SCHEMA_VERSION);
    expect(rewritten.highlights[0].id).toBe('h-0a1b2c3d4e5f');
  });

  it('has a step for every older version of each kind of file', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) {
      expect(migrate('catalog', { schemaVersion: v, sources: [], settings: {} }).data).toMatchObject({ schemaVersion: SCHEMA_VERSION });
      expect(migrate('source', { schemaVersion: v, id: 'x', text: '', highlights: [], note: { type: 'doc' } }).data).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    }
  });

  it('opens a notebook from a newer app read-only, says so, and never rewrites it', async () => {
    await open();
    const path = join(dir, 'catalog.json');
    const newer = JSON.parse(await readFile(path, 'utf8'));
    newer.schemaVersion = SCHEMA_VERSION + 1;
    newer.somethingNew = { from: 'the future' };
    await writeFile(path, JSON.stringify(newer));
    const before = await readFile(path, 'utf8');
    const service = await open();
    const dispatch = createDispatcher(service);
    expect(await dispatch('startupReport', undefined)).toMatchObject({ ok: true, value: { readOnly: true, notices: [expect.stringContaining('newer version of Research Notebook')] } });
    expect(await service.listSources()).toHaveLength(5);
    const refused = await dispatch('updateSettings', { reader: { fontSize: 24 } });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('open read-only') }) });
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});

describe('recovery at start-up', () => {
  for (const [name, damage] of [
    ['truncated', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['garbled', (t: string) => t.replace(/[{}"]/g, '#')],
    ['emptied', () => ''],
  ] as const) {
    it(`restores a ${name} catalog from the newest backup, keeps the bad file aside and says so`, async () => {
      const first = await open();
      await first.listBackups(); // the backups due at start: taken now rather than a little after opening
      const [s] = await first.listSources();
      const path = join(dir, 'catalog.json');
      const bad = damage(await readFile(path, 'utf8'));
      await writeFile(path, bad);
      const service = await open();
      expect(await service.listSources()).toHaveLength(5);
      expect((await service.listSources()).map((x) => x.id)).toContain(s.id);
      const report = await service.startupReport();
      expect(report.notices).toEqual([expect.stringMatching(/^catalog\.json was damaged .* kept aside as catalog\.json\.damaged-.* restored from the backup of/)]);
      const aside = (await readdir(dir)).find((f) => f.startsWith('catalog.json.damaged-'))!;
      expect(await readFile(join(dir, aside), 'utf8')).toBe(bad);
    });
  }

  it('restores a damaged source file from the backup, with its highlights', async () => {
    const first = await open();
    const h = await first.createHighlight({ sourceId: EFE, start: 10, end: 40 });
    await new Backups(dir).snapshot('manual');
    await writeFile(join(dir, 'sources', `${EFE}.json`), '{"schemaVersion":2,"id":"00');
    const service = await open();
    const report = await service.startupReport();
    expect(report.notices).toEqual([expect.stringContaining(`sources/${EFE}.json was damaged`)]);
    expect((await service.getSource({ id: EFE })).highlights.map((x) => x.id)).toEqual([h.id]);
  });

  it('without a backup, opens read-only with the reason and changes nothing, rather than starting without the file', async () => {
    await open();
    await rm(join(dir, 'backups'), { recursive: true, force: true });
    const path = join(dir, 'catalog.json');
    await writeFile(path, '{"schemaVersion":2,"sour');
    const service = await open();
    const report = await service.startupReport();
    expect(report.readOnly).toBe(true);
    expect(report.notices.join(' ')).toMatch(/catalog\.json is not valid JSON .* no backup of it, so the notebook is open read-only/);
    await expect(service.updateSettings({ reader: { fontSize: 20 } })).rejects.toThrow(/open read-only/);
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":2,"sour');
    expect((await readdir(dir)).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});

describe('backups', () => {
  it('takes hourly and daily snapshots when due, and restores one from the menu channel', async () => {
    const service = await open();
    const dispatch = createDispatcher(service);
    const list = (await dispatch('listBackups', undefined)) as { ok: true; value: Array<{ id: string; kind: string }> };
    expect(list.value.map((b) => b.kind).sort()).toEqual(['daily', 'hourly']);
    // Nothing more is due within the hour.
    await service.backupIfDue();
    expect(((await dispatch('listBackups', undefined)) as { value: unknown[] }).value).toHaveLength(2);

    await service.saveSourceNote({ sourceId: EFE, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'before' }] }] } });
    const manual = (await dispatch('createBackup', undefined)) as { ok: true; value: { id: string } };
    await service.saveSourceNote({ sourceId: EFE, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'after' }] }] } });
    await service.createHighlight({ sourceId: EFE, start: 0, end: 10 });

    const restored = await dispatch('restoreBackup', { id: manual.value.id });
    expect(restored).toMatchObject({ ok: true });
    const doc = await service.getSource({ id: EFE });
    expect(JSON.stringify(doc.note)).toContain('before');
    expect(doc.highlights).toHaveLength(0);
    // The state before the restore was kept as a backup of its own: the restore can be undone.
    const before = (restored as { value: { before: { id: string } } }).value.before.id;
    await dispatch('restoreBackup', { id: before });
    expect(JSON.stringify((await service.getSource({ id: EFE })).note)).toContain('after');
    expect(await dispatch('restoreBackup', { id: '2020-01-01T00-00-00-000Z-daily' })).toEqual({ ok: false, error: expect.objectContaining({ message: 'There is no backup "2020-01-01T00-00-00-000Z-daily" in this notebook.' }) });
  });

  it('keeps the newest N of each kind and shares unchanged files between snapshots', async () => {
    await open();
    const backups = new Backups(dir, { keep: { hourly: 3, daily: 2, manual: 1, 'before-restore': 1 }, maxBytes: 10 * 1024 ** 2 });
    const base = Date.now() + 86_400_000;
    for (let i = 0; i < 6; i++) await backups.snapshotIfDue(new Date(base + i * 13 * 3_600_000));
    const list = await backups.list();
    expect(list.filter((b) => b.kind === 'hourly')).toHaveLength(3);
    expect(list.filter((b) => b.kind === 'daily')).toHaveLength(2);
    const [a, b] = list.filter((x) => x.kind === 'hourly');
    const sa = await stat(join(backups.dir, a.id, 'catalog.json'));
    const sb = await stat(join(backups.dir, b.id, 'catalog.json'));
    expect(sa.ino).toBe(sb.ino); // one file on disk for both: the catalog did not change between them
  });

  it('stays under its size bound by dropping the oldest snapshots', async () => {
    await open();
    const size = (await stat(join(dir, 'catalog.json'))).size;
    const backups = new Backups(dir, { keep: { hourly: 50, daily: 50, manual: 50, 'before-restore': 5 }, maxBytes: 200_000 });
    const service = await open();
    const base = Date.now() + 86_400_000;
    for (let i = 0; i < 8; i++) {
      // Every snapshot differs from the last, so nothing is shared.
      await service.saveSourceNote({ sourceId: EFE, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `v${i} ${'x'.repeat(20_000)}` }] }] } });
      await backups.snapshot('manual', new Date(base + i * 60_000));
      await backups.rotate();
    }
    const list = await backups.list();
    expect(list.length).toBeLessThan(8);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].createdAt).toBe(new Date(base + 7 * 60_000).toISOString());
    expect(size).toBeGreaterThan(0);
  });
});
