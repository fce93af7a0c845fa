// Builds the app: the renderer with Vite (dist/renderer), the main process and the preload with esbuild
// (dist/electron/*.cjs; the preload must be one file because it runs sandboxed).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const started = Date.now();

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  minify: true,
  external: ['electron'],
  logLevel: 'warning',
};
await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });

if (!quiet) console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
