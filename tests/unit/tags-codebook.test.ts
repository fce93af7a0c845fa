import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../../core/model';
import { DEFAULT_HIGHLIGHT_COLOR } from '../../core/model';
import {
  CodebookError,
  applyRewrite,
  createTag,
  deleteTag,
  descendantIds,
  mergeTags,
  moveTag,
  recolourTag,
  renameTag,
  rewriteTagIds,
  undoDelete,
  undoMerge,
  updateTag,
  validateAliases,
} from '../../core/tags/codebook';
import {
  CATEGORY_TAG_IDS,
  READER_COLORS,
  TAG_PALETTE,
  contrastRatio,
  defaultCodebook,
  defaultParentId,
  highlightBackground,
  highlightColor,
  isCategoryTag,
  nextColor,
  tagPath,
} from '../../core/tags/default-codebook';

const NOW = '2024-05-01T10:00:00.000Z';

function tag(id: string, name: string, parentId: string | null = null, extra: Partial<Tag> = {}): Tag {
  return { id, name, kind: 'other', color: '#aecbfa', parentId, description: '', aliases: [], createdAt: NOW, ...extra };
}

function hl(id: string, tagIds: string[], sourceId = 's1'): Highlight {
  return {
    id,
    sourceId,
    start: 0,
    end: 1,
    quote: { exact: 'x', prefix: '', suffix: '' },
    tagIds,
    note: null,
    orphan: false,
    createdAt: NOW,
    modifiedAt: NOW,
  };
}

/** Throws and returns the CodebookError, so tests can check code and message. */
function codebookError(fn: () => unknown): CodebookError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodebookError) return e;
    throw e;
  }
  throw new Error('expected a CodebookError');
}

const base = (): Tag[] => defaultCodebook(NOW);
const byName = (tags: readonly Tag[], name: string): Tag => {
  const t = tags.find((x) => x.name === name);
  if (!t) throw new Error(`no tag ${name}`);
  return t;
};

// ---------------------------------------------------------------------------------------------------------------

