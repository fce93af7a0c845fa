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
  { id: 'file.share', label: 'Share Notebook…', menu: 'File', accelerator: 'CmdOrCtrl+Alt+G', separatorBefore: true },
  { id: 'file.join', label: 'Join Shared Notebook…', menu: 'File', accelerator: 'CmdOrCtrl+Alt+J' },
  { id: 'file.sync', label: 'Sync Now', menu: 'File', accelerator: 'CmdOrCtrl+Alt+Y' },
  { id: 'file.history', label: 'History…', menu: 'File', accelerator: 'CmdOrCtrl+Alt+H' },
  { id: 'edit.undo', label: 'Undo', menu: 'Edit', accelerator: 'CmdOrCtrl+Z', yieldsToText: true },
  { id: 'edit.redo', label: 'Redo', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'], yieldsToText: true },
  { id: 'highlight.create', label: 'Highlight Selection', menu: 'Edit', accelerator: 'H', yieldsToText: true, separatorBefore: true },
  { id: 'highlight.tag', label: 'Tag Selection or Highlight…', menu: 'Edit', accelerator: 'T', yieldsToText: true },
  { id: 'highlight.note', label: 'Note on Selection…', menu: 'Edit', accelerator: 'N', yieldsToText: true },
  { id: 'highlight.quickTag', label: 'Apply Quick Tag 1–9', menu: 'Edit', accelerator: '1', alternates: ['2', '3', '4', '5', '6', '7', '8', '9'], yieldsToText: true },
  { id: 'statement.mark', label: 'Mark as Statement (Speaker, Date)…', menu: 'Edit', accelerator: 'S', yieldsToText: true },
  { id: 'grade.start', label: 'Grade: G then A–F (Source) or 1–6 (Passage)', menu: 'Edit', accelerator: 'G', yieldsToText: true },
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
  { id: 'view.caretBrowsing', label: 'Caret Browsing', menu: 'View', accelerator: 'F7' },
  { id: 'view.pageView', label: 'PDF Pages / Text', menu: 'View', accelerator: 'CmdOrCtrl+Shift+P' },
  { id: 'focus.sources', label: 'Go to Sources', menu: 'View', accelerator: 'CmdOrCtrl+1', separatorBefore: true },
  { id: 'focus.reader', label: 'Go to Reader', menu: 'View', accelerator: 'CmdOrCtrl+2' },
  { id: 'focus.highlights', label: 'Go to Highlights', menu: 'View', accelerator: 'CmdOrCtrl+3' },
  { id: 'focus.editor', label: 'Go to Notes', menu: 'View', accelerator: 'CmdOrCtrl+4' },
  { id: 'focus.codebook', label: 'Go to Codebook', menu: 'View', accelerator: 'CmdOrCtrl+5' },
  { id: 'focus.suggestions', label: 'Go to Entity Suggestions', menu: 'View', accelerator: 'CmdOrCtrl+6' },
  { id: 'view.retrieve', label: 'Retrieve Coded Passages…', menu: 'View', accelerator: 'CmdOrCtrl+Alt+R' },
  { id: 'view.analysis', label: 'Analysis', menu: 'View', accelerator: 'CmdOrCtrl+Shift+A' },
  { id: 'view.agreement', label: 'Agreement Between Coders', menu: 'View', accelerator: 'CmdOrCtrl+Alt+A' },
  { id: 'view.analystName', label: 'Your Name…', menu: 'View', accelerator: 'CmdOrCtrl+Alt+N' },
  { id: 'view.sideBySide', label: 'Read Side by Side with the Translation', menu: 'View', accelerator: 'CmdOrCtrl+Alt+T', separatorBefore: true },
  { id: 'view.interfaceLanguage', label: 'Interface Language: English / Русский', menu: 'View', accelerator: 'CmdOrCtrl+Alt+I' },
  { id: 'view.translitMatching', label: 'Match Names Across Scripts (Шойгу = Shoigu)', menu: 'View', accelerator: 'CmdOrCtrl+Alt+L' },
  { id: 'view.statements', label: 'Statements', menu: 'View', accelerator: 'CmdOrCtrl+Alt+S' },
  { id: 'focus.statementSuggestions', label: 'Go to Statement Suggestions', menu: 'View', accelerator: 'CmdOrCtrl+7' },
  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', menu: 'Help', accelerator: 'CmdOrCtrl+/', alternates: ['F1'] },
  { id: 'help.about', label: 'About Research Notebook', menu: 'Help' },
  { id: 'app.flushAndClose', label: 'Save and Close', menu: 'File', hidden: true },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/** The same table, widened: every entry may have an accelerator and alternates. */
export const COMMAND_LIST: readonly CommandSpec[] = COMMANDS;

/**
 * The notes editor's own shortcuts, in the same accelerator form. The editor's keymap, its toolbar tooltips and the
 * shortcuts sheet are all built from this table. `sameAs` names the app command a key shares its meaning with
 * (undo is undo everywhere); any other key here must mean nothing else anywhere in the app.
 */
export interface EditorShortcutSpec {
  label: string;
  accelerator: string;
  alternates?: readonly string[];
  sameAs?: CommandId;
}

export const EDITOR_SHORTCUTS = {
  bold: { label: 'Bold', accelerator: 'CmdOrCtrl+B' },
  italic: { label: 'Italic', accelerator: 'CmdOrCtrl+I' },
  // Not Ctrl+E (Export) nor Ctrl+K (Search) as in some editors: one meaning per key, in every pane.
  code: { label: 'Inline code', accelerator: 'CmdOrCtrl+Shift+E' },
  link: { label: 'Link', accelerator: 'CmdOrCtrl+Shift+K' },
  paragraph: { label: 'Paragraph', accelerator: 'CmdOrCtrl+Alt+0' },
  heading1: { label: 'Heading 1', accelerator: 'CmdOrCtrl+Alt+1' },
  heading2: { label: 'Heading 2', accelerator: 'CmdOrCtrl+Alt+2' },
  heading3: { label: 'Heading 3', accelerator: 'CmdOrCtrl+Alt+3' },
  bulletList: { label: 'Bulleted list', accelerator: 'CmdOrCtrl+Shift+8' },
  orderedList: { label: 'Numbered list', accelerator: 'CmdOrCtrl+Shift+9' },
  blockquote: { label: 'Quote', accelerator: 'CmdOrCtrl+Shift+.' },
  rule: { label: 'Horizontal rule', accelerator: 'CmdOrCtrl+Shift+-' },
  cite: { label: 'Cite the selected highlight', accelerator: 'CmdOrCtrl+Shift+C', sameAs: 'notes.cite' },
  undo: { label: 'Undo', accelerator: 'CmdOrCtrl+Z', sameAs: 'edit.undo' },
  redo: { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'], sameAs: 'edit.redo' },
  hardBreak: { label: 'Line break', accelerator: 'Shift+Enter' },
  indent: { label: 'Indent list item', accelerator: 'Tab' },
  outdent: { label: 'Outdent list item', accelerator: 'Shift+Tab' },
} as const satisfies Record<string, EditorShortcutSpec>;

export type EditorShortcutId = keyof typeof EDITOR_SHORTCUTS;

/** Canonical form of an accelerator for comparing ("Shift+CmdOrCtrl+k" and "CmdOrCtrl+Shift+K" are one key). */
export function normaliseAccelerator(accelerator: string): string {
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1];
  const mods = parts.slice(0, -1).sort();
  return [...mods, key.length === 1 ? key.toUpperCase() : key].join('+');
}

/**
 * Keys with two meanings: an app command and an editor shortcut (or two commands) on one key, unless the editor
 * entry says it is the same command. Plain letter keys the app leaves to text fields (H, T, 1–9) type text in the
 * editor, which is no second meaning. Empty when the table is sound; a unit test keeps it so.
 */
export function shortcutConflicts(): string[] {
  const owners = new Map<string, string>();
  const out: string[] = [];
  const claim = (key: string, owner: string) => {
    const k = normaliseAccelerator(key);
    const had = owners.get(k);
    if (had !== undefined && had !== owner) out.push(`${k}: ${had} and ${owner}`);
    else owners.set(k, owner);
  };
  for (const c of COMMAND_LIST) for (const k of [c.accelerator, ...(c.alternates ?? [])]) if (k) claim(k, c.id);
  for (const [id, spec] of Object.entries(EDITOR_SHORTCUTS) as Array<[string, EditorShortcutSpec]>) {
    for (const k of [spec.accelerator, ...(spec.alternates ?? [])]) claim(k, spec.sameAs ?? `editor.${id}`);
  }
  return out;
}

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
