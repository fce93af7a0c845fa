import { GitError } from './git';

/** A git failure (the system git's stderr, or isomorphic-git's error) in the words an analyst is told. */
export function classifyGitFailure(text: string, remote: string): GitError {
  const t = text.toLowerCase();
  const where = remote ? ` (${redactUrl(remote)})` : '';
  if (/usercancelederror|authentication failed|\b401\b|\b403\b|could not read username|could not read password|terminal prompts disabled|httperror: http error: 40[13]|permission denied \(publickey/.test(t)) {
    return new GitError(`The shared notebook${where} refused the credentials: check the token (or SSH key) and that it may read and write the repository. Your work is kept here and committed locally.`, 'auth');
  }
  if (/\[rejected\]|non-fast-forward|fetch first|failed to push some refs|pushrejectederror|not a simple fast-forward/.test(t)) {
    return new GitError(`The shared notebook${where} changed while syncing; sync again to merge the new changes.`, 'rejected');
  }
  if (/could not resolve host|couldn't resolve|connection refused|failed to connect|econnrefused|enotfound|eai_again|network is unreachable|timed out|etimedout|econnreset|could not connect|unable to access|no route to host/.test(t)) {
    return new GitError(`The shared notebook${where} cannot be reached: you may be offline, or the server or drive is not available. Your work is kept here and committed locally; sync again when it is back.`, 'offline');
  }
  if (/does not appear to be a git repository|repository not found|not found|does not exist|no such file or directory|could not read from remote|enoent/.test(t)) {
    return new GitError(`There is no shared notebook at ${redactUrl(remote) || 'that address'}: check the address (a bare repository, made with "git init --bare", or a repository on your server). Your work is kept here.`, 'not-found');
  }
  if (/permission denied|read-only file system|eacces|erofs|pre-receive hook declined|protected branch/.test(t)) {
    return new GitError(`The shared notebook${where} refused the change (no permission to write there). Your work is kept here and committed locally.`, 'refused');
  }
  const firstLine = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('hint:')) ?? 'unknown error';
  return new GitError(`Git could not complete the sync${where}: ${redactSecrets(firstLine).slice(0, 300)}. Your work is kept here.`, 'other');
}

/** A URL without any user:password part, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^@/]*@/i, '$1');
}

function redactSecrets(line: string): string {
  return line.replace(/(authorization:\s*\w+\s+)\S+/gi, '$1***').replace(/(https?:\/\/)[^@/\s]*@/gi, '$1');
}
