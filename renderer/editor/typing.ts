/**
 * Plain typing through ProseMirror rather than the browser's editing command. In a long note (50,000 words)
 * Chromium's native text insertion into a contenteditable costs tens of milliseconds per character; a ProseMirror
 * transaction that patches one text node costs well under one. Same path ProseMirror itself takes for
 * non-text selections: handleTextInput first (so input rules still fire), then a plain insertText.
 * Composition (IME, dead keys) never reaches keypress, and modified keys are left to the keymap and the browser.
 */
import type { EditorView } from 'prosemirror-view';
import { syncSelectionFromDOM } from './dom-sync';

export function handlePlainKeyPress(view: EditorView, event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const text = event.key;
  // One printable character (an emoji is one character of two UTF-16 units); "Enter", "Tab"… are names.
  if (!text || [...text].length !== 1 || /[\r\n]/.test(text)) return false;
  syncSelectionFromDOM(view);
  const { from, to } = view.state.selection;
  const insert = () => view.state.tr.insertText(text).scrollIntoView();
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) view.dispatch(insert());
  return true;
}
