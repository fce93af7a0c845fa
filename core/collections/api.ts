/**
 * Source collections (issue 16): a named set of sources. The channels' input schemas and result types, and the
 * pure helpers that apply a collection filter. core/contract.ts only lists the channels.
 *
 * Kept deliberately small so other features (the sources pane's multi-select, search, retrieval, analysis, export)
 * can use it: a collection is `{ id, name, sourceIds }`, and a filter is a list of collection ids.
 */
import { z } from 'zod';
import type { SourceCollection } from '../model';
import { id } from '../schemas';

export const COLLECTION_NAME_MAX = 200;
/** Members changed in one call at most (a whole generated corpus). */
export const COLLECTION_MEMBERS_MAX = 100_000;

const name = z
  .string()
  .max(COLLECTION_NAME_MAX, `a collection's name is at most ${COLLECTION_NAME_MAX} characters`)
  .refine((n) => n.trim().length > 0, 'a collection needs a name');
const ids = z.array(id).max(COLLECTION_MEMBERS_MAX);

export const collectionInputs = {
  /** Create a collection (optionally with its first sources). */
  createCollection: z.object({ name, sourceIds: ids.optional() }).strict(),
  renameCollection: z.object({ collectionId: id, name }).strict(),
  deleteCollection: z.object({ collectionId: id }).strict(),
  /** Add and/or remove sources; unknown source ids are refused. */
  setCollectionMembers: z.object({ collectionId: id, add: ids.optional(), remove: ids.optional() }).strict(),
};

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

/** Collections in display order (by name, then id), members limited to sources that exist. */
export function visibleCollections(collections: readonly SourceCollection[] | undefined, existing: ReadonlySet<string>): SourceCollection[] {
  return [...(collections ?? [])]
    .map((c) => ({ ...c, sourceIds: c.sourceIds.filter((s) => existing.has(s)) }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

/** A zod schema for a collection filter in other channels' inputs (search, retrieval, analysis, export). */
export const collectionFilter = z.array(id).max(1000).optional();
