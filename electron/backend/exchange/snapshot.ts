import { visibleHighlights } from '../../../core/agreement/blind';
import { EMPTY_DOC, type Highlight, type NotebookSnapshot, type Tag } from '../../../core/model';
import type { ExportScope } from '../../../core/exchange/api';
import { descendantIds } from '../../../core/tags/codebook';
import { NotebookError } from '../errors';
import { sourcesInCollections } from '../../../core/collections/api';
import type { NotebookStore } from '../store';
import { lineageOf } from '../../../core/tags/lineage';
import { sentence } from '../../../core/i18n/message-text';

/** The notebook's name in exports (file names, collection labels, report titles). */
export const NOTEBOOK_TITLE = 'Research Notebook';

export interface SnapshotProgress {
  /** Called after each source is read; return true to stop (the export was cancelled). */
  (done: number, total: number): boolean | void | Promise<boolean | void>;
}

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
}

/** The tags an export in this scope starts from, with their sub-tags; null for every highlight. */
function scopeTagIds(scope: ExportScope, tags: readonly Tag[]): Set<string> | null {
  if (scope.kind !== 'tags') return null;
  const known = new Set(tags.map((t) => t.id));
  const unknown = scope.tagIds.filter((id) => !known.has(id));
  if (unknown.length === scope.tagIds.length) throw new NotebookError(sentence('backend.export.tagsGone'));
  const out = new Set<string>();
  for (const id of scope.tagIds) {
    if (!known.has(id)) continue;
    out.add(id);
    for (const d of descendantIds(tags, id)) out.add(d);
  }
  return out;
}

/** The chosen tags, the tags the exported highlights carry, and every ancestor of those (so paths stay whole). */
function tagsFor(all: readonly Tag[], chosen: Set<string> | null, highlights: Iterable<Highlight>): Tag[] {
  if (!chosen) return [...all];
  const byId = new Map(all.map((t) => [t.id, t]));
  const keep = new Set(chosen);
  for (const h of highlights) for (const id of h.tagIds) if (byId.has(id)) keep.add(id);
  for (const id of [...keep]) for (const t of lineageOf(byId, id)) keep.add(t.id);
  return all.filter((t) => keep.has(t.id));
}

/** Throws (a message for the analyst) when the scope names a source or tags the notebook does not have. */
export function checkScope(store: NotebookStore, scope: ExportScope): void {
  if (scope.kind === 'source' && !store.catalog.sources.some((m) => m.id === scope.sourceId)) {
    throw new NotebookError(sentence('backend.source.notFound', { id: scope.sourceId }), 'not-found');
  }
  if (scope.kind === 'sources') {
    const known = new Set(store.catalog.sources.map((m) => m.id));
    const missing = scope.sourceIds.find((id) => !known.has(id));
    if (missing) throw new NotebookError(sentence('backend.export.sourceGone', { id: missing }), 'not-found');
  }
  if (scope.kind === 'tags') scopeTagIds(scope, store.catalog.tags ?? []);
  if (scope.kind === 'collections') {
    const known = new Set((store.catalog.collections ?? []).map((c) => c.id));
    const missing = scope.collectionIds.find((id) => !known.has(id));
    if (missing) throw new NotebookError(sentence('backend.collection.notFound', { id: missing }), 'not-found');
  }
}

export function scopeTitle(scope: ExportScope, store: NotebookStore): string {
  if (scope.kind === 'source') {
    const meta = store.catalog.sources.find((s) => s.id === scope.sourceId);
    return meta ? `${NOTEBOOK_TITLE} — ${meta.title}` : NOTEBOOK_TITLE;
  }
  if (scope.kind === 'sources') {
    const n = new Set(scope.sourceIds).size;
    return `${NOTEBOOK_TITLE} — ${n.toLocaleString('en-GB')} source${n === 1 ? '' : 's'}`;
  }
  if (scope.kind === 'tags') {
    const names = scope.tagIds.map((id) => store.catalog.tags.find((t) => t.id === id)?.name).filter(Boolean);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return `${NOTEBOOK_TITLE} — ${shown}`;
  }
  if (scope.kind === 'collections') {
    const names = (store.catalog.collections ?? []).filter((c) => scope.collectionIds.includes(c.id)).map((c) => c.name);
    return `${NOTEBOOK_TITLE} — ${names.join(', ')}`;
  }
  return NOTEBOOK_TITLE;
}

/**
 * Read the part of the notebook an export covers, as one value for the pure format functions.
 * - notebook: every source, tag and note.
 * - source: that source with its highlights and notebook, and the whole codebook (tags keep their tree).
 * - sources: the same for each chosen source (several selected in the sources pane).
 * - tags: the highlights that carry a chosen tag or one of its sub-tags, the sources they are in, and the tags they
 *   need; notebooks are left out (they are not about those tags).
 * Sources come newest first, as the source list shows them.
 */
export async function readSnapshot(store: NotebookStore, scope: ExportScope, progress?: SnapshotProgress): Promise<NotebookSnapshot> {
  const catalog = store.catalog;
  const tags = catalog.tags ?? [];
  const chosen = scopeTagIds(scope, tags);
  let metas = [...catalog.sources].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  if (scope.kind === 'source') {
    metas = metas.filter((m) => m.id === scope.sourceId);
    if (metas.length === 0) throw new NotebookError(sentence('backend.source.notFound', { id: scope.sourceId }), 'not-found');
  }
  if (scope.kind === 'sources') {
    checkScope(store, scope);
    const wanted = new Set(scope.sourceIds);
    metas = metas.filter((m) => wanted.has(m.id));
  }
  if (scope.kind === 'collections') {
    const members = sourcesInCollections(catalog.collections, scope.collectionIds) ?? new Set<string>();
    metas = metas.filter((m) => members.has(m.id));
  }
  const sources: NotebookSnapshot['sources'] = [];
  let done = 0;
  for (const meta of metas) {
    const file = (await store.readSource(meta.id));
    // Blind coding (issue 19): what the analyst may not see yet is not exported either.
    const seen = visibleHighlights(file.highlights, store.catalog.coding, store.catalog.settings.analystName, meta.id);
    const highlights = chosen ? seen.filter((h) => h.tagIds.some((id) => chosen.has(id))) : seen;
    if (!chosen || highlights.length > 0) {
      sources.push({ meta, text: file.text, highlights, note: chosen ? EMPTY_DOC : file.note });
    }
    done++;
    if (progress && (await progress(done, metas.length))) throw new ExportCancelled('The export was cancelled.');
  }
  return {
    title: scopeTitle(scope, store),
    exportedAt: new Date().toISOString(),
    tags: tagsFor(tags, chosen, sources.flatMap((s) => s.highlights)),
    sources,
    projectNote: scope.kind === 'notebook' ? catalog.projectNote : EMPTY_DOC,
    // Collections with their members in this export (a Set of none is left out), and the QDA project's identity.
    collections: (catalog.collections ?? [])
      .map((c) => ({ ...c, sourceIds: c.sourceIds.filter((id) => sources.some((s) => s.meta.id === id)) }))
      .filter((c) => c.sourceIds.length > 0 || (scope.kind === 'notebook' && c.kind === 'case')),
    // Tag groups go out whole; the exporters keep only members among the exported tags.
    ...(catalog.tagGroups?.length ? { tagGroups: catalog.tagGroups } : {}),
    ...(catalog.project ? { project: catalog.project } : {}),
  };
}
