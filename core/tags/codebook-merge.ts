/**
 * Merging an incoming codebook (a QDC codebook, or a project's codes) into the notebook's tag tree (issue 16).
 * A code is the notebook's tag when it has the same GUID (kept from an earlier import or export), else when it has
 * the same path (same name under the same parent). Same GUID under another name or parent is a rename, applied
 * (the file is the later word on its names); same path with another colour or description is a conflict, where the
 * notebook's values are kept and the analyst is told; anything else is new. Pure: the preview and the import use
 * the same function, so what the preview shows is what the import does.
 */
import type { Tag } from '../model';
import { tagNamePaths, tagsInTreeOrder } from '../export/common';
import { nameKey } from './codebook';

export interface CodebookDiff {
  /** Paths ("Places / Kabul") of tags the merge adds. */
  added: string[];
  renamed: Array<{ from: string; to: string }>;
  conflicts: Array<{ path: string; why: string }>;
  /** Codes that are tags of the notebook already (by GUID or path), renamed ones included. */
  matched: number;
}

export interface CodebookMerge {
  /** Incoming tag id -> the notebook's tag id (matched) or the new tag's id. */
  tagMap: Map<string, string>;
  newTags: Tag[];
  /** Notebook tags to rename or move: id -> new name and parent. */
  renames: Array<{ id: string; name: string; parentId: string | null }>;
  diff: CodebookDiff;
}

const keyOf = (parentId: string | null, name: string): string => `${parentId ?? ''}\u0000${nameKey(name)}`;

/** `newId(wanted)` gives the id for a new tag (the backend re-keys on collision). */
export function mergeCodebook(existing: readonly Tag[], incoming: readonly Tag[], newId: (wanted: string) => string): CodebookMerge {
  const byKey = new Map(existing.map((t) => [keyOf(t.parentId, t.name), t]));
  const byGuid = new Map(existing.filter((t) => t.guid).map((t) => [t.guid!.toLowerCase(), t]));
  const existingPaths = tagNamePaths(existing);
  const incomingPaths = tagNamePaths(incoming);
  const pathOf = (paths: Map<string, string[]>, id: string): string => (paths.get(id) ?? []).join(' / ');
  const out: CodebookMerge = { tagMap: new Map(), newTags: [], renames: [], diff: { added: [], renamed: [], conflicts: [], matched: 0 } };
  const newKeys = new Map<string, string>();
  for (const { tag } of tagsInTreeOrder(incoming)) {
    const parentId = tag.parentId ? (out.tagMap.get(tag.parentId) ?? null) : null;
    const sameGuid = tag.guid ? byGuid.get(tag.guid.toLowerCase()) : undefined;
    if (sameGuid) {
      out.tagMap.set(tag.id, sameGuid.id);
      out.diff.matched++;
      if (nameKey(sameGuid.name) !== nameKey(tag.name) || (sameGuid.parentId ?? null) !== parentId) {
        // A rename that would collide with a sibling is a conflict instead.
        const clash = byKey.get(keyOf(parentId, tag.name));
        if (clash && clash.id !== sameGuid.id) {
          out.diff.conflicts.push({ path: pathOf(incomingPaths, tag.id), why: `the notebook has another tag of that name there; “${pathOf(existingPaths, sameGuid.id)}” keeps its name` });
        } else {
          out.renames.push({ id: sameGuid.id, name: tag.name, parentId });
          out.diff.renamed.push({ from: pathOf(existingPaths, sameGuid.id), to: pathOf(incomingPaths, tag.id) });
        }
      }
      continue;
    }
    const key = keyOf(parentId, tag.name);
    const same = byKey.get(key);
    if (same) {
      out.tagMap.set(tag.id, same.id);
      out.diff.matched++;
      const why: string[] = [];
      if (same.color.toLowerCase() !== tag.color.toLowerCase()) why.push(`colour ${same.color} here, ${tag.color} in the file`);
      if (tag.description.trim() && same.description.trim() && tag.description.trim() !== same.description.trim()) why.push('another description');
      if (tag.guid && same.guid && tag.guid.toLowerCase() !== same.guid.toLowerCase()) why.push('another identifier (GUID)');
      if (why.length) out.diff.conflicts.push({ path: pathOf(incomingPaths, tag.id), why: `${why.join('; ')}: the notebook's is kept` });
      continue;
    }
    const already = newKeys.get(key);
    if (already) {
      out.tagMap.set(tag.id, already);
      continue;
    }
    const id = newId(tag.id);
    out.newTags.push({ ...tag, id, parentId });
    out.tagMap.set(tag.id, id);
    newKeys.set(key, id);
    out.diff.added.push(pathOf(incomingPaths, tag.id));
  }
  return out;
}
