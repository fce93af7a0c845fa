/**
 * The preload: runs sandboxed, exposes exactly one function per contract channel as window.notebook,
 * the shell's channels as window.notebookShell, and subscriptions to menu commands and to what changed in the notebook.
 * No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from '../core/contract';
import { payloadTooLarge } from '../core/payload';
import { SHELL_EVENTS, notebookChanges, shellChannels, shellContract, type NotebookChange } from '../core/shell-contract';
import { channelError, CallError, isChannelError } from '../core/errors';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of channels) {
  // Measured here, before sending: the main process never takes in a message over the channel's bound.
  api[channel] = (input?: unknown) => {
    const tooLarge = payloadTooLarge(channel, input);
    return tooLarge ? Promise.resolve({ ok: false, error: channelError('invalid-input', tooLarge) }) : ipcRenderer.invoke(channel, input);
  };
}
contextBridge.exposeInMainWorld('notebook', api);

/** The shell's own handlers answer { ok, value } or { ok: false, error }: a failure becomes an Error with its code. */
async function unwrap(reply: Promise<unknown>): Promise<unknown> {
  const r = (await reply) as { ok: boolean; value?: unknown; error?: unknown };
  if (!r?.ok) throw isChannelError(r?.error) ? new CallError(r.error) : new Error('The app could not do that.');
  return r.value;
}

// The shell's channels (core/shell-contract.ts), one function each: the main process checks the sender, validates
// the input with the same schema, and (for export and PDF) accepts only a path its save dialog returned.
const shellCalls: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of shellChannels) shellCalls[shellContract[channel].bridge] = (input?: unknown) => unwrap(ipcRenderer.invoke(channel, input));

contextBridge.exposeInMainWorld('notebookShell', {
  ...shellCalls,
  platform: process.platform,
  readyToClose: () => ipcRenderer.send(SHELL_EVENTS.readyToClose),
  onMenuCommand(listener: (command: string) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(SHELL_EVENTS.menuCommand, handler);
    return () => ipcRenderer.removeListener(SHELL_EVENTS.menuCommand, handler);
  },
  /** What changed in the notebook, in batches, after it is on disk (checked against core's schema first). */
  onNotebookChanged(listener: (batch: NotebookChange[]) => void) {
    const handler = (_event: IpcRendererEvent, batch: unknown) => {
      const parsed = notebookChanges.safeParse(batch);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(SHELL_EVENTS.notebookChanged, handler);
    return () => ipcRenderer.removeListener(SHELL_EVENTS.notebookChanged, handler);
  },
});
