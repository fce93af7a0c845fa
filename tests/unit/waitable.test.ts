import { describe, expect, it, vi } from 'vitest';
import { waitable } from '../../core/waitable';

describe('waitable: views wait on a state instead of polling frames', () => {
  it('resolves at once when the state holds already, and on the change that makes it hold otherwise', async () => {
    let value: number | null = 1;
    const state = waitable(() => value);
    await expect(state.when((v) => v === 1)).resolves.toBe(1);
    const later = state.when((v) => v >= 3);
    value = 2;
    state.changed();
    value = null;
    state.changed();
    value = 3;
    state.changed();
    await expect(later).resolves.toBe(3);
  });

  it('gives null after the timeout, and a later change does not resolve it twice', async () => {
    vi.useFakeTimers();
    try {
      let value = 0;
      const state = waitable(() => value);
      const seen: Array<number | null> = [];
      const p = state.when((v) => v > 0, 500).then((v) => seen.push(v));
      await vi.advanceTimersByTimeAsync(499);
      expect(seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await p;
      value = 5;
      state.changed();
      await Promise.resolve();
      expect(seen).toEqual([null]);
    } finally {
      vi.useRealTimers();
    }
  });
});
