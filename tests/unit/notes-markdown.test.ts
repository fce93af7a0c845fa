import { describe, expect, it } from 'vitest';
import { noteToHtml, noteToMarkdown, noteToPlainText } from '../../core/notes/markdown';
import type { NoteDoc } from '../../core/model';
import { br, cite, code, doc, em, h, hr, li, link, ol, p, quote, strong, t, ul } from './notes-fixtures';

const md = (...blocks: unknown[]) => noteToMarkdown(doc(...blocks));

describe('noteToMarkdown: every node', () => {
  it('paragraphs and headings of three levels', () => {
    expect(md(h(1, t('One')), h(2, t('Two')), h(3, t('Three')), p(t('Body text.')))).toBe('# One\n\n## Two\n\n### Three\n\nBody text.');
  });

  it('blockquote, horizontal rule and hard break', () => {
    expect(md(quote(p(t('quoted')), p(t('more'))), hr(), p(t('a'), br(), t('b')))).toBe('> quoted\n>\n> more\n\n---\n\na\\\nb');
  });

  it('bullet and numbered lists, nested', () => {
    expect(md(ul(li(p(t('one')), ul(li(p(t('nested'))))), li(p(t('two')))))).toBe('- one\n  - nested\n- two');
    expect(md(ol(1, li(p(t('first'))), li(p(t('second')), ol(1, li(p(t('inner')))))))).toBe('1. first\n2. second\n   1. inner');
    expect(md(ol(9, li(p(t('nine'))), li(p(t('ten')))))).toBe(' 9. nine\n10. ten');
  });

  it('a citation: the quote as a blockquote, then the source as a block reference', () => {
    expect(md(cite())).toBe('> Putin said ISIS has about 2,000 fighters.\n>\n> — [Putin warns of buildup](#^h-h1)');
  });

  it('a multi-paragraph quote keeps its paragraphs, and Markdown in a quote is escaped', () => {
    expect(md(cite({ quote: 'First *line*\n\nsecond [line]', sourceTitle: 'A [B]' }))).toBe('> First \\*line\\*\n>\n> second \\[line\\]\n>\n> — [A \\[B\\]](#^h-h1)');
  });

  it('a deleted citation keeps its last quote and says so', () => {
    expect(md(cite({ deleted: true }))).toBe('> Putin said ISIS has about 2,000 fighters.\n>\n> — Putin warns of buildup (deleted passage)');
  });

  it('the citation link can be chosen by the exporter', () => {
    const out = noteToMarkdown(doc(cite()), { citationLink: (c) => `sources/${c.sourceId}.md#^h-${c.highlightId}` });
    expect(out).toBe('> Putin said ISIS has about 2,000 fighters.\n>\n> — [Putin warns of buildup](sources/s1.md#^h-h1)');
    expect(noteToMarkdown(doc(cite()), { citationLink: () => 'a (b).md' })).toContain('— [Putin warns of buildup](a%20\\(b\\).md)');
  });

  it('a citation inside a list is indented with its item', () => {
    expect(md(ul(li(p(t('claim')), cite({ quote: 'q', sourceTitle: 'S' }))))).toBe('- claim\n\n  > q\n  >\n  > — [S](#^h-h1)');
  });

  it('a citation without a title names it anyway', () => {
    expect(md(cite({ sourceTitle: '', quote: 'q' }))).toBe('> q\n>\n> — [Untitled source](#^h-h1)');
  });
});

describe('noteToMarkdown: every mark', () => {
  it('bold, italic, code, link (with and without title), autolink, mailto', () => {
    expect(md(p(t('bold', strong)))).toBe('**bold**');
    expect(md(p(t('italic', em)))).toBe('*italic*');
    expect(md(p(t('both', em, strong)))).toBe('***both***');
    expect(md(p(t('a `tick`', code)))).toBe('`` a `tick` ``');
    expect(md(p(t('site', link('https://example.org/a(1)'))))).toBe('[site](https://example.org/a\\(1\\))');
    expect(md(p(t('site', link('https://example.org', 'The "site"'))))).toBe('[site](https://example.org "The \\"site\\"")');
    expect(md(p(t('https://example.org', link('https://example.org'))))).toBe('<https://example.org>');
    expect(md(p(t('write', link('mailto:a@b.org'))))).toBe('[write](mailto:a@b.org)');
    expect(md(p(t('bold link', link('https://x.org'), strong)))).toBe('[**bold link**](https://x.org)');
  });

  it('escapes Markdown typed as text', () => {
    // An underscore inside a word is not emphasis in CommonMark, so it stays as typed.
    expect(md(p(t('2 * 3 = 6, a_b, _c_, [x], # not a heading')))).toBe('2 \\* 3 = 6, a_b, \\_c\\_, \\[x\\], # not a heading');
    expect(md(p(t('# starts like a heading')))).toBe('\\# starts like a heading');
  });
});

