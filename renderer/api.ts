import { messageText, msg } from './i18n';
import type { Channel, ChannelInput, ChannelOutput, Envelope, NotebookApi } from '../core/contract';
import { CallError } from '../core/errors';
import { isMacPlatform } from '../core/platform';
import type { NotebookChange, ShellCalls } from '../core/shell-contract';

/**
 * The desktop shell's bridge (window.notebookShell; absent in the browser harness): its calls are generated from
 * core/shell-contract.ts (the native save and open dialogs, printing to PDF, the file manager); the shell writes an
 * export or a PDF only to a path its save dialog returned, once.
 */
export type ShellBridge = Partial<ShellCalls> & {
  /** Menu commands pushed by the shell. */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** What changed in the notebook, in batches, once on disk. */
  onNotebookChanged?(listener: (batch: NotebookChange[]) => void): () => void;
  /** Node's process.platform in Electron: "darwin", "win32", "linux". */
  platform: string;
  /** Tell the shell the notes are saved and the window may close (after it sent 'app.flushAndClose'). */
  readyToClose?(): void;
};

declare global {
  interface Window {
    notebook: NotebookApi;
    notebookShell?: ShellBridge;
    /** The browser harness's stand-in for the shell's change events (tests/support/bind-notebook.ts). */
    notebookEvents?: Pick<Required<ShellBridge>, 'onNotebookChanged'>;
  }
}

const changeFeed = () => (window.notebookShell?.onNotebookChanged ? window.notebookShell : window.notebookEvents);

/** Whether this window is told what changed in the notebook (the shell, or the harness that stands in for it). */
export const hearsChanges = (): boolean => Boolean(changeFeed()?.onNotebookChanged);

/** What changed in the notebook, pushed after each write lands (whoever made it); returns the unsubscribe. */
export function onNotebookChanged(listener: (batch: NotebookChange[]) => void): () => void {
  return changeFeed()?.onNotebookChanged?.(listener) ?? (() => {});
}

/** Call a backend channel; a failure becomes an Error whose message is fit to show the analyst. */
export async function call<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const fn = window.notebook?.[channel] as ((i?: unknown) => Promise<Envelope<unknown>>) | undefined;
  if (!fn) throw new Error(msg('app.theNotebookBackendIsNot', { channel }));
  const result = await fn(input[0]);
  // The error keeps its code (core/errors.ts): a caller can tell "not found" from "read-only" without reading words.
  // Its message is worded here, once, in the interface language, so every view that shows `err.message` shows it so.
  if (!result.ok) throw new CallError({ ...result.error, message: messageText(result.error) });
  return result.value as ChannelOutput<C>;
}

export const isMac = isMacPlatform(window.notebookShell?.platform ?? navigator.platform);
