/**
 * Citations: block atoms that reference a highlight by id. Their attrs keep the last known quote, source title and
 * tag names, so a note stays readable (and exportable) when the highlight changes or is deleted; the live data comes
 * from a resolver the app passes in. The editor shows live data; the stored attrs are refreshed when the note is
 * saved (refreshNoteJSON), and a note whose citations lag behind is marked for saving (citationsStale).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Highlight } from '../../core/model';
import { refreshCitationJSON, refreshedAttrs, type HighlightResolver, type ResolvedHighlight } from '../../core/notes/citations';
import { insertBlockAtom } from './commands';
import { noteSchema, type CitationAttrs } from './schema';

export type { ResolvedHighlight, HighlightResolver } from '../../core/notes/citations';

/** The MIME type of a highlight being dragged from the highlights panel or the reader. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-notebook-highlight+json';

/** The attrs a citation of this highlight gets now; `fallback` covers a highlight the resolver does not know yet. */
export function citationAttrsFor(highlightId: string, resolve: HighlightResolver, fallback?: Pick<Highlight, 'sourceId' | 'quote'> | null): CitationAttrs | null {
  const live = resolveCitation(resolve, highlightId);
  if (live) return { highlightId, sourceId: live.sourceId, quote: live.quote, sourceTitle: live.sourceTitle, tags: live.tags.map((t) => t.name), deleted: false, pages: live.pages ?? '' };
  if (fallback) return { highlightId, sourceId: fallback.sourceId, quote: fallback.quote.exact, sourceTitle: '', tags: [], deleted: false };
  return null;
}

export function createCitation(attrs: CitationAttrs): PMNode {
  return noteSchema.nodes.citation.create(attrs);
}

/** A transaction that inserts a citation at the cursor (or replaces the selection). */
export function insertCitation(state: EditorState, attrs: CitationAttrs): Transaction {
  return insertBlockAtom(state.tr, createCitation(attrs)).scrollIntoView();
}

/**
 * The newest live data seen of each highlight this session: when a highlight is deleted, its citations keep the
 * quote it had last, even if the note's stored attrs are older.
 */
const lastSeen = new Map<string, ResolvedHighlight>();

/** Ask the resolver, remembering live answers. Null means the passage is gone (deleted, or unknown). */
export function resolveCitation(resolve: HighlightResolver, highlightId: string): ResolvedHighlight | null {
  const live = resolve(highlightId);
  if (live && !live.deleted) lastSeen.set(highlightId, live);
  return live && !live.deleted ? live : null;
}

/** The quote to show and keep for a deleted passage: the last one seen, else the stored one. */
export function lastQuote(attrs: CitationAttrs): string {
  return lastSeen.get(attrs.highlightId)?.quote || attrs.quote;
}

/**
 * Whether any citation's stored attrs lag behind the resolver. Walks block containers only (citations are blocks),
 * so it is cheap in a long note. The editor's document itself is not changed: a transaction per citation would
 * cost a long note dearly and clutter the undo history; the refresh happens when the note is serialised.
 */
export function citationsStale(doc: PMNode, resolve: HighlightResolver): boolean {
  const { citation } = noteSchema.nodes;
  let stale = false;
  doc.descendants((node) => {
    if (stale) return false;
    if (node.type === citation) {
      const attrs = node.attrs as CitationAttrs;
      stale = refreshedAttrs(attrs, resolveCitation(resolve, attrs.highlightId), lastQuote(attrs)) !== attrs;
      return false;
    }
    return !node.isTextblock;
  });
  return stale;
}

/** The stored JSON of a note with its citations' attrs up to date, as it is saved. */
export function refreshNoteJSON<T>(json: T, resolve: HighlightResolver): T {
  return refreshCitationJSON(json, (id) => resolveCitation(resolve, id), lastQuote);
}
