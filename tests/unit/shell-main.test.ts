import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeElectron, type FakeElectron } from './fake-electron';
import { cleanUp, tempDir } from './exchange-helpers';

/**
 * electron/main.ts and exchange-shell.ts run under Node against a stand-in for the 'electron' module
 * (tests/unit/fake-electron.ts): the window, the IPC handlers, the dialogs and quitting, as the shell wires them.
 */
const state = vi.hoisted(() => ({ fake: null as FakeElectron | null }));
vi.mock('electron', () => state.fake!.module);

let fake: FakeElectron;
let dataDir: string;
let outDir: string;

beforeAll(async () => {
  const root = await tempDir('notebook-shell-');
  dataDir = join(root, 'notebook');
  outDir = join(root, 'exports');
  await mkdir(outDir, { recursive: true });
  fake = fakeElectron({ appPath: resolve('.'), userData: join(root, 'user-data'), packaged: true });
  state.fake = fake;
  vi.stubEnv('NOTEBOOK_DATA_DIR', dataDir);
  await import('../../electron/main');
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await cleanUp();
});

describe('the Electron shell, under Node with a stand-in electron module', () => {
  it('answers the renderer while the page is still loading (the window is the notebook window from its creation)', async () => {
    const [win] = fake.windows;
    expect(win.loadedUrl).toBe('app://notebook/index.html');
    // loadURL has not resolved: the page's first calls must still be answered.
    const sources = await fake.invoke('listSources');
    expect(sources.ok).toBe(true);
    expect((sources.value as unknown[]).length).toBe(5);
    // A frame that is not the notebook window's is refused.
    const other = await fake.handlers.get('listSources')!({ senderFrame: { url: 'https://evil.example/' } }, undefined);
    expect(other).toEqual({ ok: false, error: expect.objectContaining({ message: 'Calls are accepted from the notebook window only.' }) });
    win.loaded();
  });

  it('tells the window what changed once it is on disk, in one batch per burst of changes', async () => {
    const [win] = fake.windows;
    const sent = () => win.webContents.sent.filter(([channel]) => channel === 'notebook-changed').map(([, batch]) => batch);
    const before = sent().length;
    const source = ((await fake.invoke('listSources')).value as Array<{ id: string }>)[0].id;
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fake.invoke('createHighlight', { sourceId: source, start: i * 7, end: i * 7 + 5 })),
    );
    expect(made.filter((r) => !r.ok).map((r) => r.error?.message)).toEqual([]);
    await vi.waitFor(() => expect(sent().length).toBeGreaterThan(before));
    // Twenty highlights saved together: the window hears of that source once.
    expect(sent().slice(before).flat()).toEqual([{ kind: 'source', id: source }]);
  });

  it('a packaged build has no developer tools, no spellchecker, and a menu of its own set before the window', () => {
    const prefs = fake.windows[0].options.webPreferences!;
    expect(prefs.devTools).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(fake.module.session.defaultSession.spellChecker).toBe(false);
    expect(fake.menus.length).toBeGreaterThan(0);
    const roles = JSON.stringify(fake.menus[0]);
    expect(roles).not.toMatch(/toggleDevTools|reload|forceReload/i);
  });

  it('exports only to the path the save dialog returned, once', async () => {
    const scope = { kind: 'notebook' };
    const foreign = join(outDir, 'settings.json');
    await writeFile(foreign, '{"theirs":true}');
    // Not chosen in the dialog: refused, nothing written.
    const refused = await fake.invoke('startExport', { scope, format: 'w3c', path: foreign, overwrite: true });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('save dialog') }) });
    expect(await readFile(foreign, 'utf8')).toBe('{"theirs":true}');

    const chosen = join(outDir, 'Notebook.json');
    fake.dialogAnswers.save.push(chosen);
    expect(await fake.invoke('shell:chooseSavePath', { defaultName: 'Notebook.json', filters: [{ name: 'JSON', extensions: ['json'] }] })).toEqual({ ok: true, value: chosen });
    const started = await fake.invoke('startExport', { scope, format: 'w3c', path: chosen, overwrite: true });
    expect(started.ok).toBe(true);
    await vi.waitFor(async () => expect(JSON.parse(await readFile(chosen, 'utf8')).type).toContain('AnnotationCollection'), { timeout: 20_000 });
    // Once: the same path again needs the dialog again.
    expect(await fake.invoke('startExport', { scope, format: 'w3c', path: chosen, overwrite: true })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('save dialog') }) });
  });

  it('a dialog answer without the extension gets it, and replacing the file it then names is asked natively', async () => {
    const existing = join(outDir, 'report.html');
    await writeFile(existing, 'keep me');
    fake.dialogAnswers.save.push(join(outDir, 'report'));
    fake.dialogAnswers.box.push(1); // Cancel
    expect(await fake.invoke('shell:chooseSavePath', { defaultName: 'report.html', filters: [{ name: 'HTML', extensions: ['html', 'htm'] }] })).toEqual({ ok: true, value: null });
    expect(await fake.invoke('startExport', { scope: { kind: 'notebook' }, format: 'html', path: existing, overwrite: true })).toMatchObject({ ok: false });
    expect(await readFile(existing, 'utf8')).toBe('keep me');
  });

  it('prints a PDF only to a granted path, and never of HTML the renderer sends', async () => {
    const pdf = join(outDir, 'report.pdf');
    expect(await fake.invoke('shell:printToPdf', { scope: { kind: 'notebook' }, path: pdf })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('save dialog') }) });
    expect(await fake.invoke('shell:printToPdf', { html: '<p>forged</p>', path: pdf })).toEqual({ ok: false, error: expect.objectContaining({ message: 'Invalid input for shell:printToPdf.' }) });
    expect(await readdir(outDir)).not.toContain('report.pdf');
  });

  it('a granted path that is a symbolic link into the notebook folder is refused', async () => {
    const link = join(outDir, 'innocent.json');
    await symlink(join(dataDir, 'catalog.json'), link);
    const before = await readFile(join(dataDir, 'catalog.json'), 'utf8');
    fake.dialogAnswers.save.push(link);
    await fake.invoke('shell:chooseSavePath', { defaultName: 'innocent.json', filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(await fake.invoke('startExport', { scope: { kind: 'notebook' }, format: 'w3c', path: link, overwrite: true })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('outside the notebook’s own data folder') }),
    });
    expect(await readFile(join(dataDir, 'catalog.json'), 'utf8')).toBe(before);
  });

  it('imports files chosen in the open dialog, read by the main process (no path or bytes from the renderer)', async () => {
    const file = join(outDir, 'field-notes.txt');
    await writeFile(file, 'Field notes from the border crossing.\n\nA second paragraph.');
    fake.dialogAnswers.open.push([file]);
    const reply = await fake.invoke('shell:chooseImportFiles');
    expect(reply).toMatchObject({ ok: true, value: { importable: 1, files: [{ name: 'field-notes.txt', ok: true, kind: 'source' }] } });
    expect(await fake.invoke('shell:chooseImportFiles', { path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(await fake.invoke('shell:chooseImportFiles')).toEqual({ ok: true, value: null }); // cancelled
  });

  it('opens a link in the browser only right after a click in the window; other requests are logged', () => {
    const contents = fake.windows[0].webContents;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(contents.windowOpenHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual([]);
    contents.emit('input-event', {}, { type: 'mouseUp' });
    contents.windowOpenHandler!({ url: 'https://example.org/b' });
    contents.windowOpenHandler!({ url: 'https://example.org/c' });
    contents.emit('input-event', {}, { type: 'mouseUp' });
    contents.windowOpenHandler!({ url: 'file:///etc/passwd' });
    expect(fake.opened).toEqual(['https://example.org/b']);
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('quitting waits until the backend has flushed its writes', async () => {
    let prevented = 0;
    fake.module.app.emit('will-quit', { preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    expect(fake.module.app.quitCalls).toBe(0);
    // Closing saves the search index too (the test above changed a source): give it time on a loaded machine.
    await vi.waitFor(() => expect(fake.module.app.quitCalls).toBe(1), { timeout: 15_000 });
    fake.module.app.emit('will-quit', { preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });
});
