/**
 * What of a notebook folder git carries (issue 19). Shared: the source files, the originals and the shared part of
 * the catalog (`catalog.shared.json`: the sources' records, the codebook, the project notes, collections, tag groups,
 * the QDA project, blind coding's assignments and submissions). Each analyst's own: `catalog.json` itself (its settings and counts change on every save), view.json,
 * backups, the search index, the lock, logs, staging and trash. A whitelist: anything new stays local until named here.
 */
import { SCHEMA_VERSION, DEFAULT_SETTINGS, EMPTY_DOC } from '../../../core/model';
import { stableFileJson } from '../../../core/stable-json';
import type { CatalogFile } from '../store';

export const SHARED_CATALOG = 'catalog.shared.json';

export const GITIGNORE = `# Research Notebook: only the shared notebook is carried by git (see README, "Sharing a notebook with a team").
/*
!/.gitignore
!/${SHARED_CATALOG}
!/sources/
!/originals/
/sources/.*
/sources/*.tmp
/sources/*.damaged-*
/originals/.*
/originals/*.tmp
`;

const SHARED_KEYS = ['schemaVersion', 'sources', 'tags', 'projectNote', 'collections', 'tagGroups', 'project', 'coding'] as const;

/** The shared part of a catalog, as the text git carries. */
export function sharedCatalogText(catalog: CatalogFile): string {
  const out: Record<string, unknown> = {};
  for (const k of SHARED_KEYS) if (catalog[k] !== undefined) out[k] = catalog[k];
  return stableFileJson(out);
}

/** The catalog with `shared` (parsed catalog.shared.json) in place of its shared parts; this analyst's parts kept. */
export function withSharedParts(catalog: CatalogFile | null, shared: Record<string, unknown>): CatalogFile {
  const base: CatalogFile = catalog ?? { schemaVersion: SCHEMA_VERSION, sources: [], tags: [], settings: structuredClone(DEFAULT_SETTINGS), projectNote: EMPTY_DOC };
  const next: Record<string, unknown> = { ...base };
  for (const k of SHARED_KEYS) {
    if (shared[k] !== undefined) next[k] = shared[k];
    else if (k === 'collections' || k === 'tagGroups' || k === 'project' || k === 'coding') delete next[k];
  }
  // Counts are this analyst's: they are taken again for the sources the merge changed.
  delete next.summaries;
  delete next.citations;
  delete next.citationsUnknown;
  return next as unknown as CatalogFile;
}

/** Paths a merge may write: anything else a remote holds is left alone (no path may reach outside the folder). */
export function isSharedPath(path: string): boolean {
  return path === SHARED_CATALOG || path === '.gitignore' || /^sources\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.json$/.test(path) || /^originals\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.[A-Za-z0-9]{1,10}$/.test(path);
}
