import { describe, expect, it } from 'vitest';
import { UndoStack, type UndoEntry } from '../../core/history/undo-stack';

function entry(label: string, log: string[], fail = false): UndoEntry {
  return {
    label,
    undo: async () => {
      if (fail) throw new Error('The highlight is gone.');
      log.push(`undo ${label}`);
    },
    redo: async () => {
      log.push(`redo ${label}`);
    },
  };
}

describe('the undo history', () => {
  it('a step that fails leaves the history and does not block older steps', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('first', log));
    stack.push(entry('second', log, true));
    await expect(stack.undo()).rejects.toThrow(/Could not undo “second”: The highlight is gone\. It was taken off the history/);
    await stack.undo();
    expect(log).toEqual(['undo first']);
    expect(stack.canUndo).toBe(false);
    await stack.redo();
    expect(log).toEqual(['undo first', 'redo first']);
  });

  it('steps queued behind a failing one still run, in order', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('a', log));
    stack.push(entry('b', log));
    stack.push(entry('c', log, true));
    const results = await Promise.allSettled([stack.undo(), stack.undo(), stack.undo()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['undo b', 'undo a']);
  });

  it('clear empties both directions', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('a', log));
    stack.push(entry('b', log));
    await stack.undo();
    stack.clear();
    expect([stack.canUndo, stack.canRedo]).toEqual([false, false]);
  });
});
