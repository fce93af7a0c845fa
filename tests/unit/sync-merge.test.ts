import { describe, expect, it } from 'vitest';
import type { Highlight, NoteDoc, Tag } from '../../core/model';
import { canonicalJson, stableFileJson } from '../../core/stable-json';
import { mergeTrees } from '../../core/sync/merge-files';
import { diff3 } from '../../core/sync/diff3';
import { mergeCatalog } from '../../core/sync/merge-catalog';
import { mergeNote, mergeSet, mergeSource, type MergeableSource } from '../../core/sync/merge-source';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

// Issue 19 groundwork: the three-way merge of a source file by meaning (core/sync). Every change of either side
// survives, or is reported as a conflict with both values.

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const note = (...texts: string[]): NoteDoc => ({ type: 'doc', content: texts.map(p) });
const hl = (id: string, start: number, over: Partial<Highlight> = {}): Highlight => ({
  id,
  sourceId: 's',
  start,
  end: start + 5,
  quote: { exact: 'x', prefix: '', suffix: '' },
  tagIds: [],
  note: null,
  orphan: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  modifiedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const file = (highlights: Highlight[], n: NoteDoc = note('a')): MergeableSource => ({ text: 'The text of the source.', highlights, note: n });

describe('canonicalJson', () => {
  it('sorts keys at every depth, so equal values give equal strings', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(JSON.parse(canonicalJson({ x: 'q"uote', y: [true, false] }))).toEqual({ x: 'q"uote', y: [true, false] });
  });
  it('handles nesting 100,000 deep without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { c: [deep] };
    expect(canonicalJson(deep).length).toBe(100_000 * 8 + 1);
  });
});

describe('diff3', () => {
  const merge = (b: string, o: string, t: string) => diff3([...b], [...o], [...t], (x) => x);
  it('takes each side’s changes when they touch different places', () => {
    expect(merge('abcde', 'aXcde', 'abcdY')).toEqual([{ kind: 'ok', items: [...'aXcdY'] }]);
    expect(merge('abc', 'abc', 'abcd')).toEqual([{ kind: 'ok', items: [...'abcd'] }]);
    expect(merge('abc', 'bc', 'abc')).toEqual([{ kind: 'ok', items: [...'bc'] }]);
  });
  it('takes a change made alike on both sides once', () => {
    expect(merge('abc', 'aXc', 'aXc')).toEqual([{ kind: 'ok', items: [...'aXc'] }]);
  });
  it('keeps both versions where both sides changed the same place', () => {
    expect(merge('abc', 'aXc', 'aYc')).toEqual([
      { kind: 'ok', items: ['a'] },
      { kind: 'conflict', base: ['b'], ours: ['X'], theirs: ['Y'] },
      { kind: 'ok', items: ['c'] },
    ]);
  });
});

describe('mergeSet', () => {
  it('keeps each side’s additions and removals', () => {
    expect(mergeSet(['a', 'b'], ['a', 'b', 'c'], ['b'])).toEqual(['b', 'c']);
    expect(mergeSet([], ['x'], ['y'])).toEqual(['x', 'y']);
  });
});

describe('mergeNote', () => {
  it('merges edits of different blocks, and keeps both versions of a block edited on both sides, marked', () => {
    expect(mergeNote(note('a', 'b', 'c'), note('A', 'b', 'c'), note('a', 'b', 'C')).note).toEqual(note('A', 'b', 'C'));
    const both = mergeNote(note('a', 'b'), note('a', 'mine'), note('a', 'yours'));
    expect(both.conflict).toBe(true);
    const texts = (both.note!.content as Array<{ content: Array<{ text: string }> }>).map((b) => b.content[0].text);
    expect(texts).toEqual(['a', '⚠ Merge conflict — your version:', 'mine', '⚠ Their version:', 'yours', '⚠ End of the conflict: keep one version and delete these markers.']);
  });
});

