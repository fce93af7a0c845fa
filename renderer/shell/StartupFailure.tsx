import { msg } from '../i18n';
import { useEffect, useState } from 'react';
import type { StartupState } from '../../core/contract';
import { call } from '../api';
import { BackupsPanel } from './BackupsDialog';

export type FailedStart = Extract<StartupState, { failed: true }>;

/**
 * The start-up failure screen (issue 11): when the notebook cannot be opened (the backend failed to open it, or the
 * window failed to show it), the window says what failed and offers the backups, Open read-only where that can
 * work, and Quit; never a blank window. A restore or a read-only opening reloads the window onto the notebook.
 */
export function StartupFailure({ failure }: { failure: FailedStart }) {
  const [state, setState] = useState(failure);
  const [busy, setBusy] = useState(false);
  const [dataDir, setDataDir] = useState(failure.dataDir);

  useEffect(() => {
    if (!dataDir) void call('appInfo').then((info) => setDataDir(info.dataDir), () => {});
    // The shell asks before the window closes; nothing here is unsaved.
    return window.notebookShell?.onMenuCommand((command) => {
      if (command === 'app.flushAndClose') window.notebookShell?.readyToClose?.();
    });
  }, [dataDir]);

  const openReadOnly = async () => {
    setBusy(true);
    try {
      const next = await call('reopenNotebook', { readOnly: true });
      if (!next.failed) window.location.reload();
      else setState(next);
    } catch (e) {
      setState({ ...state, message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="startup-failure" aria-labelledby="startup-failure-title">
      <div className="startup-failure-card">
        <h1 id="startup-failure-title">{msg('shell.theNotebookCouldNotBe')}</h1>
        <p className="startup-failure-reason" role="alert">
          {state.message}
        </p>
        {dataDir && (
          <p className="startup-failure-folder">
            
            {msg('shell.notebookFolder2')}{' '}<code>{dataDir}</code>
          </p>
        )}
        <h2>{msg('shell.restoreABackup')}</h2>
        <p>{msg('shell.putTheNotebookBackAs2')}</p>
        <BackupsPanel onRestored={() => window.location.reload()} />
        <div className="startup-failure-actions">
          {state.canOpenReadOnly && (
            <button type="button" onClick={() => void openReadOnly()} disabled={busy}>
              
              {msg('shell.openReadOnly')}
            </button>
          )}
          <button type="button" onClick={() => window.close()}>
            
            {msg('shell.quit')}
          </button>
        </div>
      </div>
    </main>
  );
}
