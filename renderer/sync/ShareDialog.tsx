import { useState } from 'react';
import { Modal } from '../ui/Modal';
import type { SyncResult, SyncStatus } from '../../core/sync/api';
import { RemoteFields, contain, guessKind, type RemoteKind, SyncFormFooter } from './remote-fields';
import { msg } from '../i18n';

/**
 * File > Share notebook…: make this notebook a git repository (if it is not one), set where the team's copy lives,
 * and send it there. Also changes the address or the token of a notebook already shared.
 */
export function ShareDialog({ status, onShare, onClose }: { status: SyncStatus; onShare(input: { url: string; token?: string; authorName: string }): Promise<SyncResult>; onClose(): void }) {
  const [kind, setKind] = useState<RemoteKind>(guessKind(status.remote));
  const [url, setUrl] = useState(status.remote ?? '');
  const [token, setToken] = useState('');
  const [name, setName] = useState(status.authorName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The title and the button stay as they opened: a first try that fails still sets the address.
  const [wasShared] = useState(status.shared);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!url.trim()) return setError(msg('sync.giveAddress'));
    if (!name.trim()) return setError(msg('sync.giveName'));
    setBusy(true);
    setError(null);
    try {
      await onShare({ url: url.trim(), token: kind === 'https' && token ? token : undefined, authorName: name.trim() });
      onClose();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={wasShared ? msg('sync.sharedNotebook') : msg('sync.shareNotebook')} onClose={onClose}>
      <form className="tag-details sync-form" onSubmit={(e) => void submit(e)} onKeyDown={contain} noValidate aria-busy={busy}>
        <p className="dialog-intro">
          {msg('sync.shareIntro')}
        </p>
        <RemoteFields kind={kind} url={url} token={token} name={name} onKind={setKind} onUrl={setUrl} onToken={setToken} onName={setName} tokenSaved={status.hasToken} />
        <p className="field-hint">{status.git === 'system' ? msg('sync.gitSystem') : msg('sync.gitBuiltIn')}</p>
        <SyncFormFooter error={error} busy={busy} progress={msg('sync.sending')} submitLabel={wasShared ? msg('sync.saveAndSync') : msg('sync.share')} onClose={onClose} />
      </form>
    </Modal>
  );
}
