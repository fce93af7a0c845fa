/**
 * The analysis numbers, all in one pass over the highlights: tag frequency, tags per source, co-occurrence of tags
 * in passages (paragraphs), entity x theme, and a timeline by month of publication. Pure and fast enough for
 * 100,000 highlights (integers and typed arrays, no per-highlight objects).
 */
import { isEntityKind, type Tag } from '../model';
import { isCategoryTag } from '../tags/default-codebook';
import { tagLineage } from '../search/facets';
import { tagInfos } from '../search/tag-info';
import type { AnalysisOptions, AnalysisResult, AnalysisSource, CooccurrencePassage, CooccurrencePair, EntityThemeCell, TimelinePeriod } from './types';
import { paragraphAt } from '../text';


/** Tags as small integers, with each tag's expansion (itself, plus its ancestors when rolling up). */
class TagTable {
  readonly ids: string[];
  readonly index = new Map<string, number>();
  readonly expand: number[][];
  /** ancestorOf[a] holds b when b is a strict ancestor of a. */
  readonly ancestors: Array<Set<number>>;

  constructor(tags: readonly Tag[], rollup: boolean) {
    this.ids = tags.map((t) => t.id);
    this.ids.forEach((id, i) => this.index.set(id, i));
    const lineage = tagLineage(tags);
    this.ancestors = this.ids.map((id) => new Set((lineage.get(id) ?? []).slice(1).map((a) => this.index.get(a)!)));
    this.expand = this.ids.map((id, i) => (rollup ? (lineage.get(id) ?? [id]).map((a) => this.index.get(a)!) : [i]));
  }

  /** Expansions by tag list: the index hands out the same array for a highlight until its tags change. */
  private readonly memo = new WeakMap<readonly string[], readonly number[]>();

  /** The tag numbers a highlight counts for (deduplicated; unknown ids ignored). */
  of(tagIds: readonly string[]): readonly number[] {
    let out = this.memo.get(tagIds);
    if (out) return out;
    const list: number[] = [];
    for (const id of tagIds) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      for (const x of this.expand[i]) if (!list.includes(x)) list.push(x);
    }
    out = list;
    this.memo.set(tagIds, out);
    return out;
  }
}

/** Tables are kept while the codebook stays the same (by ids and parents), so repeated analyses reuse their memos. */
const tables: Array<{ signature: string; rollup: boolean; table: TagTable }> = [];
function tagTable(tags: readonly Tag[], rollup: boolean): TagTable {
  const signature = tags.map((t) => `${t.id}\u0001${t.parentId ?? ''}`).join('\u0002');
  const hit = tables.find((t) => t.rollup === rollup && t.signature === signature);
  if (hit) return hit.table;
  const table = new TagTable(tags, rollup);
  tables.unshift({ signature, rollup, table });
  tables.length = Math.min(tables.length, 4);
  return table;
}

export function selectSources(sources: readonly AnalysisSource[], options: AnalysisOptions): AnalysisSource[] {
  const only = options.sourceIds && options.sourceIds.length ? new Set(options.sourceIds) : null;
  const from = options.from ?? '';
  const to = options.to ?? '';
  return sources.filter((s) => {
    if (only && !only.has(s.id)) return false;
    if ((from || to) && (!s.date || (from && s.date < from) || (to && s.date > to))) return false;
    return true;
  });
}


/** The paragraphs a range touches (at least one: a range in a line break counts for the paragraph before it). */
function paragraphsOf(flat: readonly number[], start: number, end: number, into: number[]): number[] {
  into.length = 0;
  const count = flat.length / 2;
  for (let i = paragraphAt(flat, start); i < count && flat[i * 2] < end; i++) into.push(i);
  if (into.length === 0 && count > 0) into.push(Math.min(count - 1, Math.max(0, paragraphAt(flat, start) - 1)));
  return into;
}

