import type { ReactNode } from 'react';

export type RemoteKind = 'https' | 'ssh' | 'folder';

const KINDS: Array<{ id: RemoteKind; label: string; hint: string; placeholder: string }> = [
  { id: 'https', label: 'Server (HTTPS)', hint: 'A repository on your team’s Gitea, GitLab or GitHub. The token is kept in this computer’s keychain.', placeholder: 'https://git.example.org/team/notebook.git' },
  { id: 'ssh', label: 'Server (SSH)', hint: 'Uses your SSH key; needs git installed on this computer.', placeholder: 'git@git.example.org:team/notebook.git' },
  { id: 'folder', label: 'Shared folder', hint: 'A bare repository on a shared drive or a USB stick (made once with: git init --bare notebook.git). Works with no network.', placeholder: '/Volumes/Team/notebook.git' },
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
        <legend>Where the shared notebook lives</legend>
        {KINDS.map((x) => (
          <label key={x.id} className="details-check">
            <input type="radio" name="remote-kind" value={x.id} checked={props.kind === x.id} onChange={() => props.onKind(x.id)} />
            {x.label}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{k.hint}</p>
      <label>
        {props.kind === 'folder' ? 'Path of the bare repository' : 'Repository address'}
        <input type="text" name="url" value={props.url} placeholder={k.placeholder} dir="ltr" spellCheck={false} autoComplete="off" required onChange={(e) => props.onUrl(e.target.value)} />
      </label>
      {props.kind === 'https' && (
        <label>
          Access token
          <span className="field-hint">A personal access token with read and write access to the repository{props.tokenSaved ? ' (one is saved: leave empty to keep it)' : ''}.</span>
          <input type="password" name="token" value={props.token} autoComplete="off" spellCheck={false} onChange={(e) => props.onToken(e.target.value)} />
        </label>
      )}
      {props.children}
      <label>
        Your name
        <span className="field-hint">Shown beside your changes in the history.</span>
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
