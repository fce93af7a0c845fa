/** Where the notebook lives: `--data-dir DIR` (or `--data-dir=DIR`), else NOTEBOOK_DATA_DIR, else the given default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return env.NOTEBOOK_DATA_DIR || fallback;
}
