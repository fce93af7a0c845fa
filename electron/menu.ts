import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_LIST, formatAccelerator, type CommandSpec, type MenuName } from '../core/commands';
import { commandLabel, menuTitle, translate, type InterfaceLanguage } from '../core/i18n/catalog';

/** A key with no Cmd/Ctrl/Alt held (H, T, N, 1–9, Delete): what a text field types. Function keys type nothing. */
export const isBareKey = (accelerator: string): boolean => !/(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|Super|Meta)\+/i.test(accelerator) && !/^(Shift\+)?F\d{1,2}$/.test(accelerator);

/**
 * A command's menu item. Shortcuts are shown here but handled by the renderer (registerAccelerator: false), so a
 * key runs its command once, in the window and in the menu alike. macOS ignores registerAccelerator: false (every
 * menu accelerator is a key equivalent there, and fires while typing in a text field), so on macOS a bare key gets
 * no accelerator: the label shows it, and the renderer alone handles it.
 */
export function menuItemFor(c: CommandSpec, mac: boolean, send: (command: string) => void, lang: InterfaceLanguage = 'en'): MenuItemConstructorOptions {
  const click = () => send(c.id);
  const label = commandLabel(c, lang);
  if (mac && c.accelerator && isBareKey(c.accelerator)) return { label: `${label}  (${formatAccelerator(c.accelerator, true)})`, click };
  return { label, accelerator: c.accelerator, registerAccelerator: false, click };
}

/** The native menu, built from core's command table, in the interface language. */
export function buildMenu(send: (command: string) => void, dataDir: string, mac = process.platform === 'darwin', lang: InterfaceLanguage = 'en'): Menu {
  return Menu.buildFromTemplate(menuTemplate(send, dataDir, mac, lang));
}

/** The menu's template (Node-testable: no Electron object is made). */
export function menuTemplate(send: (command: string) => void, dataDir: string, mac: boolean, lang: InterfaceLanguage): MenuItemConstructorOptions[] {
  const itemsFor = (menu: MenuName): MenuItemConstructorOptions[] =>
    COMMAND_LIST.filter((c) => c.menu === menu && !c.hidden).flatMap((c) => {
      const item = menuItemFor(c, mac, send, lang);
      return c.separatorBefore ? [{ type: 'separator' as const }, item] : [item];
    });

  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: menuTitle('File', lang),
      submenu: [
        ...itemsFor('File'),
        { type: 'separator' },
        { label: translate(lang, 'menu.showNotebookFolder'), click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: menuTitle('Edit', lang),
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
      label: menuTitle('View', lang),
      submenu: [
        ...itemsFor('View'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { label: menuTitle('Help', lang), submenu: itemsFor('Help') },
  ];
  return template;
}
