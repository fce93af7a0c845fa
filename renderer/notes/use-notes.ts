import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, NoteDoc, SourceDocument, Tag } from '../../core/model';
import type { ResolvedHighlight } from '../../core/notes/citations';
import { EMPTY_DOC } from '../../core/model';
import { call } from '../api';
import type { NoteScope } from '../editor/scope';
import { forgetNote } from '../editor/active-pane';
import { citedHighlightIds } from '../../core/notes/cited-by';
import { paragraphAt, splitParagraphs } from '../../core/text';
import { formatDate } from '../format';
import { attributionLabel } from '../../core/statements/citation';
import type { Statement } from '../../core/statements/model';
import type { Credibility, Reliability } from '../../core/statements/grading';

/** The form of a highlight id (see core/schemas.ts); others cannot be looked up. */
const HIGHLIGHT_ID = /^h-[0-9a-z-]{4,64}$/i;

const citedIds = citedHighlightIds;

/**
 * The notes pane's side of the app: which document is shown (the selected highlight's note, the open source's
 * notebook, the project notebook), loading and saving each, and resolving citations to live highlights — the open
 * source's from memory, others' from the backend when a note that cites them is opened.
 */
const SCOPE_KEY = 'notes-scope';

function readRememberedScope(): string | null {
  try {
    return localStorage.getItem(SCOPE_KEY);
  } catch {
    return null;
  }
}

function rememberScope(kind: 'project' | 'source'): void {
  try {
    localStorage.setItem(SCOPE_KEY, kind);
  } catch {
    // Storage unavailable: the choice lasts until the window closes.
  }
}

export function useNotes(options: {
  doc: SourceDocument | null;
  byId: Map<string, Highlight>;
  selectedId: string | null;
  tagsById: Map<string, Tag>;
  replaceHighlight(h: Highlight): void;
  /** Publisher and date of every source, for citations of sources that are not open. */
  sources?: ReadonlyArray<{ id: string; publisher: string; date: string; reliability?: Reliability }> | null;
}) {
  const { doc, byId, selectedId, tagsById, replaceHighlight } = options;
  const sourcesById = useMemo(() => new Map((options.sources ?? []).map((s) => [s.id, s])), [options.sources]);
  // Paragraph offsets of the open source, for "¶ n" in its citations.
  const paragraphs = useMemo(() => (doc ? splitParagraphs(doc.text).flatMap((p) => [p.start, p.end]) : []), [doc]);
  const detailOf = useCallback(
    (h: { start: number; statement?: Statement; credibility?: Credibility }) =>
      doc ? citationDetail(doc.meta, paragraphAt(paragraphs, h.start) + 1, { ...h, reliability: doc.meta.reliability }, tagsById) : '',
    [doc, paragraphs, tagsById],
  );
  // null until the analyst picks a tab: the open source's notebook, or the project notebook when no source is open.
  // The project notebook stays chosen across search hits, source changes and restarts, until another tab is picked.
  const [chosen, setChosen] = useState<NoteScope | null>(() => (readRememberedScope() === 'project' ? { kind: 'project' } : null));
  const setScope = useCallback((next: NoteScope) => {
    rememberScope(next.kind === 'project' ? 'project' : 'source');
    setChosen(next);
  }, []);
  const foreign = useRef(new Map<string, ResolvedHighlight | null>());
  const [foreignVersion, setForeignVersion] = useState(0);

  // Follow the open source: a source or highlight scope of another source becomes this source's notebook.
  const sourceId = doc?.meta.id ?? null;
  // The highlight scope follows the selected highlight; with none selected it falls back to the source's notebook.
  const scope = useMemo<NoteScope>(() => {
    if (chosen?.kind === 'project') return chosen;
    if (!sourceId) return { kind: 'project' };
    if (chosen?.kind === 'highlight' && chosen.sourceId === sourceId) {
      const id = selectedId && byId.has(selectedId) ? selectedId : null;
      if (id) return id === chosen.highlightId ? chosen : { kind: 'highlight', sourceId, highlightId: id };
    }
    return chosen?.kind === 'source' && chosen.sourceId === sourceId ? chosen : { kind: 'source', sourceId };
  }, [chosen, sourceId, selectedId, byId]);

  // Remember every highlight seen, so citations of a source stay live after another source is opened.
  useEffect(() => {
    if (!doc) return;
    for (const h of byId.values()) foreign.current.set(h.id, resolvedFrom(h, doc.meta.title, tagsById, detailOf(h)));
  }, [byId, doc, tagsById, detailOf]);

  /** Highlights asked for but never seen: fetched from the backend in one batch, then citations redraw. */
  const missing = useRef(new Set<string>());
  const fetchMissing = useCallback(() => {
    const all = [...missing.current];
    missing.current.clear();
    // An id that is not a highlight id cannot exist: its citation shows its stored quote as a deleted passage.
    for (const id of all) if (!HIGHLIGHT_ID.test(id)) foreign.current.set(id, null);
    const ids = all.filter((id) => HIGHLIGHT_ID.test(id)).slice(0, 10_000);
    if (!ids.length) return;
    call('resolveHighlights', { ids })
      .then((found) => {
        for (const [id, r] of Object.entries(found)) foreign.current.set(id, r && resolvedFrom({ ...r, quote: { exact: r.quote } }, r.sourceTitle, tagsById, citationDetail(sourcesById.get(r.sourceId), r.paragraph, { ...r, reliability: r.reliability ?? sourcesById.get(r.sourceId)?.reliability }, tagsById)));
        setForeignVersion((v) => v + 1);
      })
      .catch(() => {});
  }, [tagsById, sourcesById]);

  const resolveHighlight = useCallback(
    (id: string): ResolvedHighlight | null => {
      const h = byId.get(id);
      if (h && doc) return resolvedFrom(h, doc.meta.title, tagsById, detailOf(h));
      // Another source's highlight (or one deleted from this source).
      if (!foreign.current.has(id)) {
        if (missing.current.size === 0) queueMicrotask(fetchMissing);
        missing.current.add(id);
        return null;
      }
      const known = foreign.current.get(id) ?? null;
      if (known && known.sourceId === sourceId) return null;
      return known;
    },
    [byId, doc, tagsById, sourceId, fetchMissing, detailOf],
  );

  const loadDoc = useCallback(
    async (s: NoteScope): Promise<NoteDoc> => {
      let note: NoteDoc;
      if (s.kind === 'project') note = await call('getProjectNote');
      else if (s.kind === 'highlight') note = byId.get(s.highlightId)?.note ?? EMPTY_DOC;
      else note = doc && doc.meta.id === s.sourceId ? doc.note : (await call('getSource', { id: s.sourceId })).note;
      // Citations of other sources' highlights: fetched now so they show live at once. A failure here never stops
      // the note from opening: its citations then show their stored quotes.
      const unknown = [...new Set(citedIds(note))].filter((id) => HIGHLIGHT_ID.test(id) && !byId.has(id) && !foreign.current.has(id));
      for (let i = 0; i < unknown.length; i += 5000) {
        try {
          const found = await call('resolveHighlights', { ids: unknown.slice(i, i + 5000) });
          for (const [id, r] of Object.entries(found)) foreign.current.set(id, r && resolvedFrom({ ...r, quote: { exact: r.quote } }, r.sourceTitle, tagsById, citationDetail(sourcesById.get(r.sourceId), r.paragraph, { ...r, reliability: r.reliability ?? sourcesById.get(r.sourceId)?.reliability }, tagsById)));
        } catch {
          break;
        }
      }
      if (unknown.length) setForeignVersion((v) => v + 1);
      return note;
    },
    [byId, doc, tagsById, sourcesById],
  );

  const saveDoc = useCallback(
    async (s: NoteScope, note: NoteDoc) => {
      if (s.kind === 'project') await call('saveProjectNote', { doc: note });
      else if (s.kind === 'source') await call('saveSourceNote', { sourceId: s.sourceId, doc: note });
      else replaceHighlight(await call('setHighlightNote', { sourceId: s.sourceId, highlightId: s.highlightId, note }));
    },
    [replaceHighlight],
  );

  /** Before a highlight is deleted: leave its note and forget its unsaved state (its save could only fail). */
  const highlightDeleted = useCallback(
    (h: Highlight) => {
      if (scope.kind === 'highlight' && scope.highlightId === h.id) setScope({ kind: 'source', sourceId: h.sourceId });
      forgetNote({ kind: 'highlight', sourceId: h.sourceId, highlightId: h.id });
    },
    [scope],
  );

  /** Sources were renamed, deleted or restored: citations of them are looked up again (a deleted one shows so). */
  const sourcesChanged = useCallback((sourceIds: string[]) => {
    const ids = new Set(sourceIds);
    for (const [id, r] of foreign.current) if (!r || ids.has(r.sourceId)) foreign.current.delete(id);
    setForeignVersion((v) => v + 1);
  }, []);

  // Bumps whenever what citations show may have changed: highlights, tags, or highlights fetched from other sources.
  const counter = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const resolverVersion = useMemo(() => ++counter.current, [foreignVersion, byId, tagsById]);

  return { scope, setScope, resolveHighlight, resolverVersion, loadDoc, saveDoc, highlightDeleted, sourcesChanged };
}

