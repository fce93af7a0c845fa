import { msg } from '../i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, SourceDocument } from '../../core/model';
import { describeRange } from '../../core/anchoring';
import { readingOrder } from '../../core/lanes';
import { call } from '../api';
import { UndoStack } from '../../core/history/undo-stack';

/**
 * The open source's highlights and the operations on them, each saved at once, with undo and redo.
 * `onCountChange` keeps the sources list's numbers in step.
 */
export function useHighlights(doc: SourceDocument | null, report: (err: unknown) => void, onCountChange: (sourceId: string, live: number, orphans: number) => void) {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<SourceDocument | null>(null);
  const undo = useRef(new UndoStack()).current;

  // Reset when another source (or a re-imported one) is loaded. A document that only got new metadata (a rename, a
  // reliability grade) keeps its highlights array: the list, with highlights made since it was read, stays.
  if (doc !== loadedFor) {
    setLoadedFor(doc);
    if (!doc || !loadedFor || doc.highlights !== loadedFor.highlights || doc.meta.id !== loadedFor.meta.id) {
      setHighlights(doc?.highlights ?? []);
      setSelectedId(null);
    }
  }

  // The source whose list this is: an undo or redo for another source (made before the analyst switched) changes
  // that source on disk, never this list, even when this one is empty.
  const openId = useRef<string | null>(doc?.meta.id ?? null);
  openId.current = doc?.meta.id ?? null;
  const apply = useCallback(
    (sourceId: string, change: (list: Highlight[]) => Highlight[]) => {
      if (sourceId !== openId.current) return;
      setHighlights((list) => {
        if (list.length > 0 && list[0].sourceId !== sourceId) return list;
        return change(list).sort(readingOrder);
      });
    },
    [],
  );

  const sourceId = doc?.meta.id;
  useEffect(() => {
    if (sourceId) onCountChange(sourceId, highlights.filter((h) => !h.orphan).length, highlights.filter((h) => h.orphan).length);
  }, [sourceId, highlights, onCountChange]);

  const replace = useCallback((h: Highlight) => apply(h.sourceId, (list) => [...list.filter((x) => x.id !== h.id), h]), [apply]);
  const drop = useCallback((sourceId: string, id: string) => apply(sourceId, (list) => list.filter((x) => x.id !== id)), [apply]);

  /** The highlight is painted at once from core's own description of the range; the save follows. */
  const create = useCallback(
    async (range: { start: number; end: number }, tagIds: string[] = [], paintNow?: (h: Highlight) => void): Promise<Highlight | null> => {
      if (!doc) return null;
      const sourceId = doc.meta.id;
      let provisional: Highlight;
      try {
        const described = describeRange(doc.text, range.start, range.end);
        const now = new Date().toISOString();
        provisional = { id: `h-${crypto.randomUUID()}`, sourceId, ...described, tagIds, note: null, orphan: false, createdAt: now, modifiedAt: now };
      } catch (err) {
        report(err);
        return null;
      }
      // Paint first, and update the lists just after that frame is shown: on a long article React's render of
      // the lists would otherwise hold the frame. The update only adds the highlight if the backend's answer
      // (which replaces it by id) has not come first, so the order does not matter.
      const addToLists = () => {
        apply(sourceId, (list) => (list.some((x) => x.id === provisional.id) ? list : [...list, provisional]));
        setSelectedId(provisional.id);
      };
      if (paintNow) {
        paintNow(provisional);
        requestAnimationFrame(() => setTimeout(addToLists, 0));
      } else addToLists();
      try {
        const created = await call('createHighlight', { sourceId, start: range.start, end: range.end, tagIds, id: provisional.id });
        // A change made to the new highlight meanwhile (a tag key pressed at once) may have been answered first: its
        // answer is newer than this one and stays.
        apply(sourceId, (list) => {
          const shown = list.find((x) => x.id === created.id);
          return shown && shown !== provisional ? list : [...list.filter((x) => x.id !== created.id), created];
        });
        let current = created;
        undo.push({
          label: msg('highlights.highlight'),
          undo: async () => {
            const { deleted } = await call('deleteHighlight', { sourceId, highlightId: current.id });
            current = deleted;
            drop(sourceId, current.id);
          },
          redo: async () => {
            current = await call('restoreHighlight', { highlight: current });
            replace(current);
          },
        });
        return created;
      } catch (err) {
        drop(sourceId, provisional.id);
        report(err);
        return null;
      }
    },
    [doc, apply, drop, replace, report, undo],
  );

  const remove = useCallback(
    async (id: string) => {
      if (!doc) return;
      const sourceId = doc.meta.id;
      try {
        let { deleted } = await call('deleteHighlight', { sourceId, highlightId: id });
        drop(sourceId, id);
        setSelectedId((s) => (s === id ? null : s));
        undo.push({
          label: msg('highlights.deleteHighlight2'),
          undo: async () => {
            deleted = await call('restoreHighlight', { highlight: deleted });
            replace(deleted);
          },
          redo: async () => {
            ({ deleted } = await call('deleteHighlight', { sourceId, highlightId: deleted.id }));
            drop(sourceId, deleted.id);
          },
        });
      } catch (err) {
        report(err);
      }
    },
    [doc, drop, replace, report, undo],
  );

  const reattach = useCallback(
    async (id: string, range: { start: number; end: number }) => {
      if (!doc) return;
      try {
        replace(await call('reattachHighlight', { sourceId: doc.meta.id, highlightId: id, start: range.start, end: range.end }));
        setSelectedId(id);
      } catch (err) {
        report(err);
      }
    },
    [doc, replace, report],
  );

  /** Many at once (tag merges and deletes, accepted suggestions): one state update. */
  const replaceMany = useCallback(
    (hs: Highlight[]) => {
      if (hs.length === 0) return;
      const ids = new Set(hs.map((h) => h.id));
      apply(hs[0].sourceId, (list) => [...list.filter((x) => !ids.has(x.id)), ...hs]);
    },
    [apply],
  );

  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights]);

  return {
    highlights,
    byId,
    selectedId,
    select: setSelectedId,
    create,
    remove,
    reattach,
    replace,
    replaceMany,
    drop,
    /** The shared undo history: tag changes go on it too, so Ctrl+Z undoes them in order. */
    undoStack: undo,
    undo: () => undo.undo().catch(report),
    redo: () => undo.redo().catch(report),
    canUndo: () => undo.canUndo,
    canRedo: () => undo.canRedo,
  };
}
