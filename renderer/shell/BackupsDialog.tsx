import { currentLocale, labels, msg } from '../i18n';
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../core/contract';
import { call } from '../api';
import { Modal } from '../ui/Modal';

const KIND_LABEL: Record<BackupSummary['kind'], string> = labels({
  hourly: 'shell.backupKind.hourly',
  daily: 'shell.backupKind.daily',
  manual: 'shell.backupKind.manual',
  'before-restore': 'shell.backupKind.beforeRestore',
});

/**
 * The notebook's backups, newest first; restore one (the current state is kept as a backup first, so a restore
 * can be undone the same way).
 */
export function BackupsDialog({ onClose, onRestored }: { onClose(): void; onRestored(message: string): void }) {
  return (
    <Modal title={msg('shell.backups2')} onClose={onClose}>
      <p className="dialog-intro">{msg('shell.theNotebookIsBackedUp')}</p>
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
      onRestored(msg('shell.restoredTheNotebookAsIt', { when: when(b.createdAt), restored: result.restored }));
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
        <div className="confirm" role="group" aria-label={msg('shell.confirmRestore')}>
          <p>
            
            {msg('shell.putTheNotebookBackAs')}{' '}<strong>{when(confirm.createdAt)}</strong>{msg('shell.everythingDoneSinceThenIs')}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirm(null)} disabled={busy}>
              
              {msg('shell.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirm)} disabled={busy}>
              
              {msg('shell.restore')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <table className="backups">
            <thead>
              <tr>
                <th scope="col">{msg('shell.taken')}</th>
                <th scope="col">{msg('shell.kind')}</th>
                <th scope="col">{msg('shell.files')}</th>
                <th scope="col">{msg('shell.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{msg('shell.action')}</span>
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
                    <button type="button" onClick={() => setConfirm(b)} aria-label={msg('shell.restoreTheBackupOf', { when: when(b.createdAt) })}>
                      
                      {msg('shell.restore2')}
                    </button>
                  </td>
                </tr>
              ))}
              {list?.length === 0 && (
                <tr>
                  <td colSpan={5}>{msg('shell.noBackupsYet')}</td>
                </tr>
              )}
            </tbody>
          </table>
          {canBackUp && (
            <div className="dialog-actions">
              <button type="button" onClick={() => void backUpNow()} disabled={busy}>
                
                {msg('shell.backUpNow')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function size(bytes: number): string {
  return bytes > 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
