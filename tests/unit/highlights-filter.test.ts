import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../../core/model';
import { filterHighlights, NO_FILTER } from '../../core/highlights/filter';
import { defaultCodebook } from '../../core/tags/default-codebook';

const tags: Tag[] = [...defaultCodebook('x'), { id: 't-putin', name: 'Vladimir Putin', kind: 'person', color: '#aecbfa', parentId: 'tag-people', description: '', aliases: [], createdAt: 'x' }];
const note = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const h = (id: string, exact: string, tagIds: string[], extra: Partial<Highlight> = {}): Highlight => ({
  id,
  sourceId: 's',
  start: 0,
  end: exact.length,
  quote: { exact, prefix: '', suffix: '' },
  tagIds,
  note: null,
  orphan: false,
  createdAt: '',
  modifiedAt: '',
  ...extra,
});
const list = [
  h('a', 'Putin', ['t-putin']),
  h('b', 'the threat of drug trafficking', ['tag-theme-drugs'], { note: note('Compare with the Tass piece') }),
  h('c', 'Islamic State (IS)', ['tag-theme-terrorism']),
  h('d', 'a sentence that was removed', [], { orphan: true }),
];
const ids = (f: Partial<typeof NO_FILTER>) => filterHighlights(list, tags, { ...NO_FILTER, ...f }).map((x) => x.id);

describe('the highlights panel filter', () => {
  it('shows everything with no condition', () => expect(ids({})).toEqual(['a', 'b', 'c', 'd']));
  it('matches words in the quote or the note, ignoring case and accents', () => {
    expect(ids({ text: 'DRÚG' })).toEqual(['b']);
    expect(ids({ text: 'tass' })).toEqual(['b']);
    expect(ids({ text: 'islamic is' })).toEqual(['c']);
  });
  it('by tag, with its children, and by kind', () => {
    expect(ids({ tagId: 'tag-theme-drugs' })).toEqual(['b']);
    expect(ids({ tagId: 'tag-people' })).toEqual(['a']);
    expect(ids({ kind: 'theme' })).toEqual(['b', 'c']);
    expect(ids({ kind: 'person' })).toEqual(['a']);
  });
  it('has a note, orphans only or hidden', () => {
    expect(ids({ hasNote: true })).toEqual(['b']);
    expect(ids({ orphans: 'only' })).toEqual(['d']);
    expect(ids({ orphans: 'hide' })).toEqual(['a', 'b', 'c']);
  });
});
