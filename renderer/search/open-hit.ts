import { msg } from '../i18n';
import { useCallback } from 'react';
import type { SearchHit } from '../../core/search/types';
import type { NoteScope } from '../editor/scope';
import { currentPainter, revealRange, type TextRange } from './reveal';

interface Deps {
  /** The source open in the reader now. */
  openId: string | null;
  openSource(id: string): Promise<void>;
  selectHighlight(id: string | null): void;
  setNotesScope(scope: NoteScope): void;
  /** Focus the notes editor once it shows the document of this label. */
  focusNotes(label: string): void;
}

/** The place a source is being opened at, so the reader starts there (not at the remembered reading position). */
let requested: { sourceId: string; offset: number; at: number } | null = null;

/** The offset to open `sourceId` at, if a search or analysis result asked for it just now. */
export function requestedOffset(sourceId: string): number | undefined {
  return requested && requested.sourceId === sourceId && Date.now() - requested.at < 5000 ? requested.offset : undefined;
}

/**
 * "Open at the match": a text match opens its source scrolled to the match, marked and flashed; a highlight is
 * selected too; a note opens in the notes pane (with its passage, for a note on a highlight).
 */
export function useOpenHit({ openId, openSource, selectHighlight, setNotesScope, focusNotes }: Deps) {
  const openAt = useCallback(
    async (sourceId: string, range: TextRange | null, highlightId: string | null) => {
      const before = openId === sourceId ? undefined : currentPainter();
      if (range) requested = { sourceId, offset: range.start, at: Date.now() };
      if (openId !== sourceId) await openSource(sourceId);
      if (highlightId) selectHighlight(highlightId);
      if (range) void revealRange(range, before);
    },
    [openId, openSource, selectHighlight],
  );

  const openHit = useCallback(
    async (hit: SearchHit) => {
      if (hit.place === 'project-note') {
        setNotesScope({ kind: 'project' });
        focusNotes(msg('search.projectNotebook'));
        return;
      }
      if (!hit.sourceId) return;
      await openAt(hit.sourceId, hit.match, hit.highlightId);
      if (hit.place === 'highlight-note' && hit.highlightId) {
        setNotesScope({ kind: 'highlight', sourceId: hit.sourceId, highlightId: hit.highlightId });
        focusNotes(msg('search.noteOnThisHighlight'));
      } else if (hit.place === 'source-note') {
        setNotesScope({ kind: 'source', sourceId: hit.sourceId });
        focusNotes(msg('search.notesOnThisSource'));
      } else if (hit.place === 'title') {
        document.getElementById('reader')?.focus();
      }
    },
    [openAt, setNotesScope, focusNotes],
  );

  return { openHit, openAt };
}
