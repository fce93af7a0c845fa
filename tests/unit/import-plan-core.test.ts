import { describe, expect, it } from 'vitest';
import { EMPTY_TEXT_HASH, planImport, type NotebookState } from '../../core/import/plan';
import type { ImportedNotebook } from '../../core/import';
import { forEachCitation } from '../../core/notes/note-utils';
import type { NoteDoc, SourceMeta } from '../../core/model';
import { sha256 } from '../../electron/backend/hash';

describe('import planning in core (issue 14): the backend supplies ids and hashes', () => {
  it("knows the empty text's SHA-256 as the backend computes it", () => {
    expect(EMPTY_TEXT_HASH).toBe(sha256(''));
  });

  it('takes new ids from the randomHex it is given when an id is taken', async () => {
    const taken: SourceMeta = { id: 'src-1', title: 'Old', publisher: '', date: '', originalFile: 'a.txt', contentHash: 'x', addedAt: '2021-01-01T00:00:00.000Z', furniture: [] };
    let n = 0;
    const state: NotebookState = {
      sources: [taken],
      tags: [],
      projectNote: { type: 'doc', content: [] },
      file: async () => {
        throw new Error('not read');
      },
      highlightIds: new Set(),
      randomHex: () => `00000000000${++n}`,
    };
    const file: ImportedNotebook = {
      format: 'text',
      fileName: 'b.txt',
      title: '',
      sources: [{ id: 'src-1', title: 'New', publisher: '', date: '', originalFile: 'b.txt', text: 'Some text.', contentHash: sha256('Some text.'), note: null, addedAt: null, furniture: [] }],
      tags: [],
      highlights: [],
      projectNote: null,
      missingSources: [],
      warnings: [],
    };
    const plan = await planImport([file], state, true, '2026-12-07T00:00:00.000Z');
    expect(plan.newSources.map((s) => s.meta.id)).toEqual(['src-000000000001']);
    expect(n).toBe(1);
  });

  it('rewrites the citations of a note nested 100,000 deep (no recursion)', () => {
    let deep: Record<string, unknown> = { type: 'citation', attrs: { highlightId: 'h-old' } };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    const doc = { type: 'doc', content: [deep] } as unknown as NoteDoc;
    const seen: string[] = [];
    forEachCitation(doc, (attrs) => {
      seen.push(String(attrs.highlightId));
      attrs.highlightId = 'h-new';
    });
    expect(seen).toEqual(['h-old']);
    let node = (doc.content as unknown[])[0] as { content?: unknown[]; attrs?: { highlightId: string } };
    while (node.content) node = node.content[0] as typeof node;
    expect(node.attrs?.highlightId).toBe('h-new');
  });
});
