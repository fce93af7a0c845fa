import type { Channel, ChannelInput, ChannelOutput, NotebookApi } from '../core/contract';

/** Menu commands pushed by the Electron shell; absent in the browser harness. */
export interface ShellBridge {
  onMenuCommand(listener: (command: string) => void): () => void;
  platform: string;
  /** Tell the shell the notes are saved and the window may close (after it sent 'app.flushAndClose'). */
  readyToClose?(): void;
  /** The native save dialog (export); resolves to the chosen path, or null when the analyst cancelled. */
  chooseSavePath?(options: { defaultName: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  /** Print an HTML report to a PDF file (written atomically by the shell). */
  printToPdf?(options: { html: string; path: string }): Promise<void>;
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
  const fn = window.notebook?.[channel] as ((i?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>) | undefined;
  if (!fn) throw new Error(`The notebook backend is not connected (no "${channel}").`);
  const result = await fn(input[0]);
  if (!result.ok) throw new Error(result.error);
  return result.value as ChannelOutput<C>;
}

export const isMac = (window.notebookShell?.platform ?? navigator.platform).toLowerCase().includes('mac');