describe('noteToMarkdown: never throws', () => {
  it('falls back to text for unknown or malformed documents', () => {
    expect(noteToMarkdown({ type: 'doc', content: [{ type: 'callout', content: [p(t('kept'))] }, { type: 'paragraph', content: [{ type: 'mention', text: '@Bob' }] }] })).toBe('kept\n\n@Bob');
    expect(noteToMarkdown(null as unknown as NoteDoc)).toBe('');
    expect(noteToMarkdown({ type: 'doc', content: 'nonsense' } as unknown as NoteDoc)).toBe('');
    expect(md()).toBe('');
  });
});

describe('noteToPlainText', () => {
  it('one line per block, bullets kept, citations as quote and source', () => {
    const out = noteToPlainText(
      doc(h(2, t('Findings')), p(t('ISIS is ', strong), t('growing'), br(), t('in the north')), quote(p(t('quoted'))), hr(), ul(li(p(t('a')), ul(li(p(t('b'))))), li(p(t('c')))), ol(3, li(p(t('three')))), cite(), cite({ deleted: true, quote: 'old\nquote' })),
    );
    expect(out).toBe(
      [
        'Findings',
        'ISIS is growing',
        'in the north',
        'quoted',
        '---',
        '- a',
        '  - b',
        '- c',
        '3. three',
        '“Putin said ISIS has about 2,000 fighters.” — Putin warns of buildup',
        '“old quote” — Putin warns of buildup (deleted passage)',
      ].join('\n'),
    );
  });

  it('never throws', () => {
    expect(noteToPlainText(null as unknown as NoteDoc)).toBe('');
    expect(noteToPlainText({ type: 'doc', content: [{ type: 'weird', text: 'still here' }] })).toBe('still here');
  });
});

describe('noteToHtml', () => {
  it('renders every node and mark', () => {
    const out = noteToHtml(
      doc(h(1, t('T')), p(t('b', strong), t('i', em), t('c', code), t('l', link('https://x.org', 'X'))), p(t('a'), br(), t('b')), quote(p(t('q'))), hr(), ul(li(p(t('u')))), ol(2, li(p(t('o'))))),
    );
    expect(out).toBe(
      '<h1>T</h1><p><strong>b</strong><em>i</em><code>c</code><a href="https://x.org" title="X" rel="noopener noreferrer">l</a></p><p>a<br>b</p><blockquote><p>q</p></blockquote><hr><ul><li><p>u</p></li></ul><ol start="2"><li><p>o</p></li></ol>',
    );
  });

  it('nests overlapping marks properly', () => {
    expect(noteToHtml(doc(p(t('a', em), t('b', em, strong), t('c', strong))))).toBe('<p><em>a<strong>b</strong></em><strong>c</strong></p>');
  });

  it('escapes everything a note holds', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const out = noteToHtml(doc(p(t(hostile, link('https://x.org/?a="b"&c=<d>'))), cite({ quote: hostile, sourceTitle: '"><b>', tags: ['<i>tag</i>'], highlightId: 'h"1' })));
    expect(out).not.toMatch(/<script|<img|<b>|<i>/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('href="https://x.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;"');
    expect(out).toContain('data-highlight-id="h&quot;1"');
    expect(out).toContain('<span class="tag">&lt;i&gt;tag&lt;/i&gt;</span>');
  });

  it('a citation links to its passage; a deleted one says so', () => {
    expect(noteToHtml(doc(cite({ tags: ['ISIS'] })))).toBe(
      '<figure class="citation" data-highlight-id="h1"><blockquote><p>Putin said ISIS has about 2,000 fighters.</p></blockquote><figcaption>— <a href="#h-h1">Putin warns of buildup</a> <span class="tag">ISIS</span></figcaption></figure>',
    );
    expect(noteToHtml(doc(cite({ deleted: true, tags: [] })))).toBe(
      '<figure class="citation deleted" data-highlight-id="h1"><blockquote><p>Putin said ISIS has about 2,000 fighters.</p></blockquote><figcaption>— Putin warns of buildup <span class="deleted-passage">(deleted passage)</span></figcaption></figure>',
    );
    expect(noteToHtml(doc(cite({ tags: [] })), { citationLink: (c) => `#passage-${c.highlightId}` })).toContain('<a href="#passage-h1">');
  });

  it('drops a link that is not http(s)/mailto but keeps its text', () => {
    expect(noteToHtml({ type: 'doc', content: [p(t('click me', link('javascript:alert(1)')))] })).toBe('<p>click me</p>');
  });
});
