// Builds the app: the renderer with Vite (dist/renderer), the main process and the preload with esbuild
// (dist/electron/*.cjs; the preload must be one file because it runs sandboxed), and the backend's worker thread
// (heavy-worker.cjs).
// `--out DIR` builds into DIR instead of dist/ (the packaging test builds into its own folder, so that it never
// rewrites the dist/ other tests are serving).
import { resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : resolve('dist');
const started = Date.now();

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info', build: { outDir: resolve(out, 'renderer') } });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  minify: true,
  external: ['electron'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'var importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
};
await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: resolve(out, 'electron', 'main.cjs') });
await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: resolve(out, 'electron', 'preload.cjs') });
// The backend's worker thread (electron/backend/workers/pool.ts finds it beside main.cjs).
await esbuild({ ...common, entryPoints: ['electron/backend/workers/entry.ts'], outfile: resolve(out, 'electron', 'heavy-worker.cjs') });
// The search index's worker thread (electron/backend/search/search-worker.ts finds it beside main.cjs through
// import.meta.url, which a CommonJS bundle spells with __filename).
await esbuild({ ...common, entryPoints: ['electron/backend/search/index-worker.ts'], outfile: resolve(out, 'electron', 'search-worker.cjs') });

if (!quiet) console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
