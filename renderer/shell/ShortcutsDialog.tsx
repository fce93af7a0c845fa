import { msg } from '../i18n';
import { COMMAND_LIST, formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import { Modal } from '../ui/Modal';
import { EDITOR_SHORTCUTS } from '../editor/shortcuts';

/** Every command and its shortcut, grouped by menu. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const menus = [msg('shell.file'), msg('shell.edit'), msg('shell.view'), msg('shell.help')] as const;
  return (
    <Modal title={msg('shell.keyboardShortcuts')} onClose={onClose} scrollable>
      <div className="shortcuts">
        {menus.map((menu) => {
          const rows = COMMAND_LIST.filter((c) => c.menu === menu && c.accelerator && !c.hidden);
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
          <h3>{msg('shell.notesEditor')}</h3>
          <dl>
            {Object.values(EDITOR_SHORTCUTS).map((k) => (
              <div key={k.label} className="shortcut-row">
                <dt>{k.label}</dt>
                <dd><kbd>{formatAccelerator(k.accelerator, isMac)}</kbd></dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Modal>
  );
}
