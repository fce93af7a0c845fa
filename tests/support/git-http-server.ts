/**
 * A git smart-HTTP server on loopback for tests (issue 19): a small node http server that runs the system git's
 * `git http-backend` as a CGI program over a folder of bare repositories (GIT_PROJECT_ROOT, GIT_HTTP_EXPORT_ALL).
 * With `token` set, every request needs Basic authentication with that password (any user name); others get 401.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface GitHttpServer {
  url: string;
  /** The address of a bare repository under the root (made with `git init --bare` when missing). */
  repo(name: string): string;
  close(): Promise<void>;
  /** Requests served, and those refused for lack of the token. */
  stats: { served: number; refused: number };
}

const HTTP_BACKEND = (() => {
  try {
    return join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-http-backend');
  } catch {
    return '/usr/lib/git-core/git-http-backend';
  }
})();

export async function startGitHttpServer(root: string, options: { token?: string; port?: number } = {}): Promise<GitHttpServer> {
  const stats = { served: 0, refused: 0 };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':').slice(1).join(':') : null;
      if (given !== options.token) {
        stats.refused++;
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="notebook"', 'Content-Type': 'text/plain' });
        res.end('Authentication required\n');
        return;
      }
    }
    stats.served++;
    const child = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: req.headers['content-length'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'analyst',
        REMOTE_ADDR: '127.0.0.1',
        SERVER_PROTOCOL: 'HTTP/1.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    child.stdout.on('end', () => res.end());
    child.on('error', () => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stats,
    repo(name: string) {
      const path = join(root, `${name}.git`);
      mkdirSync(path, { recursive: true });
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
      execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: path });
      return `${url}/${name}.git`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
