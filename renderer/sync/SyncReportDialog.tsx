import { Modal } from '../ui/Modal';

/**
 * What the last sync merged that both sides had changed: one sentence per conflict, saying what each side did and
 * what was kept. Notes edited in the same place carry both versions, marked, in the note itself.
 */
export function SyncReportDialog({ conflicts, at, onClose }: { conflicts: string[]; at: string | null; onClose(): void }) {
  return (
    <Modal title="What the sync merged" onClose={onClose} scrollable>
      <p className="dialog-intro">
        {conflicts.length === 0
          ? 'The last sync merged everything without a conflict.'
          : `Both you and a colleague changed the same things${at ? ` (sync of ${new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })})` : ''}. Nothing was lost: read what was kept, and change it where it should read otherwise.`}
      </p>
      {conflicts.length > 0 && (
        <ul className="sync-conflicts" aria-label="Conflicts">
          {conflicts.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
