import { defineConfig } from 'vite';

// The renderer is built once and loaded from app:// in Electron, or served over http in the test harness.
export default defineConfig({
  root: 'renderer',
  base: './',
  // Workers (pdf.js's) as ES modules, bundled into the app like its other scripts.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // A desktop app loads its bundle from disk: one larger chunk costs nothing over the network.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-resizable-panels marks itself "use client" for server frameworks; meaningless in a desktop bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
