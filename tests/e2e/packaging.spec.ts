import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';

// What `npm run pack` does (build, then electron-builder --dir), offline, with a local Electron dist (electronDist).
// No real Electron can be downloaded here, so the dist is a stand-in: a tiny executable carrying Electron's fuse wire
// (the sentinel @electron/fuses looks for), so the whole electron-builder pipeline runs, fuses included. The test then
// reads the packaged app.asar. It builds into a project folder of its own (the app's package.json, build resources,
// seeds and a fresh build): the dist/ that the other tests serve is never rewritten under them.
const run = promisify(execFile);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = 8;

test('packing builds the unpacked app offline from a local Electron dist, with the renderer and seeds inside the asar', async () => {
  test.setTimeout(240_000);
  const work = await mkdtemp(join(tmpdir(), 'notebook-pack-'));
  try {
    const dist = join(work, 'electron-dist');
    await mkdir(dist);
    const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, FUSES]), Buffer.alloc(FUSES, 49)]);
    await writeFile(join(dist, 'electron'), binary);
    await chmod(join(dist, 'electron'), 0o755);
    await writeFile(join(dist, 'version'), '45.4.1');
    await writeFile(join(dist, 'LICENSE'), 'stand-in');
    const project = join(work, 'project');
    await mkdir(project);
    await copyFile('package.json', join(project, 'package.json'));
    await cp('build', join(project, 'build'), { recursive: true });
    await cp('seeds', join(project, 'seeds'), { recursive: true });
    await run(process.execPath, ['scripts/build.mjs', '--quiet', '--out', join(project, 'dist')], { timeout: 200_000 });
    const out = join(work, 'release');
    const builder = join('node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
    await run(
      builder,
      ['--projectDir', project, '--config', join(project, 'build', 'electron-builder.json'), '--dir', `-c.electronDist=${dist}`, '-c.electronVersion=45.4.1', `-c.directories.output=${out}`],
      { timeout: 200_000, env: { ...process.env, CI: 'true' } },
    );

    const unpacked = join(out, 'linux-unpacked');
    const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage(p: string, o: object): string[]; extractFile(p: string, f: string): Buffer };
    const files = asar.listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const needed of ['/dist/renderer/index.html', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/seeds/manifest.json', '/seeds/002_3d6a35bbe9bd0c1a.txt', '/package.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => f.startsWith('/seeds/') && f.endsWith('.txt'))).toHaveLength(5);
    // The backend's worker thread runs from a real file beside the archive (electron/backend/workers/pool.ts).
    expect((await readFile(join(unpacked, 'resources', 'app.asar.unpacked', 'dist', 'electron', 'heavy-worker.cjs'), 'utf8')).length).toBeGreaterThan(1000);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    expect(files.some((f) => f.startsWith('/node_modules/'))).toBe(false);
    const pkg = JSON.parse(asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString());
    expect(pkg.main).toBe('dist/electron/main.cjs');
    // The seeds are byte for byte the repository's.
    expect(asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'seeds/002_3d6a35bbe9bd0c1a.txt').equals(await readFile('seeds/002_3d6a35bbe9bd0c1a.txt'))).toBe(true);

    // The fuses were flipped as build/electron-builder.json says: RunAsNode off, cookie encryption on,
    // NODE_OPTIONS off, inspect arguments off, asar integrity on, only-load-from-asar on.
    const packed = await readFile(join(unpacked, 'research-notebook'));
    const wire = packed.subarray(packed.indexOf(SENTINEL) + SENTINEL.length + 2, packed.indexOf(SENTINEL) + SENTINEL.length + 2 + FUSES);
    expect([...wire.subarray(0, 6)].map((b) => String.fromCharCode(b)).join('')).toBe('010011');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
