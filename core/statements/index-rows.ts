/**
 * The notebook's statements as rows, with their groups, kept by difference: each call hands over the sources as they
 * are, and only statements that are new, changed or gone touch the grouping index. Pure (no I/O).
 */
import type { Highlight, SourceMeta, Tag } from '../model';
import type { StatementGroupSummary, StatementsList } from './api';
import { StatementGrouper, type GroupItem } from './grouping';
import type { StatementRow } from './model';

export interface IndexedSource {
  meta: Pick<SourceMeta, 'id' | 'title' | 'publisher' | 'date' | 'reliability'>;
  highlights: readonly Highlight[];
}

interface Given {
  speaker: string;
  manualKey: string | undefined;
  date: string;
  text: string;
  seen: number;
}

const rowKey = (sourceId: string, highlightId: string) => `${sourceId}/${highlightId}`;

export class StatementIndex {
  private readonly grouper = new StatementGrouper();
  /** key -> what the grouper was given for it (speaker, manual key, date, words), and the last update that met it. */
  private readonly given = new Map<string, Given>();
  private updates = 0;

  update(sources: readonly IndexedSource[], tagsById: ReadonlyMap<string, Tag>): StatementsList {
    const now = ++this.updates;
    const rows: StatementRow[] = [];
    /** Each row's key, by the row's place before sorting. */
    const keys: string[] = [];
    const counts: Record<string, number> = {};
    /** New and changed statements, given to the grouper together once the rows are read (as one by one, in order). */
    const added: GroupItem[] = [];
    for (const { meta, highlights } of sources) {
      let n = 0;
      for (const h of highlights) {
        if (!h.statement || h.orphan) continue;
        n++;
        const key = rowKey(meta.id, h.id);
        keys.push(key);
        const speaker = h.statement.speakerTagId ?? `outlet:${meta.publisher}`;
        const date = h.statement.dateSaid || meta.date;
        const text = h.quote.exact;
        const manualKey = h.statement.groupKey;
        const known = this.given.get(key);
        // Compared field by field: no string built per statement.
        if (!known || known.speaker !== speaker || known.manualKey !== manualKey || known.date !== date || known.text !== text) {
          added.push({ id: key, speaker, text, manualKey, date });
          this.given.set(key, { speaker, manualKey, date, text, seen: now });
        } else known.seen = now;
        const speakerTag = h.statement.speakerTagId ? tagsById.get(h.statement.speakerTagId) : undefined;
        const row: StatementRow = {
          sourceId: meta.id,
          highlightId: h.id,
          start: h.start,
          end: h.end,
          quote: h.quote.exact,
          statement: h.statement,
          speakerName: speakerTag?.name ?? (h.statement.speakerTagId ? '(deleted tag)' : ''),
          outlet: meta.publisher,
          sourceTitle: meta.title,
          sourceDate: meta.date,
          tagIds: h.tagIds.length === 0 ? [] : h.tagIds.filter((t) => t !== h.statement?.speakerTagId),
          groupId: '',
          groupLabel: '',
        };
        if (meta.reliability) row.reliability = meta.reliability;
        if (h.credibility) row.credibility = h.credibility;
        if (h.creator) row.creator = h.creator;
        if (h.lastEditor) row.lastEditor = h.lastEditor;
        if (h.creator || h.lastEditor) row.modifiedAt = h.modifiedAt;
        rows.push(row);
      }
      if (n) counts[meta.id] = n;
    }
    this.grouper.addAll(added);
    const gone: string[] = [];
    for (const [key, known] of this.given) if (known.seen !== now) gone.push(key);
    for (const key of gone) {
      this.given.delete(key);
      this.grouper.remove(key);
    }
    // Groups are final once every statement is in: each row's group, read before the rows are sorted.
    rows.forEach((r, i) => (r.groupId = this.grouper.groupOf(keys[i])));
    // One collator for the whole sort (the order localeCompare gives, without building one per comparison), and
    // each distinct date and source ranked by it once: the rows are sorted on numbers, in the same order.
    const compare = new Intl.Collator().compare;
    const dateOf = (r: StatementRow) => r.statement.dateSaid || r.sourceDate;
    const dateRank = collatedRanks(rows.map(dateOf), compare);
    const sourceRank = collatedRanks(rows.map((r) => r.sourceId), compare);
    const sortKey = new Float64Array(rows.length);
    rows.forEach((r, i) => (sortKey[i] = (dateRank.get(dateOf(r)) as number) * sourceRank.size + (sourceRank.get(r.sourceId) as number)));
    // Ties keep the rows' order (as the stable sort on the strings did).
    const order = rows.map((_, i) => i).sort((a, b) => sortKey[a] - sortKey[b] || rows[a].start - rows[b].start || a - b);
    const unsorted = [...rows];
    order.forEach((from, i) => (rows[i] = unsorted[from]));
    const byGroup = new Map<string, StatementRow[]>();
    for (const r of rows) {
      const list = byGroup.get(r.groupId);
      if (list) list.push(r);
      else byGroup.set(r.groupId, [r]);
    }
    const groups: StatementGroupSummary[] = [];
    for (const [id, members] of byGroup) {
      if (members.length < 2) continue;
      const dates = members.map((m) => m.sourceDate || m.statement.dateSaid).filter(Boolean).sort();
      groups.push({
        id,
        label: '',
        speakerName: members[0].speakerName || members[0].outlet,
        members: members.map((m) => ({ sourceId: m.sourceId, highlightId: m.highlightId })),
        outlets: new Set(members.map((m) => m.outlet)).size,
        firstReport: dates[0] ?? '',
        latestReport: dates[dates.length - 1] ?? '',
        manual: id.startsWith('m:'),
      });
    }
    groups.sort((a, b) => compare(a.firstReport, b.firstReport) || compare(a.speakerName, b.speakerName) || compare(a.id, b.id));
    groups.forEach((g, i) => {
      g.label = `G${i + 1}`;
      for (const r of byGroup.get(g.id) ?? []) r.groupLabel = g.label;
    });
    return { rows, groups, counts };
  }

  related(sourceId: string, highlightId: string): Array<{ sourceId: string; highlightId: string; score: number }> {
    return this.grouper.related(rowKey(sourceId, highlightId)).map((r) => {
      const [s, h] = r.id.split('/');
      return { sourceId: s, highlightId: h, score: Math.round(r.score * 100) / 100 };
    });
  }
}

/** Each distinct value's place in the collator's order (values it holds equal share a place). */
function collatedRanks(values: readonly string[], compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(values)].sort(compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && compare(distinct[i - 1], v) !== 0) rank++;
    ranks.set(v, rank);
  });
  return ranks;
}
