import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../../core/model';
import { makeRetrievalFixture } from '../../scripts/bench/fixtures/tags';
import { descendantIds } from '../../core/tags/codebook';
import {
  QueryError,
  formatQuery,
  parseQuery,
  parseQueryOrThrow,
  retrieve,
  snippet,
  tagQuery,
  type QueryNode,
  type RetrievalData,
} from '../../core/tags/query';

const NOW = '2024-05-01T10:00:00.000Z';
function tag(id: string, name: string, parentId: string | null = null, extra: Partial<Tag> = {}): Tag {
  return { id, name, kind: 'other', color: '#aecbfa', parentId, description: '', aliases: [], createdAt: NOW, ...extra };
}

const TAGS: Tag[] = [
  tag('themes', 'Themes', null, { kind: 'theme' }),
  tag('terrorism', 'Terrorism', 'themes', { kind: 'theme' }),
  tag('drugs', 'Drugs', 'themes', { kind: 'theme' }),
  tag('refugees', 'Refugees', 'themes', { kind: 'theme' }),
  tag('aid', 'Humanitarian aid', 'themes', { kind: 'theme' }),
  tag('groups', 'Groups', null, { kind: 'group' }),
  tag('taliban', 'Taliban', 'groups', { kind: 'group', aliases: ['Taleban'] }),
  tag('is', 'Islamic State', 'groups', { kind: 'group', aliases: ['IS', 'ISIS', 'IG'] }),
  tag('isk', 'Khorasan', 'is', { kind: 'group' }),
  tag('aq', 'Al-Qaeda', 'groups', { kind: 'group' }),
  tag('places', 'Places', null, { kind: 'place' }),
  tag('afg', 'Afghanistan', 'places', { kind: 'place' }),
  tag('kabul', 'Kabul', 'afg', { kind: 'place' }),
  tag('tjk', 'Tajikistan', 'places', { kind: 'place' }),
  tag('quote', 'Say "no" (campaign)', null),
  tag('andtag', 'And', null),
];

/** s-expression of a parsed query, with tag ids: easy to compare. */
function sx(n: QueryNode): string {
  switch (n.type) {
    case 'tag':
      return n.tagId;
    case 'not':
      return `(not ${sx(n.operand)})`;
    default:
      return `(${n.type} ${n.operands.map(sx).join(' ')})`;
  }
}
const p = (q: string, tags: readonly Tag[] = TAGS): string => sx(parseQueryOrThrow(q, tags));
function err(q: string, tags: readonly Tag[] = TAGS): QueryError {
  const r = parseQuery(q, tags);
  if (r.ok) throw new Error(`expected an error for ${q}`);
  return r.error;
}

describe('query parser: operators and precedence', () => {
  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(p('drugs OR refugees AND kabul')).toBe('(or drugs (and refugees kabul))');
    expect(p('drugs AND refugees OR kabul')).toBe('(or (and drugs refugees) kabul)');
    expect(p('NOT drugs AND refugees')).toBe('(and (not drugs) refugees)');
    expect(p('NOT drugs OR refugees')).toBe('(or (not drugs) refugees)');
    expect(p('NOT NOT drugs')).toBe('(not (not drugs))');
  });

  it('lets parentheses override precedence, nested', () => {
    expect(p('(drugs OR refugees) AND kabul')).toBe('(and (or drugs refugees) kabul)');
    expect(p('NOT (drugs OR (refugees AND NOT kabul))')).toBe('(not (or drugs (and refugees (not kabul))))');
  });

  it('flattens chains of one operator', () => {
    expect(p('drugs OR refugees OR kabul OR tajikistan')).toBe('(or drugs refugees kabul tjk)');
  });

  it('accepts operators in any case and as symbols', () => {
    expect(p('drugs and refugees or not kabul')).toBe('(or (and drugs refugees) (not kabul))');
    expect(p('drugs & refugees | !kabul')).toBe('(or (and drugs refugees) (not kabul))');
    expect(p('drugs && refugees || -kabul')).toBe('(or (and drugs refugees) (not kabul))');
  });

  it('reads "a NOT b" and "a -b" as a AND NOT b', () => {
    expect(p('terrorism NOT drugs')).toBe('(and terrorism (not drugs))');
    expect(p('terrorism -drugs')).toBe('(and terrorism (not drugs))');
  });

  it('the issue’s example', () => {
    expect(p('terrorism AND (Taliban OR "Islamic State") AND NOT drugs')).toBe('(and terrorism (or taliban is) (not drugs))');
  });
});

