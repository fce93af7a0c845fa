/**
 * Keyboard selection in the read-only article: Shift+arrows extend the selection by character or line,
 * with Ctrl (Alt on macOS) by word, Shift+Home/End to the line's edges. Without a selection in the article, it
 * starts at the first paragraph in view. Returns true when the key was handled.
 */
export function extendSelectionByKey(event: KeyboardEvent | React.KeyboardEvent, article: HTMLElement, scroller: HTMLElement, mac: boolean): boolean {
  if (!event.shiftKey) return false;
  const move = selectionMove(event, mac);
  if (!move) return false;
  const selection = selectionInArticle(article, scroller);
  if (!selection) return false;
  selection.modify('extend', move[0], move[1]);
  return true;
}

/** What an arrow, Home or End does to a selection: direction and step (Ctrl, Alt on macOS, by word). */
export function selectionMove(event: KeyboardEvent | React.KeyboardEvent, mac: boolean): [string, string] | undefined {
  const wordKey = mac ? event.altKey : event.ctrlKey;
  const moves: Record<string, [string, string]> = {
    ArrowLeft: ['backward', wordKey ? 'word' : 'character'],
    ArrowRight: ['forward', wordKey ? 'word' : 'character'],
    ArrowUp: ['backward', 'line'],
    ArrowDown: ['forward', 'line'],
    Home: ['backward', 'lineboundary'],
    End: ['forward', 'lineboundary'],
  };
  return moves[event.key];
}

/**
 * The window's selection, placed in the article: when it is elsewhere (or there is none), collapsed at the start of
 * the first paragraph in view. Null when the article shows no text.
 */
export function selectionInArticle(article: HTMLElement, scroller: HTMLElement): Selection | null {
  const selection = window.getSelection();
  if (!selection) return null;
  if (!selection.rangeCount || !article.contains(selection.anchorNode)) {
    const first = firstVisibleText(article, scroller);
    if (!first) return null;
    selection.collapse(first, 0);
  }
  return selection;
}

function firstVisibleText(article: HTMLElement, scroller: HTMLElement): Text | null {
  const top = scroller.getBoundingClientRect().top;
  for (const span of article.querySelectorAll<HTMLElement>('span[data-o]')) {
    if (span.getBoundingClientRect().bottom > top && span.firstChild?.nodeType === Node.TEXT_NODE) return span.firstChild as Text;
  }
  return null;
}
