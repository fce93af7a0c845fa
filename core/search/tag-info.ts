import type { Tag } from '../model';
import { lineageOf, tagsById } from '../tags/lineage';
import type { TagInfo } from './types';

/** Tags as the search and analysis views show them: with their path from the root. */
export function tagInfos(tags: readonly Tag[]): TagInfo[] {
  const byId = tagsById(tags);
  return tags.map((t) => ({
    id: t.id,
    name: t.name,
    path: lineageOf(byId, t.id)
      .map((a) => a.name)
      .reverse(),
    kind: t.kind,
    color: t.color,
    parentId: t.parentId,
  }));
}
