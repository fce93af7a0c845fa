import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../../core/model';
import {
  findMentions,
  groupSuggestions,
  resolveSuggestionTag,
  suggestEntities,
  suggestionKey,
  type Suggestion,
} from '../../core/suggest/entities';
import { makeEntityArticle } from '../../scripts/bench/fixtures/tags';
import { CATEGORY_TAG_IDS, defaultCodebook } from '../../core/tags/default-codebook';

const NOW = '2024-05-01T10:00:00.000Z';
const SEEDS = join(__dirname, '..', '..', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((f) => ({ id: f.slice(0, 3), text: readFileSync(join(SEEDS, f), 'utf8') }));
const seed = (id: string): string => {
  const s = seeds.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s.text;
};
const codebook = defaultCodebook(NOW);
const none = { tags: codebook, highlights: [] };

function tag(id: string, name: string, kind: Tag['kind'], aliases: string[] = [], parentId: string | null = null): Tag {
  return { id, name, kind, color: '#aecbfa', parentId, description: '', aliases, createdAt: NOW };
}

function highlight(start: number, end: number, tagIds: string[], orphan = false): Highlight {
  return { id: `h${start}`, sourceId: 's', start, end, quote: { exact: '', prefix: '', suffix: '' }, tagIds, note: null, orphan, createdAt: NOW, modifiedAt: NOW };
}

const entity = (ss: readonly Suggestion[], name: string): Suggestion[] => ss.filter((s) => s.proposedName === name);

describe('suggestions on the seed articles', () => {
  it('the five seeds are there', () => {
    expect(seeds).toHaveLength(5);
  });

  const all = seeds.flatMap((s) => suggestEntities(s.text, none).map((x) => ({ ...x, seed: s.id })));
  const kindsOf = (name: string): Set<string> => new Set(all.filter((s) => s.proposedName === name).map((s) => s.kind));

  it.each([
    ['Vladimir Putin', ['person']],
    ['Emomali Rahmon', ['person']],
    ['CSTO', ['organisation', 'group']],
    ['Taliban', ['organisation', 'group']],
    ['Tajikistan', ['place']],
    ['Kabul', ['place']],
    ['Sergei Lavrov', ['person']],
    ['Dmitry Peskov', ['person']],
    ['Zamir Kabulov', ['person']],
    ['Kassym-Jomart Tokayev', ['person']],
    ['Islamic State', ['group', 'organisation']],
    ['Al-Qaeda', ['group', 'organisation']],
    ['CIS', ['organisation']],
    ['Central Asia', ['place']],
    ['Moscow', ['place']],
  ])('finds %s as %s', (name, kinds) => {
    const found = kindsOf(name);
    expect(found.size).toBe(1);
    expect(kinds).toContain([...found][0]);
  });

  it('every suggestion’s offsets slice exactly its text out of the stored article', () => {
    for (const s of seeds) {
      for (const x of suggestEntities(s.text, none)) {
        expect(s.text.slice(x.start, x.end)).toBe(x.text);
        expect(x.key).toBe(suggestionKey(x));
      }
    }
  });

  it('finds Emomali Rahmon in each article that names him, with his title left out', () => {
    for (const id of ['000', '002', '004']) {
      const r = entity(suggestEntities(seed(id), none), 'Emomali Rahmon');
      expect(r.length).toBeGreaterThan(0);
      expect(r[0].text).toBe('Emomali Rahmon');
      expect(r[0].kind).toBe('person');
    }
  });

  it('normalises "Putin", "Mr Putin" and "Putin\'s" to the full name used in the article', () => {
    const ft = suggestEntities(seed('003'), none);
    const putin = entity(ft, 'Vladimir Putin');
    expect(putin.map((s) => s.text)).toEqual(['Vladimir Putin', 'Putin', 'Putin', 'Putin']);
    const mr = seed('003').indexOf('Mr Putin');
    expect(putin.some((s) => s.start === mr + 3 && s.end === mr + 8)).toBe(true);
    expect(ft.some((s) => s.text.startsWith('Mr '))).toBe(false);
    const rt = entity(suggestEntities(seed('000'), none), 'Vladimir Putin');
    expect(rt.some((s) => s.text === 'Vladimir Putin' && seed('000').slice(s.end, s.end + 2) === "'s")).toBe(true);
    const possessive = suggestEntities("Vladimir Putin spoke. Later, Putin's aides and Mr Putin left.", none);
    expect(possessive.map((s) => [s.text, s.proposedName])).toEqual([
      ['Vladimir Putin', 'Vladimir Putin'],
      ['Putin', 'Vladimir Putin'],
      ['Putin', 'Vladimir Putin'],
    ]);
    const tass = suggestEntities(seed('004'), none);
    expect(entity(tass, 'Emomali Rahmon').map((s) => s.text)).toEqual(['Emomali Rahmon', 'Rahmon']);
  });

  it('all mentions of one entity share an entity key, and groups count them', () => {
    const ss = suggestEntities(seed('003'), none);
    const putin = entity(ss, 'Vladimir Putin');
    expect(new Set(putin.map((s) => s.entityKey))).toEqual(new Set(['person:vladimir putin']));
    const groups = groupSuggestions(ss);
    const g = groups.find((x) => x.proposedName === 'Vladimir Putin');
    expect(g?.mentions).toHaveLength(4);
    expect(groups[0].mentions.length).toBeGreaterThanOrEqual(groups[groups.length - 1].mentions.length);
  });

  it('suggests no demonyms, titles, months or sentence-initial common words', () => {
    const texts = new Set(all.map((s) => s.text));
    for (const bad of ['Afghan', 'Russian', 'Tajik', 'President', 'The', 'According', 'August', 'October', 'Monday', 'Mr', 'Islamic', 'Council']) {
      expect(texts.has(bad)).toBe(false);
    }
  });

  it('proposes aliases for gazetteer entities, and no tag id without a codebook match', () => {
    const csto = entity(suggestEntities(seed('004'), none), 'CSTO');
    expect(csto[0].aliases).toContain('Collective Security Treaty Organization');
    expect(csto.map((s) => s.text)).toContain('Collective Security Treaty Organization');
    expect(csto.every((s) => s.tagId === undefined && s.source === 'nlp')).toBe(true);
  });

  it('recognises the Islamic State by its aliases, case-sensitively', () => {
    const rt = entity(suggestEntities(seed('000'), none), 'Islamic State').map((s) => s.text);
    expect(rt).toEqual(expect.arrayContaining(['ISIS', 'IS', 'Islamic State']));
    // "is" the verb is never the Islamic State.
    expect(suggestEntities('It is what it is, said the analyst.', none)).toEqual([]);
  });
});

describe('suggestions and the codebook', () => {
  const tags = [
    ...codebook,
    tag('t-putin', 'Vladimir Putin', 'person', ['Putin', 'Vladimir Vladimirovich'], CATEGORY_TAG_IDS.people),
    tag('t-kabul', 'Kabul', 'place', [], CATEGORY_TAG_IDS.places),
    tag('t-said', 'Said', 'person', [], CATEGORY_TAG_IDS.people),
    tag('t-moscow-fmt', 'Moscow format', 'theme', [], CATEGORY_TAG_IDS.themes),
  ];

  it('links mentions to existing tags by name and alias', () => {
    const ss = suggestEntities(seed('001'), { tags, highlights: [] });
    const putin = ss.filter((s) => s.tagId === 't-putin');
    expect(putin.length).toBeGreaterThanOrEqual(6);
    expect(putin.every((s) => s.proposedName === 'Vladimir Putin' && s.kind === 'person' && s.entityKey === 'tag:t-putin')).toBe(true);
    expect(putin.filter((s) => s.text === 'Putin').every((s) => s.source === 'codebook')).toBe(true);
    expect(ss.filter((s) => s.tagId === 't-kabul').map((s) => s.text)).toEqual(['Kabul', 'Kabul', 'Kabul', 'Kabul', 'Kabul']);
  });

  it('links an NLP mention to a tag whose alias is the proposed name', () => {
    const t = [...codebook, tag('t-zk', 'Kabulov', 'person', ['Zamir Kabulov'], CATEGORY_TAG_IDS.people)];
    const ss = suggestEntities(seed('002'), { tags: t, highlights: [] });
    expect(ss.filter((s) => s.tagId === 't-zk').map((s) => [s.text, s.proposedName])).toEqual([['Zamir Kabulov', 'Kabulov']]);
  });

  it('matches person names only where capitalised, acronyms only exactly', () => {
    const text = 'Said told reporters what he said. The IS fighters and the is verb.';
    const ss = suggestEntities(text, { tags, highlights: [] });
    expect(ss.filter((s) => s.tagId === 't-said').map((s) => s.start)).toEqual([0]);
    expect(ss.filter((s) => s.proposedName === 'Islamic State').map((s) => s.text)).toEqual(['IS']);
  });

  it('never suggests themes or the category tags themselves', () => {
    const ss = suggestEntities('People in the Moscow format said Places and Groups matter.', { tags, highlights: [] });
    expect(ss.map((s) => s.text)).toEqual(['Moscow']);
  });

  it('leaves out mentions already highlighted with their tag, but not with another tag', () => {
    const text = seed('003');
    const first = text.indexOf('Vladimir Putin');
    const second = text.indexOf('Mr Putin') + 3;
    const hs = [highlight(first - 20, first + 14, ['tag-theme-diplomacy', 't-putin']), highlight(second, second + 5, ['tag-theme-refugees'])];
    const ss = suggestEntities(text, { tags, highlights: hs }).filter((s) => s.tagId === 't-putin');
    expect(ss.map((s) => s.start)).not.toContain(first);
    expect(ss.map((s) => s.start)).toContain(second);
    expect(ss).toHaveLength(3);
    // An orphan highlight does not hide anything: its offsets are not trustworthy.
    const orphan = suggestEntities(text, { tags, highlights: [highlight(first, first + 14, ['t-putin'], true)] }).filter((s) => s.tagId === 't-putin');
    expect(orphan).toHaveLength(4);
  });

  it('leaves out rejected mentions, by span or key, and rejected entities', () => {
    const text = seed('004');
    const before = suggestEntities(text, none);
    const kabul = before.find((s) => s.text === 'Kabul')!;
    const csto = before.filter((s) => s.proposedName === 'CSTO');
    const after = suggestEntities(text, { ...none, rejected: [{ start: kabul.start, end: kabul.end, text: 'Kabul' }, csto[0].key] });
    expect(after.find((s) => s.key === kabul.key)).toBeUndefined();
    expect(after.find((s) => s.key === csto[0].key)).toBeUndefined();
    expect(after).toHaveLength(before.length - 2);
    // A rejection whose text no longer matches the span does not hide the new mention.
    expect(suggestEntities(text, { ...none, rejected: [{ start: kabul.start, end: kabul.end, text: 'Kabol' }] })).toHaveLength(before.length);
    const noCsto = suggestEntities(text, { ...none, rejectedEntities: ['csto'] });
    expect(noCsto.filter((s) => s.proposedName === 'CSTO')).toEqual([]);
    const noPutin = suggestEntities(text, { tags, highlights: [], rejectedEntities: ['t-putin'] });
    expect(noPutin.filter((s) => s.tagId === 't-putin')).toEqual([]);
  });

  it('leaves out page furniture', () => {
    const text = seed('004');
    const start = text.indexOf('GSV');
    const withFurniture = suggestEntities(text, { ...none, furniture: [[start, text.length]] });
    expect(suggestEntities(text, none).some((s) => s.text === 'TASS')).toBe(true);
    expect(withFurniture.some((s) => s.text === 'TASS' || s.text === 'GSV')).toBe(false);
  });
});

describe('accepting a suggestion', () => {
  it('creates the tag with the right kind under the right category, with gazetteer aliases', () => {
    const s = suggestEntities(seed('004'), none).find((x) => x.proposedName === 'CSTO')!;
    const r = resolveSuggestionTag(codebook, s, { id: 'tag-new', createdAt: NOW });
    expect(r.tagId).toBe('tag-new');
    expect(r.change?.tags.find((t) => t.id === 'tag-new')).toMatchObject({
      name: 'CSTO',
      kind: 'organisation',
      parentId: CATEGORY_TAG_IDS.organisations,
      aliases: ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'],
    });
    const rahmon = suggestEntities(seed('004'), none).find((x) => x.proposedName === 'Emomali Rahmon')!;
    const r2 = resolveSuggestionTag(codebook, rahmon, { id: 'tag-r', createdAt: NOW });
    expect(r2.change?.tags.find((t) => t.id === 'tag-r')).toMatchObject({ kind: 'person', parentId: CATEGORY_TAG_IDS.people });
  });

  it('reuses the matched tag, or a same-named tag in the category', () => {
    const t = tag('t-k', 'Kabul', 'place', [], CATEGORY_TAG_IDS.places);
    expect(resolveSuggestionTag([...codebook, t], { tagId: 't-k', kind: 'place', proposedName: 'Kabul' }, { id: 'x', createdAt: NOW })).toEqual({ tagId: 't-k', change: null });
    expect(resolveSuggestionTag([...codebook, t], { kind: 'place', proposedName: 'kabul' }, { id: 'x', createdAt: NOW })).toEqual({ tagId: 't-k', change: null });
  });
});

describe('Tag all mentions', () => {
  const islamicState = tag('t-is', 'Islamic State', 'group', ['IS', 'ISIS', 'IG']);
  const sources = seeds.map((s) => ({ id: s.id, text: s.text }));

  it('finds every mention of a tag with aliases across all sources', () => {
    const m = findMentions(islamicState, sources);
    expect(new Set(m.map((x) => x.sourceId))).toEqual(new Set(['000', '001', '002', '003']));
    expect(new Set(m.map((x) => x.text))).toEqual(new Set(['ISIS', 'IS', 'Islamic State']));
    for (const x of m) expect(seeds.find((s) => s.id === x.sourceId)!.text.slice(x.start, x.end)).toBe(x.text);
    const count = (re: RegExp): number => seeds.reduce((n, s) => n + (s.text.match(re)?.length ?? 0), 0);
    expect(m).toHaveLength(count(/\bISIS\b/g) + count(/\bIS\b/g) + count(/\bIslamic State\b/g));
  });

  it('matches spaces and hyphens interchangeably', () => {
    const aq = tag('t-aq', 'Al-Qaeda', 'group');
    const m = findMentions(aq, sources);
    expect(m.map((x) => x.text)).toEqual(expect.arrayContaining(['Al-Qaeda', 'Al Qaeda']));
  });

  it('matches themes in any case', () => {
    const refugees = tag('t-r', 'Refugees', 'theme', ['refugee']);
    const m = findMentions(refugees, sources);
    expect(m.length).toBe(seeds.reduce((n, s) => n + (s.text.match(/\brefugees?\b/gi)?.length ?? 0), 0));
    expect(m.some((x) => x.text === 'refugees')).toBe(true);
  });

  it('skips mentions already tagged, and sources without any mention', () => {
    const text = seed('002');
    const first = text.indexOf('Islamic State');
    const m = findMentions(islamicState, [{ id: '002', text, highlights: [highlight(first, first + 13, ['t-is'])] }]);
    expect(m.map((x) => x.start)).not.toContain(first);
    expect(m.length).toBeGreaterThan(0);
    expect(findMentions(islamicState, [{ id: 'x', text: 'Nothing here.' }])).toEqual([]);
    expect(findMentions(islamicState, [{ meta: { id: 'doc' }, text: 'The ISIS cell.', highlights: [] }])).toEqual([{ sourceId: 'doc', start: 4, end: 8, text: 'ISIS' }]);
  });
});

describe('offsets and robustness', () => {
  it('counts offsets in UTF-16 units across emoji and accents', () => {
    const text = '🇺🇳 Ólafur said 🙂 that President Emomali Rahmon met Vladimir Putin in Dushanbe.';
    const ss = suggestEntities(text, none);
    for (const s of ss) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(ss.map((s) => s.text)).toEqual(expect.arrayContaining(['Emomali Rahmon', 'Vladimir Putin', 'Dushanbe']));
  });

  it('returns the same suggestions on a repeated call (cache)', () => {
    expect(suggestEntities(seed('000'), none)).toEqual(suggestEntities(seed('000'), none));
  });

  it('handles an empty text and a text without names', () => {
    expect(suggestEntities('', none)).toEqual([]);
    expect(suggestEntities('the situation calls for stepping up joint efforts.', none)).toEqual([]);
  });

  it('finds entities throughout a generated 100 KB article', () => {
    const text = makeEntityArticle(3, 100_000);
    const ss = suggestEntities(text, none);
    const kinds = new Set(ss.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['person', 'place', 'organisation', 'group']));
    expect(ss[ss.length - 1].start).toBeGreaterThan(90_000);
    for (const s of ss) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('organisation names', () => {
  it.each([
    ['the MGIMO Center for Military-Political Research said', 'Center for Military-Political Research'],
    ['an online meeting of the Council of Heads of State of the Commonwealth.', 'Council of Heads of State of the Commonwealth'],
    ['the Foreign Ministry on Sunday said', 'Foreign Ministry'],
    ['director of the Second Asia Department of the Foreign Ministry Zamir Kabulov, the', 'Second Asia Department of the Foreign Ministry'],
  ])('%s -> %s', (text, org) => {
    const ss = suggestEntities(text, none);
    expect(ss.filter((s) => s.kind === 'organisation' && s.source === 'nlp' && s.text !== 'MGIMO').map((s) => s.text)).toEqual([org]);
  });

  it('splits a person off the end of an organisation', () => {
    const ss = suggestEntities('director of the Second Asia Department of the Foreign Ministry Zamir Kabulov, the', none);
    expect(ss.map((s) => [s.kind, s.text])).toEqual([
      ['organisation', 'Second Asia Department of the Foreign Ministry'],
      ['person', 'Zamir Kabulov'],
    ]);
  });
});
