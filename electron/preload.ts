/**
 * The preload: runs sandboxed, exposes exactly one function per contract channel as window.notebook,
 * and a subscription to menu commands. No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from '../core/contract';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of channels) api[channel] = (input?: unknown) => ipcRenderer.invoke(channel, input);
contextBridge.exposeInMainWorld('notebook', api);

contextBridge.exposeInMainWorld('notebookShell', {
  platform: process.platform,
  onMenuCommand(listener: (command: string) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('menu-command', handler);
    return () => ipcRenderer.removeListener('menu-command', handler);
  },
});
