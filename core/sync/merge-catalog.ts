/**
 * A three-way merge of the catalog's shared parts by meaning (issue 19): the codebook and the sources' records by id,
 * field by field (a rename on one side and a recolour on the other both land; aliases merge as sets), the project
 * notebook by blocks. An item deleted on one side and changed on the other is kept with the change. A tag that one
 * side deleted while the other still uses it on a highlight is kept too (no highlight may point at a missing tag).
 * Settings are each analyst's own: ours are kept.
 */
import type { CodingSetup } from '../agreement/blind';
import type { NoteDoc, ProjectIdentity, SourceCollection, SourceMeta, Tag, TagGroup } from '../model';
import { canonicalJson } from '../stable-json';
import { mergeCoding } from './merge-coding';
import { mergeFields, mergeNote, mergeSet } from './merge-source';

export interface MergeableCatalog {
  sources: SourceMeta[];
  tags: Tag[];
  projectNote: NoteDoc;
  collections?: SourceCollection[];
  tagGroups?: TagGroup[];
  project?: ProjectIdentity;
  coding?: CodingSetup;
}

/** The shared parts of a catalog that a merge writes (the rest of a catalog file is taken from ours). */
export const MERGED_CATALOG_KEYS = ['sources', 'tags', 'projectNote', 'collections', 'tagGroups', 'project', 'coding'] as const;

type Item = 'tag' | 'source' | 'collection' | 'tag group';

export type CatalogConflict =
  | { kind: 'field'; item: Item; id: string; field: string; ours: unknown; theirs: unknown; label?: string }
  | { kind: 'kept-over-delete'; item: Item; id: string; deletedBy: 'ours' | 'theirs'; label?: string }
  | { kind: 'tag-in-use'; id: string; deletedBy: 'ours' | 'theirs' }
  | { kind: 'duplicate-name'; ids: [string, string]; name: string }
  | { kind: 'note'; where: 'project' };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Collections and tag groups are named in a conflict by their name (the describer knows only tags and sources). */
const labelOf = (item: Item, x: object): { label?: string } => (item === 'collection' || item === 'tag group' ? { label: String((x as { name?: unknown }).name ?? '') } : {});

/** Records merged by id; `sets` are array fields merged as sets. Order: ours, then what only theirs has. */
function mergeById<T extends { id: string }>(
  item: Item,
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  sets: readonly string[],
  conflicts: CatalogConflict[],
): { merged: T[]; deletedBy: Map<string, 'ours' | 'theirs'>; byId: Map<string, T> } {
  const b = new Map(base.map((x) => [x.id, x]));
  const o = new Map(ours.map((x) => [x.id, x]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const merged: T[] = [];
  const deletedBy = new Map<string, 'ours' | 'theirs'>();
  const order = [...ours.map((x) => x.id), ...theirs.map((x) => x.id).filter((id) => !o.has(id))];
  for (const id of order) {
    const xb = b.get(id);
    const xo = o.get(id);
    const xt = t.get(id);
    if (xo && xt) {
      const out = { ...xo } as Record<string, unknown>;
      const rb = (xb ?? {}) as Record<string, unknown>;
      for (const f of sets) out[f] = mergeSet((rb[f] as string[]) ?? [], ((xo as Record<string, unknown>)[f] as string[]) ?? [], ((xt as Record<string, unknown>)[f] as string[]) ?? []);
      for (const c of mergeFields(rb, xo as Record<string, unknown>, xt as Record<string, unknown>, out, new Set(['id', ...sets]))) {
        conflicts.push({ kind: 'field', item, id, field: c.name, ours: c.ours, theirs: c.theirs, ...labelOf(item, xo) });
      }
      merged.push(out as T);
    } else {
      const kept = (xo ?? xt)!;
      const by = xo ? 'theirs' : 'ours';
      if (!xb) merged.push(kept);
      else if (!same(xb, kept)) {
        merged.push(kept);
        conflicts.push({ kind: 'kept-over-delete', item, id, deletedBy: by, ...labelOf(item, kept) });
      } else deletedBy.set(id, by);
    }
  }
  return { merged, deletedBy, byId: new Map(merged.map((x) => [x.id, x])) };
}

/**
 * Merge the catalog. `tagsInUse`: tag ids the merged source files' highlights carry (a deleted tag among them is
 * brought back, with its ancestors).
 */
export function mergeCatalog<C extends MergeableCatalog>(base: C | null, ours: C, theirs: C, tagsInUse: ReadonlySet<string> = new Set()): { merged: C; conflicts: CatalogConflict[] } {
  const conflicts: CatalogConflict[] = [];
  const sources = mergeById('source', base?.sources ?? [], ours.sources, theirs.sources, ['authors'], conflicts);
  const tags = mergeById('tag', base?.tags ?? [], ours.tags, theirs.tags, ['aliases'], conflicts);
  // A tag deleted on one side but still on a highlight: bring it (and any deleted ancestor) back from the base.
  const baseTags = new Map((base?.tags ?? []).map((t) => [t.id, t]));
  const restore = (id: string) => {
    for (let cur: string | null = id; cur !== null && !tags.byId.has(cur); ) {
      const t = baseTags.get(cur);
      if (!t) break;
      tags.merged.push(t);
      tags.byId.set(t.id, t);
      conflicts.push({ kind: 'tag-in-use', id: t.id, deletedBy: tags.deletedBy.get(t.id) ?? 'ours' });
      cur = t.parentId;
    }
  };
  for (const id of tagsInUse) restore(id);
  // A parent deleted on one side while the other added a child under it: the parent comes back.
  for (const t of [...tags.merged]) if (t.parentId !== null && !tags.byId.has(t.parentId)) restore(t.parentId);
  // Two new tags of one name under one parent (made on each side): both kept, and the analyst told.
  const seen = new Map<string, string>();
  for (const t of tags.merged) {
    const key = `${t.parentId ?? ''}\u0000${t.name.normalize('NFC').toLocaleLowerCase()}`;
    const other = seen.get(key);
    if (other) conflicts.push({ kind: 'duplicate-name', ids: [other, t.id], name: t.name });
    else seen.set(key, t.id);
  }
  const project = mergeNote(base?.projectNote ?? null, ours.projectNote, theirs.projectNote);
  if (project.conflict) conflicts.push({ kind: 'note', where: 'project' });
  const merged: C = { ...ours, sources: sources.merged, tags: tags.merged, projectNote: project.note ?? ours.projectNote };
  // Collections (sets and cases) and tag groups by id, as the sources are; the QDA project's identity as one value.
  const optional = <K extends 'collections' | 'tagGroups' | 'project' | 'coding'>(key: K, value: C[K] | undefined) => {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  };
  const byIdOrNone = <T extends { id: string }>(item: Item, b?: T[], o?: T[], t?: T[], sets: string[] = []) =>
    !o && !t ? undefined : mergeById(item, b ?? [], o ?? [], t ?? [], sets, conflicts).merged;
  optional('collections', byIdOrNone('collection', base?.collections, ours.collections, theirs.collections, ['sourceIds']) as C['collections']);
  optional('tagGroups', byIdOrNone('tag group', base?.tagGroups, ours.tagGroups, theirs.tagGroups, ['tagIds']) as C['tagGroups']);
  optional('project', (same(base?.project, ours.project) ? theirs.project : ours.project) as C['project']);
  optional('coding', mergeCoding(base?.coding, ours.coding, theirs.coding) as C['coding']);
  return { merged, conflicts };
}
