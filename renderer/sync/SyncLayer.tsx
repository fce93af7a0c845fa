import { useRef, useState } from 'react';
import type { SyncResult } from '../../core/sync/api';
import { flushNotes } from '../notes/NoteEditor';
import { useSync, type SyncState } from './use-sync';
import { ShareDialog } from './ShareDialog';
import { JoinDialog } from './JoinDialog';
import { HistoryDialog } from './HistoryDialog';
import { SyncReportDialog } from './SyncReportDialog';
import { msg } from '../i18n';

type SyncDialog = 'share' | 'join' | 'history' | 'report' | null;

export interface SyncUi {
  sync: SyncState;
  dialog: SyncDialog;
  open(dialog: SyncDialog): void;
  commands: Record<'file.share' | 'file.join' | 'file.sync' | 'file.history', () => void>;
}

/** What a finished sync says in the notice line. */
function resultWords(r: SyncResult): string {
  if (r.upToDate) return msg('sync.upToDate');
  const parts: string[] = [];
  if (r.committed) parts.push(msg('sync.sent', { what: `${r.committed.charAt(0).toLowerCase()}${r.committed.slice(1)}` }));
  if (r.received) parts.push(msg('sync.received', { count: r.received }));
  const text = parts.length ? msg('sync.syncedWith', { parts: parts.join('; ') }) : msg('sync.synced');
  return r.conflicts.length ? `${text} ${msg('sync.bothChanged', { count: r.conflicts.length })}` : text;
}

/**
 * Sharing in the window (issue 19): the sync state, the Share, Join, History and sync report dialogs, and their
 * commands. `reloadNotebook` reads the notebook again after a merge brought changes in.
 */
export function useSyncUi({ reloadNotebook, notify }: { reloadNotebook(message: string): Promise<void>; notify(message: string): void }): SyncUi {
  const [dialog, setDialog] = useState<SyncDialog>(null);
  const reload = useRef(reloadNotebook);
  reload.current = reloadNotebook;
  const tell = useRef(notify);
  tell.current = notify;
  const sync = useSync({
    beforeSync: () => flushNotes(),
    afterSync: (result, quiet) => {
      const words = resultWords(result);
      const after = () => {
        if (result.conflicts.length) setDialog('report');
      };
      if (result.received > 0) void reload.current(words).then(after);
      else {
        if (!quiet) tell.current(words);
        after();
      }
    },
  });
  const commands = {
    'file.share': () => setDialog('share'),
    'file.join': () => setDialog('join'),
    'file.sync': () => {
      if (!sync.status?.shared) return setDialog('share');
      void sync.syncNow().catch((e: Error) => tell.current(e.message));
    },
    'file.history': () => setDialog('history'),
  };
  return { sync, dialog, open: setDialog, commands };
}

export function SyncLayer({ ui, source, onRestored }: { ui: SyncUi; source: { id: string; title: string } | null; onRestored(message: string): void }) {
  const close = () => ui.open(null);
  const status = ui.sync.status;
  if (!status) return null;
  switch (ui.dialog) {
    case 'share':
      return <ShareDialog status={status} onShare={ui.sync.share} onClose={close} />;
    case 'join':
      // The joined notebook replaces this one in the window: everything is read again from its folder.
      return <JoinDialog defaultName={status.authorName} onJoined={() => window.location.reload()} onClose={close} />;
    case 'history':
      return (
        <HistoryDialog
          source={source}
          onClose={close}
          onRestored={(m) => {
            close();
            onRestored(m);
          }}
        />
      );
    case 'report':
      return <SyncReportDialog conflicts={status.lastConflicts} texts={status.lastConflictTexts} at={status.lastSyncAt} onClose={close} />;
    default:
      return null;
  }
}
