/**
 * The Electron shell: app lifecycle, the window, the app:// protocol, the menu, and IPC registration.
 * No business logic: every channel goes to the backend's dispatcher after the sender is checked.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../core/contract';
import { createDispatcher, type Dispatch } from './backend/dispatch';
import { resolveDataDir } from './backend/data-dir';
import { NotebookService } from './backend/service';
import { buildMenu } from './menu';
import { registerExchangeShell } from './exchange-shell';
import { CSP } from './csp';

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
  const dataDir = resolveDataDir(process.argv, process.env, join(app.getPath('userData'), 'notebook'));
  let service: NotebookService;
  try {
    service = await NotebookService.open({ dataDir, seedsDir: join(app.getAppPath(), 'seeds'), version: app.getVersion() });
  } catch (err) {
    // A damaged notebook with no backup: say what and where, and do not start without it.
    dialog.showErrorBox('The notebook could not be opened', `${(err as Error).message}\n\nNotebook folder: ${dataDir}`);
    app.exit(1);
    return;
  }
  const dispatch = createDispatcher(service);
  // Hourly and daily backups while the app runs (each check is cheap; a snapshot is taken only when due).
  setInterval(() => void service.backupIfDue().catch((err) => console.error('backup failed', err)), 10 * 60_000).unref();

  lockDownSessions();
  serveRenderer();
  registerIpc(dispatch);
  registerExchangeShell({ isTrustedSender, window: () => mainWindow, dataDir });
  mainWindow = await createWindow(service);
  Menu.setApplicationMenu(buildMenu((command) => mainWindow?.webContents.send('menu-command', command), dataDir));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
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

function registerIpc(dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: 'Calls are accepted from the notebook window only.' };
      return dispatch(channel, input);
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
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link the analyst clicked: http(s) only, in the system browser; never a new app window.
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function createWindow(service: NotebookService): Promise<BrowserWindow> {
  const saved = (await service.getSettings()).window;
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
      spellcheck: true,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    void service.updateSettings({ window: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() } });
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
    ipcMain.once('ready-to-close', (e) => {
      if (e.sender === win.webContents) done();
    });
    win.webContents.send('menu-command', 'app.flushAndClose');
    setTimeout(done, 5000);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
