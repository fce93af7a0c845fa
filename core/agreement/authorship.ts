/**
 * Who did what (issue 19): the backend stamps the analyst's name on the highlights a change makes or alters. The
 * renderer never names a creator: it is set here, from the notebook's setting, on every path that writes a source.
 */
import type { Highlight, Tag } from '../model';

/** What a stamped item carries: highlights and tags alike. */
interface Authored {
  id: string;
  creator?: string;
  lastEditor?: string;
}

/**
 * Stamp the items of `after` that `before` did not hold (creator, unless one is already set by the backend, as for
 * the merged reading, and last editor) or holds as another object (changed: last editor; the creator carried over).
 * Stamps in place: the objects stamped are the new ones the change made (a change never edits the file it was given),
 * and the item a channel answers with is one of them, so the answer carries the stamp too. Unchanged items are left
 * as they are. `changed` runs on every item stamped.
 */
function stamp<T extends Authored>(before: readonly T[], after: readonly T[], who: string, changed?: (item: T) => void): void {
  if (before === after) return;
  const old = new Map<string, T>();
  for (const x of before) old.set(x.id, x);
  for (const x of after) {
    const was = old.get(x.id);
    if (was === x) continue;
    if (x.creator === undefined) {
      if (!was) x.creator = who;
      else if (was.creator !== undefined) x.creator = was.creator;
    }
    x.lastEditor = who;
    changed?.(x);
  }
}

/** The highlights a change made or altered (their dates are the highlight's own). */
export function stampHighlights(before: readonly Highlight[], after: readonly Highlight[], who: string): void {
  stamp(before, after, who);
}

/** The tags of the codebook a change made or altered, with when. */
export function stampTags(before: readonly Tag[], after: readonly Tag[], who: string, now: string): void {
  stamp(before, after, who, (t) => (t.modifiedAt = now));
}
