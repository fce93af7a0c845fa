import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportMarkdown } from '../../core/export/markdown';
import { EMPTY_DOC, type NotebookSnapshot } from '../../core/model';
import { noteFormatter } from '../../core/notes/markdown';
import { noteParser } from '../../core/exchange/note-markdown';

import { HOSTILE } from '../support/hostile';

export function hostileSnapshot(): NotebookSnapshot {
  const text = `Intro. ${HOSTILE.join('\n')}\nEnd.`;
  const start = text.indexOf('<script>');
  const end = text.indexOf('\nEnd.');
  const note = noteParser.fromPlainText(HOSTILE.join('\n\n'));
  return {
    title: 'Hostile',
    exportedAt: '2026-01-01T00:00:00.000Z',
    tags: [],
    sources: [
      {
        meta: { id: 'src-hostile', title: '<b>Title</b> # x', publisher: '', date: '', originalFile: '', contentHash: '', addedAt: '2026-01-01T00:00:00.000Z', furniture: [] },
        text,
        highlights: [
          {
            id: 'h-hostile1',
            sourceId: 'src-hostile',
            start,
            end,
            quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
            tagIds: [],
            note,
            orphan: false,
            createdAt: '2026-01-01T00:00:00.000Z',
            modifiedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
        note,
      },
    ],
    projectNote: EMPTY_DOC,
  };
}

const md = new MarkdownIt({ html: true });

describe('Markdown export escapes what Markdown and HTML would interpret', () => {
  const files = exportMarkdown(hostileSnapshot(), noteFormatter, { layout: 'combined' });
  const html = md.render(files[0].content.replace(/^---\n[\s\S]*?\n---\n/, ''));

  it('renders no script, iframe, img or event handler, from quotes or notes', () => {
    expect(html).not.toMatch(/<(script|iframe|img)\b/i);
    for (const line of HOSTILE.slice(0, 3)) expect(html).toContain(line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
  });

  it('keeps a quoted "# …" line and a quoted "---" as text inside the quote', () => {
    // One heading per level the export itself writes: the title, the source, "Notebook" and "Highlights".
    expect(html.match(/<h\d/g)?.length).toBe(4);
    expect(html).not.toContain('<hr');
    expect(html).toContain('# Not a heading');
    expect(html).toMatch(/<blockquote>[\s\S]*---[\s\S]*<\/blockquote>/);
    expect(html).toContain('&amp;lt;b&amp;gt; stays an entity');
  });

  it('escapes each special line on its own', () => {
    expect(escapeMarkdown('# x')).toBe('\\# x');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('=')).toBe('\\=');
    expect(escapeMarkdown('a & <b>')).toBe('a \\& \\<b\\>');
    expect(md.renderInline(escapeMarkdown('<img src=x onerror=alert(1)> #tag [[link]] *em*'))).toBe('&lt;img src=x onerror=alert(1)&gt; #tag [[link]] *em*');
  });
});
