/**
 * The merge of two replicas of a notebook folder (issue 19): given the text of each shared file at the common base,
 * in ours and in theirs, the merged text of every file, by meaning. Source files (`sources/<id>.json`) merge with
 * mergeSource, `catalog.json` with mergeCatalog (after the sources, so that a deleted tag still in use comes back);
 * any other file (originals, which never change once written) takes the side that changed it. A file one side
 * deleted and the other changed is kept. The transport (git) is the backend's; this is pure. The catalog's derived
 * parts (counts, citations) come out as ours: the backend counts again the sources a merge changed.
 */
import { canonicalJson, stableFileJson } from '../stable-json';
import { MERGED_CATALOG_KEYS, mergeCatalog, type CatalogConflict, type MergeableCatalog } from './merge-catalog';
import { mergeSource, type MergeConflict, type MergeableSource } from './merge-source';

/** Path (with forward slashes, relative to the notebook folder) -> text; absent = no such file on that side. */
export type FileTree = ReadonlyMap<string, string>;

export type FileConflict = { path: string } & (MergeConflict | CatalogConflict | { kind: 'file'; detail: string });

export interface TreeMerge {
  /** Path -> merged text; null = delete the file. Only paths whose merged text differs from ours are listed. */
  changes: Map<string, string | null>;
  conflicts: FileConflict[];
}

const SOURCE_FILE = /^sources\/[^/]+\.json$/;

function parse<T>(path: string, text: string | undefined): T | null {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${path} is not valid JSON on one side of the merge: nothing was merged.`);
  }
}

/** Merge `ours` and `theirs` (both descended from `base`): what to write over ours, and what the analyst must settle. */
export function mergeTrees(base: FileTree, ours: FileTree, theirs: FileTree): TreeMerge {
  const changes = new Map<string, string | null>();
  const conflicts: FileConflict[] = [];
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  const tagsInUse = new Set<string>();
  const set = (path: string, text: string | null) => {
    if ((ours.get(path) ?? null) !== text) changes.set(path, text);
  };
  for (const path of [...paths].sort()) {
    if (path === 'catalog.json') continue;
    const b = base.get(path);
    const o = ours.get(path);
    const t = theirs.get(path);
    if (o === t) continue;
    if (o === b) {
      set(path, t ?? null);
      continue;
    }
    if (t === b) continue; // only ours changed it
    // Both changed the file (or one deleted it and the other changed it).
    if (o === undefined || t === undefined) {
      set(path, (o ?? t)!);
      conflicts.push({ path, kind: 'file', detail: `deleted on ${o === undefined ? 'your' : 'their'} side and changed on the other: kept with the change` });
      continue;
    }
    if (!SOURCE_FILE.test(path)) {
      conflicts.push({ path, kind: 'file', detail: 'changed on both sides: your version kept' });
      continue;
    }
    const merged = mergeSource(parse<MergeableSource>(path, b), parse<MergeableSource>(path, o)!, parse<MergeableSource>(path, t)!);
    for (const c of merged.conflicts) conflicts.push({ path, ...c });
    set(path, stableFileJson(merged.merged as unknown as Record<string, unknown>));
  }
  // Tags on the merged highlights: the catalog keeps every tag still in use.
  for (const path of paths) {
    if (!SOURCE_FILE.test(path)) continue;
    const text = changes.has(path) ? changes.get(path) : ours.get(path);
    if (!text) continue;
    for (const h of parse<MergeableSource>(path, text)!.highlights) for (const id of h.tagIds) tagsInUse.add(id);
  }
  const [b, o, t] = [base, ours, theirs].map((tree) => parse<MergeableCatalog>('catalog.json', tree.get('catalog.json')));
  if (o && t && canonicalJson(o) !== canonicalJson(t)) {
    // Only theirs changed the catalog: merged from their side, so that it comes out in their order (a replica that
    // only receives ends with the very file it received, and replicas converge on one file, not two orders of it).
    const onlyTheirs = b !== null && canonicalJson(b) === canonicalJson(o);
    const merged = onlyTheirs ? mergeCatalog(b, t, o, tagsInUse) : mergeCatalog(b, o, t, tagsInUse);
    const flip = (side: 'ours' | 'theirs'): 'ours' | 'theirs' => (onlyTheirs ? (side === 'ours' ? 'theirs' : 'ours') : side);
    for (const c of merged.conflicts) conflicts.push({ path: 'catalog.json', ...c, ...('deletedBy' in c ? { deletedBy: flip(c.deletedBy) } : {}) } as FileConflict);
    const result: Record<string, unknown> = onlyTheirs ? { ...o } : { ...merged.merged };
    if (onlyTheirs) {
      for (const key of MERGED_CATALOG_KEYS) {
        if (merged.merged[key] === undefined) delete result[key];
        else result[key] = merged.merged[key];
      }
    }
    set('catalog.json', stableFileJson(result));
  } else if (!o && t) set('catalog.json', theirs.get('catalog.json')!);
  return { changes, conflicts };
}
