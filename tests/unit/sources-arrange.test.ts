import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../core/model';
import { arrange, DEFAULT_VIEW, type ListView } from '../../core/sources/arrange';

const src = (id: string, title: string, publisher: string, date: string, highlightCount = 0): SourceSummary => ({
  id,
  title,
  publisher,
  date,
  highlightCount,
  orphanCount: 0,
  charCount: 100,
  originalFile: `${id}.txt`,
  addedAt: '2024-01-01T00:00:00.000Z',
});

const list = [
  src('a', 'Émigrés return to Kabul', 'TASS (Russia)', '2021-08-15', 3),
  src('b', 'Border talks in Dushanbe', 'EFE', '2021-10-15', 10),
  src('c', 'aid convoy reaches Herat', 'Reuters', '', 0),
  src('d', 'CSTO summit', 'EFE', '2021-10-02', 1),
];
const view = (v: Partial<ListView>): ListView => ({ ...DEFAULT_VIEW, ...v });
const ids = (v: Partial<ListView>) => arrange(list, view(v)).shown.map((s) => s.id);

describe('arranging the sources pane', () => {
  it('sorts by date (undated last either way), title, publisher and highlights, in both directions', () => {
    expect(ids({})).toEqual(['b', 'd', 'a', 'c']);
    expect(ids({ descending: false })).toEqual(['a', 'd', 'b', 'c']);
    expect(ids({ sort: 'title', descending: false })).toEqual(['c', 'b', 'd', 'a']);
    expect(ids({ sort: 'title', descending: true })).toEqual(['a', 'd', 'b', 'c']);
    expect(ids({ sort: 'publisher', descending: false })).toEqual(['b', 'd', 'c', 'a']);
    expect(ids({ sort: 'highlights', descending: true })).toEqual(['b', 'a', 'd', 'c']);
  });

  it('filters on every typed word across title, publisher and date, ignoring case and accents', () => {
    expect(ids({ filter: 'emigres' })).toEqual(['a']);
    expect(ids({ filter: 'efe 2021-10-02' })).toEqual(['d']);
    expect(ids({ filter: '  KABUL   tass ' })).toEqual(['a']);
    expect(ids({ filter: 'nothing here' })).toEqual([]);
  });

  it('groups by publisher (without its remark) and by month, newest month first, the empty key last', () => {
    const byPublisher = arrange(list, view({ group: 'publisher' })).rows.map((r) => (r.kind === 'group' ? `#${r.label}:${r.count}` : r.source.id));
    expect(byPublisher).toEqual(['#EFE:2', 'b', 'd', '#Reuters:1', 'c', '#TASS:1', 'a']);
    const byMonth = arrange(list, view({ group: 'month' })).rows.map((r) => (r.kind === 'group' ? `#${r.label}` : r.source.id));
    expect(byMonth).toEqual(['#October 2021', 'b', 'd', '#August 2021', 'a', '#No date', 'c']);
  });

  it('arranges 50,000 sources without touching their order in the input', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => src(`s${i}`, `Title ${(i * 7919) % 50_000}`, `P${i % 20}`, `2021-${String((i % 12) + 1).padStart(2, '0')}-01`));
    const copy = [...many];
    const { rows, shown } = arrange(many, view({ sort: 'title', group: 'month' }));
    expect(shown).toHaveLength(50_000);
    expect(rows).toHaveLength(50_012);
    expect(many).toEqual(copy);
  });
});
