import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../core/contract';
import { COMMAND_LIST } from '../../core/commands';
import { payloadSize, payloadTooLarge } from '../../core/payload';
import { isMacPlatform } from '../../core/platform';
import { resolveExportTarget } from '../../electron/backend/exchange/paths';
import { SaveGrants } from '../../electron/save-grants';
import { flushBeforeQuit } from '../../electron/quit';
import { downloadFailure, executableIn } from '../../scripts/electron-runtime.mjs';
import { fakeElectron, type FakeElectron } from './fake-electron';
import { cleanUp, tempDir } from './exchange-helpers';

const state = vi.hoisted(() => ({ fake: null as FakeElectron | null }));
vi.mock('electron', () => state.fake!.module);
state.fake = fakeElectron({ appPath: resolve('.'), userData: '/nowhere' });

afterAll(cleanUp);

describe('the renderer knows it is on a Mac', () => {
  it('from Electron\'s "darwin" as from a browser\'s "MacIntel"; not elsewhere', () => {
    expect(isMacPlatform('darwin')).toBe(true);
    expect(isMacPlatform('MacIntel')).toBe(true);
    for (const other of ['win32', 'linux', 'Linux x86_64', 'Win32', '', undefined]) expect(isMacPlatform(other)).toBe(false);
  });
});

