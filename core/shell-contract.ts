/**
 * The desktop shell's own channels (issue 14): what the main process does for the window that the backend cannot
 * (native dialogs, printing to PDF, the file manager), and the events it pushes. Declared once, here, with their
 * schemas: the preload builds `window.notebookShell` from this table, the main process validates with these schemas,
 * and the renderer's `ShellBridge` type follows from it. Failures travel as in the contract: `{ code, message }`.
 */
import { z } from 'zod';
import { exportScope, importJobId, type ImportPreview } from './exchange/api';

const saveDialogInput = z
  .object({
    defaultName: z.string().max(255),
    /** The path the analyst typed in the export dialog: where the save dialog opens. */
    defaultPath: z.string().max(4096).optional(),
    filters: z
      .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(10) }).strict())
      .max(10),
  })
  .strict();

const shellChannel =
  <Out>() =>
  <In extends z.ZodTypeAny, B extends string>(bridge: B, input: In) => ({ bridge, input, output: undefined as unknown as Out });

export const shellContract = {
  /** The native save dialog (export): the chosen path, or null when cancelled. The shell grants that path, once. */
  'shell:chooseSavePath': shellChannel<string | null>()('chooseSavePath', saveDialogInput),
  /** Print the HTML report of a scope to a PDF at a path the save dialog returned; the path written. */
  'shell:printToPdf': shellChannel<string>()('printToPdf', z.object({ scope: exportScope, path: z.string().min(1).max(4096) }).strict()),
  /** The native open dialog for import: the shell reads the files and answers the preview (null: cancelled). */
  'shell:chooseImportFiles': shellChannel<ImportPreview | null>()('chooseImportFiles', importJobId.optional()),
  /** The system file manager at an exported file (only a path the save dialog returned). */
  'shell:showInFolder': shellChannel<null>()('showInFolder', z.string().min(1).max(4096)),
} as const;

export type ShellChannel = keyof typeof shellContract;
export const shellChannels = Object.keys(shellContract) as ShellChannel[];
export type ShellInput<C extends ShellChannel> = z.output<(typeof shellContract)[C]['input']>;
export type ShellOutput<C extends ShellChannel> = (typeof shellContract)[C]['output'];

/** The bridge functions the preload exposes, one per shell channel, named by `bridge`. */
export type ShellCalls = {
  [C in ShellChannel as (typeof shellContract)[C]['bridge']]: (input: ShellInput<C>) => Promise<ShellOutput<C>>;
};

/**
 * What changed in the notebook, pushed to the window after it was written (whoever made the change: this window, an
 * import, a restore): one source file, the catalog (sources listed, tags, collections, settings), everything (a
 * reload from disk), or the search index having loaded (tag counts and search results complete from then on). Sent
 * in batches, each change once.
 */
export const notebookChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), id: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('catalog') }).strict(),
  z.object({ kind: z.literal('reload') }).strict(),
  z.object({ kind: z.literal('index') }).strict(),
]);
export type NotebookChange = z.output<typeof notebookChange>;
export const notebookChanges = z.array(notebookChange).max(100_000);

/** Events the main process pushes to the window, and the one message the window sends back. */
export const SHELL_EVENTS = {
  /** A batch of NotebookChange, after the changes are on disk. */
  notebookChanged: 'notebook-changed',
  /** A menu item or accelerator: the command id (core/commands.ts), e.g. 'app.flushAndClose' before closing. */
  menuCommand: 'menu-command',
  /** The window saved what was typed and may close (the answer to 'app.flushAndClose'). */
  readyToClose: 'ready-to-close',
} as const;
