import type { HighlightTagChange } from './api';

/** One `bulkTag` call: a tag put on, or taken off, these highlights. */
export interface TagStep {
  tagId: string;
  op: 'add' | 'remove';
  highlights: Array<{ sourceId: string; highlightId: string }>;
}

/** The most highlights one `bulkTag` call takes (the channel's limit). */
export const STEP_LIMIT = 100_000;

/**
 * The tag changes behind a list of highlight changes, as `bulkTag` steps: `redo` makes each change again, `undo` takes
 * it back. Each step touches only the tags that changed, so undoing a bulk tag never resets a tag someone else put
 * on the same highlight since (the whole-list restore it replaces did). Removals come first, so a highlight never
 * holds more tags on the way than at either end.
 */
export function tagSteps(changes: readonly HighlightTagChange[], direction: 'redo' | 'undo'): TagStep[] {
  const groups = new Map<string, TagStep>();
  const put = (tagId: string, op: TagStep['op'], ref: TagStep['highlights'][number]) => {
    const key = `${op}\u0000${tagId}`;
    let step = groups.get(key);
    if (!step || step.highlights.length >= STEP_LIMIT) {
      step = { tagId, op, highlights: [] };
      groups.set(key, step);
      ordered.push(step);
    }
    step.highlights.push(ref);
  };
  const ordered: TagStep[] = [];
  for (const c of changes) {
    const now = new Set(c.highlight.tagIds);
    const before = new Set(c.previousTagIds);
    const ref = { sourceId: c.highlight.sourceId, highlightId: c.highlight.id };
    const gained = c.highlight.tagIds.filter((t) => !before.has(t));
    const lost = c.previousTagIds.filter((t) => !now.has(t));
    for (const t of gained) put(t, direction === 'redo' ? 'add' : 'remove', ref);
    for (const t of lost) put(t, direction === 'redo' ? 'remove' : 'add', ref);
  }
  return [...ordered.filter((s) => s.op === 'remove'), ...ordered.filter((s) => s.op === 'add')];
}
