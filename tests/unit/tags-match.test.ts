import { describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import { foldForMatch, quickTags, rankTags, scoreTarget, siblingWithName, touchRecent } from '../../core/tags/match';

const NOW = '2024-05-01T10:00:00.000Z';
function tag(id: string, name: string, extra: Partial<Tag> = {}): Tag {
  return { id, name, kind: 'other', color: '#aecbfa', parentId: null, description: '', aliases: [], createdAt: NOW, ...extra };
}

const TAGS: Tag[] = [
  tag('places', 'Places', { kind: 'place' }),
  tag('is', 'Islamic State', { kind: 'group', aliases: ['IS', 'ISIS', 'IG', 'Daesh'] }),
  tag('israel', 'Israel', { kind: 'place', parentId: 'places' }),
  tag('imu', 'Islamic Movement of Uzbekistan', { kind: 'group', aliases: ['IMU'] }),
  tag('taliban', 'Taliban', { kind: 'group' }),
  tag('aid', 'Humanitarian aid', { kind: 'theme', aliases: ['humanitarian assistance'] }),
  tag('putin', 'Vladimir Putin', { kind: 'person', aliases: ['Putin'] }),
  tag('zurich', 'Zürich', { kind: 'place', parentId: 'places' }),
  tag('kabul', 'Kabul', { kind: 'place', parentId: 'places' }),
  tag('kabulov', 'Zamir Kabulov', { kind: 'person' }),
  tag('csto', 'Collective Security Treaty Organization', { kind: 'organisation' }),
];

const names = (q: string, opts = {}): string[] => rankTags(TAGS, q, opts).map((m) => m.tag.name);

describe('alias matching', () => {
  it.each(['IS', 'is', 'ISIS', 'isis', 'IG', 'ig', 'Daesh'])('"%s" finds Islamic State first, through its alias', (q) => {
    const [first] = rankTags(TAGS, q);
    expect(first.tag.id).toBe('is');
    expect(first.matched).toBe('alias');
    expect(first.alias?.toLowerCase()).toBe(q.toLowerCase());
    expect(first.tier).toBe('exact');
  });

  it('reports a name match as a name match', () => {
    const [first] = rankTags(TAGS, 'islamic state');
    expect(first).toMatchObject({ matched: 'name', tier: 'exact' });
    expect(first.alias).toBeUndefined();
  });

  it('finds a person by a surname alias', () => {
    expect(names('putin')[0]).toBe('Vladimir Putin');
  });
});

describe('ranking tiers', () => {
  it('puts exact before prefix before word prefix before substring before fuzzy', () => {
    expect(scoreTarget('kabul', 'Kabul').tier).toBe('exact');
    expect(scoreTarget('kab', 'Kabul').tier).toBe('prefix');
    expect(scoreTarget('kab', 'Zamir Kabulov').tier).toBe('word');
    expect(scoreTarget('bul', 'Kabul').tier).toBe('substring');
    expect(scoreTarget('kbl', 'Kabul').tier).toBe('fuzzy');
    expect(scoreTarget('xyz', 'Kabul').tier).toBe('none');
    const order = ['exact', 'prefix', 'word', 'substring', 'fuzzy'].map(
      (tier) => [scoreTarget('kabul', 'Kabul'), scoreTarget('kab', 'Kabul'), scoreTarget('kab', 'Zamir Kabulov'), scoreTarget('bul', 'Kabul'), scoreTarget('kbl', 'Kabul')].find((s) => s.tier === tier)!.score,
    );
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  it('ranks a prefix match of the name above a later word', () => {
    expect(names('kabul')).toEqual(['Kabul', 'Zamir Kabulov']);
  });

  it('ranks "isl" by prefix with shorter names first', () => {
    expect(names('isl').slice(0, 2)).toEqual(['Islamic State', 'Islamic Movement of Uzbekistan']);
  });

  it('matches successive word prefixes and initials', () => {
    expect(names('hum ai')[0]).toBe('Humanitarian aid');
    expect(names('ha')[0]).toBe('Humanitarian aid');
    expect(names('csto')[0]).toBe('Collective Security Treaty Organization');
    expect(names('imu')[0]).toBe('Islamic Movement of Uzbekistan');
  });

  it('forgives typos by subsequence', () => {
    expect(names('talibn')[0]).toBe('Taliban');
    expect(names('tlbn')).toEqual(['Taliban']);
  });

  it('ignores case and diacritics', () => {
    expect(foldForMatch('  Zürich  CAFÉ ')).toBe('zurich cafe');
    expect(names('zurich')[0]).toBe('Zürich');
    expect(names('ZÜR')[0]).toBe('Zürich');
  });

  it('matches a path when the query has a slash', () => {
    expect(names('Places/Kab')[0]).toBe('Kabul');
    expect(names('plac/zur')[0]).toBe('Zürich');
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(rankTags(TAGS, 'qqqq')).toEqual([]);
  });

  it('filters by kind and limits the results', () => {
    expect(names('a', { kinds: ['person'] }).every((n) => ['Vladimir Putin', 'Zamir Kabulov'].includes(n))).toBe(true);
    expect(rankTags(TAGS, 'a', { limit: 2 })).toHaveLength(2);
    expect(rankTags(TAGS, 'a', { limit: 0 }).length).toBeGreaterThan(2);
  });
});

describe('recent and pinned tags', () => {
  it('break ties within a tier', () => {
    const tied = [tag('a', 'Border A'), tag('b', 'Border B')];
    expect(rankTags(tied, 'border').map((m) => m.tag.id)).toEqual(['a', 'b']);
    expect(rankTags(tied, 'border', { recentIds: ['b'] }).map((m) => m.tag.id)).toEqual(['b', 'a']);
    expect(rankTags(tied, 'border', { recentIds: ['b'], pinnedIds: ['a'] }).map((m) => m.tag.id)).toEqual(['a', 'b']);
  });

  it('never lift a tag over a better tier', () => {
    expect(names('kabul', { recentIds: ['kabulov'], pinnedIds: ['kabulov'] })).toEqual(['Kabul', 'Zamir Kabulov']);
  });

  it('lead an empty query, then everything else by name', () => {
    const list = names('', { pinnedIds: ['taliban'], recentIds: ['kabul', 'taliban'], limit: 0 });
    expect(list.slice(0, 2)).toEqual(['Taliban', 'Kabul']);
    expect(list).toHaveLength(TAGS.length);
    const rest = list.slice(2);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
  });

  it('quickTags: pinned first, then recent, skipping deleted and repeated, at most nine', () => {
    const many = Array.from({ length: 15 }, (_, i) => tag(`t${i}`, `T${i}`));
    const q = quickTags(many, { pinnedIds: ['t3', 'gone', 't1'], recentIds: ['t1', 't7', ...many.map((t) => t.id)] });
    expect(q.map((t) => t.id)).toEqual(['t3', 't1', 't7', 't0', 't2', 't4', 't5', 't6', 't8']);
    expect(quickTags(many, {})).toEqual([]);
  });

  it('touchRecent puts used tags first without duplicates, capped', () => {
    expect(touchRecent(['a', 'b', 'c'], ['c', 'x', 'c'])).toEqual(['c', 'x', 'a', 'b']);
    expect(touchRecent(['a', 'b', 'c'], ['d'], 2)).toEqual(['d', 'a']);
  });
});

describe('inline create', () => {
  it('finds a sibling with the typed name, ignoring case and spaces', () => {
    expect(siblingWithName(TAGS, '  kabul ', 'places')?.id).toBe('kabul');
    expect(siblingWithName(TAGS, 'Kabul', null)).toBeNull();
    expect(siblingWithName(TAGS, 'Kandahar', 'places')).toBeNull();
  });
});
