/**
 * Small bridges between tag views and the reader: where to open a popover, how to reach a passage, and the
 * focused-suggestion mark. They work on the reader's DOM (TextMap) and its painter, never on its React state.
 */
import type { HighlightPainter } from '../reader/painter';
import { activeReader, showing, whenReader } from '../reader/active-reader';

export interface Point {
  x: number;
  y: number;
}

/** Below the current text selection (before it is cleared), or null. */
export function selectionAnchor(): Point | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  return { x: rect.left, y: rect.bottom + 6 };
}

/** Below a highlight: its painted text when in view, else its row in the highlights panel, else mid-window. */
export function highlightAnchor(painter: HighlightPainter | null | undefined, id: string): Point {
  const rect = painter?.rangeOf(id)?.getBoundingClientRect();
  if (rect && rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0) return { x: rect.left, y: rect.bottom + 6 };
  const row = document.querySelector<HTMLElement>(`.highlight-list [data-highlight-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
  if (row && row.height > 0) return { x: row.left + 24, y: row.bottom - 8 };
  return { x: window.innerWidth / 2 - 170, y: window.innerHeight / 3 };
}

/** Below an element (a button that opens a popover). */
export function elementAnchor(el: Element): Point {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.bottom + 4 };
}

/**
 * Releases the reader's pin on the remembered reading position (it holds for a moment after a source opens, until
 * the analyst scrolls): a jump to a passage is the analyst's own scroll.
 */
function releasePositionPin(): void {
  activeReader()?.releasePin();
}

/** Scrolls the reader to a text range, centred. */
export function scrollToRange(start: number, end: number): boolean {
  const reader = activeReader();
  if (!reader || end <= start) return false;
  releasePositionPin();
  reader.scrollToOffset(start);
  return true;
}

/** The suggestion in focus: drawn over its dashed mark. */
export function setPendingFocus(range: { start: number; end: number } | null): void {
  const painter = activeReader()?.painter();
  if (painter) painter.setLayer('nb-pending-focus', range ? [range] : [], 50);
  else if (!range) CSS.highlights.delete('nb-pending-focus');
}

/**
 * Reveals a highlight once the reader has painted it (after a source was just opened): scroll, then flash. Resolves
 * false when it was not painted within two seconds (the source was closed, or the highlight deleted).
 */
export async function revealWhenReady(reveal: (id: string) => void, id: string): Promise<boolean> {
  if (!(await whenReader(showing(id)))) return false;
  releasePositionPin();
  reveal(id);
  return true;
}
