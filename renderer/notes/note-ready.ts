import { waitable } from '../../core/waitable';

/** The notes editor's host once it shows a loaded note (it loads asynchronously after a scope change). */
const state = waitable(() => document.querySelector<HTMLElement>('#note-editor[data-phase="ready"]'));

/** Called by the editor after each change of its load phase has reached the DOM. */
export const noteEditorChanged = (): void => state.changed();

/** Focus the notes editor once it shows the document named `label`; false when it did not within two seconds. */
export async function focusNotesWhenReady(label: string): Promise<boolean> {
  const find = (host: HTMLElement) => host.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`);
  const host = await state.when((h) => find(h) !== null);
  const editor = host && find(host);
  editor?.focus();
  return Boolean(editor);
}
