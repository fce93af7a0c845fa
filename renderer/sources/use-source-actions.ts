import { msg } from '../i18n';
import { useCallback, useState } from 'react';
import type { SourceSummary } from '../../core/model';
import type { SourceMetaPatch } from '../../core/sources/api';
import { call } from '../api';
import type { UndoStack } from '../../core/history/undo-stack';
import type { SourceStore } from './source-store';

interface Options {
  store: SourceStore;
  undoStack: UndoStack;
  report(err: unknown): void;
  notify(message: string): void;
  /** Before a deletion: notes being typed are saved first (a source's notes cannot be saved once it is gone). */
  beforeDelete?(): Promise<void>;
  /** A source's metadata changed, or sources were deleted or came back: the reader and the notes follow. */
  onChanged(change: { updated?: SourceSummary[]; deleted?: string[] }): void;
}

/**
 * Editing and deleting sources from the sources pane, each an entry of the app's undo history (Ctrl+Z): an edit is
 * undone by the patch the backend returned, a deletion by restoring the files it kept aside.
 */
export function useSourceActions({ store, undoStack, report, notify, beforeDelete, onChanged }: Options) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string[] | null>(null);

  const applyMeta = useCallback(
    async (sourceId: string, patch: SourceMetaPatch) => {
      const result = await call('updateSourceMeta', { sourceId, patch });
      store.upsert([result.source]);
      onChanged({ updated: [result.source] });
      return result.undo;
    },
    [store, onChanged],
  );

  const saveMeta = useCallback(
    async (sourceId: string, patch: SourceMetaPatch): Promise<boolean> => {
      try {
        const undo = await applyMeta(sourceId, patch);
        undoStack.push({ label: msg('sources.editSourceDetails'), undo: () => applyMeta(sourceId, undo).then(() => {}), redo: () => applyMeta(sourceId, patch).then(() => {}) });
        return true;
      } catch (err) {
        report(err);
        return false;
      }
    },
    [applyMeta, undoStack, report],
  );

  const remove = useCallback(
    async (ids: string[]) => {
      const titles = ids.map((id) => store.get(id)?.title ?? id);
      const del = async () => {
        await beforeDelete?.();
        const r = await call('deleteSources', { sourceIds: ids });
        store.remove(r.deleted);
        onChanged({ deleted: r.deleted });
        return r.trashId;
      };
      try {
        let trashId = await del();
        undoStack.push({
          label: ids.length === 1 ? msg('sources.deleteSource') : msg('sources.deleteSources', { idCount: ids.length }),
          undo: async () => {
            const { restored } = await call('restoreSources', { trashId });
            store.upsert(restored);
            onChanged({ updated: restored });
          },
          redo: async () => {
            trashId = await del();
          },
        });
        notify(msg('sources.deletedUndoWithCtrlZ', { value: ids.length === 1 ? `“${titles[0]}”` : `${ids.length} sources` }));
      } catch (err) {
        report(err);
      }
    },
    [store, undoStack, report, notify, beforeDelete, onChanged],
  );

  return { editing, setEditing, deleting, setDeleting, saveMeta, remove };
}
