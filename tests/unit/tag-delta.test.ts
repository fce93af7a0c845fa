import { describe, expect, it } from 'vitest';
import { STEP_LIMIT, tagSteps } from '../../core/tags/tag-delta';
import type { HighlightTagChange } from '../../core/tags/api';
import type { Highlight } from '../../core/model';

const change = (id: string, before: string[], after: string[], sourceId = 's1'): HighlightTagChange => ({
  highlight: { id, sourceId, tagIds: after } as unknown as Highlight,
  previousTagIds: before,
});

describe('tag steps: the bulkTag calls that redo or undo a set of tag changes', () => {
  it('undoing an added tag removes only that tag, grouped over every highlight that gained it', () => {
    const steps = tagSteps([change('h1', ['a'], ['a', 'x']), change('h2', [], ['x']), change('h3', ['b'], ['b', 'x'], 's2')], 'undo');
    expect(steps).toEqual([
      {
        tagId: 'x',
        op: 'remove',
        highlights: [
          { sourceId: 's1', highlightId: 'h1' },
          { sourceId: 's1', highlightId: 'h2' },
          { sourceId: 's2', highlightId: 'h3' },
        ],
      },
    ]);
  });

  it('redo makes the same changes again; removals go before additions either way', () => {
    const changes = [change('h1', ['a', 'b'], ['b', 'c'])];
    expect(tagSteps(changes, 'redo')).toEqual([
      { tagId: 'a', op: 'remove', highlights: [{ sourceId: 's1', highlightId: 'h1' }] },
      { tagId: 'c', op: 'add', highlights: [{ sourceId: 's1', highlightId: 'h1' }] },
    ]);
    expect(tagSteps(changes, 'undo')).toEqual([
      { tagId: 'c', op: 'remove', highlights: [{ sourceId: 's1', highlightId: 'h1' }] },
      { tagId: 'a', op: 'add', highlights: [{ sourceId: 's1', highlightId: 'h1' }] },
    ]);
  });

  it('a change that changed nothing gives no step; a step never passes the channel limit', () => {
    expect(tagSteps([change('h1', ['a'], ['a'])], 'undo')).toEqual([]);
    const many = Array.from({ length: STEP_LIMIT + 5 }, (_, i) => change(`h${i}`, [], ['x']));
    const steps = tagSteps(many, 'undo');
    expect(steps.map((s) => s.highlights.length)).toEqual([STEP_LIMIT, 5]);
  });
});
