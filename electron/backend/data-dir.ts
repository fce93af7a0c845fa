import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';

/** Where the notebook lives: `--data-dir DIR` (or `--data-dir=DIR`), else NOTEBOOK_DATA_DIR, else the given default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return env.NOTEBOOK_DATA_DIR || fallback;
}

/**
 * The folder of the notebook the app opened last, when the analyst moved to another one (joined a shared notebook):
 * kept in a small file in the app's own folder; null when there is none or it is unreadable.
 */
export function readNotebookPointer(pointerFile: string): string | null {
  try {
    const folder = (JSON.parse(readFileSync(pointerFile, 'utf8')) as { folder?: unknown }).folder;
    return typeof folder === 'string' && isAbsolute(folder) ? folder : null;
  } catch {
    return null;
  }
}

export function writeNotebookPointer(pointerFile: string, folder: string): void {
  mkdirSync(dirname(pointerFile), { recursive: true });
  writeFileSync(pointerFile, `${JSON.stringify({ folder })}\n`);
}
