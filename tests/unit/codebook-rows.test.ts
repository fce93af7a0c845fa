import { describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import { tagsById } from '../../core/tags/lineage';
import { codebookRows } from '../../core/tags/visible-rows';

const tag = (id: string, name: string, parentId: string | null = null, aliases: string[] = []): Tag => ({ id, name, kind: 'theme', color: '#aecbfa', parentId, description: '', aliases, createdAt: 'x' });
const tags = [tag('places', 'Places'), tag('tj', 'Tajikistan', 'places', ['Таджикистан']), tag('af', 'Afghanistan', 'places'), tag('kb', 'Kabul', 'af'), tag('themes', 'Themes'), tag('dr', 'Drugs', 'themes')];
const rows = (collapsed: string[] = [], filter = '') => codebookRows(tags, tagsById(tags), new Set(collapsed), filter).map((r) => `${'  '.repeat(r.depth)}${r.tag.name} ${r.posinset}/${r.setsize}${r.hasChildren ? '+' : ''}`);

describe('codebookRows', () => {
  it('walks depth first: the top level in codebook order, sub-tags by name', () => {
    expect(rows()).toEqual(['Places 1/2+', '  Afghanistan 1/2+', '    Kabul 1/1', '  Tajikistan 2/2', 'Themes 2/2+', '  Drugs 1/1']);
  });
  it('hides the sub-tags of a collapsed tag', () => {
    expect(rows(['af', 'themes'])).toEqual(['Places 1/2+', '  Afghanistan 1/2+', '  Tajikistan 2/2', 'Themes 2/2+']);
  });
  it('a filter keeps matches (names and aliases, any case and accents) with their ancestors, expanded', () => {
    expect(rows(['places', 'af'], 'kabul')).toEqual(['Places 1/1+', '  Afghanistan 1/1+', '    Kabul 1/1']);
    expect(rows([], 'таджик')).toEqual(['Places 1/1+', '  Tajikistan 1/1']);
    expect(rows([], 'nothing')).toEqual([]);
  });
  it('walks a tree 100,000 deep without recursion, and survives a parent cycle', () => {
    const deep: Tag[] = [tag('d0', 'd0')];
    for (let i = 1; i < 100_000; i++) deep.push(tag(`d${i}`, `d${i}`, `d${i - 1}`));
    expect(codebookRows(deep, tagsById(deep), new Set(), '')).toHaveLength(100_000);
    const cycle = [tag('a', 'A', 'b'), tag('b', 'B', 'a')];
    expect(codebookRows(cycle, tagsById(cycle), new Set(), 'a').length).toBeLessThanOrEqual(2);
  });
});
