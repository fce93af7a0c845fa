/** The notes pane on screen, so app-wide commands (menu, global shortcut) can act on it. */
import { notesAutosaver } from './autosave';
import { scopeKey, type NoteScope } from './scope';
import { dropSession } from './sessions';

export interface ActivePane {
  cite(): boolean;
  /** Undo / redo in the note, when the editor has focus. */
  undo(): boolean;
  redo(): boolean;
}

let active: ActivePane | null = null;

/** Register the pane on screen; returns the unregister function (which leaves a newer pane alone). */
export function setActivePane(pane: ActivePane): () => void {
  active = pane;
  return () => {
    if (active === pane) active = null;
  };
}

/** Cite the selected highlight in the open note, at its cursor. Returns false when there is nothing to cite. */
export function citeSelected(): boolean {
  return active?.cite() ?? false;
}

/**
 * The menu's Undo / Redo while the notes editor has focus: the editor's own history (the browser's native undo
 * knows nothing of ProseMirror's changes). Returns false when the editor does not have focus or has nothing to undo.
 */
export function undoInNotes(): boolean {
  return active?.undo() ?? false;
}

export function redoInNotes(): boolean {
  return active?.redo() ?? false;
}

/**
 * Forget a note whose target no longer exists (a deleted highlight): its kept state and any pending save, which
 * could only fail. Call it after deleting a highlight; switch the pane away from its scope first.
 */
export function forgetNote(scope: NoteScope): void {
  const key = scopeKey(scope);
  notesAutosaver.discard(key);
  dropSession(key);
}