describe('query parser: names', () => {
  it('joins bare words into one multi-word name, ignoring case and spacing', () => {
    expect(p('Humanitarian aid')).toBe('aid');
    expect(p('HUMANITARIAN    AID and drugs')).toBe('(and aid drugs)');
  });

  it('keeps a hyphen inside a word: Al-Qaeda is a name, not NOT', () => {
    expect(p('Al-Qaeda')).toBe('aq');
    expect(p('Al-Qaeda OR -drugs')).toBe('(or aq (not drugs))');
  });

  it('reads quoted names, with escapes and curly quotes', () => {
    expect(p('"Islamic State"')).toBe('is');
    expect(p('“Islamic State” AND drugs')).toBe('(and is drugs)');
    expect(p('"Say \\"no\\" (campaign)"')).toBe('quote');
    expect(p('"and" OR drugs')).toBe('(or andtag drugs)');
  });

  it('resolves aliases', () => {
    expect(p('IS')).toBe('is');
    expect(p('isis OR IG')).toBe('(or is is)');
    expect(p('Taleban')).toBe('taliban');
  });

  it('resolves paths, full or partial', () => {
    expect(p('Places/Afghanistan/Kabul')).toBe('kabul');
    expect(p('afghanistan/kabul')).toBe('kabul');
    expect(p('Groups/Islamic State/Khorasan')).toBe('isk');
  });

  it('prefers a name to an alias', () => {
    const tags = [...TAGS, tag('ig', 'IG', null, { aliases: [] })];
    expect(p('IG', tags)).toBe('ig');
  });

  it('matches names without diacritics as a last resort', () => {
    const tags = [...TAGS, tag('zur', 'Zürich', 'places')];
    expect(p('zurich', tags)).toBe('zur');
  });

  it('asks for a path when a name is ambiguous, and accepts the path', () => {
    const tags = [...TAGS, tag('kabul-g', 'Kabul', 'groups')];
    const e = err('drugs AND kabul', tags);
    expect(e.code).toBe('ambiguous-tag');
    expect(e.offset).toBe(10);
    expect(e.message).toBe(
      '"kabul" could mean "Places/Afghanistan/Kabul" or "Groups/Kabul": write the path, e.g. "Places/Afghanistan/Kabul", at column 11.',
    );
    expect(p('Groups/Kabul', tags)).toBe('kabul-g');
  });
});

