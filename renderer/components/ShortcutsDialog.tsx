import { COMMAND_LIST, formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import { Modal } from './Modal';

const EDITOR_KEYS: Array<[string, string]> = [
  ['Bold / italic / code', isMac ? '⌘B / ⌘I / ⌘E' : 'Ctrl+B / Ctrl+I / Ctrl+E'],
  ['Heading 1–3, paragraph', isMac ? '⌘⌥1–3, ⌘⌥0' : 'Ctrl+Alt+1–3, Ctrl+Alt+0'],
  ['Undo / redo in notes', isMac ? '⌘Z / ⇧⌘Z' : 'Ctrl+Z / Ctrl+Shift+Z'],
  ['Indent / outdent list item', 'Tab / Shift+Tab'],
];

/** Every command and its shortcut, grouped by menu. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const menus = ['File', 'Edit', 'View', 'Help'] as const;
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        {menus.map((menu) => {
          const rows = COMMAND_LIST.filter((c) => c.menu === menu && c.accelerator);
          if (!rows.length) return null;
          return (
            <section key={menu}>
              <h3>{menu}</h3>
              <dl>
                {rows.map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{c.label}</dt>
                    <dd><kbd>{formatAccelerator(c.accelerator!, isMac)}</kbd></dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section>
          <h3>Notes editor</h3>
          <dl>
            {EDITOR_KEYS.map(([label, keys]) => (
              <div key={label} className="shortcut-row">
                <dt>{label}</dt>
                <dd><kbd>{keys}</kbd></dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Modal>
  );
}
