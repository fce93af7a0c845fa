/**
 * Who did what (issue 19): the backend stamps the analyst's name on the highlights a change makes or alters. The
 * renderer never names a creator: it is set here, from the notebook's setting, on every path that writes a source.
 */
import type { Highlight, Tag } from '../model';

/**
 * Stamp the highlights of `after` that `before` did not hold (creator, unless one is already set by the backend, as
 * for the merged reading, and last editor) or holds as another object (changed: last editor). Stamps in place: the
 * objects stamped are the new ones the change made (a change never edits the file it was given), and the highlight a
 * channel answers with is one of them, so the answer carries the stamp too. Unchanged highlights are left as they are.
 */
export function stampHighlights(before: readonly Highlight[], after: readonly Highlight[], who: string): void {
  if (before === after) return;
  const old = new Map<string, Highlight>();
  for (const h of before) old.set(h.id, h);
  for (const h of after) {
    const was = old.get(h.id);
    if (was === h) continue;
    if (!was) {
      if (h.creator === undefined) h.creator = who;
      h.lastEditor = who;
    } else {
      if (h.creator === undefined && was.creator !== undefined) h.creator = was.creator;
      h.lastEditor = who;
    }
  }
}

/** The same for tags of the codebook: made (creator, last editor, when) or changed (last editor, when). In place. */
export function stampTags(before: readonly Tag[], after: readonly Tag[], who: string, now: string): void {
  if (before === after) return;
  const old = new Map<string, Tag>();
  for (const t of before) old.set(t.id, t);
  for (const t of after) {
    const was = old.get(t.id);
    if (was === t) continue;
    if (!was) {
      if (t.creator === undefined) t.creator = who;
    } else if (t.creator === undefined && was.creator !== undefined) t.creator = was.creator;
    t.lastEditor = who;
    t.modifiedAt = now;
  }
}
