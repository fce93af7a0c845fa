/**
 * Keyboard selection in the read-only article: Shift+arrows extend the selection by character or line,
 * with Ctrl (Alt on macOS) by word, Shift+Home/End to the line's edges. Without a selection in the article, it
 * starts at the first paragraph in view. Returns true when the key was handled.
 */
export function extendSelectionByKey(event: KeyboardEvent | React.KeyboardEvent, article: HTMLElement, scroller: HTMLElement, mac: boolean): boolean {
  if (!event.shiftKey) return false;
  const wordKey = mac ? event.altKey : event.ctrlKey;
  const moves: Record<string, [string, string]> = {
    ArrowLeft: ['backward', wordKey ? 'word' : 'character'],
    ArrowRight: ['forward', wordKey ? 'word' : 'character'],
    ArrowUp: ['backward', 'line'],
    ArrowDown: ['forward', 'line'],
    Home: ['backward', 'lineboundary'],
    End: ['forward', 'lineboundary'],
  };
  const move = moves[event.key];
  if (!move) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  if (!selection.rangeCount || !article.contains(selection.anchorNode)) {
    const first = firstVisibleText(article, scroller);
    if (!first) return false;
    selection.collapse(first, 0);
  }
  selection.modify('extend', move[0], move[1]);
  return true;
}

function firstVisibleText(article: HTMLElement, scroller: HTMLElement): Text | null {
  const top = scroller.getBoundingClientRect().top;
  for (const span of article.querySelectorAll<HTMLElement>('span[data-o]')) {
    if (span.getBoundingClientRect().bottom > top && span.firstChild?.nodeType === Node.TEXT_NODE) return span.firstChild as Text;
  }
  return null;
}
