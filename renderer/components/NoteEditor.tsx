import { useEffect, useRef, useState } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node as PMNode } from 'prosemirror-model';
import type { NoteDoc } from '../../core/model';
import { noteSchema } from '../editor/schema';
import { notePlugins } from '../editor/plugins';
import { call } from '../api';

type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'dirty' } | { kind: 'error'; message: string };

interface Props {
  sourceId: string;
  initialDoc: NoteDoc;
}

const SAVE_DELAY_MS = 600;
const RETRY_DELAY_MS = 3000;

/**
 * The right pane: the notebook of the open source, a ProseMirror editor. It owns one EditorView and never
 * re-renders per keystroke; changes are saved shortly after typing stops, on source switch and on close.
 */
export function NoteEditor({ sourceId, initialDoc }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });

  useEffect(() => {
    let doc: PMNode;
    try {
      doc = PMNode.fromJSON(noteSchema, initialDoc.content?.length ? initialDoc : { type: 'doc', content: [{ type: 'paragraph' }] });
    } catch {
      doc = noteSchema.topNodeType.createAndFill()!;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: NoteDoc | null = null;
    let inFlight: Promise<void> = Promise.resolve();

    const flush = () => {
      clearTimeout(timer);
      if (!pending) return inFlight;
      const toSave = pending;
      pending = null;
      setStatus({ kind: 'saving' });
      inFlight = inFlight
        .then(() => call('saveSourceNote', { sourceId, doc: toSave }))
        .then(() => setStatus(pending ? { kind: 'dirty' } : { kind: 'saved' }))
        .catch((err: Error) => {
          pending ??= toSave; // keep the unsaved text and try again shortly
          setStatus({ kind: 'error', message: `${err.message} Your text is kept and saving is retried.` });
          clearTimeout(timer);
          timer = setTimeout(flush, RETRY_DELAY_MS);
        });
      return inFlight;
    };

    const view = new EditorView(host.current!, {
      state: EditorState.create({ doc, plugins: notePlugins(noteSchema) }),
      attributes: { 'aria-label': 'Notes on this source', role: 'textbox', 'aria-multiline': 'true', class: 'note-editor', spellcheck: 'true' },
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged) {
          pending = view.state.doc.toJSON() as NoteDoc;
          setStatus({ kind: 'dirty' });
          clearTimeout(timer);
          timer = setTimeout(flush, SAVE_DELAY_MS);
        }
      },
    });
    const onHide = () => void flush();
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
      view.destroy();
    };
  }, [sourceId, initialDoc]);

  return (
    <aside className="pane editor" aria-label="Notes">
      <header className="pane-header">
        <h2>Notes</h2>
        <SaveIndicator status={status} />
      </header>
      <div className="editor-host" ref={host} id="note-editor" />
    </aside>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text = { saved: 'Saved', saving: 'Saving…', dirty: 'Unsaved changes', error: 'Not saved' }[status.kind];
  return (
    <span className={`save-status ${status.kind}`} role="status" aria-live="polite" title={status.kind === 'error' ? status.message : text}>
      {text}
      {status.kind === 'error' && <span className="save-error">: {status.message}</span>}
    </span>
  );
}