describe('query parser: errors with positions', () => {
  it('unknown tag, with a suggestion', () => {
    const e = err('terrorism AND (talibn OR drugs)');
    expect(e).toBeInstanceOf(QueryError);
    expect(e.code).toBe('unknown-tag');
    expect([e.offset, e.length, e.column]).toEqual([15, 6, 16]);
    expect(e.message).toBe('Unknown tag "talibn" (did you mean "Taliban"?) at column 16.');
  });

  it('unknown tag close to an alias suggests the tag’s name', () => {
    expect(err('ISSI').message).toBe('Unknown tag "ISSI" (did you mean "Islamic State"?) at column 1.');
  });

  it('unknown tag without a close match', () => {
    expect(err('drugs OR xyzzyplugh').message).toBe('Unknown tag "xyzzyplugh" at column 10.');
  });

  it('syntax errors', () => {
    expect(err('"Islamic State').message).toBe('Missing closing quote for the name that starts at column 1.');
    expect(err('(terrorism OR drugs').message).toBe('Missing ")" for the "(" that opens at column 1.');
    expect(err('terrorism)').message).toBe('Unexpected ")" without a matching "(" at column 10.');
    expect(err('terrorism AND').message).toBe('Expected a tag name after "AND" at column 14.');
    expect(err('"Taliban" "Kabul"').message).toBe('Expected AND or OR before "Kabul" at column 11.');
    expect(err('(drugs) (kabul)').message).toBe('Expected AND or OR before "(" at column 9.');
    expect(err('AND drugs').message).toBe('Expected a tag name, "(" or NOT before "AND" at column 1.');
    expect(err('()').message).toBe('Empty parentheses at column 1.');
    expect(err('(drugs kabul').code).toBe('unknown-tag');
    expect(err('(drugs "kabul"').message).toBe('Expected AND, OR or ")" before "kabul" at column 8.');
  });

  it('an empty query', () => {
    expect(err('').code).toBe('empty');
    expect(err('   ').message).toBe('Type a tag name, or combine tags with AND, OR and NOT.');
  });

  it('throws from parseQueryOrThrow and from retrieve with a string', () => {
    expect(() => parseQueryOrThrow('nope', TAGS)).toThrow(QueryError);
    expect(() => retrieve('nope', {}, { tags: TAGS, sources: [] })).toThrow('Unknown tag "nope"');
  });
});

describe('formatQuery', () => {
  it.each([
    'terrorism AND (Taliban OR "Islamic State") AND NOT drugs',
    'drugs OR refugees AND kabul',
    '(drugs OR refugees) AND NOT (kabul OR tajikistan)',
    'NOT NOT humanitarian aid',
    '"Say \\"no\\" (campaign)" OR "and"',
    'Al-Qaeda',
  ])('round-trips %s', (q) => {
    const ast = parseQueryOrThrow(q, TAGS);
    const text = formatQuery(ast, TAGS);
    expect(sx(parseQueryOrThrow(text, TAGS))).toBe(sx(ast));
  });

  it('writes canonical names and minimal parentheses', () => {
    expect(formatQuery(parseQueryOrThrow('terrorism and (taleban or IS) and not drugs', TAGS), TAGS)).toBe(
      'Terrorism AND (Taliban OR Islamic State) AND NOT Drugs',
    );
    expect(formatQuery(parseQueryOrThrow('(drugs and refugees) or kabul', TAGS), TAGS)).toBe('Drugs AND Refugees OR Kabul');
  });

  it('uses paths for names that are not unique', () => {
    const tags = [...TAGS, tag('kabul-g', 'Kabul', 'groups')];
    expect(formatQuery(parseQueryOrThrow('Groups/Kabul', tags), tags)).toBe('Groups/Kabul');
  });
});

// ---------------------------------------------------------------------------------------------------------------

function hl(id: string, sourceId: string, start: number, end: number, tagIds: string[], text: string, orphan = false): Highlight {
  return {
    id,
    sourceId,
    start,
    end,
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    tagIds,
    note: null,
    orphan,
    createdAt: NOW,
    modifiedAt: NOW,
  };
}

const T1 =
  'The session will be held via videoconference under the chairmanship of Tajik President Emomali Rahmon.\n\n' +
  'After that, the Taliban fighters increased the tempo of attack and on August 15 they established full control over Kabul without a fight.\n\n' +
  'Putin argued that the Taliban will find it difficult to forgo income from drug production in Afghanistan.';
const T2 = 'ISIS has about two thousand members in the north. Humanitarian aid to the Afghan people is a practical contribution. Terrorists are trying to penetrate CIS territory.';
const T3 = 'Moscow has been conducting a dialogue with the Taliban for a long time, and Tajikistan and Uzbekistan are actively establishing contacts.';
const at = (text: string, s: string): [number, number] => {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(s);
  return [i, i + s.length];
};

