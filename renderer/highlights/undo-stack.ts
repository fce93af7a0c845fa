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

  private step(from: UndoEntry[], to: UndoEntry[], run: (e: UndoEntry) => Promise<void>): Promise<void> {
    this.busy = this.busy.then(async () => {
      const entry = from.pop();
      if (!entry) return;
      try {
        await run(entry);
        to.push(entry);
      } catch (err) {
        from.push(entry);
        throw err;
      }
    });
    return this.busy;
  }
}
