/** Which notes cite a highlight: asked before the highlight is deleted, so the analyst knows what it breaks. */
import type { NoteDoc } from '../model';
import { walkNote } from './walk';

/** Ids of the highlights a note cites, in document order (iterative: no note can overflow the stack). */
export function citedHighlightIds(doc: NoteDoc | null | undefined): string[] {
  const out: string[] = [];
  walkNote(doc, (n) => {
    if (n.type === 'citation' && typeof n.attrs?.highlightId === 'string') out.push(n.attrs.highlightId);
  });
  return out;
}

const citedCache = new WeakMap<object, readonly string[]>();

/** `citedHighlightIds` remembered per note object: notes are replaced, never edited, so an object's ids never change. */
function citedOnce(doc: NoteDoc | null | undefined): readonly string[] {
  if (!doc || typeof doc !== 'object') return [];
  let ids = citedCache.get(doc);
  if (!ids) citedCache.set(doc, (ids = citedHighlightIds(doc)));
  return ids;
}

/**
 * The highlights cited anywhere in one source's notes (its notebook and its highlights' notes), each once, sorted:
 * what the catalog keeps per source so that "which notes cite this?" reads only the files that do.
 */
export function citedInSource(file: { note?: NoteDoc | null; highlights: ReadonlyArray<{ note?: NoteDoc | null }> }): string[] {
  const out = new Set<string>(citedOnce(file.note));
  for (const h of file.highlights) if (h.note) for (const id of citedOnce(h.note)) out.add(id);
  return [...out].sort();
}
