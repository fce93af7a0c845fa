/**
 * The notebook on the command line, for batch work and scripts: `npm run notebook -- export …` and `… import …`.
 * It opens the notebook with the same backend code as the app (NotebookService, the same export jobs and import
 * checks); only the arguments, the progress lines and the exit codes are its own.
 *
 * stdout carries the result only (the paths written, or the ids of the sources imported), one per line; progress and
 * messages go to stderr. Exit codes: 0 done, 1 bad usage, 2 a problem with the input (a bad file, an unknown tag, a
 * destination that exists), 3 a file-system failure.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, POSITION_UNITS, type BackendExportFormat, type ExportScope, type PositionUnit } from '../../../core/exchange/api';
import { tagNamePaths } from '../../../core/export/common';
import { nameKey } from '../../../core/tags/codebook';
import { describeIoError } from '../io-errors';
import { printable } from './printable';
import { NotebookError } from '../errors';
import { NotebookService } from '../service';
import { NotebookStore } from '../store';

export const EXIT = { ok: 0, usage: 1, input: 2, io: 3 } as const;

const HELP = `Research Notebook on the command line: export and import with the app's own code.

Usage:
  npm run notebook -- export --format FORMAT --out PATH [--tags a,b | --source ID] [--layout per-source|combined]
                        [--positions code-points|utf-16] [--force]
  npm run notebook -- import FILE... [--keep-duplicates] [--dry-run] [--empty] [--password PW]
  npm run notebook -- --help

Commands:
  export   Write the notebook (or part of it) to PATH.
           FORMAT is one of: markdown, w3c, qdpx, qdc, csv, csl, bibtex, html.
           --tags a,b     only highlights with these tags or their sub-tags (a tag's name, or its path
                          such as "Places/Afghanistan"); with their sources and tags
           --source ID    only this source, with its highlights and notebook
           --layout       Markdown: one file per source in the folder PATH (per-source, the default),
                          or one file (combined; also chosen when PATH ends in .md)
           --positions    REFI-QDA: count text positions in code points (the standard; MAXQDA, ATLAS.ti,
                          QualCoder) or in UTF-16 units (for NVivo); default: the unit of the project
                          the notebook was imported from, else code points
           --force        replace PATH when it exists
           --read-only    (always so) export reads the notebook without locking it, so it works while
                          the app has it open
  import   Add sources (.txt, .md, .html, .htm, .pdf, .docx) and annotations (W3C Web Annotation .json/.jsonld,
           REFI-QDA .qdpx) to the notebook. Every file is checked first: if any is refused, nothing
           is imported. Highlights are anchored in their text; those that cannot be are kept as orphans.
           --keep-duplicates  also import sources whose text the notebook already has (default: skip
                              them; their highlights join the notebook's copy)
           --dry-run          check the files and report what they hold; change nothing
           --empty            when DIR holds no notebook yet, start an empty one (default: a new
                              notebook gets the bundled articles and the default tags, as the app does)
           --password PW      the password of protected PDFs among the files (long PDFs print their
                              pages on stderr as they are read)

Options:
  --data-dir DIR   the notebook folder (default: $NOTEBOOK_DATA_DIR, else the app's own:
                   ${defaultDataDir()})
  -q, --quiet      no progress on stderr
  -h, --help       this help

Output: the paths written (export) or the ids of the sources added or changed (import) on stdout, one per
line; progress and messages on stderr. For clean stdout in scripts, run "npm run --silent notebook -- ...".
Close the app before importing into the notebook it has open: it would not see the new sources until restarted.

Exit codes: 0 done, 1 bad usage, 2 a problem with the input, 3 a file-system failure.
`;

/** Electron's userData for this app (productName "Research Notebook") plus the app's "notebook" folder. */
export function defaultDataDir(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Research Notebook', 'notebook');
}

class UsageError extends Error {}
class InputError extends Error {}

