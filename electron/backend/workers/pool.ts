import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportProblem } from '../../../core/import/errors';
import { NotebookError } from '../errors';
import type { JobContext, JobInput, JobKind, JobOutput, JobReply, JobRequest, SerializedError } from './jobs';
import { asIs, sentence, type MessageText } from '../../../core/i18n/message-text';

/**
 * Heavy work off the backend's thread (issue 11, GUIDE §5): archives, import parsing and anchoring, re-anchoring a
 * large text. A few worker threads run one job each at a time; the backend's thread only posts the input and awaits
 * the answer, so every other channel keeps answering meanwhile. A job that runs past its time or its memory is
 * stopped (the worker is terminated) with a clear error, and the caller changes nothing.
 */
export interface RunOptions {
  timeoutMs?: number;
  /** Buffers in the input that move to the worker instead of being copied (they are unusable here afterwards). */
  transfer?: ArrayBuffer[];
  /** What the job reports while it runs (a PDF's pages read). */
  onProgress?: (progress: unknown) => void;
}

export interface HeavyWork {
  run<K extends JobKind>(kind: K, input: JobInput<K>, options?: RunOptions): Promise<JobOutput<K>>;
  close(): Promise<void>;
}

/** Why a job was stopped. */
export class WorkerStoppedError extends NotebookError {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crash',
    text: MessageText,
  ) {
    super(text, 'stopped', { reason });
    this.name = 'WorkerStoppedError';
  }
}

export interface PoolOptions {
  /** Worker threads at most (default: the cores, 2 to 4). */
  size?: number;
  /** A job's time before it is stopped (default 5 minutes). */
  timeoutMs?: number;
  /** Each worker's JavaScript heap (V8 old generation), in MB (default 2048). */
  memoryMb?: number;
  /** An idle worker is kept this long for the next job, then ends (default 20 s). */
  idleMs?: number;
}

const WHAT: Record<JobKind, MessageText> = {
  parseImport: sentence('backend.job.parseImport'),
  replaceText: sentence('backend.job.replaceText'),
  writeSourceFile: sentence('backend.job.writeSourceFile'),
  spin: sentence('backend.job.test'),
  hog: sentence('backend.job.test'),
};

const minutes = (ms: number): MessageText =>
  ms >= 60_000 ? sentence(ms >= 90_000 ? 'backend.job.minutes' : 'backend.job.minute', { n: Math.round(ms / 60_000) }) : ms >= 1000 ? sentence('backend.job.seconds', { n: Math.round(ms / 1000) }) : sentence('backend.job.milliseconds', { n: ms });

interface Slot {
  worker: Worker;
  busy: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

interface Queued {
  request: JobRequest;
  timeoutMs: number;
  transfer: ArrayBuffer[];
  onProgress?: (progress: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class WorkerPool implements HeavyWork {
  private readonly slots = new Set<Slot>();
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly idleMs: number;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.min(4, Math.max(2, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 5 * 60_000;
    this.memoryMb = options.memoryMb ?? 2048;
    this.idleMs = options.idleMs ?? 20_000;
  }

  run<K extends JobKind>(kind: K, input: JobInput<K>, options: RunOptions = {}): Promise<JobOutput<K>> {
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, kind, input }, timeoutMs: options.timeoutMs ?? this.timeoutMs, transfer: options.transfer ?? [], onProgress: options.onProgress, resolve, reject });
      this.pump();
    }) as Promise<JobOutput<K>>;
  }

  /** End every worker (jobs still running are stopped). */
  async close(): Promise<void> {
    for (const q of this.queue.splice(0)) q.reject(new WorkerStoppedError('crash', sentence('backend.job.closedBeforeStart')));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.busy);
      if (!slot && this.slots.size < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const { script, options } = workerScript();
    const worker = new Worker(script, { ...options, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    // An idle worker never keeps the process (the CLI, a test) alive.
    worker.unref();
    const slot: Slot = { worker, busy: false, idleTimer: null };
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Queued): void {
    slot.busy = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const { worker } = slot;
    worker.ref();
    const what = WHAT[job.request.kind];
    let settled = false;
    const finish = (outcome: () => void, keep: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) {
        slot.busy = false;
        worker.unref();
        slot.idleTimer = setTimeout(() => {
          if (slot.busy) return;
          this.slots.delete(slot);
          void worker.terminate();
        }, this.idleMs);
        slot.idleTimer.unref?.();
      } else {
        this.slots.delete(slot);
        void worker.terminate();
      }
      outcome();
      this.pump();
    };
    const timer = setTimeout(() => {
      finish(() => job.reject(new WorkerStoppedError('timeout', sentence('backend.job.timeout', { what, time: minutes(job.timeoutMs) }))), false);
    }, job.timeoutMs);
    const onMessage = (reply: JobReply): void => {
      if (reply.id !== job.request.id) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress);
        return;
      }
      finish(() => (reply.ok ? job.resolve(reply.value) : job.reject(revive(reply.error))), true);
    };
    const onError = (err: Error & { code?: string }): void => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        () =>
          job.reject(
            memory
              ? new WorkerStoppedError('memory', sentence('backend.job.memory', { what, mb: this.memoryMb }))
              : new WorkerStoppedError('crash', sentence('backend.job.failed', { what, reason: err.message })),
          ),
        false,
      );
    };
    const onExit = (code: number): void => {
      finish(() => job.reject(new WorkerStoppedError('crash', sentence('backend.job.exited', { what, code: String(code) }))), false);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job.request, job.transfer);
  }
}

/** The same jobs on the calling thread: the benchmark's baseline (the way it was before the worker). */
export class InlineWork implements HeavyWork {
  async run<K extends JobKind>(kind: K, input: JobInput<K>, options: RunOptions = {}): Promise<JobOutput<K>> {
    const { jobs } = await import('./jobs');
    return (jobs[kind] as unknown as (i: JobInput<K>, c: JobContext) => Promise<JobOutput<K>>)(input, { progress: (p) => options.onProgress?.(p) });
  }
  async close(): Promise<void> {}
}

function revive(e: SerializedError): Error {
  if (e.name === 'ImportError' && e.fileName !== undefined && e.problem && e.detail !== undefined) return new ImportError(e.fileName, e.problem as ImportProblem, e.detailText ?? asIs(e.detail));
  if (e.name === 'NotebookError') return new NotebookError(e.text ?? asIs(e.message));
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

declare const __dirname: string | undefined;

/**
 * Where the worker's code is. The built app (and the packaged one) has it bundled beside main.cjs as
 * heavy-worker.cjs (scripts/build.mjs; unpacked from the asar archive, see build/electron-builder.json). Run from
 * source (Vitest, tsx, the CLI), the worker loads entry.ts through tsx's loader; the Playwright harness names the built
 * one in NOTEBOOK_HEAVY_WORKER.
 */
function workerScript(): { script: string | URL; options: { eval?: boolean } } {
  // The end-to-end harness runs the built worker, as the app does (playwright.config.ts sets this).
  const built = process.env.NOTEBOOK_HEAVY_WORKER;
  if (built) return { script: built, options: {} };
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'heavy-worker.cjs');
  if (existsSync(bundled)) return { script: bundled.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`), options: {} };
  const entry = pathToFileURL(join(here, 'entry.ts')).href;
  const tsx = pathToFileURL(join(dirname(createRequire(join(here, 'pool.ts')).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return { script: new URL(`data:text/javascript,${encodeURIComponent(code)}`), options: {} };
}

/** The pool the backend uses unless it is given another (one per process: workers are shared by every notebook). */
let shared: WorkerPool | null = null;
export function sharedPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
