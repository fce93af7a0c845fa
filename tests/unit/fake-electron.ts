import { EventEmitter } from 'node:events';

/**
 * A stand-in for the 'electron' module, enough to run electron/main.ts, menu.ts, exchange-shell.ts and preload.ts
 * under Node (no Electron binary runs here): it records what the shell registers and lets a test play the
 * renderer, the dialogs and the app's lifecycle.
 */
export function fakeElectron(options: { packaged?: boolean; appPath: string; userData: string; platform?: string }) {
  const handlers = new Map<string, (event: unknown, input?: unknown) => unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  const opened: string[] = [];
  const menus: unknown[] = [];
  const dialogAnswers: { save: Array<string | null>; open: string[][]; box: number[] } = { save: [], open: [], box: [] };
  const exposed: Record<string, unknown> = {};
  const invoked: Array<{ channel: string; input: unknown }> = [];
  const rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));

  class FakeWebContents extends EventEmitter {
    mainFrame = { url: '' };
    sent: Array<[string, unknown]> = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    send(channel: string, value: unknown) {
      this.sent.push([channel, value]);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded!: () => void;
    loadedUrl = '';
    destroyed = false;
    constructor(public readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      // The page starts running (and calling) at once; the load promise resolves only when the test says so.
      this.webContents.mainFrame.url = url;
      return new Promise<void>((resolve) => (this.loaded = resolve));
    }
    maximize() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1400, height: 900 };
    }
    destroy() {
      this.destroyed = true;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged ?? false,
    whenReady: () => whenReady,
    requestSingleInstanceLock: () => true,
    // userData, documents and temp alike: one folder of the test's.
    getPath: () => options.userData,
    getAppPath: () => options.appPath,
    getVersion: () => '0.0.0-test',
    quitCalls: 0,
    quit() {
      this.quitCalls++;
    },
    exit() {},
  });

  const session = {
    defaultSession: {
      spellChecker: true,
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setSpellCheckerEnabled(on: boolean) {
        this.spellChecker = on;
      },
    },
    fromPartition: () => ({ setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onBeforeRequest() {} } }),
  };

  const module = {
    app,
    BrowserWindow: FakeWindow,
    session,
    protocol: { registerSchemesAsPrivileged() {}, handle() {} },
    net: { fetch: async () => new Response('') },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    shell: { openExternal: async (url: string) => void opened.push(url), openPath: async () => '' },
    dialog: {
      showSaveDialog: async () => {
        const path = dialogAnswers.save.shift() ?? null;
        return { canceled: path === null, filePath: path ?? undefined };
      },
      showOpenDialog: async () => {
        const filePaths = dialogAnswers.open.shift() ?? [];
        return { canceled: filePaths.length === 0, filePaths };
      },
      showMessageBox: async () => ({ response: dialogAnswers.box.shift() ?? 1 }),
      showErrorBox() {},
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input?: unknown) => unknown) => void handlers.set(channel, handler),
      once: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void listeners.set(channel, listener),
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void listeners.set(channel, listener),
    },
    // The preload's side.
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (exposed[name] = api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push({ channel, input });
        return { ok: true, value: null };
      },
      send() {},
      on(channel: string, handler: (event: unknown, ...args: unknown[]) => void) {
        (rendererListeners.get(channel) ?? rendererListeners.set(channel, new Set()).get(channel)!).add(handler);
      },
      removeListener(channel: string, handler: (event: unknown, ...args: unknown[]) => void) {
        rendererListeners.get(channel)?.delete(handler);
      },
    },
  };

  return {
    module,
    ready: () => ready(),
    windows,
    handlers,
    opened,
    menus,
    dialogAnswers,
    exposed,
    invoked,
    /** A message from the main process as the preload's ipcRenderer.on listeners get it. */
    pushToRenderer(channel: string, ...args: unknown[]) {
      for (const handler of rendererListeners.get(channel) ?? []) handler({}, ...args);
    },
    /** Call an IPC handler as the notebook window's main frame would. */
    invoke(channel: string, input?: unknown, from: FakeWindow | undefined = windows[0]) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({ senderFrame: from?.webContents.mainFrame, sender: from?.webContents }, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
