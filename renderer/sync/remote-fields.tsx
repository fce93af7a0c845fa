import type { ReactNode } from 'react';
import { msg } from '../i18n';
import type { MessageKey } from '../../core/i18n/catalog';

export type RemoteKind = 'https' | 'ssh' | 'folder';

const KINDS: Array<{ id: RemoteKind; label: MessageKey; hint: MessageKey; placeholder: string }> = [
  { id: 'https', label: 'sync.kindHttps', hint: 'sync.kindHttpsHint', placeholder: 'https://git.example.org/team/notebook.git' },
  { id: 'ssh', label: 'sync.kindSsh', hint: 'sync.kindSshHint', placeholder: 'git@git.example.org:team/notebook.git' },
  { id: 'folder', label: 'sync.kindFolder', hint: 'sync.kindFolderHint', placeholder: '/Volumes/Team/notebook.git' },
];

export const kindOf = (kind: RemoteKind) => KINDS.find((k) => k.id === kind)!;

/** Keys typed in a dialog stay there: none reaches the app's single-key shortcuts. */
export const contain = (e: React.KeyboardEvent) => {
  if (e.key !== 'Escape') e.stopPropagation();
};

/** Where the shared notebook lives: its kind, its address, and the token for a server over HTTPS. */
export function RemoteFields(props: {
  kind: RemoteKind;
  url: string;
  token: string;
  name: string;
  onKind(kind: RemoteKind): void;
  onUrl(url: string): void;
  onToken(token: string): void;
  onName(name: string): void;
  tokenSaved?: boolean;
  children?: ReactNode;
}) {
  const k = kindOf(props.kind);
  return (
    <>
      <fieldset className="remote-kind">
        <legend>{msg('sync.whereItLives')}</legend>
        {KINDS.map((x) => (
          <label key={x.id} className="details-check">
            <input type="radio" name="remote-kind" value={x.id} checked={props.kind === x.id} onChange={() => props.onKind(x.id)} />
            {msg(x.label)}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{msg(k.hint)}</p>
      <label>
        {props.kind === 'folder' ? msg('sync.barePath') : msg('sync.repoAddress')}
        <input type="text" name="url" value={props.url} placeholder={k.placeholder} dir="ltr" spellCheck={false} autoComplete="off" required onChange={(e) => props.onUrl(e.target.value)} />
      </label>
      {props.kind === 'https' && (
        <label>
          {msg('sync.accessToken')}
          <span className="field-hint">{props.tokenSaved ? msg('sync.tokenHintSaved') : msg('sync.tokenHint')}</span>
          <input type="password" name="token" value={props.token} autoComplete="off" spellCheck={false} onChange={(e) => props.onToken(e.target.value)} />
        </label>
      )}
      {props.children}
      <label>
        {msg('sync.yourName')}
        <span className="field-hint">{msg('sync.yourNameHint')}</span>
        <input type="text" name="author" value={props.name} maxLength={200} autoComplete="name" required onChange={(e) => props.onName(e.target.value)} />
      </label>
    </>
  );
}

export function guessKind(url: string | null): RemoteKind {
  if (!url) return 'https';
  if (/^https?:\/\//i.test(url)) return 'https';
  if (/^(ssh:\/\/|[\w.-]+@[\w.-]+:)/.test(url)) return 'ssh';
  return 'folder';
}

/** The end of the Share and Join forms: the error, the progress line while git works, then Cancel and the action. */
export function SyncFormFooter({ error, busy, progress, submitLabel, onClose }: { error: string | null; busy: boolean; progress: string; submitLabel: string; onClose(): void }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <p className="sync-progress" role="status">
          <span className="spinner" aria-hidden="true" /> {progress}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          {msg('shell.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