export function analyze(allSources: readonly AnalysisSource[], tags: readonly Tag[], options: AnalysisOptions = {}): AnalysisResult {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const rollup = Boolean(options.rollup);
  const table = tagTable(tags, rollup);
  const T = table.ids.length;
  const sources = selectSources(allSources, options);

  const hlCount = new Int32Array(T);
  const srcCount = new Int32Array(T);
  const unitCount = new Int32Array(T);
  // Pair counts in a flat T × T array while it is small; a Map for very large codebooks.
  const dense = T <= 1500 ? new Int32Array(T * T) : null;
  const sparse = dense ? null : new Map<number, number>();
  const bySource: AnalysisResult['bySource'] = [];
  const periods = new Map<string, { sources: number; highlights: number; tags: Int32Array }>();
  const undated = { sources: 0, highlights: 0 };
  let totalHighlights = 0;
  let totalUnits = 0;

  const parasBuf: number[] = [];
  const perTag = new Int32Array(T);
  const usedTags: number[] = [];
  for (const s of sources) {
    usedTags.length = 0;
    const units: Array<number[] | undefined> = [];
    for (const h of s.highlights) {
      const tagsBuf = table.of(h.tagIds);
      if (tagsBuf.length === 0) continue;
      for (const t of tagsBuf) {
        hlCount[t]++;
        if (perTag[t]++ === 0) usedTags.push(t);
      }
      for (const p of paragraphsOf(s.paragraphs, h.start, h.end, parasBuf)) {
        const list = (units[p] ??= []);
        for (const t of tagsBuf) if (!list.includes(t)) list.push(t);
      }
    }
    totalHighlights += s.highlights.length;
    for (const list of units) {
      if (!list) continue;
      totalUnits++;
      if (list.length > 1) list.sort((a, b) => a - b);
      for (let i = 0; i < list.length; i++) {
        const a = list[i];
        unitCount[a]++;
        for (let j = i + 1; j < list.length; j++) {
          const b = list[j];
          // Rolled up, a tag always meets its own ancestors: no information.
          if (rollup && (table.ancestors[a].has(b) || table.ancestors[b].has(a))) continue;
          if (dense) dense[a * T + b]++;
          else sparse!.set(a * T + b, (sparse!.get(a * T + b) ?? 0) + 1);
        }
      }
    }
    const counts: Record<string, number> = {};
    for (const t of usedTags) {
      counts[table.ids[t]] = perTag[t];
      srcCount[t]++;
    }
    bySource.push({ sourceId: s.id, title: s.title, publisher: s.publisher, date: s.date, highlights: s.highlights.length, tags: counts });
    if (/^\d{4}-\d{2}/.test(s.date)) {
      const key = s.date.slice(0, 7);
      let period = periods.get(key);
      if (!period) periods.set(key, (period = { sources: 0, highlights: 0, tags: new Int32Array(T) }));
      period.sources++;
      period.highlights += s.highlights.length;
      for (const t of usedTags) period.tags[t] += perTag[t];
    } else {
      undated.sources++;
      undated.highlights += s.highlights.length;
    }
    for (const t of usedTags) perTag[t] = 0;
  }
  const pairs: Array<[number, number]> = [];
  if (dense) {
    for (let k = 0; k < dense.length; k++) if (dense[k] > 0) pairs.push([k, dense[k]]);
  } else pairs.push(...sparse!);

  const frequency = table.ids
    .map((tagId, i) => ({ tagId, highlights: hlCount[i], sources: srcCount[i], passages: unitCount[i] }))
    .filter((f) => f.highlights > 0)
    .sort((a, b) => b.highlights - a.highlights || b.sources - a.sources || a.tagId.localeCompare(b.tagId));

  const cooccurrence: CooccurrencePair[] = [];
  for (const [key, n12] of pairs) {
    const a = Math.floor(key / T);
    const b = key % T;
    const n1 = unitCount[a];
    const n2 = unitCount[b];
    cooccurrence.push({ a: table.ids[a], b: table.ids[b], n1, n2, n12, jaccard: n12 / (n1 + n2 - n12) });
  }
  cooccurrence.sort((x, y) => y.n12 - x.n12 || y.jaccard - x.jaccard || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  const byId = new Map(tags.map((t) => [t.id, t]));
  const entityTheme: EntityThemeCell[] = [];
  for (const p of cooccurrence) {
    const ta = byId.get(p.a)!;
    const tb = byId.get(p.b)!;
    if (isCategoryTag(ta) || isCategoryTag(tb)) continue;
    if (isEntityKind(ta.kind) && tb.kind === 'theme') entityTheme.push({ entityId: ta.id, themeId: tb.id, passages: p.n12 });
    else if (isEntityKind(tb.kind) && ta.kind === 'theme') entityTheme.push({ entityId: tb.id, themeId: ta.id, passages: p.n12 });
  }

  const timeline: TimelinePeriod[] = [...periods]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([period, v]) => {
      const counts: Record<string, number> = {};
      v.tags.forEach((n, t) => {
        if (n > 0) counts[table.ids[t]] = n;
      });
      return { period, sources: v.sources, highlights: v.highlights, tags: counts };
    });

  bySource.sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.title.localeCompare(b.title));
  return {
    tags: tagInfos(tags),
    rollup,
    totals: { sources: sources.length, highlights: totalHighlights, passages: totalUnits },
    frequency,
    bySource,
    cooccurrence,
    entityTheme,
    timeline,
    undated,
    tookMs: (typeof performance !== 'undefined' ? performance.now() : Date.now()) - started,
  };
}

/** The passages where tags a and b co-occur (in source date order), without their text. */
export function cooccurrencePassages(allSources: readonly AnalysisSource[], tags: readonly Tag[], tagA: string, tagB: string, options: AnalysisOptions = {}, limit = 500): { passages: CooccurrencePassage[]; total: number } {
  const table = tagTable(tags, Boolean(options.rollup));
  const a = table.index.get(tagA);
  const b = table.index.get(tagB);
  if (a === undefined || b === undefined) return { passages: [], total: 0 };
  const sources = selectSources(allSources, options).sort((x, y) => (x.date || '9999').localeCompare(y.date || '9999') || x.title.localeCompare(y.title));
  const passages: CooccurrencePassage[] = [];
  let total = 0;
  const parasBuf: number[] = [];
  for (const s of sources) {
    const units = new Map<number, { a: boolean; b: boolean; hs: CooccurrencePassage['highlights'] }>();
    for (const h of s.highlights) {
      const tagsBuf = table.of(h.tagIds);
      const hasA = tagsBuf.includes(a);
      const hasB = tagsBuf.includes(b);
      if (!hasA && !hasB) continue;
      for (const p of paragraphsOf(s.paragraphs, h.start, h.end, parasBuf)) {
        let u = units.get(p);
        if (!u) units.set(p, (u = { a: false, b: false, hs: [] }));
        u.a ||= hasA;
        u.b ||= hasB;
        u.hs.push({ id: h.id, start: h.start, end: h.end, tagIds: [...h.tagIds], quote: '' });
      }
    }
    for (const [p, u] of [...units].sort((x, y) => x[0] - y[0])) {
      if (!u.a || !u.b) continue;
      total++;
      if (passages.length < limit) {
        passages.push({ sourceId: s.id, title: s.title, date: s.date, start: s.paragraphs[p * 2], end: s.paragraphs[p * 2 + 1], text: '', highlights: u.hs });
      }
    }
  }
  return { passages, total };
}
