import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A child process runs the real backend and saves in a loop; the test kills it with SIGKILL at random moments,
// 100 times. After each kill every acknowledged save must be on disk and every file must parse.
const RUNS = 100;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-crash-'));
  await mkdir('.tmp', { recursive: true });
  child = resolve('.tmp/crash-child.mjs');
  await build({ entryPoints: ['tests/support/crash-child.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'error', banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Run the child until it has acknowledged `acks` saves, kill it `ms` later (mid-write, as often as not), and return the
 * lines it acknowledged. Counting acknowledgements rather than time keeps the test the same on a loaded machine.
 */
function runAndKill(start: number, acks: number, ms: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, dir, resolve('seeds'), String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    proc.stdout.on('data', (d) => {
      out += d;
      const lines = out.split('\n').length - 2;
      if (out.startsWith('ready\n') && lines >= acks && !killing) {
        killing = true;
        setTimeout(() => proc.kill('SIGKILL'), ms);
      }
    });
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return fail(new Error(`the child stopped by itself (code ${code}): ${err}`));
      done(out.split('\n').filter((l) => l && l !== 'ready'));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save through ${RUNS} kills at random moments`, async () => {
    const highlights = new Set<string>();
    let lastNote = 0;
    let counter = 0;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < RUNS; run++) {
      const acked = await runAndKill(counter, Math.floor(random() * 6), Math.floor(random() * 15));
      for (const line of acked) {
        const [kind, a] = line.split(' ');
        if (kind === 'note') lastNote = Number(a);
        if (kind === 'highlight') highlights.add(a);
        if (kind === 'note' || kind === 'font') counter = Math.max(counter, Number(a));
      }
      counter += 3;
      // Every file parses.
      const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
      const files = (await readdir(join(dir, 'sources'))).filter((f) => f.endsWith('.json'));
      const sources = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, 'sources', f), 'utf8'))));
      expect(sources.length).toBe(5);
      // At most the temp file of the write the kill interrupted; older ones are cleared when the notebook opens.
      expect((await readdir(join(dir, 'sources'))).filter((f) => !f.endsWith('.json')).length).toBeLessThanOrEqual(1);
      // Every acknowledged save is there (a later, unacknowledged one may be too).
      const efe = sources.find((s) => s.id === '002_3d6a35bbe9bd0c1a');
      const onDisk = Number(/save (\d+)/.exec(JSON.stringify(efe.note))?.[1] ?? 0);
      expect(onDisk).toBeGreaterThanOrEqual(lastNote);
      const ids = new Set(efe.highlights.map((h: { id: string }) => h.id));
      for (const id of highlights) expect(ids.has(id)).toBe(true);
      expect(catalog.settings.reader.fontSize).toBeGreaterThanOrEqual(12);
      expect(catalog.settings.reader.fontSize).toBeLessThanOrEqual(28);
    }
    // The kills did land in the middle of work: many saves were acknowledged over the runs.
    expect(highlights.size).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});
