// Starts the search worker (electron/backend/search/index-worker.ts) from its TypeScript source: tests, the CLI and
// the benchmark run the backend with tsx, and a worker thread needs tsx registered in it too. The built app runs the
// bundled dist/electron/search-worker.cjs instead (see electron/backend/search/search-worker.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
