/**
 * A state that other views wait on instead of polling frames: the owner calls `changed()` whenever the state may
 * have moved on; `when(test)` resolves with the value once `test` holds (at once when it does already), or null after
 * the timeout.
 */
export interface Waitable<T> {
  changed(): void;
  when(test: (value: T) => boolean, timeoutMs?: number): Promise<T | null>;
}

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T | null): void;
  timer: ReturnType<typeof setTimeout>;
}

export function waitable<T>(current: () => T | null): Waitable<T> {
  const waiters = new Set<Waiter<T>>();
  return {
    changed() {
      const value = current();
      if (value === null) return;
      for (const w of [...waiters]) {
        if (!w.test(value)) continue;
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(value);
      }
    },
    when(test, timeoutMs = 2000) {
      const value = current();
      if (value !== null && test(value)) return Promise.resolve(value);
      return new Promise((resolve) => {
        const waiter: Waiter<T> = {
          test,
          resolve,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            resolve(null);
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
  };
}