function notebook(): RetrievalData {
  const s1 = [
    hl('h1', 's1', ...at(T1, 'the Taliban fighters increased'), ['terrorism', 'taliban'], T1),
    hl('h2', 's1', ...at(T1, 'Tajik President'), ['terrorism', 'isk'], T1),
    hl('h3', 's1', ...at(T1, 'income from drug production'), ['drugs', 'taliban'], T1),
    hl('h4', 's1', ...at(T1, 'control over Kabul'), ['refugees', 'kabul'], T1),
  ];
  const s2 = [
    hl('h5', 's2', ...at(T2, 'ISIS has about two thousand members'), ['terrorism', 'is', 'drugs'], T2),
    hl('h6', 's2', ...at(T2, 'Humanitarian aid'), ['aid'], T2),
    hl('h7', 's2', ...at(T2, 'Terrorists are trying'), ['terrorism'], T2),
  ];
  const s3 = [
    hl('h8', 's3', ...at(T3, 'dialogue with the Taliban'), ['taliban', 'terrorism'], T3),
    { ...hl('h9', 's3', 0, 0, ['terrorism', 'is'], T3, true), quote: { exact: 'IS fighters', prefix: 'gone ', suffix: ' away' } },
  ];
  return {
    tags: TAGS,
    sources: [
      { meta: { id: 's2', title: 'Putin warns', date: '2021-10-15' }, text: T2, highlights: s2 },
      { meta: { id: 's1', title: 'CSTO session', date: '2021-08-23' }, text: T1, highlights: s1 },
      { meta: { id: 's3', title: 'Undated', date: '' }, text: T3, highlights: s3 },
    ],
  };
}

const ids = (q: string | QueryNode, filters = {}, options = {}): string[] =>
  retrieve(q, filters, notebook(), { limit: 1000, ...options }).segments.map((s) => s.highlight.id);

describe('retrieve: evaluation', () => {
  it('the issue’s example, with descendants (Khorasan is inside Islamic State) and orphans', () => {
    expect(ids('terrorism AND (Taliban OR "Islamic State") AND NOT drugs')).toEqual(['h2', 'h1', 'h8', 'h9']);
  });

  it('a tag includes its descendants', () => {
    expect(ids('Places')).toEqual(['h4']);
    expect(ids('Afghanistan')).toEqual(['h4']);
    expect(ids('Themes')).toEqual(['h5', 'h6', 'h7', 'h2', 'h1', 'h4', 'h3', 'h8', 'h9']);
    expect(ids('IS')).toEqual(['h5', 'h2', 'h9']);
  });

  it('NOT, AND and OR with precedence', () => {
    expect(ids('NOT terrorism')).toEqual(['h6', 'h4', 'h3']);
    expect(ids('drugs OR refugees AND kabul')).toEqual(['h5', 'h4', 'h3']);
    expect(ids('(drugs OR refugees) AND kabul')).toEqual(['h4']);
    expect(ids('Taliban AND NOT Taliban')).toEqual([]);
  });

  it('accepts a picked tag', () => {
    expect(ids(tagQuery(TAGS.find((t) => t.id === 'taliban')!))).toEqual(['h1', 'h3', 'h8']);
  });

  it('filters by source and date (undated sources drop out of date filters)', () => {
    expect(ids('terrorism', { sourceIds: ['s2'] })).toEqual(['h5', 'h7']);
    expect(ids('terrorism', { from: '2021-09-01' })).toEqual(['h5', 'h7']);
    expect(ids('terrorism', { to: '2021-09-01' })).toEqual(['h2', 'h1']);
    expect(ids('terrorism', { from: '2021-08-23', to: '2021-08-23' })).toEqual(['h2', 'h1']);
    expect(ids('terrorism', { from: '', to: '' })).toHaveLength(6);
    expect(() => ids('terrorism', { from: '2021-9-1' })).toThrow('The "from" date must be yyyy-mm-dd, not "2021-9-1".');
  });

  it('orders by date on request, undated last', () => {
    expect(ids('terrorism', {}, { order: 'date' })).toEqual(['h2', 'h1', 'h5', 'h7', 'h8', 'h9']);
  });

  it('counts every match, per source and per query tag', () => {
    const r = retrieve('Taliban OR IS', {}, notebook(), { limit: 1 });
    expect(r.segments).toHaveLength(1);
    expect(r.counts).toEqual({ segments: 6, sources: 3, perTag: { taliban: 3, is: 3 }, perSource: { s2: 1, s1: 3, s3: 2 } });
    expect(r.query).toBe('Taliban OR Islamic State');
  });

  it('pages with limit and offset over a stable order', () => {
    const all = ids('Themes');
    const pages = [0, 3, 6].map((offset) => ids('Themes', {}, { limit: 3, offset }));
    expect(pages.flat()).toEqual(all);
    expect(ids('Themes', {}, { limit: 3, offset: 8 })).toEqual(['h9']);
    expect(ids('Themes', {}, { limit: 3, offset: 20 })).toEqual([]);
    expect(retrieve('Themes', {}, notebook(), { limit: 0 }).counts.segments).toBe(9);
  });

  it('returns source title, date, other tags and context for each passage', () => {
    const [h1] = retrieve('Taliban', {}, notebook()).segments;
    expect(h1).toMatchObject({ sourceId: 's1', sourceTitle: 'CSTO session', date: '2021-08-23', quote: 'the Taliban fighters increased', orphan: false });
    expect(h1.otherTags.map((t) => t.id)).toEqual(['terrorism']);
    expect(h1.before).toBe('After that, ');
    expect(h1.beforeCut).toBe(false);
    expect(h1.after).toBe(' the tempo of attack and on August 15 they established full control over Kabul');
    expect(h1.afterCut).toBe(true);
    const orphan = retrieve('IS', { sourceIds: ['s3'] }, notebook()).segments[0];
    expect(orphan).toMatchObject({ orphan: true, before: 'gone ', quote: 'IS fighters', after: ' away' });
  });
});

