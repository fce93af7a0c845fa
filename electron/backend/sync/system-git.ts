/**
 * The GitDriver over the system git: `git` run with execFile and an argument array (never a shell). A token reaches
 * git for one command only, as an http.extraHeader in the command's environment (GIT_CONFIG_COUNT), so it is never
 * written into .git/config and never shows in the process list.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyGitFailure } from './git-errors';
import { GitError, type GitAuth, type GitAuthor, type GitDriver, type LogEntry } from './git';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const MAX_BUFFER = 512 * 1024 * 1024;

interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** Remote address for error messages (network commands). */
  remote?: string;
  /** Exit codes that are answers, not failures (e.g. merge-base 1: no common ancestor). */
  okCodes?: number[];
}

export class SystemGit implements GitDriver {
  readonly kind = 'system' as const;

  constructor(private readonly binary = 'git') {}

  /** Whether a usable git is installed (the `git --version` of this binary runs). */
  static async available(binary = 'git'): Promise<boolean> {
    return new Promise((resolve) => execFile(binary, ['--version'], { timeout: 10_000 }, (err) => resolve(!err)));
  }

  private run(args: string[], options: RunOptions = {}): Promise<{ stdout: string; code: number }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes -o ConnectTimeout=20',
      LC_ALL: 'C',
      ...options.env,
    };
    return new Promise((resolve, reject) => {
      const child = execFile(this.binary, args, { cwd: options.cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
        if (err && !(options.okCodes ?? []).includes(code)) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(new GitError('Git is not installed on this computer.', 'other'));
          else reject(classifyGitFailure(`${stderr}\n${err.message}`, options.remote ?? ''));
          return;
        }
        resolve({ stdout, code });
      });
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  private authEnv(auth: GitAuth | null): Record<string, string> {
    if (!auth) return {};
    const basic = Buffer.from(`${auth.username}:${auth.token}`, 'utf8').toString('base64');
    return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
  }

  async isRepo(dir: string): Promise<boolean> {
    return access(join(dir, '.git')).then(
      () => true,
      () => false,
    );
  }

  async init(dir: string): Promise<void> {
    await this.run(['init', '--quiet', '--initial-branch=main', dir]);
  }

  async getRemote(dir: string): Promise<string | null> {
    const r = await this.run(['config', '--get', 'remote.origin.url'], { cwd: dir, okCodes: [1] });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async setRemote(dir: string, url: string): Promise<void> {
    const has = (await this.getRemote(dir)) !== null;
    await this.run(has ? ['remote', 'set-url', 'origin', url] : ['remote', 'add', 'origin', url], { cwd: dir });
  }

  async stageAll(dir: string): Promise<void> {
    await this.run(['add', '--all', '.'], { cwd: dir });
  }

  async stagedChanges(dir: string): Promise<string[]> {
    const head = await this.head(dir);
    const r = await this.run(['diff', '--cached', '--name-only', '--no-renames', '-z', head ?? EMPTY_TREE], { cwd: dir });
    return r.stdout.split('\0').filter(Boolean);
  }

  async indexTree(dir: string): Promise<string> {
    return (await this.run(['write-tree'], { cwd: dir })).stdout.trim();
  }

  async treeOf(dir: string, commit: string): Promise<string> {
    return (await this.run(['rev-parse', `${commit}^{tree}`], { cwd: dir })).stdout.trim();
  }

  async commit(dir: string, message: string, author: GitAuthor, parents: string[]): Promise<string> {
    const tree = await this.indexTree(dir);
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email };
    const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'];
    const oid = (await this.run(args, { cwd: dir, env, input: message })).stdout.trim();
    await this.moveMain(dir, oid);
    return oid;
  }

  async moveMain(dir: string, oid: string): Promise<void> {
    await this.run(['update-ref', 'refs/heads/main', oid], { cwd: dir });
    await this.run(['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
  }

  async head(dir: string): Promise<string | null> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', 'refs/heads/main'], { cwd: dir, okCodes: [1] });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async remoteHead(dir: string): Promise<string | null> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', 'refs/remotes/origin/main'], { cwd: dir, okCodes: [1] });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async fetch(dir: string, auth: GitAuth | null): Promise<string | null> {
    const remote = (await this.getRemote(dir)) ?? '';
    // An empty remote has no main yet: ls-remote says so without an error.
    const listed = await this.run(['ls-remote', 'origin', 'refs/heads/main'], { cwd: dir, env: this.authEnv(auth), remote });
    if (!listed.stdout.trim()) return null;
    await this.run(['fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main'], { cwd: dir, env: this.authEnv(auth), remote });
    return this.remoteHead(dir);
  }

  async push(dir: string, auth: GitAuth | null): Promise<void> {
    const remote = (await this.getRemote(dir)) ?? '';
    await this.run(['push', '--quiet', '--porcelain', 'origin', 'refs/heads/main:refs/heads/main'], { cwd: dir, env: this.authEnv(auth), remote });
    const head = await this.head(dir);
    if (head) await this.run(['update-ref', 'refs/remotes/origin/main', head], { cwd: dir });
  }

  async mergeBase(dir: string, a: string, b: string): Promise<string | null> {
    const r = await this.run(['merge-base', a, b], { cwd: dir, okCodes: [1] });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async listTree(dir: string, commit: string): Promise<Map<string, string>> {
    const r = await this.run(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: dir });
    const out = new Map<string, string>();
    for (const line of r.stdout.split('\0')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      const [, type, oid] = line.slice(0, tab).split(' ');
      if (type === 'blob') out.set(line.slice(tab + 1), oid);
    }
    return out;
  }

  async readBlob(dir: string, oid: string): Promise<Buffer> {
    return (await this.readBlobs(dir, [oid])).get(oid)!;
  }

  /** Many blobs in one git process (cat-file --batch): a merge reads hundreds of files. */
  async readBlobs(dir: string, oids: string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (oids.length === 0) return out;
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const child = execFile(this.binary, ['cat-file', '--batch'], { cwd: dir, encoding: 'buffer', maxBuffer: MAX_BUFFER }, (err, stdout) => (err ? reject(classifyGitFailure(String(err), '')) : resolve(stdout)));
      child.stdin?.end(oids.join('\n') + '\n');
    });
    let at = 0;
    for (const oid of oids) {
      const nl = raw.indexOf(10, at);
      const header = raw.subarray(at, nl).toString('utf8').split(' ');
      if (header[1] === 'missing') throw new GitError(`The object ${oid} is missing from the repository.`, 'other');
      const size = Number(header[2]);
      out.set(oid, raw.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
    return out;
  }

  async log(dir: string, options: { path?: string; max: number }): Promise<LogEntry[]> {
    if (!(await this.head(dir))) return [];
    const args = ['log', `--max-count=${options.max}`, '-z', '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%P%x1f%B', 'refs/heads/main'];
    if (options.path) args.push('--', options.path);
    const r = await this.run(args, { cwd: dir });
    return r.stdout
      .split('\0')
      .filter((rec) => rec.trim())
      .map((rec) => {
        const [oid, author, email, date, parents, message] = rec.split('\x1f');
        return { oid: oid.trim(), author, email, date: new Date(date).toISOString(), parents: parents.split(' ').filter(Boolean), message: message.trim() };
      });
  }

  async clone(url: string, dir: string, auth: GitAuth | null): Promise<void> {
    await this.run(['clone', '--quiet', '--no-tags', '--origin', 'origin', url, dir], { env: this.authEnv(auth), remote: url });
    // A clone of an empty repository has no main yet: make HEAD name it.
    await this.run(['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
  }
}
