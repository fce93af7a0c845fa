import type { Tag } from '../model';
import { childrenIndex } from './codebook';
import { foldForMatch } from './match';
import { lineageOf } from './lineage';

/** One row of the codebook tree as shown. */
export interface CodebookRow {
  tag: Tag;
  depth: number;
  hasChildren: boolean;
  /** 1-based position among the shown siblings, and their number (aria-posinset / aria-setsize). */
  posinset: number;
  setsize: number;
}

/**
 * The rows of the codebook tree, depth first: the top level in codebook order, sub-tags by name. A filter keeps the
 * tags whose name or alias contains it (accent- and case-insensitive) with their ancestors, all expanded; without a
 * filter, collapsed tags hide their sub-tags. `within` (a tag group's members) keeps only those tags, with their
 * ancestors, the same way. Iterative: a tree of any depth is walked without recursion.
 */
export function codebookRows(
  tags: readonly Tag[],
  byId: ReadonlyMap<string, Tag>,
  collapsed: ReadonlySet<string>,
  filter: string,
  within: ReadonlySet<string> | null = null,
): CodebookRow[] {
  const children = childrenIndex(tags);
  const q = foldForMatch(filter);
  let keep: Set<string> | null = null;
  if (q || within) {
    keep = new Set();
    for (const t of tags) {
      if (within && !within.has(t.id)) continue;
      if (q && ![t.name, ...t.aliases].some((s) => foldForMatch(s).includes(q))) continue;
      for (const a of lineageOf(byId, t.id)) keep.add(a.id);
    }
  }
  const shownChildren = (parentId: string | null, seen: ReadonlySet<string>): string[] => {
    const ids = (children.get(parentId) ?? []).filter((id) => !seen.has(id) && (!keep || keep.has(id)) && byId.has(id));
    if (parentId === null) return ids;
    return [...ids].sort((a, b) => (byId.get(a)?.name ?? '').localeCompare(byId.get(b)?.name ?? '', undefined, { sensitivity: 'base' }));
  };
  const out: CodebookRow[] = [];
  const seen = new Set<string>();
  // A stack of sibling lists still to show, each with where it is.
  const stack: Array<{ ids: string[]; next: number; depth: number }> = [{ ids: shownChildren(null, seen), next: 0, depth: 0 }];
  while (stack.length) {
    const level = stack[stack.length - 1];
    if (level.next >= level.ids.length) {
      stack.pop();
      continue;
    }
    const i = level.next++;
    const id = level.ids[i];
    if (seen.has(id)) continue;
    const tag = byId.get(id)!;
    const kids = (children.get(id) ?? []).filter((c) => !keep || keep.has(c));
    out.push({ tag, depth: level.depth, hasChildren: kids.length > 0, posinset: i + 1, setsize: level.ids.length });
    seen.add(id);
    if (kids.length > 0 && (keep || !collapsed.has(id))) stack.push({ ids: shownChildren(id, seen), next: 0, depth: level.depth + 1 });
  }
  return out;
}
