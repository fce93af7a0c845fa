import { Modal } from '../ui/Modal';
import { currentLocale, messageText, msg } from '../i18n';
import type { MessageText } from '../../core/i18n/message-text';

/**
 * What the last sync merged that both sides had changed: one sentence per conflict, saying what each side did and
 * what was kept. Notes edited in the same place carry both versions, marked, in the note itself.
 */
export function SyncReportDialog({ conflicts, texts, at, onClose }: { conflicts: string[]; texts?: MessageText[]; at: string | null; onClose(): void }) {
  return (
    <Modal title={msg('sync.reportTitle')} onClose={onClose} scrollable>
      <p className="dialog-intro">
        {conflicts.length === 0
          ? msg('sync.noConflicts')
          : at ? msg('sync.conflictsAt', { when: new Date(at).toLocaleString(currentLocale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) }) : msg('sync.conflicts')}
      </p>
      {conflicts.length > 0 && (
        <ul className="sync-conflicts" aria-label={msg('sync.conflictsLabel')}>
          {conflicts.map((c, i) => (
            <li key={i}>{messageText({ message: c, text: texts?.[i] })}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {msg('shell.close')}
        </button>
      </div>
    </Modal>
  );
}
