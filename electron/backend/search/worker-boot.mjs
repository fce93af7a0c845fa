// Starts the search worker from its TypeScript source (tests, the CLI and the benchmark run the backend with tsx);
// the built app runs the bundled dist/electron/search-worker.cjs instead (see search-worker.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