describe('mergeSource', () => {
  it('keeps highlights added on both sides and tags added on each', () => {
    const base = file([hl('h1', 0)]);
    const ours = file([hl('h1', 0, { tagIds: ['t1'] }), hl('h2', 10)]);
    const theirs = file([hl('h1', 0, { tagIds: ['t2'] }), hl('h3', 20)]);
    const { merged, conflicts } = mergeSource(base, ours, theirs);
    expect(merged.highlights.map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
    expect(merged.highlights[0].tagIds).toEqual(['t1', 't2']);
    expect(conflicts).toEqual([]);
  });

  it('a highlight deleted on one side and changed on the other is kept with the change, and reported', () => {
    const base = file([hl('h1', 0), hl('h2', 10)]);
    const ours = file([hl('h2', 10)]); // deleted h1
    const theirs = file([hl('h1', 0, { tagIds: ['t9'] }), hl('h2', 10)]);
    const { merged, conflicts } = mergeSource(base, ours, theirs);
    expect(merged.highlights.find((h) => h.id === 'h1')?.tagIds).toEqual(['t9']);
    expect(conflicts).toEqual([{ kind: 'kept-over-delete', highlightId: 'h1', deletedBy: 'ours' }]);
    // Deleted on one side, untouched on the other: gone, with nothing to report.
    expect(mergeSource(base, ours, base).merged.highlights.map((h) => h.id)).toEqual(['h2']);
  });

  it('a field both sides changed differently keeps ours and reports both values', () => {
    const base = file([hl('h1', 0)]);
    const ours = file([hl('h1', 2)]);
    const theirs = file([hl('h1', 4)]);
    const { merged, conflicts } = mergeSource(base, ours, theirs);
    expect(merged.highlights[0].start).toBe(2);
    expect(conflicts).toMatchObject([{ kind: 'field', highlightId: 'h1', field: 'anchor', ours: { start: 2 }, theirs: { start: 4 } }]);
    // A field the model does not name (a statement, a grade) merges the same way.
    const st = (v: unknown) => file([hl('h1', 0, { statement: v } as Partial<Highlight>)]);
    expect((mergeSource(base, st({ speaker: 'a' }), base).merged.highlights[0] as unknown as { statement: unknown }).statement).toEqual({ speaker: 'a' });
    expect(mergeSource(base, st({ speaker: 'a' }), st({ speaker: 'b' })).conflicts).toMatchObject([{ kind: 'field', field: 'statement' }]);
  });

  it('random edits on two replicas: merging either way gives the same highlights, and no change is lost', () => {
    const rand = seededRandom(19);
    for (let round = 0; round < 200; round++) {
      const base = file(Array.from({ length: 8 }, (_, i) => hl(`b${i}`, i * 10)));
      const edit = (side: string): { f: MergeableSource; added: string[]; tagged: Map<string, string> } => {
        const added: string[] = [];
        const tagged = new Map<string, string>();
        let highlights = base.highlights.map((h) => ({ ...h }));
        for (let k = 0; k < 5; k++) {
          const r = rand();
          if (r < 0.3) {
            const id = `${side}${round}-${k}`;
            highlights.push(hl(id, Math.floor(rand() * 100)));
            added.push(id);
          } else if (r < 0.6 && highlights.length) {
            const h = highlights[Math.floor(rand() * highlights.length)];
            const tag = `tag-${side}-${k}`;
            h.tagIds = [...h.tagIds, tag];
            tagged.set(h.id, tag);
          } else if (highlights.length) {
            const victim = highlights[Math.floor(rand() * highlights.length)];
            if (!tagged.has(victim.id) && !added.includes(victim.id)) highlights = highlights.filter((h) => h !== victim);
          }
        }
        return { f: file(highlights), added, tagged };
      };
      const a = edit('A');
      const b = edit('B');
      const ab = mergeSource(base, a.f, b.f).merged;
      const ba = mergeSource(base, b.f, a.f).merged;
      const ids = (s: MergeableSource) => s.highlights.map((h) => h.id).sort();
      expect(ids(ab)).toEqual(ids(ba));
      for (const side of [a, b]) {
        for (const id of side.added) expect(ids(ab)).toContain(id);
        for (const [id, tag] of side.tagged) expect(ab.highlights.find((h) => h.id === id)?.tagIds).toContain(tag);
      }
      for (const h of ab.highlights) expect(new Set(h.tagIds)).toEqual(new Set(ba.highlights.find((x) => x.id === h.id)!.tagIds));
    }
  });
});

describe('mergeCatalog', () => {
  const tag = (id: string, name: string, over: Partial<Tag> = {}): Tag => ({ id, name, kind: 'theme', color: '#aecbfa', parentId: null, description: '', aliases: [], createdAt: 'x', ...over });
  const cat = (tags: Tag[], projectNote: NoteDoc = note('p')) => ({ sources: [], tags, projectNote });

  it('a rename on one side and a recolour on the other both land; aliases merge as sets', () => {
    const base = cat([tag('t1', 'Refugees', { aliases: ['migrants'] })]);
    const ours = cat([tag('t1', 'Refugee flows', { aliases: ['migrants', 'displaced'] })]);
    const theirs = cat([tag('t1', 'Refugees', { color: '#ff0000', aliases: [] })]);
    const { merged, conflicts } = mergeCatalog(base, ours, theirs);
    expect(merged.tags).toEqual([tag('t1', 'Refugee flows', { color: '#ff0000', aliases: ['displaced'] })]);
    expect(conflicts).toEqual([]);
  });

  it('two renames of one tag: ours kept, both reported', () => {
    const { merged, conflicts } = mergeCatalog(cat([tag('t1', 'A')]), cat([tag('t1', 'B')]), cat([tag('t1', 'C')]));
    expect(merged.tags[0].name).toBe('B');
    expect(conflicts).toEqual([{ kind: 'field', item: 'tag', id: 't1', field: 'name', ours: 'B', theirs: 'C' }]);
  });

  it('a tag deleted on one side but used on the other side’s highlights comes back, with its parent', () => {
    const base = cat([tag('p', 'Places'), tag('t1', 'Kabul', { parentId: 'p' })]);
    const ours = cat([]);
    const { merged, conflicts } = mergeCatalog(base, ours, base, new Set(['t1']));
    expect(merged.tags.map((t) => t.id).sort()).toEqual(['p', 't1']);
    expect(conflicts.filter((c) => c.kind === 'tag-in-use')).toHaveLength(2);
    // Not used anywhere: the delete stands.
    expect(mergeCatalog(base, ours, base).merged.tags).toEqual([]);
  });

  it('two new tags of one name under one parent are both kept and reported', () => {
    const { merged, conflicts } = mergeCatalog(cat([]), cat([tag('a', 'CSTO')]), cat([tag('b', 'csto')]));
    expect(merged.tags.map((t) => t.id)).toEqual(['a', 'b']);
    expect(conflicts).toEqual([{ kind: 'duplicate-name', ids: ['a', 'b'], name: 'csto' }]);
  });

  it('the project notebook merges by blocks', () => {
    const { merged } = mergeCatalog(cat([], note('a', 'b')), cat([], note('a', 'b', 'mine')), cat([], note('theirs', 'a', 'b')));
    expect(merged.projectNote).toEqual(note('theirs', 'a', 'b', 'mine'));
  });
});

describe('mergeTrees', () => {
  const meta = (id: string) => ({ id, title: id, publisher: '', date: '', originalFile: '', contentHash: '', addedAt: 'x', furniture: [] });
  const tagOf = (id: string): Tag => ({ id, name: id, kind: 'theme', color: '#aecbfa', parentId: null, description: '', aliases: [], createdAt: 'x' });
  const json = (v: unknown) => stableFileJson(v as Record<string, unknown>);
  const tree = (entries: Record<string, unknown>) => new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? v : json(v)]));

  it('merges a source both sides changed, takes a source only theirs added, and the catalog by meaning', () => {
    const catalog = (sources: string[], tags: string[]) => ({ schemaVersion: 2, sources: sources.map(meta), tags: tags.map(tagOf), projectNote: note('p'), settings: {} });
    const a0 = file([hl('h1', 0)]);
    const base = tree({ 'catalog.json': catalog(['A'], ['t1']), 'sources/A.json': a0 });
    const ours = tree({ 'catalog.json': catalog(['A'], ['t1']), 'sources/A.json': file([hl('h1', 0, { tagIds: ['t1'] }), hl('h2', 10)]) });
    const theirs = tree({
      'catalog.json': catalog(['A', 'B'], ['t1', 't2']),
      'sources/A.json': file([hl('h1', 0), hl('h3', 20, { tagIds: ['t2'] })]),
      'sources/B.json': file([]),
      'originals/B.pdf': '%PDF-1.7',
    });
    const { changes, conflicts } = mergeTrees(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(JSON.parse(changes.get('sources/A.json')!).highlights.map((h: Highlight) => [h.id, h.tagIds])).toEqual([
      ['h1', ['t1']],
      ['h2', []],
      ['h3', ['t2']],
    ]);
    expect(changes.get('sources/B.json')).toBe(theirs.get('sources/B.json'));
    expect(changes.get('originals/B.pdf')).toBe('%PDF-1.7');
    const merged = JSON.parse(changes.get('catalog.json')!);
    expect(merged.sources.map((s: { id: string }) => s.id)).toEqual(['A', 'B']);
    expect(merged.tags.map((t: Tag) => t.id)).toEqual(['t1', 't2']);
  });

  it('a source deleted on one side and changed on the other is kept and reported; deleted and untouched: deleted', () => {
    const a = json(file([hl('h1', 0)]));
    const changed = json(file([hl('h1', 0), hl('h2', 5)]));
    const kept = mergeTrees(new Map([['sources/A.json', a]]), new Map(), new Map([['sources/A.json', changed]]));
    expect(kept.changes.get('sources/A.json')).toBe(changed);
    expect(kept.conflicts).toMatchObject([{ path: 'sources/A.json', kind: 'file' }]);
    const gone = mergeTrees(new Map([['sources/A.json', a]]), new Map([['sources/A.json', a]]), new Map());
    expect(gone.changes.get('sources/A.json')).toBeNull();
  });

  it('refuses a file that is not JSON, naming it, instead of merging half', () => {
    expect(() => mergeTrees(new Map([['sources/A.json', '{}']]), new Map([['sources/A.json', '{"x":1}']]), new Map([['sources/A.json', '{broken']]))).toThrow('sources/A.json is not valid JSON');
  });
});
