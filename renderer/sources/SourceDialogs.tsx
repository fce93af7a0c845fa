import { msg } from '../i18n';
import type { SourceStore } from './source-store';
import type { useSourceActions } from './use-source-actions';
import { SourceMetaDialog } from './SourceMetaDialog';
import { ConfirmDialog } from '../tags/dialogs';

/** The metadata panel and the delete confirmation of the sources pane. */
export function SourceDialogs({ store, actions }: { store: SourceStore; actions: ReturnType<typeof useSourceActions> }) {
  const editing = actions.editing ? store.get(actions.editing) : undefined;
  const deleting = actions.deleting?.map((id) => store.get(id)).filter((s) => s !== undefined) ?? [];
  const highlights = deleting.reduce((n, s) => n + s.highlightCount + s.orphanCount, 0);
  return (
    <>
      {editing && <SourceMetaDialog key={editing.id} meta={editing} onSave={(patch) => actions.saveMeta(editing.id, patch)} onClose={() => actions.setEditing(null)} />}
      {deleting.length > 0 && (
        <ConfirmDialog
          title={deleting.length === 1 ? msg('sources.deleteThisSource') : msg('sources.deleteSources2', { deletingCount: deleting.length })}
          confirmLabel={deleting.length === 1 ? msg('sources.deleteSource') : msg('sources.deleteSources3', { deletingCount: deleting.length })}
          danger
          onClose={() => actions.setDeleting(null)}
          onConfirm={() => void actions.remove(deleting.map((s) => s.id))}
        >
          <p>
            {deleting.length === 1
              ? msg('sources.deletingOneLeaves', { title: deleting[0].title, highlights })
              : msg('sources.deletingManyLeaves', { count: deleting.length, highlights })}
          </p>
          <p className="field-hint">{msg('sources.undoWithCtrlZBrings')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
