import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../core/sync/api';
import { Modal } from '../ui/Modal';
import { call } from '../api';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * File > History…: who changed what, and when, from the notebook's git history: for the open source (with
 * "Restore this version", which puts the source back as it was, as a new change) or for the whole notebook.
 */
export function HistoryDialog({ source, onRestored, onClose }: { source: { id: string; title: string } | null; onRestored(message: string): void; onClose(): void }) {
  const [scope, setScope] = useState<'source' | 'notebook'>(source ? 'source' : 'notebook');
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<HistoryEntry | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEntries(null);
    call('notebookHistory', scope === 'source' && source ? { sourceId: source.id } : {}).then(setEntries, (e: Error) => setError(e.message));
  }, [scope, source]);

  const restore = async (entry: HistoryEntry) => {
    if (!source) return;
    setBusy(true);
    try {
      const r = await call('restoreSourceVersion', { sourceId: source.id, commit: entry.commit });
      onRestored(`“${source.title}” is back as it was on ${when(entry.date)} (${r.highlights} highlight${r.highlights === 1 ? '' : 's'}). This is a new change: the history keeps the version before it.`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
      setConfirm(null);
    }
  };

  return (
    <Modal title="History" onClose={onClose}>
      <div className="history-scope" role="radiogroup" aria-label="Whose history">
        {source && (
          <button type="button" role="radio" aria-checked={scope === 'source'} onClick={() => setScope('source')}>
            This source
          </button>
        )}
        <button type="button" role="radio" aria-checked={scope === 'notebook'} onClick={() => setScope('notebook')}>
          Whole notebook
        </button>
      </div>
      {scope === 'source' && source && <p className="dialog-intro">Versions of “{source.title}”, newest first.</p>}
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      {confirm ? (
        <div className="confirm" role="group" aria-label="Confirm restore">
          <p>
            Put “{source?.title}” back as it was on <strong>{when(confirm.date)}</strong> ({confirm.summary})? Its highlights and notes are replaced by that
            version’s, as a new change: the current version stays in the history.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirm(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirm)} disabled={busy} autoFocus>
              Restore this version
            </button>
          </div>
        </div>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              {scope === 'source' && (
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {entries?.map((e, i) => (
              <tr key={e.commit}>
                <td className="history-when">{when(e.date)}</td>
                <td>{e.author}</td>
                <td>{e.merge ? <span className="history-merge">{e.summary}</span> : e.summary}</td>
                {scope === 'source' && (
                  <td>
                    {i > 0 && (
                      <button type="button" onClick={() => setConfirm(e)} aria-label={`Restore the version of ${when(e.date)}`}>
                        Restore…
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {entries?.length === 0 && (
              <tr>
                <td colSpan={4}>{scope === 'source' ? 'No saved versions of this source yet: they are made when the notebook syncs.' : 'No history yet: share the notebook (File > Share notebook…) and it is kept from the first sync.'}</td>
              </tr>
            )}
            {!entries && !error && (
              <tr>
                <td colSpan={4} role="status">
                  Reading the history…
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
