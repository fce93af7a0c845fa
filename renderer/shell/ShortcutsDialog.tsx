import { currentLanguage, msg } from '../i18n';
import { commandLabel, editorShortcutLabel, menuTitle } from '../../core/i18n/catalog';
import { COMMAND_LIST, formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import { Modal } from '../ui/Modal';
import { EDITOR_SHORTCUTS } from '../editor/shortcuts';

/** Every command and its shortcut, grouped by menu. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const menus = ['File', 'Edit', 'View', 'Help'] as const;
  const lang = currentLanguage();
  return (
    <Modal title={msg('shell.keyboardShortcuts')} onClose={onClose} scrollable>
      <div className="shortcuts">
        {menus.map((menu) => {
          const rows = COMMAND_LIST.filter((c) => c.menu === menu && c.accelerator && !c.hidden);
          if (!rows.length) return null;
          return (
            <section key={menu}>
              <h3>{menuTitle(menu, lang)}</h3>
              <dl>
                {rows.map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{commandLabel(c, lang)}</dt>
                    <dd><kbd>{formatAccelerator(c.accelerator!, isMac)}</kbd></dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section>
          <h3>{msg('shell.notesEditor')}</h3>
          <dl>
            {Object.entries(EDITOR_SHORTCUTS).map(([id, k]) => (
              <div key={id} className="shortcut-row">
                <dt>{editorShortcutLabel(id, k.label, lang)}</dt>
                <dd><kbd>{formatAccelerator(k.accelerator, isMac)}</kbd></dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Modal>
  );
}
