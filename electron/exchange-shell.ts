/**
 * The shell's part of export and import: the native save and open dialogs, and printing the HTML report to PDF.
 * IPC handlers outside the contract (they need Electron, which the backend never imports), with the same rules:
 * the sender is checked, the input validated, and errors travel as data with a readable message.
 *
 * Paths never come from the renderer: the save dialog's answer is remembered (SaveGrants) and an export or a PDF is
 * accepted only to that path, once; files to import are chosen in the open dialog and read here, so neither a path
 * nor the file's bytes cross IPC.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ANNOTATION_FILE_EXTENSIONS, exportScope, importByteLimit, SOURCE_FILE_EXTENSIONS, type ImportPreview, type ReportHtml } from '../core/exchange/api';
import { writeFileAtomic } from './backend/atomic-write';
import { channelError, type ChannelError } from '../core/errors';
import { shellContract, type ShellChannel, type ShellInput, type ShellOutput } from '../core/shell-contract';
import { NotebookError, toChannelError } from './backend/errors';
import type { ImportFile } from './backend/exchange/import';
import { resolveExportTarget } from './backend/exchange/paths';
import { pathKey, UNTRUSTED_SENDER, type SaveGrants } from './save-grants';
import { sentence } from '../core/i18n/message-text';

export interface ExchangeShellOptions {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  window(): BrowserWindow | null;
  dataDir: string;
  /** Paths the save dialog returned. */
  grants: SaveGrants;
  /** The backend's HTML report of a scope (what the PDF prints). */
  reportHtml(scope: z.output<typeof exportScope>): Promise<ReportHtml>;
  /** The backend's import preview of files read here. */
  previewImport(files: ImportFile[], jobId?: string): Promise<ImportPreview>;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ChannelError };

/**
 * One shell channel of core/shell-contract.ts: the sender checked, the input validated with the contract's schema,
 * a failure answered as data. `action` completes "Could not …" in an error message: what the handler was doing.
 */
function handle<C extends ShellChannel>(name: C, action: string, options: ExchangeShellOptions, run: (input: ShellInput<C>) => Promise<ShellOutput<C>>): void {
  ipcMain.handle(name, async (event, input: unknown): Promise<Result<ShellOutput<C>>> => {
    if (!options.isTrustedSender(event)) return { ok: false, error: UNTRUSTED_SENDER };
    try {
      return { ok: true, value: await run(shellContract[name].input.parse(input) as ShellInput<C>) };
    } catch (err) {
      if (err instanceof z.ZodError) return { ok: false, error: channelError('invalid-input', `Invalid input for ${name}.`) };
      return { ok: false, error: toChannelError(err, action, `Could not ${action}`) };
    }
  });
}

/** Paths the save dialog returned this session: what "Show in folder" may reveal. */
const revealable = new Set<string>();

export function registerExchangeShell(options: ExchangeShellOptions): void {
  handle('shell:chooseSavePath', 'choose where to save', options, async (input) => {
    const { defaultName, defaultPath, filters } = input;
    const win = options.window();
    const dialogOptions = {
      defaultPath: defaultPath && isAbsolute(defaultPath) ? defaultPath : join(app.getPath('documents'), defaultName),
      filters,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    if (result.canceled || !result.filePath) return null;
    // A file dialog that does not add the extension (Linux): add it here, and ask before replacing what that names.
    let path = result.filePath;
    const extensions = filters.flatMap((f) => f.extensions.map((e) => e.toLowerCase()));
    if (extensions.length && !extensions.includes(extname(path).slice(1).toLowerCase())) {
      path = `${path}.${extensions[0]}`;
      if (await stat(path).catch(() => null)) {
        const box = { type: 'question' as const, buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1, message: `${basename(path)} already exists. Replace it?` };
        const answer = win ? await dialog.showMessageBox(win, box) : await dialog.showMessageBox(box);
        if (answer.response !== 0) return null;
      }
    }
    options.grants.grant(path);
    revealable.add(pathKey(path));
    return path;
  });

  // After an export: the file manager at the exported file. Only a path the save dialog returned (or a file in a
  // folder it returned), that still exists.
  handle('shell:showInFolder', 'show the file in its folder', options, async (input) => {
    if (!isAbsolute(input)) throw new NotebookError(sentence('backend.shell.notAbsolute'), 'invalid-input');
    const path = input;
    const key = pathKey(path);
    if (![...revealable].some((r) => key === r || key.startsWith(r.endsWith(sep) ? r : r + sep))) throw new NotebookError(sentence('backend.shell.onlyExported'));
    await stat(path).catch(() => {
      throw new NotebookError(sentence('backend.shell.gone', { path }));
    });
    shell.showItemInFolder(normalize(path));
    return null;
  });

  handle('shell:printToPdf', 'save the PDF', options, async (input) => {
    const { scope, path } = input;
    if (!options.grants.take(path)) throw new NotebookError(sentence('backend.shell.notGranted'), 'not-allowed');
    const target = await resolveExportTarget(path, 'pdf', false, options.dataDir);
    const report = await options.reportHtml(scope);
    await writeFileAtomic(target, await printHtml(report.html));
    return target;
  });

  handle('shell:chooseImportFiles', 'read the chosen files', options, async (input) => {
    // An optional job id: the renderer follows the reading (pages of long PDFs) and may cancel it.
    const jobId = input;
    const win = options.window();
    const dialogOptions = {
      title: 'Import',
      properties: ['openFile' as const, 'multiSelections' as const],
      filters: [{ name: 'Sources and annotations', extensions: [...SOURCE_FILE_EXTENSIONS, ...ANNOTATION_FILE_EXTENSIONS] }],
    };
    const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    if (result.canceled || result.filePaths.length === 0) return null;
    return options.previewImport(await readChosenFiles(result.filePaths.slice(0, 500)), jobId);
  });
}

/**
 * Files the analyst chose in the open dialog, read here (no bytes through IPC). A file of a type the app does not
 * import, or over its limit, is not read: the backend refuses it by name and size, in the same words as a drop.
 */
export async function readChosenFiles(paths: string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const path of paths) {
    const name = basename(path);
    const info = await stat(path);
    const limit = importByteLimit(name);
    const readable = info.isFile() && limit !== null && info.size <= limit;
    files.push({ name, size: info.size, bytes: readable ? new Uint8Array(await readFile(path)) : undefined });
  }
  return files;
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
