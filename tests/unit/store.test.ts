import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/backend/atomic-write';
import { createDispatcher } from '../../electron/backend/dispatch';
import { resolveDataDir } from '../../electron/backend/data-dir';
import { SCHEMA_VERSION } from '../../core/model';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-unit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = reopener(() => dir);

describe('seeds', () => {
  it('a new notebook holds the five articles with their manifest titles, texts byte for byte', async () => {
    const service = await open();
    const list = await service.listSources();
    expect(list.map((s) => s.title).sort()).toEqual(
      [
        'Putin Concerned Russia May Neglect Threat From Afghanistan Amid Ukraine Conflict',
        'Putin to discuss the situation in Afghanistan at a session of the CSTO Collective Security Council',
        'Putin warns of buildup of extremist and terrorist groups in northern Afghanistan',
        'Putin: the situation in Afghanistan carries risks for Central Asia and the entire CIS',
        'Russia and ex-Soviet allies pledge to keep Afghan crisis from destabilising Central Asia',
      ].sort(),
    );
    const efe = list.find((s) => s.publisher === 'EFE')!;
    expect(efe.date).toBe('2021-10-15');
    const doc = await service.getSource({ id: efe.id });
    expect(doc.text).toBe(await readFile(resolve('seeds', efe.originalFile), 'utf8'));
    // "Rating: 4.0/5. From 8 votes." is page furniture, kept in the text.
    const rating = doc.text.indexOf('Rating: 4.0/5');
    // The furniture comes with the source (the list does not carry it).
    expect('furniture' in efe).toBe(false);
    expect(doc.meta.furniture.some(([a, b]) => a <= rating && b > rating)).toBe(true);
    expect(doc.meta.furniture.some(([a, b]) => a <= 0 && b > 0)).toBe(false);
  });

  it('seeds only once: a reopened notebook keeps what the analyst did', async () => {
    const first = await open();
    const [source] = await first.listSources();
    await first.saveSourceNote({ sourceId: source.id, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }] } });
    const second = await open();
    expect(await second.listSources()).toHaveLength(5);
    expect(JSON.stringify((await second.getSource({ id: source.id })).note)).toContain('kept');
  });
});

describe('store', () => {
  it('round-trips settings and notes through files on disk, each with a schema version', async () => {
    const service = await open();
    const [source] = await service.listSources();
    await service.updateSettings({ reader: { fontSize: 22, fontFamily: 'sans' }, lastSourceId: source.id, readingPosition: { sourceId: source.id, offset: 120 } });
    const reopened = await open();
    const settings = await reopened.getSettings();
    expect(settings.reader).toEqual({ fontSize: 22, fontFamily: 'sans', lineWidth: 68 });
    expect(settings.lastSourceId).toBe(source.id);
    expect(settings.readingPositions[source.id]).toBe(120);
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
    expect(catalog.schemaVersion).toBe(SCHEMA_VERSION);
    const sourceFile = JSON.parse(await readFile(join(dir, 'sources', `${source.id}.json`), 'utf8'));
    expect(sourceFile.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('a note save rewrites that source file only', async () => {
    const service = await open();
    const [a] = await service.listSources();
    const before = await snapshot();
    await service.saveSourceNote({ sourceId: a.id, doc: { type: 'doc', content: [] } });
    const after = await snapshot();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual([`sources/${a.id}.json`]);
  });

  // Newer versions (read-only), damaged files (recovery from backups) and migrations: tests/unit/durability.test.ts.
});

describe('atomic write', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    const path = join(dir, 'file.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['file.json']);
  });

  it('a failed write leaves the old file intact and no partial file', async () => {
    const path = join(dir, 'file.json');
    await writeFileAtomic(path, 'old');
    // Writing into a path whose folder is a file fails before the rename: the old file must survive untouched.
    await expect(writeFileAtomic(join(path, 'inner.json'), 'x')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['file.json']);
  });

  it('concurrent saves land in order: the last acknowledged one wins', async () => {
    const service = await open();
    const [a] = await service.listSources();
    const saves = Array.from({ length: 20 }, (_, i) =>
      service.saveSourceNote({ sourceId: a.id, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `v${i}` }] }] } }),
    );
    await Promise.all(saves);
    const onDisk = JSON.parse(await readFile(join(dir, 'sources', `${a.id}.json`), 'utf8'));
    expect(JSON.stringify(onDisk.note)).toContain('"v19"');
    expect((await readdir(join(dir, 'sources'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('dispatcher', () => {
  it('validates before the service runs, so bad input changes nothing', async () => {
    const dispatch = createDispatcher(await open());
    const before = await snapshot();
    expect(await dispatch('updateSettings', { reader: { fontSize: 'big' } })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('reader.fontSize') }) });
    expect(await dispatch('saveSourceNote', { sourceId: 'nope', doc: { type: 'doc' } })).toEqual({ ok: false, error: expect.objectContaining({ message: 'No source with id "nope" in this notebook.' }) });
    expect(await dispatch('noSuchChannel', {})).toEqual({ ok: false, error: expect.objectContaining({ message: 'Unknown channel "noSuchChannel".' }) });
    expect(await dispatch('updateSettings', JSON.parse('{"__proto__":{"polluted":true}}'))).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await snapshot();
    expect(Object.keys(after).filter((k) => k !== 'catalog.json' && after[k] !== before[k])).toEqual([]);
  });
});

describe('data folder', () => {
  it('comes from --data-dir, then NOTEBOOK_DATA_DIR, then the default', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/a'], {}, '/d')).toBe('/a');
    expect(resolveDataDir(['--data-dir=/b'], { NOTEBOOK_DATA_DIR: '/e' }, '/d')).toBe('/b');
    expect(resolveDataDir([], { NOTEBOOK_DATA_DIR: '/e' }, '/d')).toBe('/e');
    expect(resolveDataDir([], {}, '/d')).toBe('/d');
  });
});

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'catalog.json': await readFile(join(dir, 'catalog.json'), 'utf8') };
  for (const f of await readdir(join(dir, 'sources'))) out[`sources/${f}`] = await readFile(join(dir, 'sources', f), 'utf8');
  return out;
}
