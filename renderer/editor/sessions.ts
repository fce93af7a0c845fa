/**
 * Each note's EditorState (with its undo history and selection) and scroll position, kept for the app's lifetime,
 * so switching between a highlight's note, the source notebook and the project notebook loses nothing. Module
 * level on purpose: the pane may unmount (switching sources) and the history must survive it.
 */
import { EditorState } from 'prosemirror-state';
import type { NoteDoc } from '../../core/model';
import { notePlugins } from './plugins';
import { noteFromJSON } from './schema';
import type { ScrollAnchor } from './scroll';

export interface NoteSession {
  state: EditorState;
  scroll: ScrollAnchor;
}

const sessions = new Map<string, NoteSession>();

export function getSession(key: string): NoteSession | undefined {
  return sessions.get(key);
}

export function putSession(key: string, session: NoteSession): void {
  sessions.set(key, session);
}

/** An editor state for a stored document; never throws (an unreadable document opens with its text). */
export function createNoteState(doc: NoteDoc | null | undefined): EditorState {
  return EditorState.create({ doc: noteFromJSON(doc ?? { type: 'doc' }), plugins: notePlugins() });
}

/** Forget every kept state, e.g. after the whole notebook was replaced by an import: notes reload from disk. */
export function clearSessions(): void {
  sessions.clear();
}

/** Forget one note's kept state (its highlight was deleted): it reloads if it is ever shown again. */
export function dropSession(key: string): void {
  sessions.delete(key);
}