describe('the menu on macOS', () => {
  it('bare keys (H, T, N, 1–9, Delete) get no accelerator there, only a label; elsewhere they keep it, unregistered', async () => {
    const { menuItemFor, buildMenu } = await import('../../electron/menu');
    const byId = (id: string) => COMMAND_LIST.find((c) => c.id === id)!;
    for (const id of ['highlight.create', 'highlight.tag', 'highlight.note', 'highlight.quickTag', 'highlight.delete']) {
      const item = menuItemFor(byId(id), true, () => {});
      expect(item.accelerator, id).toBeUndefined();
      expect(item.label).toMatch(/\((H|T|N|1|⌦)\)$/);
      const linux = menuItemFor(byId(id), false, () => {});
      expect(linux).toMatchObject({ accelerator: byId(id).accelerator, registerAccelerator: false });
    }
    expect(menuItemFor(byId('file.export'), true, () => {})).toMatchObject({ accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    expect(menuItemFor(byId('find.next'), true, () => {})).toMatchObject({ accelerator: 'F3' });
    // The whole macOS menu: no item has a bare-key accelerator.
    const { template } = buildMenu(() => {}, '/data', true) as unknown as { template: Array<{ submenu?: Array<{ accelerator?: string }> }> };
    const accelerators = template.flatMap((m) => m.submenu ?? []).map((i) => i.accelerator).filter(Boolean) as string[];
    expect(accelerators.filter((a) => /^(Delete|Backspace|[A-Z0-9])$/.test(a))).toEqual([]);
    expect(accelerators).toContain('CmdOrCtrl+K');
  });
});

describe('the menu in the interface language', () => {
  it('English by default; in Russian every menu, command and the folder item are Russian, with the same shortcuts', async () => {
    const { menuTemplate } = await import('../../electron/menu');
    type Item = { label?: string; accelerator?: string; submenu?: Item[] };
    const en = menuTemplate(() => {}, '/data', false, 'en') as Item[];
    const ru = menuTemplate(() => {}, '/data', false, 'ru') as Item[];
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(ru.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    const items = (t: Item[]) => t.flatMap((m) => m.submenu ?? []).filter((i) => i.label);
    expect(items(ru).map((i) => i.label)).toContain('Язык интерфейса: English / Русский');
    expect(items(ru).map((i) => i.label)).toContain('Показать папку блокнота');
    expect(items(ru).filter((i) => !/[а-яё]/i.test(i.label!)).map((i) => i.label)).toEqual([]);
    expect(items(ru).map((i) => i.accelerator)).toEqual(items(en).map((i) => i.accelerator));
  });
});

describe('the preload', () => {
  it('exposes one function per channel, and refuses a call over its bound without sending it', async () => {
    const fake = state.fake!;
    await import('../../electron/preload');
    const api = fake.exposed.notebook as Record<string, (input?: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>>;
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    await api.getSource({ id: 'abc' });
    expect(fake.invoked).toEqual([{ channel: 'getSource', input: { id: 'abc' } }]);
    const big = { files: [{ name: 'huge.json', size: 100 * 1024 * 1024, data: 'A'.repeat(100 * 1024 * 1024) }] };
    expect(await api.previewImport(big)).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('File › Import') }) });
    const note = { sourceId: 's', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'n'.repeat(9 * 1024 * 1024) }] }] } };
    expect(await api.saveSourceNote(note)).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('more than 8 MB') }) });
    expect(fake.invoked).toHaveLength(1);
    const shell = fake.exposed.notebookShell as Record<string, unknown> & { platform: string; chooseSavePath(i: unknown): Promise<unknown> };
    expect(shell.platform).toBe(process.platform);
    // The shell's bridge is generated from core/shell-contract.ts: one function per shell channel, by its bridge name,
    // each invoking that channel; nothing else but the platform, the close answer and the menu subscription.
    const { shellContract, shellChannels } = await import('../../core/shell-contract');
    expect(Object.keys(shell).sort()).toEqual([...shellChannels.map((c) => shellContract[c].bridge), 'onMenuCommand', 'onNotebookChanged', 'platform', 'readyToClose'].sort());
    // Pushed changes reach the page only in core's shape; anything else is dropped; unsubscribing stops them.
    const got: unknown[] = [];
    const stop = (shell.onNotebookChanged as (l: (b: unknown) => void) => () => void)((b) => got.push(b));
    fake.pushToRenderer('notebook-changed', [{ kind: 'source', id: 's1' }, { kind: 'catalog' }]);
    fake.pushToRenderer('notebook-changed', [{ kind: 'source' }]);
    fake.pushToRenderer('notebook-changed', 'not a batch');
    stop();
    fake.pushToRenderer('notebook-changed', [{ kind: 'reload' }]);
    expect(got).toEqual([[{ kind: 'source', id: 's1' }, { kind: 'catalog' }]]);
    fake.invoked.length = 0;
    await shell.chooseSavePath({ defaultName: 'x.csv', filters: [] }).catch(() => undefined);
    expect(fake.invoked).toEqual([{ channel: 'shell:chooseSavePath', input: { defaultName: 'x.csv', filters: [] } }]);
  });

  it('measures without walking more than the bound, and without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(payloadSize(deep, 1_000)).toBeGreaterThan(1_000);
    expect(payloadTooLarge('getSource', { id: 'abc' })).toBeNull();
    expect(payloadTooLarge('updateSourceText', { sourceId: 's', text: 'a'.repeat(50 * 1024 * 1024) })).toBeNull();
    expect(payloadTooLarge('updateSourceText', { sourceId: 's', text: 'a'.repeat(51 * 1024 * 1024) })).toMatch(/more than 50 MB/);
  });
});

describe('export destinations', () => {
  it('a save-dialog grant is used once, and matches without case on macOS and Windows only', () => {
    const mac = new SaveGrants('darwin');
    mac.grant('/Users/ana/Documents/Report.html');
    expect(mac.take('/users/ana/documents/report.HTML')).toBe(true);
    expect(mac.take('/Users/ana/Documents/Report.html')).toBe(false);
    const linux = new SaveGrants('linux');
    linux.grant('/home/ana/Report.html');
    expect(linux.take('/home/ana/report.html')).toBe(false);
    expect(linux.take('/home/ana/Report.html')).toBe(true);
  });

  it('the notebook folder is refused in another case where the file system ignores case, and through a symbolic link', async () => {
    const root = await tempDir('notebook-paths-');
    const dataDir = join(root, 'Notebook');
    await mkdir(dataDir, { recursive: true });
    await expect(resolveExportTarget(join(root, 'notebook', 'x.csv'), 'csv', false, dataDir, 'darwin')).rejects.toThrow(/outside the notebook/);
    await expect(resolveExportTarget(join(root, 'NOTEBOOK', 'x.csv'), 'csv', false, dataDir, 'win32')).rejects.toThrow(/outside the notebook/);
    const { symlink } = await import('node:fs/promises');
    await symlink(dataDir, join(root, 'shortcut'));
    await expect(resolveExportTarget(join(root, 'shortcut'), 'markdown', true, dataDir)).rejects.toThrow(/outside the notebook/);
    await expect(resolveExportTarget(join(root, 'shortcut', 'catalog.json'), 'w3c', false, dataDir)).rejects.toThrow(/outside the notebook/);
    expect(await resolveExportTarget(join(root, 'fine.csv'), 'csv', false, dataDir)).toBe(join(root, 'fine.csv'));
  });
});

