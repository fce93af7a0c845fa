/** The highlights panel's filter: by text (quote or note), tag, kind of tag, having a note, being an orphan. */
import type { Highlight, Tag, TagKind } from '../model';
import { foldForMatch } from '../tags/match';
import { noteToPlainText } from '../notes/plain-text';

export interface HighlightFilter {
  /** Words that must all occur in the quote or the note (case and accents ignored). */
  text: string;
  /** Only highlights carrying this tag (or one of its descendants). */
  tagId: string | null;
  /** Only highlights carrying a tag of this kind. */
  kind: TagKind | null;
  hasNote: boolean;
  /** 'only': just the orphans; 'hide': none of them; 'show': both. */
  orphans: 'show' | 'only' | 'hide';
  /** Only highlights this analyst made (issue 19); absent or null: anyone's. */
  creator?: string | null;
}

export const NO_FILTER: HighlightFilter = { text: '', tagId: null, kind: null, hasNote: false, orphans: 'show' };

export function isFiltering(f: HighlightFilter): boolean {
  return f.text.trim() !== '' || f.tagId !== null || f.kind !== null || f.hasNote || f.orphans !== 'show' || (f.creator ?? null) !== null;
}

function noteText(h: Highlight): string {
  return h.note ? noteToPlainText(h.note) : '';
}

/** The highlights that pass the filter, in the order given. `tags` resolves descendants for the tag condition. */
export function filterHighlights(highlights: readonly Highlight[], tags: readonly Tag[], f: HighlightFilter): Highlight[] {
  if (!isFiltering(f)) return [...highlights];
  const words = foldForMatch(f.text).split(' ').filter(Boolean);
  const byId = new Map(tags.map((t) => [t.id, t]));
  let tagSet: Set<string> | null = null;
  if (f.tagId !== null) {
    tagSet = new Set([f.tagId]);
    // Descendants, breadth first (depth-bounded by the number of tags).
    for (let grew = true, rounds = 0; grew && rounds < tags.length; rounds++) {
      grew = false;
      for (const t of tags) {
        if (t.parentId !== null && tagSet.has(t.parentId) && !tagSet.has(t.id)) {
          tagSet.add(t.id);
          grew = true;
        }
      }
    }
  }
  return highlights.filter((h) => {
    if (f.orphans === 'only' && !h.orphan) return false;
    if (f.orphans === 'hide' && h.orphan) return false;
    if (f.creator != null && h.creator !== f.creator) return false;
    if (f.hasNote && !noteText(h).trim()) return false;
    if (tagSet && !h.tagIds.some((id) => tagSet.has(id))) return false;
    if (f.kind !== null && !h.tagIds.some((id) => byId.get(id)?.kind === f.kind)) return false;
    if (words.length > 0) {
      const hay = foldForMatch(`${h.quote.exact} ${noteText(h)}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}
