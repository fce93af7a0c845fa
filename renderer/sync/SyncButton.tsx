import { useEffect, useState } from 'react';
import { CloudOff, RefreshCw, Share2 } from 'lucide-react';
import type { SyncState } from './use-sync';
import { sinceWords } from './use-sync';
import { withShortcut } from '../shell/Toolbar';
import { msg } from '../i18n';

/**
 * The toolbar's Sync button: the state at a glance (synced when, syncing, failed) and Sync on a click; when the
 * notebook is not shared yet, it opens Share notebook… instead.
 */
export function SyncButton({ sync, onShare }: { sync: SyncState; onShare(): void }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  const s = sync.status;
  if (!s) return null;
  if (!s.shared) {
    return (
      <button type="button" className="toolbar-icon-button sync-button" title={withShortcut(msg('sync.shareTitle'), 'file.share')} onClick={onShare}>
        <Share2 size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('sync.shareEllipsis')}</span>
      </button>
    );
  }
  const failed = Boolean(sync.error) && !sync.busy;
  const state = sync.busy ? msg('sync.syncing') : failed ? msg('sync.failed') : sinceWords(s.lastSyncAt);
  const title = failed ? msg('sync.failedTitle', { error: sync.error ?? '' }) : msg('sync.buttonTitle', { action: withShortcut(msg('sync.syncWithShared'), 'file.sync'), remote: s.remote ?? '', state });
  return (
    <button
      type="button"
      className={`toolbar-icon-button sync-button${failed ? ' failed' : ''}`}
      aria-label={msg('sync.buttonLabel', { state })}
      aria-busy={sync.busy}
      title={title}
      disabled={sync.busy}
      onClick={() => void sync.syncNow().catch(() => {})}
    >
      {failed ? <CloudOff size={14} aria-hidden="true" /> : <RefreshCw size={14} aria-hidden="true" className={sync.busy ? 'spin' : undefined} />}
      <span className="toolbar-label">{msg('sync.sync')}</span>
      <span className="sync-state" aria-hidden="true">
        {state}
      </span>
    </button>
  );
}
