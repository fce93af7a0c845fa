/** Which notes cite a highlight: asked before the highlight is deleted, so the analyst knows what it breaks. */
import type { NoteDoc } from '../model';

/** Ids of the highlights a note cites, in document order (iterative: no note can overflow the stack). */
export function citedHighlightIds(doc: NoteDoc | null | undefined): string[] {
  const out: string[] = [];
  if (!doc) return out;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const n = stack.pop() as { type?: string; attrs?: { highlightId?: unknown }; content?: unknown[] } | null;
    if (!n || typeof n !== 'object') continue;
    if (n.type === 'citation' && typeof n.attrs?.highlightId === 'string') out.push(n.attrs.highlightId);
    if (Array.isArray(n.content)) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
  }
  return out;
}

/** The labels of the notes that cite `highlightId`, each once, in the order given. */
export function notesCiting(highlightId: string, notes: ReadonlyArray<{ label: string; doc: NoteDoc | null | undefined }>): string[] {
  const out: string[] = [];
  for (const n of notes) if (!out.includes(n.label) && citedHighlightIds(n.doc).includes(highlightId)) out.push(n.label);
  return out;
}
