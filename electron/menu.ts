import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_LIST, formatAccelerator, type CommandSpec, type MenuName } from '../core/commands';

/** A key with no Cmd/Ctrl/Alt held (H, T, N, 1–9, Delete): what a text field types. Function keys type nothing. */
export const isBareKey = (accelerator: string): boolean => !/(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|Super|Meta)\+/i.test(accelerator) && !/^(Shift\+)?F\d{1,2}$/.test(accelerator);

/**
 * A command's menu item. Shortcuts are shown here but handled by the renderer (registerAccelerator: false), so a
 * key runs its command once, in the window and in the menu alike. macOS ignores registerAccelerator: false (every
 * menu accelerator is a key equivalent there, and fires while typing in a text field), so on macOS a bare key gets
 * no accelerator: the label shows it, and the renderer alone handles it.
 */
export function menuItemFor(c: CommandSpec, mac: boolean, send: (command: string) => void): MenuItemConstructorOptions {
  const click = () => send(c.id);
  if (mac && c.accelerator && isBareKey(c.accelerator)) return { label: `${c.label}  (${formatAccelerator(c.accelerator, true)})`, click };
  return { label: c.label, accelerator: c.accelerator, registerAccelerator: false, click };
}

/** The native menu, built from core's command table. */
export function buildMenu(send: (command: string) => void, dataDir: string, mac = process.platform === 'darwin'): Menu {
  const itemsFor = (menu: MenuName): MenuItemConstructorOptions[] =>
    COMMAND_LIST.filter((c) => c.menu === menu && !c.hidden).flatMap((c) => {
      const item = menuItemFor(c, mac, send);
      return c.separatorBefore ? [{ type: 'separator' as const }, item] : [item];
    });

  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        ...itemsFor('File'),
        { type: 'separator' },
        { label: 'Show Notebook Folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      // Undo and redo are the app's: they undo highlight changes, or the editor's typing when it has focus.
      submenu: [
        ...itemsFor('Edit').slice(0, 2),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        ...itemsFor('Edit').slice(2),
      ],
    },
    {
      label: 'View',
      submenu: [
        ...itemsFor('View'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { label: 'Help', submenu: itemsFor('Help') },
  ];
  return Menu.buildFromTemplate(template);
}
