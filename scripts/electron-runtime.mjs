// Where the Electron runtime's executable is, and why fetching it failed: for scripts/launch.mjs (and its test).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside an Electron dist folder, per platform (as the electron package's install.js lays it out). */
export function executableIn(platform) {
  if (platform === 'darwin' || platform === 'mas') return join('Electron.app', 'Contents', 'MacOS', 'Electron');
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The runtime to launch, or null when it is not installed: ELECTRON_OVERRIDE_DIST_PATH (a dist folder), else the
 * electron package's own dist, whose path.txt names the executable.
 */
export function electronBinary(electronDir, platform = process.platform, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const bin = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executableIn(platform))
    : named
      ? join(electronDir, 'dist', named)
      : null;
  return bin && existsSync(bin) ? bin : null;
}

/** Why the download failed, in one line from what the installer reported (its error, not a guess). */
export function downloadFailure(result) {
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'the download took over five minutes and was stopped' : String(result.error.message ?? result.error);
  const said = String(result.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  if (said.length) return said.slice(0, 3).join(' ');
  return result.signal ? `the installer was stopped (${result.signal})` : `the installer exited with code ${result.status}`;
}
