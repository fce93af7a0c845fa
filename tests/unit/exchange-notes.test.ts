import { describe, expect, it } from 'vitest';
import { ANNOTATION_FILE_EXTENSIONS, importByteLimit, SOURCE_FILE_EXTENSIONS } from '../../core/exchange/api';
import { citedHighlightId, noteFromMarkdown, noteFromPlainText } from '../../core/exchange/note-markdown';
import { derivedId } from '../../core/export/common';
import { annotationIri } from '../../core/export/w3c';
import { ANNOTATION_EXTENSIONS, MAX_ANNOTATION_FILE_BYTES, MAX_SOURCE_BYTES, SOURCE_EXTENSIONS } from '../../core/import';
import type { NoteDoc } from '../../core/model';
import { noteToMarkdown, noteToPlainText } from '../../core/notes/markdown';
import { noteFromJSON } from '../../core/notes/from-json';

/** Notes come back from Markdown (W3C note bodies) as the same notes: structure, marks, citations; never code. */

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });

const RICH: NoteDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
    p(text('Some '), text('bold', [{ type: 'strong' }]), text(', '), text('italic', [{ type: 'em' }]), text(' and '), text('code', [{ type: 'code' }]), text(' with a '), text('link', [{ type: 'link', attrs: { href: 'https://example.org/a(b)', title: null } }]), text(' and *stars* [brackets] 1. not a list')),
    { type: 'citation', attrs: { highlightId: 'h-abc123', sourceId: 's1', quote: 'The quick brown fox', sourceTitle: 'A [title] with *marks*', tags: [], deleted: false } },
    { type: 'citation', attrs: { highlightId: 'h-abc124', sourceId: 's1', quote: 'A passage since deleted', sourceTitle: 'Old source', tags: [], deleted: true } },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [p(text('one'))] }, { type: 'list_item', content: [p(text('two'), { type: 'hard_break' }, text('lines'))] }] },
    { type: 'ordered_list', attrs: { order: 3 }, content: [{ type: 'list_item', content: [p(text('third'))] }] },
    { type: 'blockquote', content: [p(text('An ordinary quote — not a citation.'))] },
    { type: 'horizontal_rule' },
    p(text('<script>alert(1)</script> & <b>tags</b> stay text')),
  ],
};

describe('noteFromMarkdown', () => {
  const link = (c: { highlightId: string }) => annotationIri(c.highlightId);
  const md = noteToMarkdown(RICH, { citationLink: link });
  const back = noteFromMarkdown(md);

  it('gives back the same note text and structure (the schema accepts it as it is)', () => {
    expect(noteToPlainText(back)).toBe(noteToPlainText(RICH));
    expect(() => noteFromJSON(back).check()).not.toThrow();
    const types = (back.content as Array<{ type: string }>).map((n) => n.type);
    expect(types).toEqual(['heading', 'paragraph', 'citation', 'citation', 'bullet_list', 'ordered_list', 'blockquote', 'horizontal_rule', 'paragraph']);
    expect(JSON.stringify(back.content![1])).toContain('"href":"https://example.org/a(b)"');
    expect((back.content![5] as { attrs: { order: number } }).attrs.order).toBe(3);
  });

  it('turns citation quotes back into citations that name the imported highlight', () => {
    const [cited, deleted] = (back.content as Array<{ type: string; attrs: Record<string, unknown> }>).filter((n) => n.type === 'citation');
    // The W3C importer gives the annotation `annotationIri(id)` the id derivedId('h', that IRI).
    expect(cited.attrs).toMatchObject({ highlightId: derivedId('h', annotationIri('h-abc123')), quote: 'The quick brown fox', sourceTitle: 'A [title] with *marks*', deleted: false });
    expect(deleted.attrs).toMatchObject({ highlightId: '', quote: 'A passage since deleted', sourceTitle: 'Old source', deleted: true });
    expect(citedHighlightId('#^h-0011aabb')).toBe('h-0011aabb');
    expect(citedHighlightId('https://example.org')).toBe('');
  });

  it('keeps raw HTML as text and drops links the note schema refuses', () => {
    const doc = noteFromMarkdown('Click [here](javascript:alert(1)) or [there](file:///etc/passwd) or <img src=x onerror=alert(1)>.');
    const json = JSON.stringify(doc);
    expect(json).not.toContain('"link"');
    expect(noteToPlainText(doc)).toContain('<img src=x onerror=alert(1)>');
    expect(noteToPlainText(doc)).toContain('here');
  });

  it('reads plain paragraphs on a fast path with the same result as the parser', () => {
    const samples = [
      'Note 5 on source 3: check this against the ministry’s statement 📍.',
      'First paragraph.\n\nSecond paragraph, with “quotes” and 2,000 people.',
      'Ends with a full stop. 2024. Not a list.',
      '',
    ];
    for (const s of samples) {
      // A trailing backslash forces the parser; it adds a literal backslash we strip from both sides.
      const slow = noteFromMarkdown(`${s}\n\n\\`);
      const fast = noteFromMarkdown(s);
      const strip = (d: NoteDoc) => noteToPlainText(d).replace(/\n?\\$/, '');
      expect(strip(fast)).toBe(strip(slow));
      expect(noteToPlainText(fast)).toBe(s.replace(/\n\n/g, '\n'));
    }
  });
});

describe('noteFromPlainText', () => {
  it('keeps every line: paragraphs at blank lines, hard breaks inside', () => {
    const doc = noteFromPlainText('one\ntwo\n\nthree');
    expect(noteToPlainText(doc)).toBe('one\ntwo\nthree');
    expect(doc.content).toHaveLength(2);
  });
});

describe('the renderer’s size limits', () => {
  it('know the same extensions as the importers', () => {
    expect([...SOURCE_FILE_EXTENSIONS].sort()).toEqual(Object.keys(SOURCE_EXTENSIONS).sort());
    expect([...ANNOTATION_FILE_EXTENSIONS].sort()).toEqual([...ANNOTATION_EXTENSIONS].sort());
    expect(importByteLimit('a/b/Report.HTML')).toBe(MAX_SOURCE_BYTES);
    expect(importByteLimit('n.qdpx')).toBe(MAX_ANNOTATION_FILE_BYTES);
    expect(importByteLimit('.txt')).toBeNull();
    expect(importByteLimit('movie.mp4')).toBeNull();
  });
});
