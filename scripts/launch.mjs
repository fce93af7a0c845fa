// Launches the built app with Electron. The electron package fetches its runtime on first launch; when that is
// impossible (offline), say so in one sentence with the command to run, instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

let bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') : binaryPath();
if (!bin) {
  console.log('Fetching the Electron runtime (first launch only)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  bin = result.status === 0 ? binaryPath() : null;
}
if (!bin) {
  console.error(
    'The Electron runtime is not installed and could not be downloaded (are you offline?): connect to the internet and run `npx install-electron`, then `npm start` again.',
  );
  process.exit(1);
}

const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
