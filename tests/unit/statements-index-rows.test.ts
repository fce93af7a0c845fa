/** The statements list (issue 17): rows in the order of the collator, groups read through the grouping index. */
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../core/model';
import { StatementIndex, type IndexedSource } from '../../core/statements/index-rows';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

describe('statements list', () => {
  it('sorts rows by date said, then source, then place, in the collator order of the strings themselves', () => {
    const random = seededRandom(41);
    // Ids and dates the collator orders otherwise than code units do: case, accents, digits, partial dates.
    const ids = ['s1', 'S1', 's10', 's9', 'é1', 'e1', 'E2', 'z', 'Ä', 'a-b', 'ab', 'a b'];
    const dates = ['2021-10-15', '2021-10', '2021', '2021-9-1', '', '2021-10-15 ', '2020-12-31'];
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const sources: IndexedSource[] = ids.map((id) => ({
      meta: { id, title: id, publisher: `Outlet ${id}`, date: pick(dates.filter(Boolean)) },
      highlights: Array.from({ length: 25 }, (_, k): Highlight => {
        const start = Math.floor(random() * 5) * 10;
        return {
          id: `h${k}`,
          sourceId: id,
          start,
          end: start + 5,
          quote: { exact: `terrorists ${pick(['enter', 'cross', 'plan'])} the border ${k % 3}`, prefix: '', suffix: '' },
          tagIds: [],
          note: null,
          orphan: false,
          createdAt: '2021-01-01T00:00:00.000Z',
          modifiedAt: '2021-01-01T00:00:00.000Z',
          statement: { speakerTagId: pick(['a', 'b']), dateSaid: pick(dates), occasion: '', mode: 'direct' },
        };
      }),
    }));
    const { rows } = new StatementIndex().update(sources, new Map());
    const compare = new Intl.Collator().compare;
    // The rows as they were read (source by source), sorted the plain way: a stable sort on the strings.
    const read = sources.flatMap((s) => s.highlights.map((h) => rows.find((r) => r.sourceId === s.meta.id && r.highlightId === h.id)!));
    const expected = read.sort((a, b) => compare(a.statement.dateSaid || a.sourceDate, b.statement.dateSaid || b.sourceDate) || compare(a.sourceId, b.sourceId) || a.start - b.start);
    expect(rows.map((r) => `${r.sourceId}/${r.highlightId}`)).toEqual(expected.map((r) => `${r.sourceId}/${r.highlightId}`));
    expect(new Set(rows.map((r) => r.sourceId)).size).toBe(ids.length);
  });
});
