/**
 * The preload: runs sandboxed, exposes exactly one function per contract channel as window.notebook,
 * and a subscription to menu commands. No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from '../core/contract';
import { payloadTooLarge } from '../core/payload';
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

contextBridge.exposeInMainWorld('notebookShell', {
  platform: process.platform,
  readyToClose: () => ipcRenderer.send('ready-to-close'),
  // Export: the native save dialog and printing the report to PDF; the main process checks the sender and
  // accepts only a path its save dialog returned.
  chooseSavePath: (options: unknown) => unwrap(ipcRenderer.invoke('shell:chooseSavePath', options)),
  printToPdf: (options: unknown) => unwrap(ipcRenderer.invoke('shell:printToPdf', options)).then(() => undefined),
  // Import from files chosen in the open dialog: the main process reads them; no path or bytes cross IPC.
  chooseImportFiles: (jobId?: unknown) => unwrap(ipcRenderer.invoke('shell:chooseImportFiles', jobId)),
  // After an export: the file manager at the exported file (the main process checks the path).
  showInFolder: (path: unknown) => unwrap(ipcRenderer.invoke('shell:showInFolder', path)).then(() => undefined),
  onMenuCommand(listener: (command: string) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('menu-command', handler);
    return () => ipcRenderer.removeListener('menu-command', handler);
  },
});
