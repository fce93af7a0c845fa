/**
 * The editor's shortcuts live in core/commands.ts beside the app's commands (one table, checked for keys with two
 * meanings); here they become ProseMirror keymap names.
 */
import { EDITOR_SHORTCUTS, type EditorShortcutId } from '../../core/commands';

export { EDITOR_SHORTCUTS, type EditorShortcutId };

/** "CmdOrCtrl+Shift+C" -> ProseMirror's "Mod-Shift-c". */
export function toKeymapName(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part, i, all) => {
      if (i < all.length - 1) return part === 'CmdOrCtrl' ? 'Mod' : part;
      return part.length === 1 ? part.toLowerCase() : part;
    })
    .join('-');
}

/** Every keymap name of a shortcut (its accelerator and alternates). */
export function keymapNames(id: EditorShortcutId): string[] {
  const spec: { accelerator: string; alternates?: readonly string[] } = EDITOR_SHORTCUTS[id];
  return [spec.accelerator, ...(spec.alternates ?? [])].map(toKeymapName);
}
