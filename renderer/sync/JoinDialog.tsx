import { useState } from 'react';
import { Modal } from '../ui/Modal';
import { call } from '../api';
import { RemoteFields, contain, type RemoteKind, SyncFormFooter } from './remote-fields';
import { msg } from '../i18n';

/**
 * File > Join shared notebook…: copy a notebook the team shares into a new, empty folder on this computer and open
 * it there (this notebook stays where it is, untouched).
 */
export function JoinDialog({ defaultName, onJoined, onClose }: { defaultName: string; onJoined(dataDir: string): void; onClose(): void }) {
  const [kind, setKind] = useState<RemoteKind>('https');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState(defaultName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!url.trim()) return setError(msg('sync.giveAddress'));
    if (!folder.trim()) return setError(msg('sync.giveFolder'));
    if (!name.trim()) return setError(msg('sync.giveName'));
    setBusy(true);
    setError(null);
    try {
      const joined = await call('joinNotebook', { url: url.trim(), folder: folder.trim(), token: kind === 'https' && token ? token : undefined, authorName: name.trim() });
      onJoined(joined.dataDir);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={msg('sync.joinTitle')} onClose={onClose}>
      <form className="tag-details sync-form" onSubmit={(e) => void submit(e)} onKeyDown={contain} noValidate aria-busy={busy}>
        <p className="dialog-intro">{msg('sync.joinIntro')}</p>
        <RemoteFields kind={kind} url={url} token={token} name={name} onKind={setKind} onUrl={setUrl} onToken={setToken} onName={setName}>
          <label>
            {msg('sync.newFolder')}
            <span className="field-hint">{msg('sync.newFolderHint')}</span>
            <input type="text" name="folder" value={folder} dir="ltr" spellCheck={false} autoComplete="off" placeholder={msg('sync.folderPlaceholder')} onChange={(e) => setFolder(e.target.value)} />
          </label>
        </RemoteFields>
        <SyncFormFooter error={error} busy={busy} progress={msg('sync.copying')} submitLabel={msg('sync.join')} onClose={onClose} />
      </form>
    </Modal>
  );
}
