import { describe, expect, it } from 'vitest';
import { refreshCitationJSON } from '../../core/notes/citations';
import { noteToHtml } from '../../core/notes/html';
import { noteToMarkdown } from '../../core/notes/markdown';
import { noteToPlainText } from '../../core/notes/plain-text';
import { citationText } from '../../core/notes/schema';
import type { NoteDoc } from '../../core/model';

/** A citation of a passage in a PDF says on which page(s) it stands: "p. 4", "pp. 4–5" (issue 15). */

const cite = (pages: string, deleted = false): NoteDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'As the report says:' }] },
    { type: 'citation', attrs: { highlightId: 'h1', sourceId: 's1', quote: 'Families waited at the gate.', sourceTitle: 'Annual report', tags: [], deleted, pages } },
  ],
});

describe('page numbers in citations', () => {
  it('Markdown, HTML and plain text carry the pages after the source title', () => {
    expect(noteToMarkdown(cite('p. 4'))).toContain('— [Annual report](#^h-h1), p. 4');
    expect(noteToMarkdown(cite('pp. 4–5', true))).toContain('— Annual report, pp. 4–5 (deleted passage)');
    expect(noteToHtml(cite('p. 4'))).toContain('<a href="#h-h1">Annual report</a>, <span class="pages">p. 4</span>');
    expect(noteToPlainText(cite('pp. 4–5'))).toContain('“Families waited at the gate.” — Annual report, pp. 4–5');
    expect(citationText({ quote: 'x', sourceTitle: 'T', deleted: false, pages: 'p. 2' })).toBe('“x” — T, p. 2');
  });

  it('without pages (a web article) nothing is added', () => {
    expect(noteToMarkdown(cite(''))).toMatch(/— \[Annual report\]\(#\^h-h1\)\n?$/m);
    expect(noteToHtml(cite(''))).not.toContain('class="pages"');
  });

  it('the stored pages follow the live highlight when a note is saved', () => {
    const live = { quote: 'Families waited at the gate.', sourceTitle: 'Annual report', sourceId: 's1', tags: [], deleted: false, pages: 'p. 7' };
    const out = refreshCitationJSON(cite('p. 4'), () => live) as { content: Array<{ attrs?: { pages?: string } }> };
    expect(out.content[1].attrs?.pages).toBe('p. 7');
    const same = cite('p. 7');
    expect(refreshCitationJSON(same, () => live)).toBe(same);
  });
});
