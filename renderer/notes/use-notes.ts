import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, NoteDoc, SourceDocument, Tag } from '../../core/model';
import type { ResolvedHighlight } from '../../core/notes/citations';
import { EMPTY_DOC } from '../../core/model';
import { call } from '../api';
import type { NoteScope } from '../editor/scope';
import { forgetNote } from '../editor/active-pane';

/** The form of a highlight id (see core/schemas.ts); others cannot be looked up. */
const HIGHLIGHT_ID = /^h-[0-9a-z-]{4,64}$/i;

/** Ids of the highlights a note cites. */
function citedIds(doc: NoteDoc): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    const n = node as { type?: string; attrs?: { highlightId?: unknown }; content?: unknown[] };
    if (n?.type === 'citation' && typeof n.attrs?.highlightId === 'string') out.push(n.attrs.highlightId);
    if (Array.isArray(n?.content)) n.content.forEach(walk);
  };
  walk(doc);
  return out;
}

/**
 * The notes pane's side of the app: which document is shown (the selected highlight's note, the open source's
 * notebook, the project notebook), loading and saving each, and resolving citations to live highlights — the open
 * source's from memory, others' from the backend when a note that cites them is opened.
 */
export function useNotes(options: {
  doc: SourceDocument | null;
  byId: Map<string, Highlight>;
  selectedId: string | null;
  tagsById: Map<string, Tag>;
  replaceHighlight(h: Highlight): void;
}) {
  const { doc, byId, selectedId, tagsById, replaceHighlight } = options;
  // null until the analyst picks a tab: the open source's notebook, or the project notebook when no source is open.
  const [chosen, setScope] = useState<NoteScope | null>(null);
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
    for (const h of byId.values()) foreign.current.set(h.id, resolvedFrom(h, doc.meta.title, tagsById));
  }, [byId, doc, tagsById]);

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
        for (const [id, r] of Object.entries(found)) foreign.current.set(id, r && resolvedFrom({ ...r, quote: { exact: r.quote } }, r.sourceTitle, tagsById));
        setForeignVersion((v) => v + 1);
      })
      .catch(() => {});
  }, [tagsById]);

  const resolveHighlight = useCallback(
    (id: string): ResolvedHighlight | null => {
      const h = byId.get(id);
      if (h && doc) return resolvedFrom(h, doc.meta.title, tagsById);
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
    [byId, doc, tagsById, sourceId, fetchMissing],
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
          for (const [id, r] of Object.entries(found)) foreign.current.set(id, r && resolvedFrom({ ...r, quote: { exact: r.quote } }, r.sourceTitle, tagsById));
        } catch {
          break;
        }
      }
      if (unknown.length) setForeignVersion((v) => v + 1);
      return note;
    },
    [byId, doc, tagsById],
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

function resolvedFrom(h: { quote: { exact: string }; sourceId: string; tagIds: string[] }, sourceTitle: string, tagsById: Map<string, Tag>): ResolvedHighlight {
  return {
    quote: h.quote.exact,
    sourceId: h.sourceId,
    sourceTitle,
    tags: h.tagIds.map((t) => tagsById.get(t)).filter((t): t is Tag => Boolean(t)).map((t) => ({ name: t.name, color: t.color })),
    deleted: false,
  };
}
