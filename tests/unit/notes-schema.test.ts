import { describe, expect, it } from 'vitest';
import { noteFromJSON, jsonText } from '../../core/notes/from-json';
import { isSafeHref, isWebHref, noteSchema } from '../../core/notes/schema';
import { br, cite, code, doc, em, h, hr, li, link, ol, p, quote, strong, t, ul } from './notes-fixtures';

describe('note schema: JSON round trip', () => {
  it('keeps every node and mark exactly', () => {
    const json = doc(
      h(1, t('One')),
      h(2, t('Two')),
      h(3, t('Three')),
      p(t('plain '), t('bold', strong), t(' '), t('italic', em), t(' '), t('both', em, strong), t(' '), t('x < y', code), t(' '), t('a link', link('https://example.org/a?b=1', 'Example'))),
      p(t('first line'), br(), t('second line')),
      quote(p(t('a quote')), p(t('two paragraphs'))),
      hr(),
      ul(li(p(t('bullet')), ul(li(p(t('nested bullet'))))), li(p(t('second')))),
      ol(1, li(p(t('number one'))), li(p(t('number two')), ol(3, li(p(t('nested three')))))),
      cite(),
      cite({ highlightId: 'h2', deleted: true, tags: [] }),
      p(t('mail', link('mailto:analyst@example.org'))),
      p(),
    );
    const node = noteFromJSON(json);
    expect(() => node.check()).not.toThrow();
    expect(node.toJSON()).toEqual(json);
  });

  it('stores marks in schema order so equal formatting is equal JSON', () => {
    const node = noteFromJSON(doc(p(t('x', strong, em))));
    expect(node.toJSON()).toEqual(doc(p(t('x', em, strong))));
  });

  it('gives a citation default attrs when some are missing', () => {
    const node = noteFromJSON(doc({ type: 'citation', attrs: { highlightId: 'h9', quote: 'q' } }));
    expect(node.firstChild!.attrs).toEqual({ highlightId: 'h9', sourceId: '', quote: 'q', sourceTitle: '', tags: [], deleted: false, pages: '' });
  });
});

describe('note schema: old or malformed documents never throw and keep their text', () => {
  const text = (json: unknown) => noteFromJSON(json).textBetween(0, noteFromJSON(json).content.size, '\n', (n) => (n.type.name === 'citation' ? `[${n.attrs.quote}]` : ''));

  it('opens nothing at all as one empty paragraph', () => {
    for (const value of [null, undefined, 42, 'x'.slice(1), {}, { type: 'doc' }, { type: 'doc', content: [] }]) {
      const node = noteFromJSON(value);
      expect(node.toJSON()).toEqual(doc(p()));
    }
  });

  it('keeps the text of unknown nodes and marks', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'callout', content: [p(t('inside a callout'))] },
        p(t('hello '), { type: 'mention', attrs: { id: 7 }, text: '@Bob' }, t(' and '), { type: 'text', text: 'underlined', marks: [{ type: 'underline' }] }),
        { type: 'image', attrs: { src: 'https://x/y.png' } },
        { type: 'code_block', content: [t('let x = 1;')] },
      ],
    };
    expect(text(json)).toBe('inside a callout\nhello @Bob and underlined\nlet x = 1;');
  });

  it('repairs bad attrs, bad nesting and unsafe links', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 7 }, content: [t('deep heading')] },
        { type: 'paragraph', attrs: { align: 'center' }, content: [t('click', link('javascript:alert(1)')), t(' ok', link('https://ok.example'))] },
        { type: 'bullet_list', content: [p(t('stray paragraph in a list'))] },
        { type: 'list_item', content: [p(t('orphan item'))] },
        { type: 'citation', attrs: { highlightId: 5, quote: ['not', 'a string'], tags: 'ISIS', deleted: 'true' } },
        'a bare string',
      ],
    };
    const node = noteFromJSON(json);
    expect(() => node.check()).not.toThrow();
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).attrs.level).toBe(3);
    expect(node.child(0).textContent).toBe('deep heading');
    const para = node.child(1);
    expect(para.textContent).toBe('click ok');
    expect(para.child(0).marks).toEqual([]);
    expect(para.child(1).marks[0].attrs.href).toBe('https://ok.example');
    expect(node.child(2).type.name).toBe('bullet_list');
    expect(node.child(2).textContent).toBe('stray paragraph in a list');
    expect(node.child(3).type.name).toBe('bullet_list');
    const citation = node.child(4);
    expect(citation.type.name).toBe('citation');
    expect(citation.attrs).toMatchObject({ highlightId: '5', quote: 'not,a string', tags: [], deleted: true });
    expect(node.child(5).textContent).toBe('a bare string');
  });

  it('jsonText reads text out of anything', () => {
    expect(jsonText(doc(p(t('a'), br(), t('b')), cite({ quote: 'q' })))).toBe('a\nb\nq');
    expect(jsonText(null)).toBe('');
  });
});

describe('links', () => {
  it('allows only http(s) and mailto', () => {
    for (const ok of ['https://a.org', 'http://a.org/x', 'mailto:a@b.org', ' HTTPS://A.ORG ']) expect(isSafeHref(ok)).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'file:///etc/passwd', '/relative', '#x', 'vbscript:x', '', null, 3]) expect(isSafeHref(bad)).toBe(false);
    expect(isWebHref('mailto:a@b.org')).toBe(false);
    expect(isWebHref('https://a.org')).toBe(true);
  });

  it('a link mark with an unsafe href cannot be created at all', () => {
    expect(() => noteSchema.marks.link.create({ href: 'javascript:alert(1)' })).toThrow();
    expect(noteSchema.marks.link.create({ href: 'https://ok.example' }).attrs.href).toBe('https://ok.example');
  });
});
