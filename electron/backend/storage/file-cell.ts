/**
 * One notebook file in memory: what is on disk (`committed`) and what changes have made of it (`working`).
 *
 * Changes run one after another (a change is a synchronous function of the current state, so two of them can never
 * interleave), and writes are grouped: the changes of one turn of the event loop share a write, and while one write
 * is on its way to the disk, the changes that arrive join the next one, and each change is acknowledged only when a write that contains it has landed. Writes of one file never
 * overlap. When a write is refused (EROFS, ENOSPC), memory goes back to what is on disk and every change not yet on
 * disk is refused with the same error: the notebook never shows a change it did not keep.
 */
export type Persist<T> = (data: T) => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class FileCell<T> {
  private committedData: T;
  private workingData: T;
  private waiting: Waiter[] = [];
  private writing: Promise<void> | null = null;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private exclusiveDepth = 0;
  /** Called after memory went back to disk (a refused write), so listeners can show the disk's state. */
  onRevert: (() => void) | null = null;

  constructor(
    initial: T,
    private readonly persist: Persist<T>,
  ) {
    this.committedData = initial;
    this.workingData = initial;
  }

  /** The current state, with every change applied (some may still be on their way to disk). */
  get data(): T {
    return this.workingData;
  }

  /** What is on disk. */
  get committed(): T {
    return this.committedData;
  }

  /** True while a change waits for its write or an exclusive section runs: such a file is never evicted. */
  get busy(): boolean {
    return this.writing !== null || this.waiting.length > 0 || this.exclusiveDepth > 0;
  }

  /**
   * Apply `change` to the current state (it returns the next state, never mutating the one it is given) and resolve
   * with its result once the new state is on disk. A throw in `change` changes nothing.
   */
  change<R>(change: (current: T) => { next: T; result: R }): Promise<R> {
    const { next, result } = change(this.workingData);
    if (next === this.workingData) return Promise.resolve(result);
    this.workingData = next;
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.schedule();
    }).then(() => result);
  }

  /** Replace the state as read from disk again (after a restore or an import that rewrote the file). */
  reset(data: T): void {
    this.committedData = data;
    this.workingData = data;
  }

  /** Resolves when every change made so far is on disk (or refused). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
  }

  /**
   * Run `task` with this file to itself: other exclusive sections wait. For read-modify-write steps that await
   * something between reading and changing (re-anchoring in a worker, a multi-step undo).
   */
  exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = this.exclusiveTail.then(async () => {
      this.exclusiveDepth++;
      try {
        return await task();
      } finally {
        this.exclusiveDepth--;
      }
    });
    this.exclusiveTail = run.catch(() => {});
    return run;
  }

  /**
   * The first write of a burst starts one turn of the event loop later (setImmediate), so that the changes that
   * arrived together (a hundred calls answered in one turn) share one write instead of the first writing alone and
   * the rest waiting for a second one.
   */
  private schedule(): void {
    if (this.writing) return;
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.writeLoop())
      .finally(() => {
        this.writing = null;
      });
  }

  private async writeLoop(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const snapshot = this.workingData;
      try {
        await this.persist(snapshot);
        this.committedData = snapshot;
        for (const w of batch) w.resolve();
      } catch (err) {
        // Everything not on disk is refused: this batch, and changes made on top of it meanwhile.
        const refused = [...batch, ...this.waiting];
        this.waiting = [];
        this.workingData = this.committedData;
        for (const w of refused) w.reject(err);
        this.onRevert?.();
      }
    }
  }
}
