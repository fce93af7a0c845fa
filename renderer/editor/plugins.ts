/**
 * The editor's state plugins: history, input rules, keymap, gap cursor (to type beside a citation at the end of a
 * note), drop cursor. They hold no references to the app, so one set serves every scope's EditorState; shortcuts
 * that need the app (cite, link prompt, open citation) are bound per view in keys.ts.
 */
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history, redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import {
  insertRule,
  setParagraph,
  toggleBlockquote,
  toggleBold,
  toggleBulletList,
  toggleCode,
  toggleHeading,
  toggleItalic,
  toggleOrderedList,
} from './commands';
import { noteInputRules } from './input-rules';
import { noteSchema } from './schema';
import { keymapNames, type EditorShortcutId } from './shortcuts';

const { nodes } = noteSchema;

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** Keys of the shortcut table bound to context-free commands (the keymap and the toolbar both run these). */
export const EDITOR_COMMANDS: Partial<Record<EditorShortcutId, Command>> = {
  bold: toggleBold,
  italic: toggleItalic,
  code: toggleCode,
  paragraph: setParagraph,
  heading1: toggleHeading(1),
  heading2: toggleHeading(2),
  heading3: toggleHeading(3),
  bulletList: toggleBulletList,
  orderedList: toggleOrderedList,
  blockquote: toggleBlockquote,
  rule: insertRule,
  undo,
  redo,
  hardBreak,
  indent: sinkListItem(nodes.list_item),
  outdent: liftListItem(nodes.list_item),
};

export function bindings(commands: Partial<Record<EditorShortcutId, Command>>): Record<string, Command> {
  const keys: Record<string, Command> = {};
  for (const [id, command] of Object.entries(commands) as Array<[EditorShortcutId, Command]>) {
    for (const name of keymapNames(id)) keys[name] = command;
  }
  return keys;
}

const PLUGINS: readonly Plugin[] = [
  history(),
  noteInputRules,
  keymap({ ...bindings(EDITOR_COMMANDS), Enter: splitListItem(nodes.list_item), Backspace: undoInputRule }),
  keymap(baseKeymap),
  dropCursor({ class: 'drop-cursor', width: 3, color: false }),
  gapCursor(),
];

/** The same plugin instances for every note, so states can be swapped in one EditorView. */
export function notePlugins(): Plugin[] {
  return [...PLUGINS];
}