export interface CliIo {
  stdout(line: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function version(): Promise<string> {
  try {
    return (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

async function exists(path: string): Promise<boolean> {
  return Boolean(await stat(path).catch(() => null));
}

const CLI_APP = 'the notebook command line (npm run notebook)';

/**
 * Export reads only: it takes no lock and may run while the app has the notebook open. Import writes: it takes the
 * notebook's lock, and is refused while the app (or another import) holds it.
 */
async function openNotebook(dataDir: string, create: 'no' | 'seeded' | 'empty', readOnly = false): Promise<NotebookService> {
  const hasCatalog = await exists(join(dataDir, 'catalog.json'));
  if (!hasCatalog && (create === 'no' || readOnly)) throw new InputError(`There is no notebook in ${dataDir}. Check --data-dir.`);
  if (!hasCatalog && create === 'empty') {
    // An empty catalog on disk first: the service then opens it as it is, without the bundled articles.
    const { store } = await NotebookStore.open(dataDir, { app: CLI_APP });
    try {
      await store.updateCatalog(() => {});
    } finally {
      await store.close();
    }
  }
  return NotebookService.open({ dataDir, seedsDir: join(repoRoot, 'seeds'), version: await version(), readOnly, app: CLI_APP });
}

async function withNotebook<T>(service: NotebookService, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await service.close();
  }
}

/** "a,b" to tag ids: each a tag's name (when unique) or its path, "Parent/Child". */
function resolveTags(service: NotebookService, list: string): string[] {
  const tags = service.exchange.tags();
  const paths = tagNamePaths(tags);
  const ids: string[] = [];
  for (const wanted of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const key = wanted.split('/').map(nameKey).join('/');
    const byPath = tags.filter((t) => (paths.get(t.id) ?? [t.name]).map(nameKey).join('/') === key);
    const byName = byPath.length ? byPath : tags.filter((t) => nameKey(t.name) === nameKey(wanted));
    if (byName.length === 0) throw new InputError(`No tag named "${wanted}" in the notebook.`);
    if (byName.length > 1) {
      const options = byName.map((t) => `"${(paths.get(t.id) ?? [t.name]).join('/')}"`).join(', ');
      throw new InputError(`More than one tag is named "${wanted}": give its path (${options}).`);
    }
    ids.push(byName[0].id);
  }
  if (ids.length === 0) throw new UsageError('--tags needs at least one tag name.');
  return ids;
}

/** Progress on stderr: one line rewritten in a terminal; in a log, a line per step and at most one a second. */
function progressWriter(io: CliIo, quiet: boolean): (message: string) => void {
  let lastLine = '';
  let lastStep = '';
  let lastTime = 0;
  return (message) => {
    if (quiet || message === lastLine) return;
    const now = Date.now();
    const step = message.split(' ')[0];
    if (io.isTTY) {
      io.stderr(`\r\u001b[2K${printable(message)}`);
    } else if (step !== lastStep || now - lastTime > 1000) {
      io.stderr(`${printable(message)}\n`);
      lastTime = now;
      lastStep = step;
    }
    lastLine = message;
  };
}

async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      tags: { type: 'string' },
      source: { type: 'string' },
      layout: { type: 'string' },
      positions: { type: 'string' },
      force: { type: 'boolean' },
      'read-only': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
    allowPositionals: false,
    strict: true,
  });
  const formats = EXPORT_FORMATS.filter((f) => f !== 'pdf');
  const format = values.format as BackendExportFormat | undefined;
  if (!format) throw new UsageError(`export needs --format (${formats.join(', ')}).`);
  if (!formats.includes(format)) {
    throw new UsageError(`Unknown format "${format}": use one of ${formats.join(', ')}${(format as string) === 'pdf' ? ' (PDF is printed by the app: File > Export…)' : ''}.`);
  }
  if (!values.out) throw new UsageError('export needs --out PATH (where to write the export).');
  if (values.tags && values.source) throw new UsageError('Give --tags or --source, not both.');
  if (values.layout && !['per-source', 'combined'].includes(values.layout)) throw new UsageError('--layout is per-source or combined.');
  if (values.positions && !(POSITION_UNITS as readonly string[]).includes(values.positions)) throw new UsageError('--positions is code-points or utf-16.');
  if (values.positions && format !== 'qdpx') throw new UsageError('--positions applies to --format qdpx only.');
  const positions = values.positions as PositionUnit | undefined;
  const layout = format === 'markdown' ? ((values.layout ?? (values.out.toLowerCase().endsWith('.md') ? 'combined' : 'per-source')) as 'per-source' | 'combined') : undefined;

  const dataDir = resolve(values['data-dir'] ?? io.env.NOTEBOOK_DATA_DIR ?? defaultDataDir());
  const out = resolve(values.out);
  const service = await openNotebook(dataDir, 'no', true);
  return withNotebook(service, async () => {
  const scope: ExportScope = values.tags
    ? { kind: 'tags', tagIds: resolveTags(service, values.tags) }
    : values.source
      ? { kind: 'source', sourceId: values.source }
      : { kind: 'notebook' };
  const progress = progressWriter(io, Boolean(values.quiet));
  const started = await service.startExport({ scope, format, path: out, layout, positions, overwrite: Boolean(values.force) });
  if (!started.jobId) throw new InputError(`${started.path} already exists. Use --force to replace it.`);
  const { jobId } = started;
  const report = (): void => {
    const job = service.exchange.exports.progress(jobId);
    if (job.state === 'running') progress(job.message);
  };
  report();
  const timer = setInterval(report, 50);
  const job = await service.exchange.exports.wait(jobId).finally(() => clearInterval(timer));
  if (io.isTTY && !values.quiet) io.stderr('\r\u001b[2K');
  if (job.state !== 'done') {
    io.stderr(`${printable(job.error ?? job.message)}\n`);
    return job.failure === 'io' ? EXIT.io : EXIT.input;
  }
  for (const w of job.warnings) io.stderr(`Note: ${printable(w)}\n`);
  if (!values.quiet) io.stderr(`${printable(job.message)}\n`);
  for (const path of job.paths) io.stdout(printable(path));
  return EXIT.ok;
  });
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'keep-duplicates': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      empty: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      password: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE.');
  if (values.password !== undefined && values.password.length > 1024) throw new UsageError('--password is at most 1,024 characters.');
  const say = (s: string): void => {
    if (!values.quiet) io.stderr(`${printable(s)}\n`);
  };

  const files: Array<{ name: string; size: number; bytes: Uint8Array | undefined; password?: string }> = [];
  const unreadable: string[] = [];
  for (const [i, path] of positionals.entries()) {
    const name = basename(path);
    say(`Reading ${name} (${i + 1} of ${positionals.length})`);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      // A file over its limit is refused by its size alone, without reading it.
      files.push({
        name,
        size: info.size,
        bytes: info.size <= 500 * 1024 * 1024 ? new Uint8Array(await readFile(path)) : undefined,
        // The password opens protected PDFs among the files; other files ignore it.
        ...(values.password && /\.pdf$/i.test(name) ? { password: values.password } : {}),
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      unreadable.push(`${name}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (describeIoError(err, 'read it') ?? String(err))}.`);
    }
  }
  if (unreadable.length) {
    for (const u of unreadable) io.stderr(`${printable(u)}\n`);
    io.stderr('Nothing was imported.\n');
    return EXIT.input;
  }

  const dataDir = resolve(values['data-dir'] ?? io.env.NOTEBOOK_DATA_DIR ?? defaultDataDir());
  const service = await openNotebook(dataDir, values['dry-run'] ? 'no' : values.empty ? 'empty' : 'seeded', Boolean(values['dry-run']));
  return withNotebook(service, async () => {
  say('Checking the files…');
  // Pages of long PDFs as they are read: one line per tenth (and the last page), so a log stays short.
  let lastTenth = -1;
  const preview = await service.exchange.imports.preview({ files }, (p) => {
    if (p.pages < 20 || p.page === 0) return;
    const tenth = Math.floor((p.page / p.pages) * 10);
    if (tenth === lastTenth && p.page !== p.pages) return;
    lastTenth = p.page === p.pages ? -1 : tenth;
    say(`${p.fileName}: page ${p.page} of ${p.pages}`);
  });
  const refused = preview.files.filter((f) => !f.ok);
  for (const f of preview.files) {
    if (!f.ok) continue;
    const what = f.kind === 'source' ? `a source, “${f.title}”` : `${f.sources} sources, ${f.highlights} highlights, ${f.tags} tags`;
    say(`${f.name}: ${what}${f.duplicates.length ? `; ${f.duplicates.length} already in the notebook` : ''}.`);
    for (const w of f.warnings) say(`${f.name}: ${w}`);
  }
  if (refused.length) {
    for (const f of refused) io.stderr(`${printable(f.error ?? '')}\n`);
    io.stderr('Nothing was imported.\n');
    service.exchange.imports.discard(preview.previewId);
    return EXIT.input;
  }
  if (values['dry-run']) {
    service.exchange.imports.discard(preview.previewId);
    say('Dry run: nothing was imported.');
    return EXIT.ok;
  }
  say('Importing…');
  const summary = await service.commitImport({ previewId: preview.previewId, skipDuplicates: !values['keep-duplicates'] });
  for (const w of summary.warnings) say(`Note: ${w}`);
  say(summary.message);
  for (const id of summary.sourceIds) io.stdout(printable(id));
  return EXIT.ok;
  });
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      if (!command) {
        io.stderr(HELP);
        return EXIT.usage;
      }
      io.stdout(HELP.trimEnd());
      return EXIT.ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(HELP.trimEnd());
      return EXIT.ok;
    }
    if (command === 'export') return await runExport(rest, io);
    if (command === 'import') return await runImport(rest, io);
    throw new UsageError(`Unknown command "${command}": use export or import.`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${printable((err as Error).message)}\nRun "npm run notebook -- --help" for usage.\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError || err instanceof NotebookError) {
      io.stderr(`${printable(err.message)}\n`);
      return EXIT.input;
    }
    const io3 = describeIoError(err, 'use the notebook folder');
    io.stderr(`${printable(io3 ?? `Failed: ${(err as Error)?.message ?? String(err)}`)}\n`);
    return EXIT.io;
  }
}

// Run when executed (tsx electron/backend/exchange/cli.ts), not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}