describe('retrieve: cached per-source index', () => {
  it('sees a source’s new highlights array after an edit (arrays are replaced, not mutated)', () => {
    const data = notebook();
    expect(retrieve('Taliban', {}, data, { limit: 100 }).segments.map((s) => s.highlight.id)).toEqual(['h1', 'h3', 'h8']);
    const s1 = data.sources[1];
    const edited = { ...s1, highlights: s1.highlights.map((h) => (h.id === 'h1' ? { ...h, tagIds: ['drugs'] } : h)) };
    const data2 = { ...data, sources: [data.sources[0], edited, data.sources[2]] };
    expect(retrieve('Taliban', {}, data2, { limit: 100 }).segments.map((s) => s.highlight.id)).toEqual(['h3', 'h8']);
    expect(retrieve('Drugs', {}, data2, { limit: 100 }).segments.map((s) => s.highlight.id)).toEqual(['h5', 'h1', 'h3']);
  });

  it('handles tags that appear only after an index was built', () => {
    const data = notebook();
    retrieve('Themes', {}, data);
    const tags = [...TAGS, tag('new', 'Brand new', 'themes')];
    const s2 = data.sources[0];
    const sources = [{ ...s2, highlights: [...s2.highlights, hl('h10', 's2', 0, 4, ['new'], T2)] }, data.sources[1], data.sources[2]];
    expect(retrieve('Brand new', {}, { tags, sources }).segments.map((s) => s.highlight.id)).toEqual(['h10']);
    expect(retrieve('Themes', {}, { tags, sources }).counts.segments).toBe(10);
  });
});

