/**
 * The editor's shortcuts, in Electron accelerator form like core/commands.ts, so tooltips and the shortcuts sheet
 * show them with formatAccelerator ("Ctrl+B" / "⌘B") and the keymap is derived from the same table.
 */
export const EDITOR_SHORTCUTS = {
  bold: { label: 'Bold', accelerator: 'CmdOrCtrl+B' },
  italic: { label: 'Italic', accelerator: 'CmdOrCtrl+I' },
  code: { label: 'Inline code', accelerator: 'CmdOrCtrl+E' },
  link: { label: 'Link', accelerator: 'CmdOrCtrl+K' },
  paragraph: { label: 'Paragraph', accelerator: 'CmdOrCtrl+Alt+0' },
  heading1: { label: 'Heading 1', accelerator: 'CmdOrCtrl+Alt+1' },
  heading2: { label: 'Heading 2', accelerator: 'CmdOrCtrl+Alt+2' },
  heading3: { label: 'Heading 3', accelerator: 'CmdOrCtrl+Alt+3' },
  bulletList: { label: 'Bulleted list', accelerator: 'CmdOrCtrl+Shift+8' },
  orderedList: { label: 'Numbered list', accelerator: 'CmdOrCtrl+Shift+9' },
  blockquote: { label: 'Quote', accelerator: 'CmdOrCtrl+Shift+.' },
  rule: { label: 'Horizontal rule', accelerator: 'CmdOrCtrl+Shift+-' },
  cite: { label: 'Cite the selected highlight', accelerator: 'CmdOrCtrl+Shift+C' },
  undo: { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'] },
  hardBreak: { label: 'Line break', accelerator: 'Shift+Enter' },
  indent: { label: 'Indent list item', accelerator: 'Tab' },
  outdent: { label: 'Outdent list item', accelerator: 'Shift+Tab' },
} as const satisfies Record<string, { label: string; accelerator: string; alternates?: readonly string[] }>;

export type EditorShortcutId = keyof typeof EDITOR_SHORTCUTS;

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
