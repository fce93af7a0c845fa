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
          title={deleting.length === 1 ? 'Delete this source?' : `Delete ${deleting.length} sources?`}
          confirmLabel={deleting.length === 1 ? 'Delete source' : `Delete ${deleting.length} sources`}
          danger
          onClose={() => actions.setDeleting(null)}
          onConfirm={() => void actions.remove(deleting.map((s) => s.id))}
        >
          <p>
            {deleting.length === 1 ? <>“{deleting[0].title}”</> : `${deleting.length} sources`} will leave the notebook with{' '}
            {highlights === 1 ? 'its 1 highlight' : `${highlights} highlights`} and {deleting.length === 1 ? 'its' : 'their'} notes. Notes elsewhere that cite{' '}
            {deleting.length === 1 ? 'it' : 'them'} will show “Deleted passage”.
          </p>
          <p className="field-hint">Undo with Ctrl+Z brings everything back.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
