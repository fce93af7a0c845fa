import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBenchSnapshot } from '../../scripts/bench/fixtures/export';
import { fixtureSnapshot } from './export-fixture';
import { cleanUp, fingerprint, notebookFrom, tempDir, type OpenNotebook } from './exchange-helpers';

/** The CLI is a second process in the field: the notebook it works on is not held open by the test. */
async function closedCopy(nb: OpenNotebook): Promise<string> {
  await nb.service.close();
  return nb.dir;
}

/**
 * The command line, run as an analyst runs it (`npm run --silent notebook -- …`, a child process): help, exit codes,
 * the result paths alone on stdout, progress and messages on stderr.
 */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'notebook', '--', ...args], { env: { ...process.env, NOTEBOOK_DATA_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(/npm warn .*\n/g, '') }));
  });
}

let notebookDir: string;
beforeAll(async () => {
  notebookDir = await closedCopy(await notebookFrom(fixtureSnapshot()));
});
afterAll(cleanUp);

describe('npm run notebook', () => {
  it('--help prints the usage on stdout and exits 0; no command exits 1', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Research Notebook on the command line/);
    expect(help.stdout).toContain('npm run notebook -- export --format FORMAT --out PATH');
    expect(help.stdout).toContain('Exit codes: 0 done, 1 bad usage, 2 a problem with the input, 3 a file-system failure.');
    expect(help.stderr).toBe('');
    const none = await cli();
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
  });

  it('bad usage exits 1 with a message', async () => {
    const unknown = await cli('export', '--data-dir', notebookDir, '--format', 'w3c', '--out', '/tmp/x.json', '--colour', 'red');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    const format = await cli('export', '--data-dir', notebookDir, '--format', 'docx', '--out', '/tmp/x');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('Unknown format "docx": use one of markdown, w3c, qdpx, qdc, csv, csl, bibtex, html.');
    expect((await cli('frobnicate')).code).toBe(1);
  });

  it('export writes the file, prints its path alone on stdout, and progress on stderr', async () => {
    const big = await closedCopy(await notebookFrom(makeBenchSnapshot({ sources: 200, highlights: 4_000, seed: 5 })));
    const out = join(await tempDir(), 'notebook.json');
    const run = await cli('export', '--data-dir', big, '--format', 'w3c', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    expect(run.stderr).toContain('Starting the export…');
    expect(run.stderr).toContain(`Exported 4,000 highlights from 200 sources to ${out}.`);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.notebook.sources).toHaveLength(200);
  });

  it('--tags exports the highlights of those tags; an unknown tag exits 2', async () => {
    const out = join(await tempDir(), 'places.csv');
    const run = await cli('export', '--data-dir', notebookDir, '--format', 'csv', '--out', out, '--tags', 'Places/Afghanistan,Border security');
    expect(run.code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain('Places/Afghanistan/Northern Afghanistan');
    expect(csv).toContain('the border 🇦🇫→🇹🇯 at dawn');
    expect(csv).not.toContain('Vladimir Putin');
    const bad = await cli('export', '--data-dir', notebookDir, '--format', 'csv', '--out', out, '--tags', 'Nowhere', '--force');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('No tag named "Nowhere" in the notebook.\n');
  });

  it('an existing destination exits 2 unless --force', async () => {
    const out = join(await tempDir(), 'r.html');
    await writeFile(out, 'mine');
    const refused = await cli('export', '--data-dir', notebookDir, '--format', 'html', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`${out} already exists. Use --force to replace it.\n`);
    expect(await readFile(out, 'utf8')).toBe('mine');
    const forced = await cli('export', '--data-dir', notebookDir, '--format', 'html', '--out', out, '--force', '--quiet');
    expect(forced).toMatchObject({ code: 0, stdout: `${out}\n`, stderr: '' });
  });

  it('import adds the files and prints the new source ids; a bad file exits 2 and imports nothing', async () => {
    const dir = await tempDir();
    const data = join(dir, 'nb');
    await writeFile(join(dir, 'a.md'), '---\ntitle: Field report\ndate: 2022-03-04\n---\n\nRefugees waited at the bridge.\n');
    await writeFile(join(dir, 'b.txt'), 'Second report\n\nMore text.\n');
    await writeFile(join(dir, 'bad.json'), '{"hello": "world"}');
    const bad = await cli('import', '--data-dir', data, '--empty', join(dir, 'a.md'), join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('bad.json: the JSON is not Web Annotation data');
    expect(bad.stderr).toContain('Nothing was imported.');
    const before = await fingerprint(data);
    expect(Object.keys(before).filter((f) => f.startsWith('sources/'))).toEqual([]);

    const good = await cli('import', '--data-dir', data, join(dir, 'a.md'), join(dir, 'b.txt'));
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n')).toHaveLength(2);
    expect(good.stderr).toContain('Imported 2 files: 2 sources.');
    const catalog = JSON.parse(await readFile(join(data, 'catalog.json'), 'utf8'));
    expect(catalog.sources.map((s: { title: string }) => s.title)).toEqual(['Field report', 'Second report']);

    const missing = await cli('import', '--data-dir', data, join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt: there is no such file.');
  });

  it('a notebook folder that cannot be used exits 3', async () => {
    const dir = await tempDir();
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    await writeFile(join(dir, 'a.txt'), 'Text.\n');
    const run = await cli('import', '--data-dir', file, join(dir, 'a.txt'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Could not use the notebook folder: the notebook folder is missing or is not a folder');
  });
});
