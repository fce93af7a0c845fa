/**
 * Facet filtering and counting over index documents: pure, so the same rules hold in the backend and in tests.
 * Each facet is one bit; a document's mask says which facets it fails, so one pass gives both the hits (mask 0) and
 * every facet's counts (documents failing at most that facet), as faceted search UIs show them.
 */
import type { Tag, TagKind } from '../model';
import type { FacetCounts, SearchFacets } from './types';
import { lineageOf, tagsById } from '../tags/lineage';

export interface FacetDoc {
  sourceId: string | null;
  publisher: string;
  date: string;
  tagIds: readonly string[];
  hasNote: boolean;
  /** The source's reliability grade ('' when not graded). */
  grade?: string;
}

export const FACET = { tag: 1, kind: 2, source: 4, publisher: 8, date: 16, note: 32, grade: 64 } as const;

/** A source's grade as a facet value: its reliability letter, or 'ungraded'. */
export const gradeValue = (grade: string): string => grade || 'ungraded';

export interface CompiledFacets {
  tagSet: ReadonlySet<string> | null;
  kinds: ReadonlySet<TagKind> | null;
  sources: ReadonlySet<string> | null;
  publishers: ReadonlySet<string> | null;
  /** Source reliability grades ('A'–'F', 'ungraded'). */
  grades: ReadonlySet<string> | null;
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
  const byId = tagsById(tags);
  return new Map(tags.map((t) => [t.id, lineageOf(byId, t.id).map((a) => a.id)]));
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
    grades: set(f.grades),
    from: f.from ?? '',
    to: f.to ?? '',
    hasNote: f.hasNote ?? null,
    kindOf: new Map(tags.map((t) => [t.id, t.kind])),
    lineage,
  };
  const active = Boolean(compiled.tagSet || compiled.kinds || compiled.sources || compiled.publishers || compiled.grades || compiled.from || compiled.to || compiled.hasNote !== null);
  return { ...compiled, active };
}

/** The facets a document fails, as a bit mask (0: it passes them all). */
export function facetMask(doc: FacetDoc, c: CompiledFacets): number {
  return sourceMask(doc.sourceId, doc.publisher, doc.date, c, doc.grade ?? '') | codingMask(doc.tagIds, doc.hasNote, c);
}

/** The facets that depend only on the source (the same for all its documents: computed once per source). */
export function sourceMask(sourceId: string | null, publisher: string, date: string, c: CompiledFacets, grade: string): number {
  let mask = 0;
  if (c.sources && (sourceId === null || !c.sources.has(sourceId))) mask |= FACET.source;
  if (c.publishers && (sourceId === null || !c.publishers.has(publisher))) mask |= FACET.publisher;
  if (c.grades && (sourceId === null || !c.grades.has(gradeValue(grade)))) mask |= FACET.grade;
  if ((c.from || c.to) && (!date || (c.from && date < c.from) || (c.to && date > c.to))) mask |= FACET.date;
  return mask;
}

/** The facets that depend on the passage's coding: tags, tag kinds, note. */
export function codingMask(tagIds: readonly string[], hasNote: boolean, c: CompiledFacets): number {
  let mask = 0;
  if (c.tagSet) {
    let hit = false;
    for (const t of tagIds) if (c.tagSet.has(t)) hit = true;
    if (!hit) mask |= FACET.tag;
  }
  if (c.kinds) {
    let hit = false;
    for (const t of tagIds) if (c.kinds.has(c.kindOf.get(t) as TagKind)) hit = true;
    if (!hit) mask |= FACET.kind;
  }
  if (c.hasNote !== null && hasNote !== c.hasNote) mask |= FACET.note;
  return mask;
}

/** What the counter needs to know of a source, by the caller's number for it. */
export interface SourceFacetInfo {
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** Reliability grade, '' when not graded. */
  grade: string;
}

/**
 * Counts facet values, each facet over the documents that fail no other facet. Sources are numbered by the caller
 * (0 <= key < size; -1 for none) and counted in typed arrays; publishers and dates are summed up per source at the
 * end. Tags count under every ancestor, once per document. Nothing is allocated per document: a common word can
 * match a hundred thousand paragraphs.
 */
export class FacetCounter {
  private readonly perSource: Int32Array;
  private readonly perPublisherSource: Int32Array;
  private readonly perGradeSource: Int32Array;
  private readonly datedSource: Uint8Array;
  private readonly tagNo = new Map<string, number>();
  private readonly tagIds: string[] = [];
  private readonly lineage: number[][] = [];
  private readonly kindNo: number[] = [];
  private readonly tagCounts: Int32Array;
  private readonly tagStamp: Int32Array;
  private readonly kindCounts = new Int32Array(TAG_KIND_LIST.length);
  private notes = { yes: 0, no: 0 };
  private docNo = 0;

