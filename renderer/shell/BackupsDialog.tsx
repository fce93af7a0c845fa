import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../core/contract';
import { call } from '../api';
import { Modal } from '../ui/Modal';

const KIND_LABEL: Record<BackupSummary['kind'], string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  manual: 'Made by you',
  'before-restore': 'Before a restore',
};

/**
 * The notebook's backups, newest first; restore one (the current state is kept as a backup first, so a restore
 * can be undone the same way).
 */
export function BackupsDialog({ onClose, onRestored }: { onClose(): void; onRestored(message: string): void }) {
  return (
    <Modal title="Backups" onClose={onClose}>
      <p className="dialog-intro">The notebook is backed up every hour and every day; older backups are removed as new ones come.</p>
      <BackupsPanel onRestored={onRestored} canBackUp />
    </Modal>
  );
}

/** The list of backups with Restore… (and a confirmation); also shown by the start-up failure screen. */
export function BackupsPanel({ onRestored, canBackUp = false }: { onRestored(message: string): void; canBackUp?: boolean }) {
  const [list, setList] = useState<BackupSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<BackupSummary | null>(null);

  const load = () => call('listBackups').then(setList, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  const backUpNow = async () => {
    setBusy(true);
    try {
      await call('createBackup');
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: BackupSummary) => {
    setBusy(true);
    try {
      const result = await call('restoreBackup', { id: b.id });
      onRestored(`Restored the notebook as it was on ${when(b.createdAt)} (${result.restored} files). The state before the restore was kept as a backup.`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <>
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      {confirm ? (
        <div className="confirm" role="group" aria-label="Confirm restore">
          <p>
            Put the notebook back as it was on <strong>{when(confirm.createdAt)}</strong>? Everything done since then is replaced; the current state is
            kept as a backup first, so you can come back to it.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirm(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirm)} disabled={busy}>
              Restore
            </button>
          </div>
        </div>
      ) : (
        <>
          <table className="backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Kind</th>
                <th scope="col">Files</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list?.map((b) => (
                <tr key={b.id}>
                  <td>{when(b.createdAt)}</td>
                  <td>{KIND_LABEL[b.kind]}</td>
                  <td>{b.files}</td>
                  <td>{size(b.bytes)}</td>
                  <td>
                    <button type="button" onClick={() => setConfirm(b)} aria-label={`Restore the backup of ${when(b.createdAt)}`}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
              {list?.length === 0 && (
                <tr>
                  <td colSpan={5}>No backups yet.</td>
                </tr>
              )}
            </tbody>
          </table>
          {canBackUp && (
            <div className="dialog-actions">
              <button type="button" onClick={() => void backUpNow()} disabled={busy}>
                Back up now
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function size(bytes: number): string {
  return bytes > 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
