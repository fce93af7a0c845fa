import { describe, expect, it } from 'vitest';
import type { CodingSetup } from '../../core/agreement/blind';
import type { NoteDoc, SourceCollection, TagGroup } from '../../core/model';
import { stableFileJson } from '../../core/stable-json';
import { describeConflict } from '../../core/sync/describe-changes';
import { englishText, wordText } from '../../core/i18n/message-text';
import { mergeCatalog, type MergeableCatalog } from '../../core/sync/merge-catalog';
import { mergeCoding } from '../../core/sync/merge-coding';
import { mergeTrees } from '../../core/sync/merge-files';

// Issue 19: what else the shared catalog carries, merged by meaning: collections and cases, tag groups, the QDA
// project, and blind coding's assignments and submissions. A colleague's new collection or submitted coding must
// arrive, whether or not this side changed the catalog too.

const note: NoteDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'p' }] }] };
const coll = (id: string, name: string, sourceIds: string[], over: Partial<SourceCollection> = {}): SourceCollection => ({ id, name, sourceIds, ...over });
const group = (id: string, name: string, tagIds: string[]): TagGroup => ({ id, name, tagIds });
const cat = (over: Partial<MergeableCatalog> & { schemaVersion?: number } = {}): MergeableCatalog => ({ sources: [], tags: [], projectNote: note, ...over });
const names = { source: (id: string) => id, tag: (id: string) => id, highlight: () => '“x”' };

describe('mergeCatalog: collections, tag groups, project', () => {
  it('takes a collection only theirs added, when ours changed something else', () => {
    const base = cat({ collections: [coll('c1', 'Summit', ['A'])] });
    const ours = cat({ collections: [coll('c1', 'Summit', ['A', 'B'])] });
    const theirs = cat({ collections: [coll('c1', 'Summit', ['A']), coll('c2', 'Refugees', ['C'])] });
    const { merged, conflicts } = mergeCatalog(base, ours, theirs);
    expect(merged.collections).toEqual([coll('c1', 'Summit', ['A', 'B']), coll('c2', 'Refugees', ['C'])]);
    expect(conflicts).toEqual([]);
  });

  it('two renames of one collection: ours kept, reported by the collection’s name', () => {
    const { merged, conflicts } = mergeCatalog(cat({ collections: [coll('c1', 'A', [])] }), cat({ collections: [coll('c1', 'B', [])] }), cat({ collections: [coll('c1', 'C', [])] }));
    expect(merged.collections![0].name).toBe('B');
    expect(conflicts).toEqual([{ kind: 'field', item: 'collection', id: 'c1', field: 'name', ours: 'B', theirs: 'C', label: 'B' }]);
    const said = describeConflict({ path: 'catalog.json', ...conflicts[0] } as never, names);
    expect(englishText(said)).toBe('Both of you changed the name of the collection “B”: yours (“B”) was kept; theirs was “C”.');
    expect(wordText('ru', said)).toBe('Вы оба изменили поле name (коллекция «B»): оставлено ваше значение (“B”); их значение было “C”.');
  });

  it('tag groups merge their tags as sets; a group deleted on one side and untouched on the other is deleted', () => {
    const base = cat({ tagGroups: [group('g1', 'Actors', ['t1']), group('g2', 'Old', [])] });
    const ours = cat({ tagGroups: [group('g1', 'Actors', ['t1', 't2']), group('g2', 'Old', [])] });
    const theirs = cat({ tagGroups: [group('g1', 'Actors', ['t1', 't3'])] });
    expect(mergeCatalog(base, ours, theirs).merged.tagGroups).toEqual([group('g1', 'Actors', ['t1', 't2', 't3'])]);
  });

  it('the QDA project identity: the side that changed it', () => {
    const base = cat({ project: { name: 'P' } });
    expect(mergeCatalog(base, base, cat({ project: { name: 'Q' } })).merged.project).toEqual({ name: 'Q' });
    expect(mergeCatalog(base, cat({ project: { name: 'R' } }), base).merged.project).toEqual({ name: 'R' });
    expect('project' in mergeCatalog(cat(), cat(), cat()).merged).toBe(false);
  });
});