describe('the default codebook', () => {
  it('has the five categories at the top and the six corpus themes under Themes', () => {
    const tags = base();
    const top = tags.filter((t) => t.parentId === null);
    expect(top.map((t) => [t.name, t.kind])).toEqual([
      ['People', 'person'],
      ['Organisations', 'organisation'],
      ['Places', 'place'],
      ['Groups', 'group'],
      ['Themes', 'theme'],
    ]);
    const themes = tags.filter((t) => t.parentId === CATEGORY_TAG_IDS.themes);
    expect(themes.map((t) => t.name)).toEqual(['Refugees', 'Drugs', 'Border', 'Terrorism', 'Humanitarian aid', 'Diplomacy']);
    expect(themes.every((t) => t.kind === 'theme' && t.description.length > 20)).toBe(true);
  });

  it('has deterministic ids and the given creation time', () => {
    const a = defaultCodebook(NOW);
    const b = defaultCodebook('2030-01-01T00:00:00.000Z');
    expect(a.map((t) => t.id)).toEqual(b.map((t) => t.id));
    expect(a.map((t) => t.id)).toContain('tag-theme-humanitarian-aid');
    expect(a.map((t) => t.id)).toContain('tag-theme-refugees');
    expect(b.every((t) => t.createdAt === '2030-01-01T00:00:00.000Z')).toBe(true);
    a[5].aliases.push('mutated');
    expect(defaultCodebook(NOW)[5].aliases).not.toContain('mutated');
  });

  it('gives every default tag its own palette colour', () => {
    const colors = base().map((t) => t.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(colors.every((c) => TAG_PALETTE.includes(c))).toBe(true);
  });

  it('has a palette of 12 distinct, well-separated hues', () => {
    expect(TAG_PALETTE).toHaveLength(12);
    expect(TAG_PALETTE.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    const lab = (hex: string): [number, number, number] => {
      const lin = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      const xyz = [
        (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047,
        0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2],
        (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883,
      ].map((v) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116));
      return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
    };
    let min = Infinity;
    for (let i = 0; i < TAG_PALETTE.length; i++) {
      for (let j = i + 1; j < TAG_PALETTE.length; j++) {
        const a = lab(TAG_PALETTE[i]);
        const b = lab(TAG_PALETTE[j]);
        min = Math.min(min, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
      }
    }
    expect(min).toBeGreaterThan(15);
  });

  it('keeps reader text readable on every palette colour, in light mode (AAA) and dark mode (AA)', () => {
    for (const c of TAG_PALETTE) {
      expect(contrastRatio(highlightBackground(c, 'light'), READER_COLORS.light.text)).toBeGreaterThanOrEqual(7);
      const dark = highlightBackground(c, 'dark');
      expect(dark).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(dark, READER_COLORS.dark.text)).toBeGreaterThanOrEqual(4.5);
      // Still visibly a highlight on the dark page.
      expect(contrastRatio(dark, READER_COLORS.dark.background)).toBeGreaterThan(1.5);
    }
  });

  it('computes WCAG contrast correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it('knows its categories and where new tags of each kind go', () => {
    const tags = base();
    expect(isCategoryTag(byName(tags, 'People'))).toBe(true);
    expect(isCategoryTag(byName(tags, 'Drugs'))).toBe(false);
    expect(defaultParentId(tags, 'person')).toBe(CATEGORY_TAG_IDS.people);
    expect(defaultParentId(tags, 'group')).toBe(CATEGORY_TAG_IDS.groups);
    expect(defaultParentId(tags, 'other')).toBeNull();
    expect(defaultParentId(tags.filter((t) => t.id !== CATEGORY_TAG_IDS.places), 'place')).toBeNull();
  });
});

describe('tagPath, nextColor, highlightColor', () => {
  it('tagPath lists names from the root', () => {
    const tags = [tag('a', 'Places'), tag('b', 'Afghanistan', 'a'), tag('c', 'Kabul', 'b')];
    expect(tagPath(tags, 'c')).toEqual(['Places', 'Afghanistan', 'Kabul']);
    expect(tagPath(tags, 'a')).toEqual(['Places']);
    expect(tagPath(tags, 'zzz')).toEqual([]);
  });

  it('tagPath survives a corrupt cycle', () => {
    const tags = [tag('a', 'A', 'b'), tag('b', 'B', 'a')];
    expect(tagPath(tags, 'a')).toEqual(['B', 'A']);
  });

  it('nextColor picks the least used palette colour, earliest on ties', () => {
    expect(nextColor([])).toBe(TAG_PALETTE[0]);
    const used = TAG_PALETTE.slice(0, 3).map((c, i) => tag(`t${i}`, `T${i}`, null, { color: c }));
    expect(nextColor(used)).toBe(TAG_PALETTE[3]);
    const all = TAG_PALETTE.map((c, i) => tag(`t${i}`, `T${i}`, null, { color: c.toUpperCase() }));
    expect(nextColor([...all, tag('x', 'X', null, { color: TAG_PALETTE[0] })])).toBe(TAG_PALETTE[1]);
  });

  it('a highlight takes the colour of its first tag that still exists', () => {
    const tags = new Map([
      ['a', tag('a', 'A', null, { color: '#f28b82' })],
      ['b', tag('b', 'B', null, { color: '#a8e07a' })],
    ]);
    expect(highlightColor({ tagIds: ['b', 'a'] }, tags)).toBe('#a8e07a');
    expect(highlightColor({ tagIds: ['gone', 'a'] }, tags)).toBe('#f28b82');
    expect(highlightColor({ tagIds: [] }, tags)).toBe(DEFAULT_HIGHLIGHT_COLOR);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('createTag', () => {
  it('creates a tag under a parent, inheriting its kind, with the next free colour', () => {
    const tags = base();
    const { tag: t, tags: next, changedIds, rewrite, summary } = createTag(tags, {
      id: 'tag-kabul',
      name: '  Kabul  ',
      parentId: CATEGORY_TAG_IDS.places,
      aliases: ['Kābul', 'kabul', 'Kabul'],
      createdAt: NOW,
    });
    expect(t).toMatchObject({ id: 'tag-kabul', name: 'Kabul', kind: 'place', parentId: CATEGORY_TAG_IDS.places, aliases: ['Kābul'] });
    expect(t.color).toBe(nextColor(tags));
    expect(next).toHaveLength(tags.length + 1);
    expect(next[next.length - 1]).toBe(t);
    expect(tags).toHaveLength(11); // the input is not mutated
    expect(changedIds).toEqual(['tag-kabul']);
    expect(rewrite).toBeNull();
    expect(summary).toBe('Created "Kabul" under Places.');
  });

  it('collapses whitespace in names and lower-cases colours', () => {
    const { tag: t } = createTag([], { id: 'x', name: 'Humanitarian \n  corridor', color: '#ABCDEF', createdAt: NOW });
    expect(t.name).toBe('Humanitarian corridor');
    expect(t.color).toBe('#abcdef');
    expect(t.kind).toBe('other');
    expect(t.parentId).toBeNull();
  });

  it('refuses a name already used by a sibling, ignoring case', () => {
    const e = codebookError(() => createTag(base(), { id: 'x', name: 'drugs', parentId: CATEGORY_TAG_IDS.themes, createdAt: NOW }));
    expect(e.code).toBe('duplicate-name');
    expect(e.message).toBe('A tag named "Drugs" already exists under Themes.');
    const top = codebookError(() => createTag(base(), { id: 'x', name: 'PEOPLE', createdAt: NOW }));
    expect(top.message).toBe('A tag named "People" already exists at the top level.');
  });

  it('allows the same name under another parent', () => {
    const { tags } = createTag(base(), { id: 'x', name: 'Drugs', parentId: CATEGORY_TAG_IDS.groups, createdAt: NOW });
    expect(tags.filter((t) => t.name === 'Drugs')).toHaveLength(2);
  });

  it('validates name length, colour, kind, parent and id with clear messages', () => {
    expect(codebookError(() => createTag([], { id: 'x', name: '   ', createdAt: NOW })).message).toBe('A tag name cannot be empty.');
    expect(codebookError(() => createTag([], { id: 'x', name: 'a'.repeat(201), createdAt: NOW })).message).toBe(
      'A tag name can have at most 200 characters (this one has 201).',
    );
    expect(createTag([], { id: 'x', name: 'a'.repeat(200), createdAt: NOW }).tag.name).toHaveLength(200);
    expect(codebookError(() => createTag([], { id: 'x', name: 'A', color: 'red', createdAt: NOW })).message).toBe(
      '"red" is not a colour: use #rrggbb, e.g. #f5d24a.',
    );
    expect(codebookError(() => createTag([], { id: 'x', name: 'A', color: '#12345', createdAt: NOW })).code).toBe('invalid-color');
    const kind = codebookError(() => createTag([], { id: 'x', name: 'A', kind: 'vegetable' as Tag['kind'], createdAt: NOW }));
    expect(kind.code).toBe('invalid-kind');
    expect(kind.message).toBe('"vegetable" is not a tag kind: use person, organisation, place, group, theme or other.');
    expect(codebookError(() => createTag([], { id: 'x', name: 'A', parentId: 'nope', createdAt: NOW })).message).toBe('No parent tag with id "nope".');
    expect(codebookError(() => createTag(base(), { id: 'tag-people', name: 'Zed', createdAt: NOW })).code).toBe('duplicate-id');
    expect(codebookError(() => createTag([], { id: 'x', name: 'A', aliases: [''], createdAt: NOW })).message).toBe('An alias cannot be empty.');
  });

  it('drops duplicate aliases and an alias equal to the name', () => {
    expect(validateAliases(['IS', 'is', ' ISIS ', 'Islamic State', 'IG'], 'Islamic state')).toEqual(['IS', 'ISIS', 'IG']);
  });
});

describe('rename and recolour', () => {
  it('renames one tag and nothing else: highlights reference it by id', () => {
    const tags = base();
    const change = renameTag(tags, 'tag-theme-drugs', 'Narcotic drugs');
    expect(change.tags.find((t) => t.id === 'tag-theme-drugs')?.name).toBe('Narcotic drugs');
    expect(change.rewrite).toBeNull();
    expect(change.changedIds).toEqual(['tag-theme-drugs']);
    expect(change.summary).toBe('"Drugs": renamed to "Narcotic drugs".');
    // Every other tag is the very same object.
    change.tags.forEach((t, i) => {
      if (t.id !== 'tag-theme-drugs') expect(t).toBe(tags[i]);
    });
  });

  it('allows changing only the case of a name, but not taking a sibling’s name', () => {
    expect(renameTag(base(), 'tag-theme-drugs', 'DRUGS').tag.name).toBe('DRUGS');
    const e = codebookError(() => renameTag(base(), 'tag-theme-drugs', 'border'));
    expect(e.message).toBe('A tag named "Border" already exists under Themes.');
  });

  it('drops an alias that the new name now equals', () => {
    const tags = base();
    const { tag: t, summary } = renameTag(tags, 'tag-theme-drugs', 'Narcotics');
    expect(t.aliases).toEqual(['drug trafficking', 'opiates']);
    expect(summary).toBe('"Drugs": renamed to "Narcotics", aliases edited.');
  });

  it('recolours with validation', () => {
    expect(recolourTag(base(), 'tag-theme-drugs', '#7EE0C0').tag.color).toBe('#7ee0c0');
    expect(codebookError(() => recolourTag(base(), 'tag-theme-drugs', '#7EE0C')).code).toBe('invalid-color');
    expect(codebookError(() => recolourTag(base(), 'nope', '#7ee0c0')).message).toBe('No tag with id "nope".');
  });

  it('updates several fields at once and reports an unchanged tag as unchanged', () => {
    const c = updateTag(base(), 'tag-theme-border', { kind: 'other', description: ' Edges ', aliases: ['frontier'] });
    expect(c.tag).toMatchObject({ kind: 'other', description: 'Edges', aliases: ['frontier'] });
    expect(updateTag(base(), 'tag-theme-border', {}).changedIds).toEqual([]);
  });
});

describe('moveTag', () => {
  const tree = (): Tag[] => [
    tag('places', 'Places'),
    tag('afg', 'Afghanistan', 'places'),
    tag('kabul', 'Kabul', 'afg'),
    tag('tjk', 'Tajikistan', 'places'),
    tag('groups', 'Groups'),
    tag('kabul2', 'Kabul', 'groups'),
  ];

  it('moves a subtree under another parent', () => {
    const c = moveTag(tree(), 'afg', 'tjk');
    expect(c.tag.parentId).toBe('tjk');
    expect(tagPath(c.tags, 'kabul')).toEqual(['Places', 'Tajikistan', 'Afghanistan', 'Kabul']);
    expect(c.summary).toBe('Moved "Afghanistan" under Places/Tajikistan.');
    expect(c.rewrite).toBeNull();
  });

  it('moves to the top level', () => {
    const c = moveTag(tree(), 'kabul', null);
    expect(c.tag.parentId).toBeNull();
    expect(c.summary).toBe('Moved "Kabul" to the top level.');
  });

  it('refuses cycles', () => {
    expect(codebookError(() => moveTag(tree(), 'afg', 'afg')).message).toBe('Cannot move "Afghanistan" under itself.');
    const e = codebookError(() => moveTag(tree(), 'places', 'kabul'));
    expect(e.code).toBe('cycle');
    expect(e.message).toBe('Cannot move "Places" under "Kabul": "Kabul" is inside "Places".');
  });

  it('refuses a name clash under the new parent', () => {
    const e = codebookError(() => moveTag(tree(), 'kabul', 'groups'));
    expect(e.code).toBe('duplicate-name');
    expect(e.message).toBe('A tag named "Kabul" already exists under Groups.');
    const e2 = codebookError(() => moveTag(tree(), 'kabul2', 'afg'));
    expect(e2.message).toBe('A tag named "Kabul" already exists under Places/Afghanistan.');
  });

  it('is a no-op when the parent does not change', () => {
    const c = moveTag(tree(), 'afg', 'places');
    expect(c.changedIds).toEqual([]);
  });

  it('descendantIds lists the whole subtree', () => {
    expect(descendantIds(tree(), 'places').sort()).toEqual(['afg', 'kabul', 'tjk']);
    expect(descendantIds(tree(), 'kabul')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('mergeTags', () => {
  const tree = (): Tag[] => [
    tag('groups', 'Groups'),
    tag('is', 'Islamic State', 'groups', { aliases: ['IS'], description: 'IS proper' }),
    tag('isis', 'ISIS', 'groups', { aliases: ['IG'], description: 'dup' }),
    tag('isis-k', 'Khorasan', 'isis'),
    tag('isis-leaders', 'Leaders', 'isis'),
    tag('is-leaders', 'Leaders', 'is'),
    tag('is-leaders-a', 'Al-Baghdadi', 'isis-leaders'),
    tag('drugs', 'Drugs'),
  ];

  it('moves every highlight to the target, at the source’s position, never twice', () => {
    const { rewrite } = mergeTags(tree(), 'isis', 'is');
    expect(rewrite).toEqual({ op: 'replace', map: { isis: 'is', 'isis-leaders': 'is-leaders' } });
    const hs = [hl('h1', ['isis', 'drugs']), hl('h2', ['drugs', 'isis', 'is']), hl('h3', ['is', 'isis']), hl('h4', ['drugs']), hl('h5', ['isis-leaders', 'is-leaders'])];
    const r = applyRewrite(rewrite!, hs, '2024-06-01T00:00:00.000Z');
    expect(r.highlights.map((h) => h.tagIds)).toEqual([['is', 'drugs'], ['drugs', 'is'], ['is'], ['drugs'], ['is-leaders']]);
    expect(r.changedIds).toEqual(['h1', 'h2', 'h3', 'h5']);
    expect(r.highlights[3]).toBe(hs[3]);
    expect(r.highlights[0].modifiedAt).toBe('2024-06-01T00:00:00.000Z');
    expect(r.previous).toEqual({ h1: ['isis', 'drugs'], h2: ['drugs', 'isis', 'is'], h3: ['is', 'isis'], h5: ['isis-leaders', 'is-leaders'] });
  });

  it('gives the target the source’s name and aliases, moves children, merges same-named children', () => {
    const c = mergeTags(tree(), 'isis', 'is');
    const ids = c.tags.map((t) => t.id);
    expect(ids).not.toContain('isis');
    expect(ids).not.toContain('isis-leaders');
    expect(c.removedIds.sort()).toEqual(['isis', 'isis-leaders']);
    expect(c.tag.aliases).toEqual(['IS', 'ISIS', 'IG']);
    expect(c.tag.description).toBe('IS proper');
    expect(tagPath(c.tags, 'isis-k')).toEqual(['Groups', 'Islamic State', 'Khorasan']);
    expect(tagPath(c.tags, 'is-leaders-a')).toEqual(['Groups', 'Islamic State', 'Leaders', 'Al-Baghdadi']);
    expect(c.summary).toBe('Merged "ISIS" into "Islamic State".');
  });

  it('can merge a tag into one of its own descendants', () => {
    const tags = [tag('p', 'Places'), tag('afg', 'Afghanistan', 'p'), tag('k', 'Kabul', 'afg'), tag('h', 'Herat', 'afg')];
    const c = mergeTags(tags, 'afg', 'k');
    expect(c.tags.map((t) => t.id)).toEqual(['p', 'k', 'h']);
    expect(tagPath(c.tags, 'k')).toEqual(['Places', 'Kabul']);
    expect(tagPath(c.tags, 'h')).toEqual(['Places', 'Kabul', 'Herat']);
  });

  it('refuses merging a tag into itself or an unknown tag', () => {
    expect(codebookError(() => mergeTags(tree(), 'is', 'is')).message).toBe('Cannot merge "Islamic State" into itself.');
    expect(codebookError(() => mergeTags(tree(), 'is', 'nope')).code).toBe('not-found');
  });

  it('undo restores the tags and every highlight', () => {
    const tags = tree();
    const c = mergeTags(tags, 'isis', 'is');
    const hs = [hl('h1', ['isis', 'drugs']), hl('h2', ['drugs', 'isis', 'is']), hl('h3', ['drugs'])];
    const applied = applyRewrite(c.rewrite!, hs);
    const u = undoMerge(c.tags, c.undo, applied.previous);
    expect(u.tags).toEqual(tags);
    const back = applyRewrite(u.rewrite!, applied.highlights);
    expect(back.highlights.map((h) => h.tagIds)).toEqual(hs.map((h) => h.tagIds));
    expect(back.changedIds).toEqual(['h1', 'h2']);
  });
});

describe('deleteTag', () => {
  const tree = (): Tag[] => [
    tag('places', 'Places'),
    tag('afg', 'Afghanistan', 'places'),
    tag('kabul', 'Kabul', 'afg'),
    tag('herat', 'Herat', 'afg'),
    tag('drugs', 'Drugs'),
    tag('border', 'Border'),
  ];

  it('removes the tag, moves its children up, and highlights keep their other tags', () => {
    const c = deleteTag(tree(), 'afg');
    expect(c.tags.map((t) => t.id)).toEqual(['places', 'kabul', 'herat', 'drugs', 'border']);
    expect(tagPath(c.tags, 'kabul')).toEqual(['Places', 'Kabul']);
    expect(c.removedIds).toEqual(['afg']);
    expect(c.changedIds).toEqual(['kabul', 'herat']);
    expect(c.summary).toBe('Deleted "Afghanistan"; its 2 sub-tags moved up.');
    const hs = [hl('h1', ['drugs', 'afg', 'border']), hl('h2', ['afg']), hl('h3', ['kabul'])];
    const r = applyRewrite(c.rewrite!, hs);
    expect(r.highlights.map((h) => h.tagIds)).toEqual([['drugs', 'border'], [], ['kabul']]);
    expect(r.positions).toEqual({ h1: 1, h2: 0 });
    expect(r.changedIds).toEqual(['h1', 'h2']);
  });

  it('undo restores the tag at its place, its children, and its position in every highlight', () => {
    const tags = tree();
    const c = deleteTag(tags, 'afg');
    // The backend applies the rewrite file by file and merges the positions.
    const file1 = applyRewrite(c.rewrite!, [hl('h1', ['drugs', 'afg', 'border']), hl('h2', ['afg'])]);
    const file2 = applyRewrite(c.rewrite!, [hl('h3', ['border', 'drugs', 'afg']), hl('h4', ['herat'])]);
    expect(file2.changedIds).toEqual(['h3']);
    const u = undoDelete(c.tags, c.undo, { ...file1.positions, ...file2.positions });
    expect(u.tags).toEqual(tags);
    expect(u.summary).toBe('Restored "Afghanistan".');
    const back1 = applyRewrite(u.rewrite!, file1.highlights);
    const back2 = applyRewrite(u.rewrite!, file2.highlights);
    expect(back1.highlights.map((h) => h.tagIds)).toEqual([['drugs', 'afg', 'border'], ['afg']]);
    expect(back2.highlights.map((h) => h.tagIds)).toEqual([['border', 'drugs', 'afg'], ['herat']]);
    expect(back2.changedIds).toEqual(['h3']);
  });

  it('undo keeps tags added to a highlight since, and never duplicates', () => {
    const c = deleteTag(tree(), 'afg');
    const r = applyRewrite(c.rewrite!, [hl('h1', ['drugs', 'afg'])]);
    const edited = [{ ...r.highlights[0], tagIds: ['drugs', 'border'] }];
    const u = undoDelete(c.tags, c.undo, r.positions);
    expect(applyRewrite(u.rewrite!, edited).highlights[0].tagIds).toEqual(['drugs', 'afg', 'border']);
    expect(rewriteTagIds(u.rewrite!, 'h1', ['afg', 'drugs'])).toBeNull();
  });

  it('undo leaves a child where the analyst moved it since the delete', () => {
    const c = deleteTag(tree(), 'afg');
    const moved = moveTag(c.tags, 'herat', 'drugs');
    const u = undoDelete(moved.tags, c.undo, {});
    expect(tagPath(u.tags, 'kabul')).toEqual(['Places', 'Afghanistan', 'Kabul']);
    expect(tagPath(u.tags, 'herat')).toEqual(['Drugs', 'Herat']);
  });

  it('undo refuses when a tag with the same name took its place', () => {
    const c = deleteTag(tree(), 'afg');
    const again = createTag(c.tags, { id: 'afg2', name: 'afghanistan', parentId: 'places', createdAt: NOW });
    const e = codebookError(() => undoDelete(again.tags, c.undo, {}));
    expect(e.code).toBe('undo-conflict');
    expect(e.message).toBe('Cannot undo the delete of "Afghanistan": a tag named "afghanistan" now exists under Places. Rename it first.');
  });

  it('refuses a delete whose children would clash with their new siblings', () => {
    const tags = [...tree(), tag('kabul-top', 'Kabul', 'places')];
    const e = codebookError(() => deleteTag(tags, 'afg'));
    expect(e.message).toBe(
      'Cannot delete "Afghanistan": its child "Kabul" would move under Places, where a tag named "Kabul" already exists. Rename or merge one of them first.',
    );
  });

  it('deletes a leaf with a short summary', () => {
    const c = deleteTag(tree(), 'drugs');
    expect(c.summary).toBe('Deleted "Drugs".');
    expect(c.undo).toEqual({ tag: tree()[4], index: 4, childParents: {} });
  });
});
