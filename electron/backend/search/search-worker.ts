/**
 * The backend's side of the search worker (index-worker.ts): starts it, sends requests, matches answers to them,
 * and passes on the progress it reports. The worker keeps the process alive only while a request is pending.
 *
 * Where the worker's code is: in the built app, dist/electron/search-worker.cjs beside main.cjs (scripts/build.mjs
 * bundles it; electron-builder unpacks it from the asar archive); from source (tests, the CLI, the benchmark, all run
 * with tsx), index-worker.ts started through scripts/search-worker-boot.mjs, which registers tsx in the thread.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NotebookError } from '../errors';
import type { WorkerAnswers, WorkerMessage, WorkerRequest } from './worker-protocol';
import { asIs } from '../../../core/i18n/message-text';

export type Progress = Extract<WorkerMessage, { kind: 'progress' }>;

function startWorker(): Worker {
  // The benchmark measures the built worker, as the app runs it (scripts/bench/scale.ts sets this).
  const built = process.env.NOTEBOOK_SEARCH_WORKER;
  if (built) return new Worker(built);
  const here = import.meta.url;
  if (here.endsWith('.cjs')) {
    // Bundled: beside main.cjs; outside the asar archive, which a worker thread cannot start from.
    const file = fileURLToPath(new URL('./search-worker.cjs', here)).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    return new Worker(file);
  }
  let boot = new URL('../../../scripts/search-worker-boot.mjs', here);
  let entry = new URL('./index-worker.ts', here);
  // Bundled into something other than the app (a test's child process): the sources from the project's folder.
  if (!existsSync(boot) || !existsSync(entry)) {
    boot = pathToFileURL(resolve('scripts/search-worker-boot.mjs'));
    entry = pathToFileURL(resolve('electron/backend/search/index-worker.ts'));
  }
  return new Worker(boot, { workerData: { entry: entry.href } });
}

export class SearchWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private failure: Error | null = null;
  private stopping = false;

  constructor(onProgress: (p: Progress) => void, onFailure: (err: Error) => void) {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') return onProgress(m);
      const waiting = this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.kind === 'answer') waiting.resolve(m.value);
      else waiting.reject(m.code === 'query' ? new NotebookError(m.text ?? asIs(m.message)) : new Error(m.message));
    });
    const fail = (err: Error, report = true) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (report) onFailure(err);
    };
    this.worker.on('error', fail);
    // After stop() the exit is the one asked for: nothing to report (a real crash stays loud).
    this.worker.on('exit', (code) => (this.stopping ? fail(new Error('The search worker was stopped.'), false) : fail(new Error(`The search worker stopped (exit code ${code}).`))));
  }

  /** `transfer`: buffers in the request that move to the worker instead of being copied. */
  request<R extends WorkerRequest>(request: R, transfer: ArrayBuffer[] = []): Promise<WorkerAnswers[R['op']]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, request }, transfer);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.failure ??= new Error('The search worker was stopped.');
    await this.worker.terminate();
  }
}
