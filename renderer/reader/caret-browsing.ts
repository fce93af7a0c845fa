/**
 * Caret browsing in the read-only article (F7, as in browsers): arrows move a visible caret anywhere in the text,
 * Ctrl (Alt on macOS) by word, Home/End to the line's edges; Shift+arrows then select from the caret, so keyboard
 * selection can start at any character, not only at a paragraph's start.
 */
import { useEffect, useState } from 'react';
import { selectionInArticle, selectionMove } from './keyboard-selection';

let on = false;
const listeners = new Set<(value: boolean) => void>();

export function isCaretBrowsing(): boolean {
  return on;
}

export function toggleCaretBrowsing(): boolean {
  on = !on;
  for (const l of listeners) l(on);
  return on;
}

export function useCaretBrowsing(): boolean {
  const [value, setValue] = useState(on);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

/** Move the caret for an unshifted arrow, Home or End. Returns true when the key was handled. */
export function moveCaretByKey(event: KeyboardEvent | React.KeyboardEvent, article: HTMLElement, scroller: HTMLElement, mac: boolean): boolean {
  if (!on || event.shiftKey || event.metaKey || (!mac && event.altKey)) return false;
  const move = selectionMove(event, mac);
  if (!move) return false;
  const before = window.getSelection();
  // Placed already: a selection in the article (else it starts collapsed at the first paragraph in view).
  const placed = Boolean(before?.rangeCount && article.contains(before.anchorNode));
  const selection = selectionInArticle(article, scroller);
  if (!selection) return false;
  if (placed && !selection.isCollapsed) {
    // An arrow on a selection puts the caret at its end in that direction, as in an editor.
    if (move[0] === 'backward') selection.collapseToStart();
    else selection.collapseToEnd();
    return true;
  }
  selection.modify('move', move[0], move[1]);
  return true;
}

/** Draws the caret (a read-only page shows none of its own) while caret browsing is on; returns the cleanup. */
export function drawCaret(article: HTMLElement, scroller: HTMLElement): () => void {
  const caret = document.createElement('div');
  caret.className = 'reader-caret';
  caret.setAttribute('aria-hidden', 'true');
  scroller.append(caret);
  const place = () => {
    const selection = window.getSelection();
    if (!selection || !selection.rangeCount || !selection.isCollapsed || !article.contains(selection.anchorNode)) {
      caret.hidden = true;
      return;
    }
    const range = selection.getRangeAt(0);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (!rect || rect.height === 0) {
      caret.hidden = true;
      return;
    }
    const box = scroller.getBoundingClientRect();
    caret.hidden = false;
    caret.style.left = `${rect.left - box.left + scroller.scrollLeft}px`;
    caret.style.top = `${rect.top - box.top + scroller.scrollTop}px`;
    caret.style.height = `${rect.height}px`;
    // Keep it in view as it moves down a long article.
    if (rect.bottom > box.bottom || rect.top < box.top) caret.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('selectionchange', place);
  place();
  return () => {
    document.removeEventListener('selectionchange', place);
    caret.remove();
  };
}
