/**
 * A note's scroll position as "this block at the top, so many pixels in", not as a pixel offset: the view's DOM is
 * rebuilt when a note comes back on screen, and off-screen blocks only have estimated heights (content-visibility),
 * so a plain scrollTop would land elsewhere. Same idea as the reader's reading position.
 */
import type { EditorView } from 'prosemirror-view';

export interface ScrollAnchor {
  /** Document position of the top-level block at the top of the view, or -1. */
  pos: number;
  /** How far that block's top is above the view's top, in pixels. */
  offset: number;
  scrollTop: number;
}

export const TOP: ScrollAnchor = { pos: -1, offset: 0, scrollTop: 0 };

export function captureScroll(view: EditorView, scroller: HTMLElement): ScrollAnchor {
  const scrollTop = scroller.scrollTop;
  if (scrollTop <= 0) return TOP;
  const box = scroller.getBoundingClientRect();
  const editor = view.dom.getBoundingClientRect();
  const hit = view.posAtCoords({ left: editor.left + Math.min(24, editor.width / 2), top: Math.max(box.top, editor.top) + 2 });
  if (!hit) return { pos: -1, offset: 0, scrollTop };
  const $pos = view.state.doc.resolve(hit.pos);
  const pos = $pos.depth > 0 ? $pos.before(1) : hit.pos;
  const dom = view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement)) return { pos: -1, offset: 0, scrollTop };
  return { pos, offset: box.top - dom.getBoundingClientRect().top, scrollTop };
}

export function restoreScroll(view: EditorView, scroller: HTMLElement, anchor: ScrollAnchor): void {
  if (anchor.scrollTop <= 0) {
    scroller.scrollTop = 0;
    return;
  }
  const dom = anchor.pos >= 0 && anchor.pos < view.state.doc.content.size ? view.nodeDOM(anchor.pos) : null;
  if (dom instanceof HTMLElement) {
    scroller.scrollTop += dom.getBoundingClientRect().top - scroller.getBoundingClientRect().top + anchor.offset;
  } else {
    scroller.scrollTop = anchor.scrollTop;
  }
}
