/**
 * Source collections (issue 16): a named set of sources. The channels' input schemas and result types, and the
 * pure helpers that apply a collection filter. core/contract.ts only lists the channels.
 *
 * Kept deliberately small so other features (the sources pane's multi-select, search, retrieval, analysis, export)
 * can use it: a collection is `{ id, name, sourceIds }`, and a filter is a list of collection ids.
 */
import { z } from 'zod';
import type { SourceCollection, SourceMeta, TagGroup } from '../model';
import { id } from '../schemas';

export const COLLECTION_NAME_MAX = 200;
/** Members changed in one call at most (a whole generated corpus). */
export const COLLECTION_MEMBERS_MAX = 100_000;

const nameOf = (noun: string) =>
  z
    .string()
    .max(COLLECTION_NAME_MAX, `a ${noun}'s name is at most ${COLLECTION_NAME_MAX} characters`)
    .refine((n) => n.trim().length > 0, `a ${noun} needs a name`);
const name = nameOf('collection');
const ids = z.array(id).max(COLLECTION_MEMBERS_MAX);

export const collectionInputs = {
  /** Create a collection (optionally with its first sources). */
  createCollection: z.object({ name, sourceIds: ids.optional() }).strict(),
  renameCollection: z.object({ collectionId: id, name }).strict(),
  deleteCollection: z.object({ collectionId: id }).strict(),
  /** Add and/or remove sources; unknown source ids are refused. */
  setCollectionMembers: z.object({ collectionId: id, add: ids.optional(), remove: ids.optional() }).strict(),
};

/** Tag groups (ATLAS.ti code groups, REFI-QDA Sets of codes): the same four changes, over tags. */
export const tagGroupInputs = {
  createTagGroup: z.object({ name: nameOf('tag group'), tagIds: ids.optional() }).strict(),
  renameTagGroup: z.object({ groupId: id, name: nameOf('tag group') }).strict(),
  deleteTagGroup: z.object({ groupId: id }).strict(),
  /** Add and/or remove tags; unknown tag ids are refused. */
  setTagGroupMembers: z.object({ groupId: id, add: ids.optional(), remove: ids.optional() }).strict(),
};

export interface TagGroupsResult {
  /** Every tag group after the change, by name. */
  groups: TagGroup[];
  /** The group created or changed (absent after a delete). */
  group?: TagGroup;
}

export interface CollectionsResult {
  /** Every collection after the change, by name. */
  collections: SourceCollection[];
  /** The collection created or changed (absent after a delete). */
  collection?: SourceCollection;
}

/** A filter by collections: the union of their sources. Null when no collection is chosen (no filter). */
export function sourcesInCollections(collections: readonly SourceCollection[] | undefined, chosen: readonly string[] | undefined): Set<string> | null {
  if (!chosen || chosen.length === 0) return null;
  const want = new Set(chosen);
  const out = new Set<string>();
  for (const c of collections ?? []) if (want.has(c.id)) for (const s of c.sourceIds) out.add(s);
  return out;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/** Collections in display order (by name, then id), members limited to sources that exist. */
export function visibleCollections(collections: readonly SourceCollection[] | undefined, existing: ReadonlySet<string>): SourceCollection[] {
  return [...(collections ?? [])].map((c) => ({ ...c, sourceIds: c.sourceIds.filter((s) => existing.has(s)) })).sort(byName);
}

/** Tag groups in display order (by name, then id), members limited to tags that exist (a deleted tag leaves its groups). */
export function visibleTagGroups(groups: readonly TagGroup[] | undefined, existing: ReadonlySet<string>): TagGroup[] {
  return [...(groups ?? [])].map((g) => ({ ...g, tagIds: g.tagIds.filter((t) => existing.has(t)) })).sort(byName);
}

/** A zod schema for a collection filter in other channels' inputs (search, retrieval, analysis, export). */
export const collectionFilter = z.array(id).max(1000).optional();
/** A filter by source attributes (variables): every pair must hold (value compared without regard to case). */
export const attributeFilter = z.array(z.object({ name: z.string().min(1).max(200), value: z.string().max(10_000) }).strict()).max(20).optional();

/** No source at all: a filter that matches nothing (an empty list means "no filter" to the channels). */
export const NO_SOURCE = ['-none-'];

/**
 * The sources a filter by collections and attributes leaves, intersected with explicit source ids; undefined when
 * there is no such filter (the channel's own sourceIds, if any, apply as they are).
 */
export function narrowSources(
  sources: ReadonlyArray<Pick<SourceMeta, 'id' | 'variables'>>,
  collections: readonly SourceCollection[] | undefined,
  filter: { sourceIds?: readonly string[]; collectionIds?: readonly string[]; attributes?: ReadonlyArray<{ name: string; value: string }> },
): string[] | undefined {
  const inCollections = sourcesInCollections(collections, filter.collectionIds);
  const attributes = filter.attributes ?? [];
  if (!inCollections && attributes.length === 0) return filter.sourceIds ? [...filter.sourceIds] : undefined;
  const explicit = filter.sourceIds?.length ? new Set(filter.sourceIds) : null;
  const out = sources
    .filter((s) => (!inCollections || inCollections.has(s.id)) && (!explicit || explicit.has(s.id)))
    .filter((s) => attributes.every((a) => (s.variables?.[a.name] ?? '').trim().toLowerCase() === a.value.trim().toLowerCase()))
    .map((s) => s.id);
  return out.length ? out : NO_SOURCE;
}
