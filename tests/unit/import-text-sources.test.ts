import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../core/import';
import { findDuplicates, htmlToText, importTextSource, parseDate } from '../../core/import/text-sources';
import { seedSources, seedTextOf } from './export-fixture';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('importing .txt sources', () => {
  it('keeps a seed article text as it is, with its headline and date line, and the backend\'s content hash', () => {
    const seed = seedSources().find((s) => s.file.startsWith('004'))!;
    const text = seedTextOf(seed.file);
    const s = importTextSource(seed.file, utf8(text));
    expect(s.format).toBe('txt');
    expect(s.text).toBe(text.replace(/\s+$/, ''));
    expect(s.title).toBe(seed.title);
    expect(s.date).toBe('2021-08-23');
    expect(s.contentHash).toBe(createHash('sha256').update(s.text, 'utf8').digest('hex'));
    expect(s.originalFile).toBe(seed.file);
  });

  it('falls back to the file name for a title when the first line is a paragraph, and reads other date forms', () => {
    const long = 'A'.repeat(250);
    const s = importTextSource('folder/my_report.txt', utf8(`${long}\r\nSecond line\r\n`));
    expect(s.title).toBe('my report');
    expect(s.text).toBe(`${long}\nSecond line`);
    expect(s.date).toBe('');
    expect(parseDate('30th April, 2022 · admin')).toBe('2022-04-30');
    expect(parseDate('August 23, 2021')).toBe('2021-08-23');
    expect(parseDate('2021-02-30')).toBe('');
    expect(importTextSource('a.txt', utf8('\uFEFFHeadline\n\nOctober 15, 2021\n\nBody.')).date).toBe('2021-10-15');
  });
});

describe('importing .md sources', () => {
  it('takes title, date and publisher from YAML front matter and keeps the body', () => {
    const md = '---\ntitle: "Border talks"\ndate: 2022-03-04\npublisher: Reuters\n---\n\n# Heading\n\nBody **text**.\n';
    const s = importTextSource('notes.md', utf8(md));
    expect(s).toMatchObject({ format: 'md', title: 'Border talks', date: '2022-03-04', publisher: 'Reuters' });
    expect(s.text).toBe('# Heading\n\nBody **text**.');
  });

  it('uses the first # heading when there is no front matter', () => {
    expect(importTextSource('x.markdown', utf8('Intro\n\n# The real title\n\nText')).title).toBe('The real title');
  });
});

describe('importing .html sources', () => {
  const page = `<!doctype html><html><head>
    <title>Site | Ignored title</title>
    <meta property="og:title" content="Putin warns of extremist buildup">
    <meta property="og:site_name" content="EFE">
    <meta property="article:published_time" content="2021-10-15T08:00:00Z">
    <style>body { background: url(http://tracker.example/x.png) }</style>
    <script>document.cookie = 'stolen'</script>
  </head>
  <body onload="alert('body')">
    <nav><a href="/">Home</a></nav>
    <h1 onclick="alert('h1')">Putin warns</h1>
    <p>Moscow (EFE).- Putin&nbsp;warned <b>Friday</b> of the &quot;buildup&quot; &amp; more.</p>
    <p>Second<br>line   with    spaces.</p>
    <script>alert('inline')</script>
    <iframe src="http://evil.example/frame">Frame text</iframe>
    <form action="http://evil.example"><input name="q" value="typed"><button>Send it</button><p>Form text</p></form>
    <noscript>Enable JS</noscript>
    <ul><li>One</li><li>Two</li></ul>
    <svg><text>vector text</text></svg>
    <img src="x" onerror="alert('img')">
  </body></html>`;

  it('keeps the text, paragraph by paragraph, with entities decoded', () => {
    const s = importTextSource('article.html', utf8(page));
    expect(s.text).toBe(
      'Home\n\nPutin warns\n\nMoscow (EFE).- Putin\u00a0warned Friday of the "buildup" & more.\n\nSecond\nline with spaces.\n\n• One\n\n• Two',
    );
    expect(s).toMatchObject({ format: 'html', title: 'Putin warns of extremist buildup', date: '2021-10-15', publisher: 'EFE' });
  });

  it('drops scripts, styles, event handlers, iframes, forms and embedded content, running none of it', () => {
    const { text } = htmlToText(page);
    for (const gone of ['cookie', 'alert', 'background', 'Frame text', 'Form text', 'typed', 'Send it', 'Enable JS', 'vector text', 'evil', 'onload', 'onerror']) {
      expect(text).not.toContain(gone);
    }
  });

  it('takes the title from <h1> or <title> and the date from <time> when there are no meta tags', () => {
    expect(htmlToText('<title>T</title><h1>H</h1><p>x</p>').title).toBe('H');
    expect(htmlToText('<title> Only  title </title><p>x</p>').title).toBe('Only title');
    expect(htmlToText('<p>Posted <time datetime="2020-01-02">Jan 2</time></p>').date).toBe('2020-01-02');
  });
});

describe('duplicate sources', () => {
  it('are found by content hash, in the notebook and within the same batch', () => {
    const a = importTextSource('a.txt', utf8('Same text'));
    const b = importTextSource('b.md', utf8('Same text\n'));
    const c = importTextSource('c.txt', utf8('Other text'));
    const existing = [{ id: 'seed-1', title: 'Seed', contentHash: c.contentHash }];
    expect(findDuplicates([a, b, c].map((s) => ({ fileName: s.originalFile, contentHash: s.contentHash })), existing)).toEqual([
      { fileName: 'b.md', duplicateOf: { kind: 'batch', fileName: 'a.txt' } },
      { fileName: 'c.txt', duplicateOf: { kind: 'notebook', id: 'seed-1', title: 'Seed' } },
    ]);
  });

  it('importFile wraps a source as a one-source notebook with a stable id', () => {
    const n = importFile('a.txt', utf8('Headline\n\nBody'));
    expect(n).toMatchObject({ format: 'text', tags: [], highlights: [], projectNote: null });
    expect(n.sources).toHaveLength(1);
    expect(n.sources[0].id).toBe(importFile('copy.txt', utf8('Headline\n\nBody')).sources[0].id);
  });
});
