// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { DOMParser as PMDOMParser, DOMSerializer } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { createPasteSanitizer, keepEmphasisStyles } from '../../core/notes/paste-policy';
import { noteFromJSON } from '../../core/notes/from-json';
import { noteSchema } from '../../core/notes/schema';
import { cite, doc, em, h, li, link, ol, p, quote, strong, t, ul, br, code, hr } from './notes-fixtures';

// The same policy the editor's transformPastedHTML uses, on jsdom's window instead of the app's.
const sanitize = createPasteSanitizer(DOMPurify(window));

/** What the editor would make of a paste: sanitise, then parse with the note schema. */
function pasted(html: string) {
  const host = document.createElement('div');
  host.innerHTML = sanitize(html);
  return PMDOMParser.fromSchema(noteSchema).parse(host).toJSON();
}

describe('paste sanitising', () => {
  it('drops scripts, styles, images, frames, forms and event handlers', () => {
    const hostile = [
      '<script>window.pwned = 1</script>',
      '<style>body { display: none }</style>',
      '<p onclick="alert(1)" onmouseover="alert(2)">Kept text</p>',
      '<img src="https://tracker.example/pixel.gif" onerror="alert(3)">',
      '<img src=x onerror=alert(4)>',
      '<iframe src="https://evil.example"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<svg><script>alert(5)</script><circle r="5"/></svg>',
      '<form action="https://evil.example"><input name="q" value="x"><button formaction="javascript:alert(6)">Go</button></form>',
      '<a href="javascript:alert(7)">js link</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>',
      '<p style="background:url(https://tracker.example/bg.png); color: red; font-weight: bold">styled</p>',
      '<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<math><mi xlink:href="javascript:alert(8)">m</mi></math>',
    ].join('');
    const clean = sanitize(hostile);
    expect(clean).not.toMatch(/<script|<style|<img|<iframe|<object|<embed|<svg|<form|<input|<link|<meta|<math/i);
    expect(clean).not.toMatch(/\bon[a-z]+\s*=/i);
    expect(clean).not.toMatch(/javascript:|data:text|url\(|tracker|evil\.example|color:\s*red/i);
    expect(clean).not.toContain('pwned');
    expect(clean).not.toContain('display: none');
    expect(clean).toContain('Kept text');
    expect(clean).toContain('js link');
    expect(clean).toContain('data link');
    // Emphasis expressed as a style survives as the only declaration.
    expect(clean).toContain('<p style="font-weight: bold">styled</p>');
  });

  it('keeps headings, lists, links, quotes and emphasis as note structure', () => {
    const html = `
      <h1>Title</h1><h4>Deep heading</h4>
      <p>Some <b>bold</b>, <strong>strong</strong>, <i>italic</i>, <em>em</em>, <code>code</code> and <a href="https://example.org" title="Ex" target="_blank" rel="opener">a link</a>.</p>
      <ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>
      <ol start="4"><li>four</li></ol>
      <blockquote><p>quoted</p></blockquote><hr>
      <p>line<br>break</p>`;
    expect(pasted(html)).toEqual(
      doc(
        h(1, t('Title')),
        h(3, t('Deep heading')),
        p(t('Some '), t('bold', strong), t(', '), t('strong', strong), t(', '), t('italic', em), t(', '), t('em', em), t(', '), t('code', code), t(' and '), t('a link', link('https://example.org', 'Ex')), t('.')),
        ul(li(p(t('one')), ul(li(p(t('nested'))))), li(p(t('two')))),
        ol(4, li(p(t('four')))),
        quote(p(t('quoted'))),
        hr(),
        p(t('line'), br(), t('break')),
      ),
    );
  });

  it('keeps the text of unsafe links without the link', () => {
    expect(pasted('<p><a href="javascript:alert(1)">run</a> <a href="file:///etc/passwd">file</a> <a href="mailto:a@b.org">mail</a></p>')).toEqual(
      doc(p(t('run file '), t('mail', link('mailto:a@b.org')))),
    );
  });

  it('reads Google Docs emphasis: the bold wrapper with font-weight normal is not bold, styled spans are', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700;">Bold</span><span style="font-size:11pt;font-weight:400;"> plain </span><span style="font-style:italic;font-weight:400;">italic</span></p></b>';
    expect(pasted(html)).toEqual(doc(p(t('Bold', strong), t(' plain '), t('italic', em))));
  });

  it('keeps only plain emphasis declarations of a style', () => {
    expect(keepEmphasisStyles('font-weight:700; color: red; font-style: italic !important; background: url(x)')).toBe('font-weight: 700; font-style: italic');
    expect(keepEmphasisStyles('font-weight: expression(alert(1))')).toBe('');
  });
});

describe('DOM round trip (copy and paste inside the app)', () => {
  it('serialises and parses back every node and mark, citations included', () => {
    const json = doc(
      h(2, t('Heading')),
      p(t('b', strong), t('i', em), t('c', code), t('l', link('https://x.org'))),
      ul(li(p(t('u')))),
      ol(3, li(p(t('o')))),
      quote(p(t('q'))),
      hr(),
      cite({ tags: ['ISIS', 'Putin'] }),
      cite({ highlightId: 'h2', deleted: true, quote: 'gone "quote" <b>', tags: [] }),
      p(t('a'), br(), t('b')),
    );
    const node = noteFromJSON(json);
    const host = document.createElement('div');
    host.append(DOMSerializer.fromSchema(noteSchema).serializeFragment(node.content));
    // Through the sanitiser too: that is the path of a real paste.
    const again = document.createElement('div');
    again.innerHTML = sanitize(host.innerHTML);
    expect(PMDOMParser.fromSchema(noteSchema).parse(again).toJSON()).toEqual(json);
  });
});
