import type { Tag } from '../model';
import { tagPath } from '../tags/default-codebook';
import type { TagInfo } from './types';

/** Tags as the search and analysis views show them: with their path from the root. */
export function tagInfos(tags: readonly Tag[]): TagInfo[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  // tagPath walks up by id; give it only the tag's own lineage to keep this linear in practice.
  return tags.map((t) => {
    const chain: Tag[] = [];
    const seen = new Set<string>();
    for (let cur: Tag | undefined = t; cur && !seen.has(cur.id); cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
      seen.add(cur.id);
      chain.push(cur);
    }
    return { id: t.id, name: t.name, path: tagPath(chain, t.id), kind: t.kind, color: t.color, parentId: t.parentId };
  });
}