function resolvedFrom(h: { quote: { exact: string }; sourceId: string; tagIds: string[] }, sourceTitle: string, tagsById: Map<string, Tag>, detail?: string): ResolvedHighlight {
  return {
    quote: h.quote.exact,
    sourceId: h.sourceId,
    sourceTitle,
    tags: h.tagIds.map((t) => tagsById.get(t)).filter((t): t is Tag => Boolean(t)).map((t) => ({ name: t.name, color: t.color })),
    deleted: false,
    ...(detail ? { detail } : {}),
  };
}

/**
 * "EFE · 15 Oct 2021 · ¶ 4": publisher, date and paragraph of a cited passage (each when known). A statement or a
 * graded passage says who said it when, and its grade: "Putin, 15 Oct 2021, EFE [C3] · ¶ 4" (issue 17).
 */
function citationDetail(
  meta: { publisher: string; date: string } | undefined,
  paragraph: number | null,
  graded?: { statement?: Statement; credibility?: Credibility; reliability?: Reliability },
  tagsById?: Map<string, Tag>,
): string {
  const where = paragraph !== null ? `¶ ${paragraph}` : '';
  if (meta && graded && (graded.statement || graded.credibility || graded.reliability)) {
    const speaker = graded.statement?.speakerTagId ? tagsById?.get(graded.statement.speakerTagId) : undefined;
    const label = attributionLabel({ statement: graded.statement, speakerName: speaker?.name, speakerKind: speaker?.kind, publisher: meta.publisher, sourceDate: meta.date, reliability: graded.reliability, credibility: graded.credibility });
    return [label, where].filter(Boolean).join(' · ');
  }
  return [meta?.publisher ?? '', meta?.date ? formatDate(meta.date) : '', where].filter(Boolean).join(' · ');
}