describe('packaging for macOS', () => {
  it('re-signs ad hoc after flipping the fuses, so a build without a certificate launches on Apple silicon', async () => {
    const config = JSON.parse(await readFile('build/electron-builder.json', 'utf8'));
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
    // Hardened runtime with an ad-hoc signature needs library validation off: electron-builder's default
    // entitlements (used when the config names none) carry com.apple.security.cs.disable-library-validation.
    expect(config.mac.entitlements).toBeUndefined();
    expect(await readFile('node_modules/app-builder-lib/templates/entitlements.mac.plist', 'utf8')).toContain('com.apple.security.cs.disable-library-validation');
  });
});

describe('quitting', () => {
  it('holds the quit until the flush has finished, then quits once', async () => {
    let release!: () => void;
    const flushed = new Promise<void>((r) => (release = r));
    const listeners: Array<(e: { preventDefault(): void }) => void> = [];
    const app = { quits: 0, on: (_: 'will-quit', l: (e: { preventDefault(): void }) => void) => listeners.push(l), quit: () => app.quits++ };
    flushBeforeQuit(app, () => flushed);
    const prevented: boolean[] = [];
    const quitEvent = () => {
      let p = false;
      listeners[0]({ preventDefault: () => (p = true) });
      prevented.push(p);
    };
    quitEvent();
    quitEvent(); // a second Cmd+Q while flushing
    await Promise.resolve();
    expect(app.quits).toBe(0);
    release();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    quitEvent();
    expect(prevented).toEqual([true, true, false]);
  });
});

describe('npm start (scripts/launch.mjs)', () => {
  it('finds the runtime where each platform keeps it', () => {
    expect(executableIn('darwin')).toBe(join('Electron.app', 'Contents', 'MacOS', 'Electron'));
    expect(executableIn('win32')).toBe('electron.exe');
    expect(executableIn('linux')).toBe('electron');
  });

  it('launches the runtime of ELECTRON_OVERRIDE_DIST_PATH with the app folder', async () => {
    const dist = await tempDir('notebook-electron-dist-');
    const log = join(dist, 'args.txt');
    await writeFile(join(dist, executableIn(process.platform)), `#!/bin/sh\necho "$@" > "${log}"\nexit 3\n`);
    await chmod(join(dist, executableIn(process.platform)), 0o755);
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', '--data-dir', '/data/x'], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist }, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect((await readFile(log, 'utf8')).trim()).toBe('. --data-dir /data/x');
  });

  it('says why the download failed, in the installer\'s words', () => {
    expect(downloadFailure({ status: 1, stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n' })).toBe('TypeError: fetch failed');
    expect(downloadFailure({ status: null, error: Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' }) })).toMatch(/over five minutes/);
    expect(downloadFailure({ status: 7, stderr: '' })).toBe('the installer exited with code 7');
  });

  it.skipIf(existsSync(join('node_modules', 'electron', 'path.txt')))('reports the real error when the runtime cannot be fetched', () => {
    // A mirror nobody answers on: the download fails here as it would offline.
    const run = spawnSync(process.execPath, ['scripts/launch.mjs'], { env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not be downloaded: TypeError: fetch failed.');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
