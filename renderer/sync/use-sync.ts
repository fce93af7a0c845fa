import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncResult, SyncStatus } from '../../core/sync/api';
import { call } from '../api';
import { currentLocale, msg } from '../i18n';

export interface SyncState {
  status: SyncStatus | null;
  busy: boolean;
  /** The last sync's failure, in words, until the next one succeeds. */
  error: string | null;
  refresh(): Promise<void>;
  /** Sync now; `quiet`: an automatic sync (a failure shows on the button, not as an alert). */
  syncNow(quiet?: boolean): Promise<SyncResult | null>;
  share(input: { url: string; token?: string; authorName: string }): Promise<SyncResult>;
}

/**
 * The notebook's sharing state, Sync, and the automatic sync every few minutes while a remote is set and the
 * computer is online. `beforeSync` saves what is being typed; `afterSync` reloads the window's notebook when the
 * merge brought changes in.
 */
export function useSync({ beforeSync, afterSync }: { beforeSync(): Promise<void>; afterSync(result: SyncResult, quiet: boolean): void }): SyncState {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<Promise<SyncResult | null> | null>(null);
  const after = useRef(afterSync);
  after.current = afterSync;
  const before = useRef(beforeSync);
  before.current = beforeSync;

  const refresh = useCallback(async () => {
    const s = await call('syncStatus').catch(() => null);
    if (s) {
      setStatus(s);
      setError(s.lastError);
    }
  }, []);

  const syncNow = useCallback(
    (quiet = false) => {
      running.current ??= (async () => {
        setBusy(true);
        try {
          await before.current().catch(() => {});
          const result = await call('syncNotebook');
          setError(null);
          after.current(result, quiet);
          return result;
        } catch (e) {
          setError((e as Error).message);
          if (!quiet) throw e;
          return null;
        } finally {
          setBusy(false);
          running.current = null;
          await refresh();
        }
      })();
      return running.current;
    },
    [refresh],
  );

  const share = useCallback(
    async (input: { url: string; token?: string; authorName: string }) => {
      setBusy(true);
      try {
        await before.current().catch(() => {});
        const result = await call('shareNotebook', input);
        setError(null);
        after.current(result, false);
        return result;
      } finally {
        setBusy(false);
        await refresh();
      }
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const minutes = status?.shared ? status.autoSyncMinutes : 0;
  useEffect(() => {
    if (!minutes) return;
    const timer = setInterval(() => {
      if (navigator.onLine !== false) void syncNow(true);
    }, minutes * 60_000);
    return () => clearInterval(timer);
  }, [minutes, syncNow]);

  return { status, busy, error, refresh, syncNow, share };
}

/** "just now", "4 min ago", "at 14:05", "on 3 Mar": when the notebook last synced. */
export function sinceWords(iso: string | null, now = Date.now()): string {
  if (!iso) return msg('sync.never');
  const ms = now - new Date(iso).getTime();
  if (ms < 60_000) return msg('sync.justNow');
  if (ms < 3_600_000) return msg('sync.minAgo', { n: Math.floor(ms / 60_000) });
  const d = new Date(iso);
  if (ms < 86_400_000) return msg('sync.at', { time: d.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' }) });
  return msg('sync.on', { date: d.toLocaleDateString(currentLocale(), { day: 'numeric', month: 'short' }) });
}