describe('mergeCoding', () => {
  const setup = (blind: boolean, ...assignments: CodingSetup['assignments']): CodingSetup => ({ blind, assignments });
  const anna = { coder: 'Anna', sourceIds: ['s1'], tagIds: ['t1'] };
  const ben = { coder: 'Ben', sourceIds: ['s1'], tagIds: ['t1'] };

  it('a submission made on either side is kept, the earliest when both submitted', () => {
    const base = setup(true, anna, ben);
    const ours = setup(true, { ...anna, submittedAt: '2026-12-07T10:00:00Z' }, ben);
    const theirs = setup(true, anna, { ...ben, submittedAt: '2026-12-07T11:00:00Z' });
    expect(mergeCoding(base, ours, theirs)).toEqual(setup(true, { ...anna, submittedAt: '2026-12-07T10:00:00Z' }, { ...ben, submittedAt: '2026-12-07T11:00:00Z' }));
    const both = mergeCoding(base, setup(true, { ...anna, submittedAt: 'b' }, ben), setup(true, { ...anna, submittedAt: 'a' }, { ...ben, sourceIds: ['s1', 's2'] }));
    expect(both!.assignments).toEqual([{ ...anna, submittedAt: 'a' }, { ...ben, sourceIds: ['s1', 's2'] }]);
  });

  it('assignments added on each side are all kept; sources and codes merge as sets', () => {
    const base = setup(true, anna);
    const ours = setup(true, { ...anna, sourceIds: ['s1', 's2'] });
    const theirs = setup(true, { ...anna, tagIds: [] }, ben);
    expect(mergeCoding(base, ours, theirs)).toEqual(setup(true, { ...anna, sourceIds: ['s1', 's2'], tagIds: [] }, ben));
  });

  it('an assignment removed on one side goes, unless the other side changed it', () => {
    expect(mergeCoding(setup(true, anna, ben), setup(true, anna), setup(true, anna, ben, { coder: 'Cai', sourceIds: [], tagIds: [] }))!.assignments.map((a) => a.coder)).toEqual(['Anna', 'Cai']);
    expect(mergeCoding(setup(true, anna, ben), setup(true, anna), setup(true, anna, { ...ben, submittedAt: 'x' }))!.assignments.map((a) => a.coder)).toEqual(['Anna', 'Ben']);
  });

  it('blind on or off: the side that changed it; nothing on either side stays nothing', () => {
    expect(mergeCoding(setup(false, anna), setup(true, anna), setup(false, anna, ben))!.blind).toBe(true);
    expect(mergeCoding(setup(true, anna), setup(true, anna, ben), setup(false, anna))!.blind).toBe(false);
    expect(mergeCoding(undefined, undefined, undefined)).toBeUndefined();
    expect(mergeCoding(undefined, undefined, setup(true, anna))).toEqual(setup(true, anna));
  });
});

describe('mergeTrees: the shared catalog when only theirs changed it', () => {
  it('their collections and coding arrive (not only sources, tags and the project notes)', () => {
    const json = (v: unknown) => stableFileJson(v as Record<string, unknown>);
    const base = cat({ schemaVersion: 2 });
    const theirs = cat({ schemaVersion: 2, collections: [coll('c1', 'Summit', ['A'])], coding: { blind: true, assignments: [{ coder: 'Ben', sourceIds: ['A'], tagIds: [], submittedAt: 'x' }] } });
    const { changes } = mergeTrees(new Map([['catalog.json', json(base)]]), new Map([['catalog.json', json(base)]]), new Map([['catalog.json', json(theirs)]]));
    const merged = JSON.parse(changes.get('catalog.json')!);
    expect(merged.collections).toEqual(theirs.collections);
    expect(merged.coding).toEqual(theirs.coding);
  });
});
