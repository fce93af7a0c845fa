import type { Channel, ChannelInput, ChannelOutput, Envelope, NotebookApi } from '../core/contract';
import { CallError } from '../core/errors';
import type { ExportScope, ImportPreview } from '../core/exchange/api';
import { isMacPlatform } from '../core/platform';

/** Menu commands pushed by the Electron shell; absent in the browser harness. */
export interface ShellBridge {
  onMenuCommand(listener: (command: string) => void): () => void;
  /** Node's process.platform in Electron: "darwin", "win32", "linux". */
  platform: string;
  /** Tell the shell the notes are saved and the window may close (after it sent 'app.flushAndClose'). */
  readyToClose?(): void;
  /**
   * The native save dialog (export); resolves to the chosen path, or null when the analyst cancelled. The shell
   * writes an export or a PDF only to a path this dialog returned, once.
   */
  chooseSavePath?(options: { defaultName: string; defaultPath?: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  /** Print the HTML report of a scope to a PDF file at a path the save dialog returned (written by the shell). */
  printToPdf?(options: { scope: ExportScope; path: string }): Promise<void>;
  /** The native open dialog for import: the shell reads the chosen files and returns the preview (null: cancelled). */
  chooseImportFiles?(jobId?: string): Promise<ImportPreview | null>;
  /** Open the system file manager at an exported file, selected. */
  showInFolder?(path: string): Promise<void>;
}

declare global {
  interface Window {
    notebook: NotebookApi;
    notebookShell?: ShellBridge;
  }
}

/** Call a backend channel; a failure becomes an Error whose message is fit to show the analyst. */
export async function call<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const fn = window.notebook?.[channel] as ((i?: unknown) => Promise<Envelope<unknown>>) | undefined;
  if (!fn) throw new Error(`The notebook backend is not connected (no "${channel}").`);
  const result = await fn(input[0]);
  // The error keeps its code (core/errors.ts): a caller can tell "not found" from "read-only" without reading words.
  if (!result.ok) throw new CallError(result.error);
  return result.value as ChannelOutput<C>;
}

export const isMac = isMacPlatform(window.notebookShell?.platform ?? navigator.platform);