describe('snippet', () => {
  const text = 'First paragraph ends here.\nAlpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\nLast one.';
  const h = (s: string, orphan = false) => {
    const [start, end] = at(text, s);
    return { start, end, orphan, quote: { exact: s, prefix: 'P', suffix: 'S' } };
  };

  it('stays within the paragraph', () => {
    const r = snippet(text, h('delta'), 200);
    expect(r).toMatchObject({ before: 'Alpha beta gamma ', quote: 'delta', after: ' epsilon zeta eta theta iota kappa lambda mu.', beforeCut: false, afterCut: false });
  });

  it('cuts at word boundaries, never inside a word', () => {
    const r = snippet(text, h('iota'), 12);
    expect(r.before).toBe('eta theta ');
    expect(r.after).toBe(' kappa');
    expect(r.beforeCut && r.afterCut).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const t = '🙂🙂🙂🙂🙂 word 🙂🙂🙂🙂🙂';
    const s = t.indexOf('word');
    const r = snippet(t, { start: s, end: s + 4, orphan: false, quote: { exact: 'word', prefix: '', suffix: '' } }, 3);
    expect(r.before).not.toMatch(/^[\udc00-\udfff]/);
    expect(r.after).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('falls back to the stored quote for orphans and out-of-range positions', () => {
    expect(snippet(text, h('delta', true))).toMatchObject({ before: 'P', quote: 'delta', after: 'S', orphan: true });
    expect(snippet('short', { start: 2, end: 99, orphan: false, quote: { exact: 'q', prefix: 'a', suffix: 'b' } }).quote).toBe('q');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('retrieve agrees with a brute-force evaluator on generated data', () => {
  const fx = makeRetrievalFixture(7, 40, 4000);
  const cover = (id: string): Set<string> => new Set([id, ...descendantIds(fx.tags, id)]);
  const evalNode = (n: QueryNode, tagIds: readonly string[]): boolean => {
    switch (n.type) {
      case 'tag': {
        const c = cover(n.tagId);
        return tagIds.some((t) => c.has(t));
      }
      case 'not':
        return !evalNode(n.operand, tagIds);
      case 'and':
        return n.operands.every((o) => evalNode(o, tagIds));
      case 'or':
        return n.operands.some((o) => evalNode(o, tagIds));
    }
  };
  const brute = (q: string, filters: { from?: string; to?: string } = {}): string[] => {
    const ast = parseQueryOrThrow(q, fx.tags);
    return fx.sources
      .filter((s) => (!filters.from || (s.meta.date !== '' && s.meta.date >= filters.from)) && (!filters.to || (s.meta.date !== '' && s.meta.date <= filters.to)))
      .flatMap((s) => s.highlights.filter((h) => evalNode(ast, h.tagIds)).map((h) => h.id));
  };

  it.each([
    'Terrorism AND (Taliban OR "Islamic State") AND NOT Drugs',
    'Themes',
    'NOT Places',
    'Afghanistan AND NOT Kabul',
    'People OR Groups AND NOT (Refugees OR Border)',
  ])('%s', (q) => {
    const r = retrieve(q, {}, fx, { limit: 100_000 });
    expect(r.segments.map((s) => s.highlight.id)).toEqual(brute(q));
    expect(r.counts.segments).toBe(brute(q).length);
    expect(r.counts.segments).toBeGreaterThan(0);
  });

  it('with a date range', () => {
    const f = { from: '2021-03-01', to: '2021-09-30' };
    const r = retrieve('Themes AND NOT Terrorism', f, fx, { limit: 100_000 });
    expect(r.segments.map((s) => s.highlight.id)).toEqual(brute('Themes AND NOT Terrorism', f));
  });

  it('with more tags than fit in a bit mask', () => {
    const names = fx.tags.filter((t) => t.kind === 'person').slice(0, 40).map((t) => `"${t.name}"`);
    expect(names).toHaveLength(40);
    const q = `(${names.join(' OR ')}) AND NOT Drugs`;
    const r = retrieve(q, {}, fx, { limit: 100_000 });
    expect(r.segments.map((s) => s.highlight.id)).toEqual(brute(q));
    expect(Object.keys(r.counts.perTag)).toHaveLength(41);
  });
});
