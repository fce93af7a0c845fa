/**
 * The Electron shell: app lifecycle, the window, the app:// protocol, the menu, and IPC registration.
 * No business logic: every channel goes to the backend's dispatcher after the sender is checked.
 */
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../core/contract';
import { SHELL_EVENTS } from '../core/shell-contract';
import type { Dispatch } from './backend/dispatch';
import type { StartExportResult } from '../core/exchange/api';
import type { Settings } from '../core/model';
import { readNotebookPointer, resolveDataDir, writeNotebookPointer } from './backend/data-dir';
import { electronSecretBox } from './secret-box';
import type { NotebookService } from './backend/service';
import { NotebookSession } from './backend/startup';
import { buildMenu } from './menu';
import { interfaceLanguage, type InterfaceLanguage } from '../core/i18n/catalog';
import { registerExchangeShell } from './exchange-shell';
import { CSP } from './csp';
import { NOT_GRANTED_ERROR, SaveGrants, UNTRUSTED_SENDER } from './save-grants';
import { openExternalLink, UserGestures } from './external-links';
import { flushBeforeQuit } from './quit';

const APP_ORIGIN = 'app://notebook';
const rendererDir = join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this notebook: it is told (second-instance) and focuses its window.
  app.quit();
} else {
  void start();
}

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  // A joined shared notebook (issue 19) is opened again at the next start, from the folder it was joined into.
  const pointer = join(app.getPath('userData'), 'notebook-folder.json');
  const dataDir = resolveDataDir(process.argv, process.env, readNotebookPointer(pointer) ?? join(app.getPath('userData'), 'notebook'));
  // Our menu replaces Electron's default one (Reload, Toggle Developer Tools) at once, before any window exists.
  const showMenu = (lang: InterfaceLanguage) => Menu.setApplicationMenu(buildMenu((command) => mainWindow?.webContents.send(SHELL_EVENTS.menuCommand, command), dataDir, undefined, lang));
  showMenu('en');
  // A notebook that cannot be opened still gets its window: the start-up failure screen says what failed and offers
  // the backups and, where it can work, opening read-only (electron/backend/startup.ts).
  const notebook = await NotebookSession.open({ dataDir, seedsDir: join(app.getAppPath(), 'seeds'), version: app.getVersion(), secrets: electronSecretBox });
  notebook.onFolderChanged = (folder) => writeNotebookPointer(pointer, folder);
  // The menu follows the interface language: as the notebook has it, then as the analyst switches it.
  let menuLanguage = interfaceLanguage((await notebook.current?.getSettings().catch(() => null))?.interfaceLanguage);
  if (menuLanguage !== 'en') showMenu(menuLanguage);
  const dispatch: Dispatch = async (channel, input) => {
    const reply = await notebook.dispatch(channel, input);
    const lang = channel === 'updateSettings' && reply.ok ? interfaceLanguage((reply.value as Settings).interfaceLanguage) : menuLanguage;
    if (lang !== menuLanguage) showMenu((menuLanguage = lang));
    return reply;
  };
  // What changed, once on disk, goes to the window: its panels follow changes made anywhere (an import, a restore).
  notebook.onChange((batch) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(SHELL_EVENTS.notebookChanged, batch);
  });
  // Quitting waits until every acknowledged write is on disk.
  flushBeforeQuit(app, () => notebook.close());
  // Hourly and daily backups while the app runs (each check is cheap; a snapshot is taken only when due).
  setInterval(() => void notebook.current?.backupIfDue().catch((err) => console.error('backup failed', err)), 10 * 60_000).unref();
  const opened = (): NotebookService => {
    if (!notebook.current) throw new Error('The notebook is not open.');
    return notebook.current;
  };

  lockDownSessions();
  serveRenderer();
  const grants = new SaveGrants();
  registerIpc(dispatch, grants);
  registerExchangeShell({
    isTrustedSender,
    window: () => mainWindow,
    dataDir,
    grants,
    reportHtml: (scope) => opened().exportReportHtml({ scope }),
    previewImport: (files, jobId) => opened().exchange.imports.preview({ files, jobId }),
  });
  // The window is the notebook window from its creation: the renderer's first calls (while the page is still
  // loading) are accepted, not refused for want of a window.
  mainWindow = createWindow(notebook, (await notebook.current?.getSettings())?.window);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** app://notebook/<path> serves dist/renderer, and nothing outside it. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'notebook') return new Response('Not found', { status: 404 });
    const path = normalize(join(rendererDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(dispatch: Dispatch, grants: SaveGrants): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: UNTRUSTED_SENDER };
      if (channel !== 'startExport') return dispatch(channel, input);
      // An export goes only where the analyst chose in the save dialog, once (asking to replace keeps the grant).
      const path = (input as { path?: unknown } | null)?.path;
      if (typeof path !== 'string' || !grants.has(path)) return { ok: false, error: NOT_GRANTED_ERROR };
      const reply = await dispatch(channel, input);
      if (!(reply.ok && (reply.value as StartExportResult).jobId === null)) grants.take(path);
      return reply;
    });
  }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && mainWindow && frame === mainWindow.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`));
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // No spellchecker: it would download dictionaries from Google's servers (Linux, Windows) and has no menu here.
  session.defaultSession.setSpellCheckerEnabled(false);
  app.on('web-contents-created', (_event, contents) => {
    // The analyst's clicks and key presses, as Chromium delivered them to the window (a page cannot fake these).
    const gestures = new UserGestures();
    contents.on('input-event', (_e, input) => gestures.record(input.type));
    contents.on('will-navigate', (event, url) => {
      if (url.startsWith(`${APP_ORIGIN}/`)) return;
      event.preventDefault();
      console.warn(`Refused to navigate the window to ${JSON.stringify(url.slice(0, 200))}.`);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link the analyst clicked: http(s) only, right after a click or key press, in the system browser; never a
      // new app window.
      openExternalLink(url, gestures, (u) => void shell.openExternal(u));
      return { action: 'deny' };
    });
  });
}

function createWindow(notebook: NotebookSession, saved: Settings['window'] | undefined): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Research Notebook',
    width: saved?.width ?? 1400,
    height: saved?.height ?? 900,
    x: saved?.x,
    y: saved?.y,
    minWidth: 900,
    minHeight: 560,
    show: false,
    backgroundColor: '#00000000',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click on a link would otherwise try to open a new window.
      disableBlinkFeatures: 'Auxclick',
      // Off: Chromium's spellchecker downloads dictionaries (Linux, Windows), and the app offers no menu for it.
      spellcheck: false,
      // No developer tools in a packaged app, before or after the page loads.
      devTools: !app.isPackaged,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    void notebook.current?.updateSettings({ window: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() } });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  // Before closing, the renderer saves what is typed but not yet saved; it answers 'ready-to-close' (or, if it
  // cannot, the window closes after a few seconds anyway rather than hang).
  let closing = false;
  win.on('close', (event) => {
    clearTimeout(timer);
    remember();
    if (closing) return;
    event.preventDefault();
    closing = true;
    const done = () => {
      if (!win.isDestroyed()) win.destroy();
    };
    ipcMain.once(SHELL_EVENTS.readyToClose, (e) => {
      if (e.sender === win.webContents) done();
    });
    win.webContents.send(SHELL_EVENTS.menuCommand, 'app.flushAndClose');
    setTimeout(done, 5000);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  return win;
}
