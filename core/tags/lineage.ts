import type { Tag } from '../model';

/**
 * The tag and its ancestors, nearest first (the root last): the one walk up the tag tree. Stops at a parent that is
 * not in `byId`, and at a tag seen before (a cycle in damaged data ends the walk instead of looping).
 */
export function lineageOf(byId: ReadonlyMap<string, Tag>, id: string): Tag[] {
  const out: Tag[] = [];
  const seen = new Set<string>();
  for (let cur = byId.get(id); cur && !seen.has(cur.id); cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
    seen.add(cur.id);
    out.push(cur);
  }
  return out;
}

/** Tags by id, for `lineageOf`. */
export const tagsById = (tags: readonly Tag[]): Map<string, Tag> => new Map(tags.map((t) => [t.id, t]));
