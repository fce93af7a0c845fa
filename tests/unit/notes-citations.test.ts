import { describe, expect, it } from 'vitest';
import { refreshCitationJSON, refreshedAttrs, type ResolvedHighlight } from '../../core/notes/citations';
import type { CitationAttrs } from '../../core/notes/schema';
import { cite, doc, li, p, quote, t, ul } from './notes-fixtures';

const live = (over: Partial<ResolvedHighlight> = {}): ResolvedHighlight => ({
  quote: 'Putin said ISIS has about 2,000 fighters.',
  sourceTitle: 'Putin warns of buildup',
  sourceId: 's1',
  tags: [
    { name: 'ISIS', color: '#ff0000' },
    { name: 'Putin', color: '#0000ff' },
  ],
  deleted: false,
  ...over,
});
const stored = cite().attrs as CitationAttrs;

describe('refreshedAttrs', () => {
  it('returns the same attrs when nothing changed (tag colours are not stored)', () => {
    expect(refreshedAttrs(stored, live({ tags: [{ name: 'ISIS', color: '#123456' }, { name: 'Putin', color: '#000' }] }))).toBe(stored);
  });

  it('takes a new quote (re-anchoring), title and tags', () => {
    expect(refreshedAttrs(stored, live({ quote: 'about 2,000', tags: [{ name: 'ISIS', color: '#f00' }], sourceTitle: 'Renamed' }))).toEqual({
      ...stored,
      quote: 'about 2,000',
      sourceTitle: 'Renamed',
      tags: ['ISIS'],
    });
  });

  it('marks a deleted highlight and keeps its last quote', () => {
    expect(refreshedAttrs(stored, null)).toEqual({ ...stored, deleted: true });
    expect(refreshedAttrs(stored, live({ deleted: true, quote: '' }))).toEqual({ ...stored, deleted: true });
    // The newest quote seen this session wins over an older stored one.
    expect(refreshedAttrs(stored, null, 'newer quote')).toEqual({ ...stored, deleted: true, quote: 'newer quote' });
    const gone = { ...stored, deleted: true };
    expect(refreshedAttrs(gone, null)).toBe(gone);
  });

  it('brings a citation back when its highlight reappears (an undone delete)', () => {
    expect(refreshedAttrs({ ...stored, deleted: true }, live())).toEqual(stored);
  });
});

describe('refreshCitationJSON', () => {
  it('updates citations at any depth and shares untouched parts', () => {
    const para = p(t('text'));
    const json = doc(para, cite(), quote(cite({ highlightId: 'h2' })), ul(li(p(t('x')), cite({ highlightId: 'h3' }))));
    const out = refreshCitationJSON(json, (id) => (id === 'h2' ? null : id === 'h3' ? live({ quote: 'changed' }) : live()));
    expect(out).not.toBe(json);
    expect(out.content[0]).toBe(para);
    expect(out.content[1]).toBe(json.content[1]);
    expect(out.content[2]).toEqual(quote(cite({ highlightId: 'h2', deleted: true })));
    expect(out.content[3]).toEqual(ul(li(p(t('x')), cite({ highlightId: 'h3', quote: 'changed' }))));
    // The input is not modified.
    expect(json.content[2]).toEqual(quote(cite({ highlightId: 'h2' })));
  });

  it('returns the input itself when every citation is current', () => {
    const json = doc(p(t('a')), cite());
    expect(refreshCitationJSON(json, () => live())).toBe(json);
  });

  it('tolerates malformed JSON', () => {
    for (const odd of [null, 3, 'x', { type: 'doc', content: 'nope' }, { type: 'doc', content: [null, { type: 'citation' }, { type: 'citation', attrs: { quote: 'q' } }] }]) {
      expect(refreshCitationJSON(odd, () => null)).toBe(odd);
    }
  });
});
