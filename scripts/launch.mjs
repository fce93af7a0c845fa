// Launches the built app with Electron. The electron package fetches its runtime on first launch; when that fails
// (offline, a proxy, a mirror that refuses), say so in a few lines with the installer's own error and the command
// to run, instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadFailure, electronBinary } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

let bin = electronBinary(electronDir);
if (!bin && process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.error(`There is no Electron runtime in ELECTRON_OVERRIDE_DIST_PATH (${process.env.ELECTRON_OVERRIDE_DIST_PATH}).`);
  process.exit(1);
}
if (!bin) {
  console.log('Fetching the Electron runtime (first launch only)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  bin = result.status === 0 ? electronBinary(electronDir) : null;
  if (!bin) {
    console.error(`The Electron runtime is not installed and could not be downloaded: ${downloadFailure(result)}.`);
    console.error('Check the connection (or set ELECTRON_MIRROR), run `npx install-electron`, then `npm start` again.');
    process.exit(1);
  }
}

const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
