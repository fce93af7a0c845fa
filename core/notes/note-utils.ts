/** Helpers for whole notes as stored (ProseMirror JSON): empty, citations rewritten, one note appended to another. */
import type { NoteDoc } from '../model';
import { noteToPlainText } from './markdown';
import { walkNote } from './walk';

export function isEmptyNote(doc: NoteDoc | null | undefined): boolean {
  return !doc || noteToPlainText(doc).trim() === '';
}

interface CitationJson {
  type: 'citation';
  attrs: { highlightId?: string; sourceId?: string; quote?: string; [key: string]: unknown };
}

/**
 * Rewrite the citations of a note (in place; the note is the import's own copy): `change` gets each citation's
 * attrs and edits them. Imported highlights get new ids, so their citations must follow.
 */
export function forEachCitation(doc: NoteDoc | null, change: (attrs: CitationJson['attrs']) => void): void {
  if (!doc) return;
  // Without recursion (walk.ts): an imported note nested 100,000 deep is walked like any other.
  walkNote(doc, (n) => {
    if (n.type === 'citation' && n.attrs && typeof n.attrs === 'object') change(n.attrs as CitationJson['attrs']);
  });
}

/**
 * A note with another one added at its end under a heading ("From notebook.json"), so an import never drops a
 * note the notebook already has, nor the one it brings. Equal or empty notes are not repeated.
 */
export function appendNote(existing: NoteDoc, added: NoteDoc | null, from: string): NoteDoc {
  if (isEmptyNote(added)) return existing;
  if (isEmptyNote(existing)) return added as NoteDoc;
  if (noteToPlainText(existing).trim() === noteToPlainText(added as NoteDoc).trim()) return existing;
  return {
    ...existing,
    type: 'doc',
    content: [
      ...(existing.content ?? []),
      { type: 'horizontal_rule' },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: `From ${from}` }] },
      ...((added as NoteDoc).content ?? []),
    ],
  };
}
