/**
 * Every user command with its label, menu and shortcut (an Electron accelerator string).
 * The shell builds the native menu from this table; the renderer binds the same shortcuts and runs the commands,
 * so a shortcut is defined once and shown the same in menus, tooltips and the shortcuts sheet.
 */
export type MenuName = 'File' | 'Edit' | 'View' | 'Help';

export interface CommandSpec {
  id: string;
  label: string;
  menu: MenuName;
  /** Electron accelerator, e.g. "CmdOrCtrl+=". */
  accelerator?: string;
  /** Other keys that run the command but are not shown in the menu. */
  alternates?: string[];
  /** Starts a new group in its menu. */
  separatorBefore?: boolean;
  /** Left to the text field or editor that has focus (plain letter keys, Delete, undo/redo of the editor). */
  yieldsToText?: boolean;
  /** Sent by the shell only (e.g. before the window closes): no menu item, not in the shortcuts sheet. */
  hidden?: boolean;
}

export const COMMANDS = [
  { id: 'source.previous', label: 'Previous Source', menu: 'File', accelerator: 'Alt+Up' },
  { id: 'source.next', label: 'Next Source', menu: 'File', accelerator: 'Alt+Down' },
  { id: 'source.reimport', label: 'Re-import Source Text…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+R', separatorBefore: true },
  { id: 'file.import', label: 'Import…', menu: 'File', accelerator: 'CmdOrCtrl+O', separatorBefore: true },
  { id: 'file.export', label: 'Export…', menu: 'File', accelerator: 'CmdOrCtrl+E' },
  { id: 'file.backups', label: 'Backups…', menu: 'File', accelerator: 'CmdOrCtrl+Alt+B', separatorBefore: true },
  { id: 'edit.undo', label: 'Undo', menu: 'Edit', accelerator: 'CmdOrCtrl+Z', yieldsToText: true },
  { id: 'edit.redo', label: 'Redo', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'], yieldsToText: true },
  { id: 'highlight.create', label: 'Highlight Selection', menu: 'Edit', accelerator: 'H', yieldsToText: true, separatorBefore: true },
  { id: 'highlight.tag', label: 'Tag Selection or Highlight…', menu: 'Edit', accelerator: 'T', yieldsToText: true },
  { id: 'highlight.note', label: 'Note on Selection…', menu: 'Edit', accelerator: 'N', yieldsToText: true },
  { id: 'highlight.quickTag', label: 'Apply Quick Tag 1–9', menu: 'Edit', accelerator: '1', alternates: ['2', '3', '4', '5', '6', '7', '8', '9'], yieldsToText: true },
  { id: 'notes.cite', label: 'Cite Selected Highlight in Notes', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+C' },
  { id: 'highlight.delete', label: 'Delete Highlight', menu: 'Edit', accelerator: 'Delete', alternates: ['Backspace'], yieldsToText: true },
  { id: 'search.open', label: 'Search the Notebook…', menu: 'Edit', accelerator: 'CmdOrCtrl+K', alternates: ['CmdOrCtrl+Shift+F'], separatorBefore: true },
  { id: 'find.open', label: 'Find in Article…', menu: 'Edit', accelerator: 'CmdOrCtrl+F' },
  { id: 'find.next', label: 'Find Next', menu: 'Edit', accelerator: 'F3' },
  { id: 'find.previous', label: 'Find Previous', menu: 'Edit', accelerator: 'Shift+F3' },
  { id: 'view.fontLarger', label: 'Larger Text', menu: 'View', accelerator: 'CmdOrCtrl+=', alternates: ['CmdOrCtrl+Plus', 'CmdOrCtrl+Shift+Plus'] },
  { id: 'view.fontSmaller', label: 'Smaller Text', menu: 'View', accelerator: 'CmdOrCtrl+-' },
  { id: 'view.fontReset', label: 'Actual Text Size', menu: 'View', accelerator: 'CmdOrCtrl+0' },
  { id: 'view.linesWider', label: 'Wider Lines', menu: 'View', accelerator: 'CmdOrCtrl+]', separatorBefore: true },
  { id: 'view.linesNarrower', label: 'Narrower Lines', menu: 'View', accelerator: 'CmdOrCtrl+[' },
  { id: 'view.toggleSerif', label: 'Toggle Serif / Sans-Serif', menu: 'View', accelerator: 'CmdOrCtrl+Shift+S' },
  { id: 'focus.sources', label: 'Go to Sources', menu: 'View', accelerator: 'CmdOrCtrl+1', separatorBefore: true },
  { id: 'focus.reader', label: 'Go to Reader', menu: 'View', accelerator: 'CmdOrCtrl+2' },
  { id: 'focus.highlights', label: 'Go to Highlights', menu: 'View', accelerator: 'CmdOrCtrl+3' },
  { id: 'focus.editor', label: 'Go to Notes', menu: 'View', accelerator: 'CmdOrCtrl+4' },
  { id: 'focus.codebook', label: 'Go to Codebook', menu: 'View', accelerator: 'CmdOrCtrl+5' },
  { id: 'focus.suggestions', label: 'Go to Entity Suggestions', menu: 'View', accelerator: 'CmdOrCtrl+6' },
  { id: 'view.retrieve', label: 'Retrieve Coded Passages…', menu: 'View', accelerator: 'CmdOrCtrl+Alt+R' },
  { id: 'view.analysis', label: 'Analysis', menu: 'View', accelerator: 'CmdOrCtrl+Shift+A' },
  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', menu: 'Help', accelerator: 'CmdOrCtrl+/', alternates: ['F1'] },
  { id: 'help.about', label: 'About Research Notebook', menu: 'Help' },
  { id: 'app.flushAndClose', label: 'Save and Close', menu: 'File', hidden: true },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** The same table, widened: every entry may have an accelerator and alternates. */
export const COMMAND_LIST: readonly CommandSpec[] = COMMANDS;

/** Human form of an accelerator for the given platform: "Ctrl+=" or "⌘=". */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').filter(Boolean);
  const names: Record<string, [string, string]> = {
    CmdOrCtrl: ['Ctrl', '⌘'],
    Alt: ['Alt', '⌥'],
    Shift: ['Shift', '⇧'],
    Up: ['↑', '↑'],
    Down: ['↓', '↓'],
    Delete: ['Del', '⌦'],
    Plus: ['+', '+'],
  };
  const shown = parts.map((p) => names[p]?.[mac ? 1 : 0] ?? p);
  return mac ? shown.join('') : shown.join('+');
}

/** Does a keyboard event (its key and modifiers) match an accelerator? */
export function matchesAccelerator(
  accelerator: string,
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean },
  mac: boolean,
): boolean {
  const parts = accelerator.split('+');
  // "CmdOrCtrl+Plus" style: the last part is the key ("+" itself is written "Plus").
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1));
  const wantMod = mods.has('CmdOrCtrl');
  const hasMod = mac ? event.metaKey : event.ctrlKey;
  if (wantMod !== hasMod) return false;
  if (mods.has('Alt') !== event.altKey) return false;
  if (mods.has('Shift') !== event.shiftKey) return false;
  const keyNames: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight', Plus: '+', Delete: 'Delete', Esc: 'Escape' };
  const wanted = keyNames[key] ?? key;
  return event.key.toLowerCase() === wanted.toLowerCase();
}
