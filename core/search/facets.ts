/**
 * Facet filtering and counting over index documents: pure, so the same rules hold in the backend and in tests.
 * Each facet is one bit; a document's mask says which facets it fails, so one pass gives both the hits (mask 0) and
 * every facet's counts (documents failing at most that facet), as faceted search UIs show them.
 */
import type { Tag, TagKind } from '../model';
import type { FacetCounts, SearchFacets } from './types';

export interface FacetDoc {
  sourceId: string | null;
  publisher: string;
  date: string;
  tagIds: readonly string[];
  hasNote: boolean;
}

export const FACET = { tag: 1, kind: 2, source: 4, publisher: 8, date: 16, note: 32 } as const;

export interface CompiledFacets {
  tagSet: ReadonlySet<string> | null;
  kinds: ReadonlySet<TagKind> | null;
  sources: ReadonlySet<string> | null;
  publishers: ReadonlySet<string> | null;
  from: string;
  to: string;
  hasNote: boolean | null;
  /** Tag id -> kind; tag id -> itself and its ancestors (for counting a hit under every level of the tree). */
  kindOf: ReadonlyMap<string, TagKind>;
  lineage: ReadonlyMap<string, readonly string[]>;
  active: boolean;
}

/** Tag id -> the tag and its ancestors, root last. Safe against cycles. */
export function tagLineage(tags: readonly Tag[]): Map<string, string[]> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = new Map<string, string[]>();
  for (const t of tags) {
    const line: string[] = [];
    const seen = new Set<string>();
    for (let cur: Tag | undefined = t; cur && !seen.has(cur.id); cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
      seen.add(cur.id);
      line.push(cur.id);
    }
    out.set(t.id, line);
  }
  return out;
}

export function compileFacets(facets: SearchFacets | undefined, tags: readonly Tag[]): CompiledFacets {
  const f = facets ?? {};
  const lineage = tagLineage(tags);
  let tagSet: Set<string> | null = null;
  if (f.tagIds && f.tagIds.length > 0) {
    // A tag includes its descendants: every tag whose lineage contains a chosen one.
    const chosen = new Set(f.tagIds);
    tagSet = new Set(f.tagIds);
    for (const [id, line] of lineage) if (line.some((a) => chosen.has(a))) tagSet.add(id);
  }
  const set = <T>(xs: readonly T[] | undefined): ReadonlySet<T> | null => (xs && xs.length > 0 ? new Set(xs) : null);
  const compiled = {
    tagSet,
    kinds: set(f.tagKinds),
    sources: set(f.sourceIds),
    publishers: set(f.publishers),
    from: f.from ?? '',
    to: f.to ?? '',
    hasNote: f.hasNote ?? null,
    kindOf: new Map(tags.map((t) => [t.id, t.kind])),
    lineage,
  };
  const active = Boolean(compiled.tagSet || compiled.kinds || compiled.sources || compiled.publishers || compiled.from || compiled.to || compiled.hasNote !== null);
  return { ...compiled, active };
}

/** The facets a document fails, as a bit mask (0: it passes them all). */
export function facetMask(doc: FacetDoc, c: CompiledFacets): number {
  let mask = 0;
  if (c.tagSet && !doc.tagIds.some((t) => c.tagSet!.has(t))) mask |= FACET.tag;
  if (c.kinds && !doc.tagIds.some((t) => c.kinds!.has(c.kindOf.get(t) as TagKind))) mask |= FACET.kind;
  if (c.sources && (doc.sourceId === null || !c.sources.has(doc.sourceId))) mask |= FACET.source;
  if (c.publishers && !c.publishers.has(doc.publisher)) mask |= FACET.publisher;
  if ((c.from || c.to) && (!doc.date || (c.from && doc.date < c.from) || (c.to && doc.date > c.to))) mask |= FACET.date;
  if (c.hasNote !== null && doc.hasNote !== c.hasNote) mask |= FACET.note;
  return mask;
}

/** Counts facet values, each facet over the documents that fail no other facet. */
export class FacetCounter {
  private readonly tags = new Map<string, number>();
  private readonly kinds = new Map<TagKind, number>();
  private readonly sources = new Map<string, number>();
  private readonly publishers = new Map<string, number>();
  private notes = { yes: 0, no: 0 };
  private minDate = '';
  private maxDate = '';

  constructor(private readonly c: CompiledFacets) {}

  add(doc: FacetDoc, mask: number): void {
    const only = (bit: number) => (mask & ~bit) === 0;
    if (only(FACET.tag)) {
      const seen = new Set<string>();
      for (const t of doc.tagIds) for (const a of this.c.lineage.get(t) ?? [t]) seen.add(a);
      for (const a of seen) this.tags.set(a, (this.tags.get(a) ?? 0) + 1);
    }
    if (only(FACET.kind)) {
      const seen = new Set<TagKind>();
      for (const t of doc.tagIds) {
        const k = this.c.kindOf.get(t);
        if (k) seen.add(k);
      }
      for (const k of seen) this.kinds.set(k, (this.kinds.get(k) ?? 0) + 1);
    }
    if (only(FACET.source) && doc.sourceId !== null) this.sources.set(doc.sourceId, (this.sources.get(doc.sourceId) ?? 0) + 1);
    if (only(FACET.publisher) && doc.sourceId !== null) this.publishers.set(doc.publisher, (this.publishers.get(doc.publisher) ?? 0) + 1);
    if (only(FACET.note)) this.notes[doc.hasNote ? 'yes' : 'no']++;
    if (only(FACET.date) && doc.date) {
      if (!this.minDate || doc.date < this.minDate) this.minDate = doc.date;
      if (!this.maxDate || doc.date > this.maxDate) this.maxDate = doc.date;
    }
  }

  result(titleOf: (sourceId: string) => string, maxValues = 50): FacetCounts {
    const top = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, maxValues);
    return {
      tags: Object.fromEntries(this.tags),
      tagKinds: Object.fromEntries(this.kinds),
      sources: top(this.sources).map(([id, count]) => ({ id, title: titleOf(id), count })),
      publishers: top(this.publishers).map(([value, count]) => ({ value, count })),
      hasNote: { ...this.notes },
      dates: { min: this.minDate, max: this.maxDate },
    };
  }
}
