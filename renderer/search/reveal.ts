/** Show a place of the open article: scroll to it, mark it and flash it, once the reader of that source is ready. */
import { activeReader, painted, whenReader } from '../reader/active-reader';
import type { HighlightPainter } from '../reader/painter';

/** Where a search result was opened: stays marked until the next search or another source. */
export const SEARCH_HIT_LAYER = 'nb-search-hit';
const FLASH_LAYER = 'nb-flash';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * `notPainter`: the painter of the article shown before (when another source is being opened), so the old reader is
 * not the one scrolled. Resolves true once the place is shown, false when no reader came within two seconds.
 */
export async function revealRange(range: TextRange, notPainter?: HighlightPainter | null, mark = true): Promise<boolean> {
  const reader = await whenReader(painted(notPainter));
  const painter = reader?.painter();
  if (!reader || !painter) return false;
  reader.scrollToOffset(range.start);
  if (mark) painter.setLayer(SEARCH_HIT_LAYER, [range], 90);
  painter.setLayer(FLASH_LAYER, [range], 100);
  setTimeout(() => painter.setLayer(FLASH_LAYER, [], 100), 1200);
  return true;
}

export function currentPainter(): HighlightPainter | null {
  return activeReader()?.painter() ?? null;
}

export function clearSearchHit(): void {
  currentPainter()?.setLayer(SEARCH_HIT_LAYER, []);
}
