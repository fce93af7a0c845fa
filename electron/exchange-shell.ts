/**
 * The shell's part of export (issue 6): the native save dialog, and printing the HTML report to PDF. Both are
 * IPC handlers outside the contract (they need Electron, which the backend never imports), with the same rules:
 * the sender is checked, the input validated, and errors travel as data with a readable message.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { writeFileAtomic } from './backend/atomic-write';
import { NotebookError } from './backend/errors';
import { resolveExportTarget } from './backend/exchange/paths';
import { describeIoError } from './backend/io-errors';

export interface ExchangeShellOptions {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  window(): BrowserWindow | null;
  dataDir: string;
}

const saveInput = z
  .object({
    defaultName: z.string().max(255),
    filters: z
      .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(10) }).strict())
      .max(10),
  })
  .strict();

const pdfInput = z.object({ html: z.string().max(512 * 1024 * 1024), path: z.string().min(1).max(4096) }).strict();

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function handle<T>(name: string, options: ExchangeShellOptions, run: (input: unknown) => Promise<T>): void {
  ipcMain.handle(name, async (event, input: unknown): Promise<Result<T>> => {
    if (!options.isTrustedSender(event)) return { ok: false, error: 'Calls are accepted from the notebook window only.' };
    try {
      return { ok: true, value: await run(input) };
    } catch (err) {
      if (err instanceof NotebookError) return { ok: false, error: err.message };
      if (err instanceof z.ZodError) return { ok: false, error: `Invalid input for ${name}.` };
      return { ok: false, error: describeIoError(err, 'save the PDF') ?? `Could not save the PDF: ${(err as Error)?.message ?? String(err)}` };
    }
  });
}

export function registerExchangeShell(options: ExchangeShellOptions): void {
  handle('shell:chooseSavePath', options, async (input) => {
    const { defaultName, filters } = saveInput.parse(input);
    const win = options.window();
    const dialogOptions = {
      defaultPath: join(app.getPath('documents'), defaultName),
      filters,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return result.canceled || !result.filePath ? null : result.filePath;
  });

  // After an export: the file manager at the exported file. Only an absolute path to a file or folder that exists.
  handle('shell:showInFolder', options, async (input) => {
    const path = z.string().min(1).max(4096).refine(isAbsolute, 'not an absolute path').parse(input);
    await stat(path).catch(() => {
      throw new NotebookError(`${path} is no longer there: it was moved or deleted after the export.`);
    });
    shell.showItemInFolder(normalize(path));
    return null;
  });

  handle('shell:printToPdf', options, async (input) => {
    const { html, path } = pdfInput.parse(input);
    const target = await resolveExportTarget(path, 'pdf', false, options.dataDir);
    await writeFileAtomic(target, await printHtml(html));
    return target;
  });
}

/** Files the print session may load: the report being printed (paths, so URL spelling does not matter). */
const printable = new Set<string>();

function isPrintable(url: string): boolean {
  try {
    return url.startsWith('file:') && printable.has(normalize(fileURLToPath(url)));
  } catch {
    return false;
  }
}

let printSession: Electron.Session | null = null;

/** A session for printing only: no network, no permissions, nothing but the report file. */
function reportSession(): Electron.Session {
  if (printSession) return printSession;
  printSession = session.fromPartition('notebook-print');
  printSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintable(details.url) }));
  return printSession;
}

/**
 * The report (self-contained HTML: inline CSS, no scripts) printed by a hidden window with JavaScript off,
 * loaded from a temp file (a data: URL would be too long for a large notebook).
 */
async function printHtml(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'notebook-report-'));
  const file = join(dir, 'report.html');
  const url = pathToFileURL(file).href;
  await writeFile(file, html, 'utf8');
  printable.add(normalize(file));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: reportSession(),
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  try {
    await win.loadURL(url);
    // The outline makes every source a bookmark (a PDF reader's sidebar); tagged PDF helps screen readers.
    return await win.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
  } finally {
    printable.delete(normalize(file));
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
