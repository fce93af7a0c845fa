/** An undoable change: `undo` and `redo` each return a promise that settles when the backend has it. */
export interface UndoEntry {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** The app's undo history for notebook changes (highlights, tags); the editor keeps its own for typing. */
export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private busy: Promise<void> = Promise.resolve();

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > 200) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Steps run one after another, never interleaved, so fast repeated Ctrl+Z stays consistent. */
  undo(): Promise<void> {
    return this.step(this.done, this.undone, (e) => e.undo());
  }

  redo(): Promise<void> {
    return this.step(this.undone, this.done, (e) => e.redo());
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /**
   * A step that fails (the backend refused it, a file was gone) leaves the history: kept on top it would block every
   * older step behind it. The error goes to the caller, whose message says so.
   */
  private step(from: UndoEntry[], to: UndoEntry[], run: (e: UndoEntry) => Promise<void>): Promise<void> {
    const result = this.busy.then(async () => {
      const entry = from.pop();
      if (!entry) return;
      try {
        await run(entry);
        to.push(entry);
      } catch (err) {
        const reason = (err as Error)?.message ?? String(err);
        throw new Error(`Could not ${from === this.done ? 'undo' : 'redo'} “${entry.label}”: ${reason} It was taken off the history; older changes can still be undone.`);
      }
    });
    // The queue goes on after a failure: the next Ctrl+Z runs.
    this.busy = result.catch(() => undefined);
    return result;
  }
}