  constructor(
    private readonly c: CompiledFacets,
    private readonly size: number,
    private readonly describe: (key: number) => SourceFacetInfo | undefined,
  ) {
    this.perSource = new Int32Array(size);
    this.perPublisherSource = new Int32Array(size);
    this.perGradeSource = new Int32Array(size);
    this.datedSource = new Uint8Array(size);
    for (const id of c.lineage.keys()) {
      this.tagNo.set(id, this.tagIds.length);
      this.tagIds.push(id);
    }
    for (const id of this.tagIds) {
      this.lineage.push((c.lineage.get(id) ?? [id]).map((a) => this.tagNo.get(a)!).filter((x) => x !== undefined));
      this.kindNo.push(TAG_KIND_LIST.indexOf(c.kindOf.get(id) as TagKind));
    }
    this.tagCounts = new Int32Array(this.tagIds.length);
    this.tagStamp = new Int32Array(this.tagIds.length);
  }

  count(sourceKey: number, tagIds: readonly string[], hasNote: boolean, mask: number): void {
    const no = ++this.docNo;
    const tags = tagIds.length > 0 && (mask & ~FACET.tag) === 0;
    const kinds = tagIds.length > 0 && (mask & ~FACET.kind) === 0;
    if (tags || kinds) {
      let seen = 0;
      for (const id of tagIds) {
        const t = this.tagNo.get(id);
        if (t === undefined) continue;
        if (tags) {
          for (const a of this.lineage[t]) {
            if (this.tagStamp[a] === no) continue;
            this.tagStamp[a] = no;
            this.tagCounts[a]++;
          }
        }
        const k = this.kindNo[t];
        if (kinds && k >= 0 && !(seen & (1 << k))) {
          seen |= 1 << k;
          this.kindCounts[k]++;
        }
      }
    }
    if (sourceKey >= 0 && sourceKey < this.size) {
      if ((mask & ~FACET.source) === 0) this.perSource[sourceKey]++;
      if ((mask & ~FACET.publisher) === 0) this.perPublisherSource[sourceKey]++;
      if ((mask & ~FACET.grade) === 0) this.perGradeSource[sourceKey]++;
      if ((mask & ~FACET.date) === 0) this.datedSource[sourceKey] = 1;
    }
    if ((mask & ~FACET.note) === 0) {
      if (hasNote) this.notes.yes++;
      else this.notes.no++;
    }
  }

  result(maxValues = 50): FacetCounts {
    const tags: Record<string, number> = {};
    this.tagCounts.forEach((n, t) => {
      if (n > 0) tags[this.tagIds[t]] = n;
    });
    const tagKinds: Partial<Record<TagKind, number>> = {};
    this.kindCounts.forEach((n, k) => {
      if (n > 0) tagKinds[TAG_KIND_LIST[k]] = n;
    });
    // Only the top sources are shown: keep the best `maxValues` as they come (thousands may have a hit or two).
    const sources: Array<{ id: string; title: string; count: number }> = [];
    const before = (a: { count: number; title: string }, b: { count: number; title: string }) => a.count > b.count || (a.count === b.count && a.title < b.title);
    const publishers = new Map<string, number>();
    const grades = new Map<string, number>();
    let min = '';
    let max = '';
    for (let key = 0; key < this.size; key++) {
      if (!this.perSource[key] && !this.perPublisherSource[key] && !this.perGradeSource[key] && !this.datedSource[key]) continue;
      const info = this.describe(key);
      if (!info) continue;
      const n = this.perSource[key];
      if (n && (sources.length < maxValues || before({ count: n, title: info.title }, sources[sources.length - 1]))) {
        const entry = { id: info.id, title: info.title, count: n };
        let at = sources.length;
        while (at > 0 && before(entry, sources[at - 1])) at--;
        sources.splice(at, 0, entry);
        if (sources.length > maxValues) sources.pop();
      }
      if (this.perPublisherSource[key]) publishers.set(info.publisher, (publishers.get(info.publisher) ?? 0) + this.perPublisherSource[key]);
      if (this.perGradeSource[key]) {
        const g = gradeValue(info.grade);
        grades.set(g, (grades.get(g) ?? 0) + this.perGradeSource[key]);
      }
      if (this.datedSource[key] && info.date) {
        if (!min || info.date < min) min = info.date;
        if (!max || info.date > max) max = info.date;
      }
    }
    return {
      tags,
      tagKinds,
      sources,
      publishers: [...publishers]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, maxValues)
        .map(([value, count]) => ({ value, count })),
      hasNote: { ...this.notes },
      dates: { min, max },
      // A to F, then the ungraded.
      grades: [...grades].sort((a, b) => a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count })),
    };
  }
}

const TAG_KIND_LIST: readonly TagKind[] = ['person', 'organisation', 'place', 'group', 'theme', 'other'];
