import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_LIST, type MenuName } from '../core/commands';

/**
 * The native menu, built from core's command table. Shortcuts are shown here but handled by the renderer
 * (registerAccelerator: false), so a key runs its command once, in the window and in the menu alike.
 */
export function buildMenu(send: (command: string) => void, dataDir: string): Menu {
  const mac = process.platform === 'darwin';
  const itemsFor = (menu: MenuName): MenuItemConstructorOptions[] =>
    COMMAND_LIST.filter((c) => c.menu === menu && !c.hidden).flatMap((c) => {
      const item: MenuItemConstructorOptions = {
        label: c.label,
        accelerator: c.accelerator,
        registerAccelerator: false,
        click: () => send(c.id),
      };
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
