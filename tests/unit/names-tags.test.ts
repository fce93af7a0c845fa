/** One entity, every script (issue 18): the tag picker, retrieval by tag and tag edits know a name in any script. */
import { describe, expect, it } from 'vitest';
import type { Highlight, SourceMeta, Tag } from '../../core/model';
import { rankTags, tagsNamed } from '../../core/tags/match';
import { parseQuery, retrieve } from '../../core/tags/query';
import { updateTag } from '../../core/tags/codebook';
import { storedTagSchema } from '../../core/storage-schemas';

const NOW = '2024-05-01T10:00:00.000Z';
const tag = (id: string, name: string, aliases: string[] = [], extra: Partial<Tag> = {}): Tag => ({ id, name, kind: 'person', color: '#aecbfa', parentId: null, description: '', aliases, createdAt: NOW, ...extra });
const putin = tag('t-putin', 'Vladimir Putin', ['Putin']);
const shoigu = tag('t-shoigu', 'Сергей Шойгу', ['Шойгу']);
const rahmon = tag('t-rahmon', 'Emomali Rahmon');
const tags = [putin, shoigu, rahmon];

describe('tag picker across scripts', () => {
  it.each([
    ['Путин', 't-putin'],
    ['Poutine', 't-putin'],
    ['Путину', 't-putin'],
    ['Shoigu', 't-shoigu'],
    ['Schoigu', 't-shoigu'],
    ['Рахмон', 't-rahmon'],
    ['Rakhmon', 't-rahmon'],
  ])('"%s" finds %s', (q, id) => {
    const r = rankTags(tags, q);
    expect(r[0]?.tag.id).toBe(id);
  });

  it('is marked as a match in another script, ranked below spelled matches, and can be turned off', () => {
    const both = [...tags, tag('t-x', 'Putinism')];
    const r = rankTags(both, 'Putin');
    expect(r.map((m) => m.tag.id)).toEqual(['t-putin', 't-x']);
    expect(rankTags(tags, 'Путин')[0].tier).toBe('script');
    expect(rankTags(tags, 'Путин', { translit: false })).toEqual([]);
    expect(rankTags([{ ...putin, translit: false }], 'Путин')).toEqual([]);
    expect(tagsNamed(tags, 'Шойгу').map((t) => t.id)).toEqual(['t-shoigu']);
  });
});

describe('retrieval by tag across scripts', () => {
  const meta: SourceMeta = { id: 's1', title: 'T', publisher: 'P', date: '2021-01-01', originalFile: '', contentHash: '', addedAt: NOW, furniture: [] };
  const text = 'Путин встретился с Шойгу.';
  const h: Highlight = { id: 'h-aaaa', sourceId: 's1', start: 0, end: 5, quote: { exact: 'Путин', prefix: '', suffix: '' }, tagIds: ['t-putin'], note: null, orphan: false, createdAt: NOW, modifiedAt: NOW };
  it('a query names the tag in another script', () => {
    const r = retrieve('Путин', {}, { tags, sources: [{ meta, text, highlights: [h] }] });
    expect(r.segments.map((s) => s.highlight.id)).toEqual(['h-aaaa']);
    expect(parseQuery('Shoygu OR Путина', tags).ok).toBe(true);
    const off = parseQuery('Путин', tags, { translit: false });
    expect(off.ok).toBe(false);
  });
});

describe('per-tag switch', () => {
  it('is stored only when off, and old tags without it still load', () => {
    const off = updateTag(tags, 't-putin', { translit: false });
    expect(off.tag.translit).toBe(false);
    expect(off.summary).toContain('only as spelled');
    const on = updateTag(off.tags, 't-putin', { translit: true });
    expect('translit' in on.tag).toBe(false);
    expect(storedTagSchema.safeParse({ id: 'a', name: 'A', kind: 'person', color: '#aabbcc', parentId: null }).success).toBe(true);
    expect(storedTagSchema.safeParse({ id: 'a', name: 'A', kind: 'person', color: '#aabbcc', parentId: null, translit: 'no' }).success).toBe(false);
  });
});
