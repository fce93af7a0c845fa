import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../core/sync/api';
import { Modal } from '../ui/Modal';
import { call } from '../api';
import { counted, currentLocale, msg } from '../i18n';

const when = (iso: string) => new Date(iso).toLocaleString(currentLocale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

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
      onRestored(msg('sync.restored', { title: source.title, when: when(entry.date), highlights: counted('highlight', r.highlights) }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
      setConfirm(null);
    }
  };

  return (
    <Modal title={msg('sync.history')} onClose={onClose}>
      <div className="history-scope" role="radiogroup" aria-label={msg('sync.whoseHistory')}>
        {source && (
          <button type="button" role="radio" aria-checked={scope === 'source'} onClick={() => setScope('source')}>
            {msg('sync.thisSource')}
          </button>
        )}
        <button type="button" role="radio" aria-checked={scope === 'notebook'} onClick={() => setScope('notebook')}>
          {msg('sync.wholeNotebook')}
        </button>
      </div>
      {scope === 'source' && source && <p className="dialog-intro">{msg('sync.versionsOf', { title: source.title })}</p>}
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      {confirm ? (
        <div className="confirm" role="group" aria-label={msg('sync.confirmRestore')}>
          <p>
            {msg('sync.restoreQuestion', { title: source?.title ?? '', when: when(confirm.date), summary: confirm.summary })}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirm(null)} disabled={busy}>
              {msg('shell.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirm)} disabled={busy} autoFocus>
              {msg('sync.restoreThisVersion')}
            </button>
          </div>
        </div>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{msg('sync.when')}</th>
              <th scope="col">{msg('sync.who')}</th>
              <th scope="col">{msg('sync.what')}</th>
              {scope === 'source' && (
                <th scope="col">
                  <span className="visually-hidden">{msg('sync.action')}</span>
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
                      <button type="button" onClick={() => setConfirm(e)} aria-label={msg('sync.restoreVersionOf', { when: when(e.date) })}>
                        {msg('sync.restoreEllipsis')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {entries?.length === 0 && (
              <tr>
                <td colSpan={4}>{scope === 'source' ? msg('sync.noSourceVersions') : msg('sync.noHistory')}</td>
              </tr>
            )}
            {!entries && !error && (
              <tr>
                <td colSpan={4} role="status">
                  {msg('sync.readingHistory')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
