import { msg } from '../i18n';
import { useEffect, useState } from 'react';
import type { HighlightPainter } from './painter';
import { HIGHLIGHT_DRAG_TYPE } from '../editor/citations';

interface Mark {
  id: string;
  top: number;
  height: number;
  lane: number;
  color: string;
}

interface Props {
  painter: HighlightPainter | null;
  items: ReadonlyArray<{ id: string; start: number; end: number; lane: number; color: string }>;
  scroller: HTMLElement | null;
  article: HTMLElement | null;
  selectedId: string | null;
  version: number;
  sourceId: string;
  onPick(id: string): void;
}

/** A lane is as wide as its mark: 10 px, a target the pointer can take hold of (the painted bar is 5 px of it). */
const LANE_WIDTH = 10;

/**
 * A bar in the left margin for each highlight, one lane per overlap depth, so that overlapping highlights on a line
 * are told apart without relying on colour. Only highlights near the view are measured (layout is the cost).
 */

export function MarginMarks({ painter, items, scroller, article, selectedId, version, sourceId, onPick }: Props) {
  const [marks, setMarks] = useState<Mark[]>([]);
  useEffect(() => {
    if (!painter || !scroller || !article) return;
    // Positions relative to the article, measured once per highlight; the article resizing (a paragraph laid out
    // for the first time, a new font size) makes them stale.
    const cache = new Map<string, { top: number; height: number }>();
    let idle = 0;
    const measure = () => {
      idle = 0;
      const view = scroller.getBoundingClientRect();
      const visible = visibleOffsets(article, view);
      let base: number | null = null;
      const out: Mark[] = [];
      for (const item of items) {
        if (item.end <= visible.start || item.start >= visible.end) continue;
        let at = cache.get(item.id);
        if (!at) {
          const rects = painter.rangeOf(item.id)?.getClientRects();
          if (!rects || rects.length === 0) continue;
          base ??= article.getBoundingClientRect().top;
          at = { top: rects[0].top - base, height: Math.max(6, rects[rects.length - 1].bottom - rects[0].top) };
          cache.set(item.id, at);
        }
        out.push({ id: item.id, ...at, lane: item.lane, color: item.color });
      }
      setMarks((old) => (sameMarks(old, out) ? old : out));
    };
    // Marks are secondary to the text: measured when the browser is idle, never in the way of a frame.
    const schedule = () => {
      if (!idle) idle = requestIdleCallback(measure, { timeout: 120 });
    };
    const invalidate = () => {
      cache.clear();
      schedule();
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(invalidate);
    resize.observe(article);
    return () => {
      cancelIdleCallback(idle);
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [painter, items, scroller, article, version]);

  return (
    <div className="margin-marks" aria-hidden="true" onMouseDown={(e) => e.stopPropagation()}>
      {marks.map((m) => (
        <span
          key={m.id}
          className={`margin-mark${m.id === selectedId ? ' selected' : ''}`}
          data-highlight-id={m.id}
          style={{ top: m.top, height: m.height, right: 4 + m.lane * LANE_WIDTH, backgroundColor: m.color }}
          draggable
          title={msg('reader.dragIntoTheNotesTo')}
          onClick={() => onPick(m.id)}
          onDragStart={(e) => {
            e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ highlightId: m.id, sourceId }));
            e.dataTransfer.effectAllowed = 'copy';
          }}
        />
      ))}
    </div>
  );
}

/** The text offsets of the paragraphs in view, with one screen of margin (binary search: a few layouts only). */
function visibleOffsets(article: HTMLElement, view: DOMRect): { start: number; end: number } {
  const blocks = article.querySelectorAll<HTMLElement>('p[data-start]');
  if (blocks.length === 0) return { start: 0, end: 0 };
  const margin = view.height;
  const first = search(blocks, (r) => r.bottom >= view.top - margin);
  // Every block is above the view (the article ends higher up than a screen above it): no highlight is in view.
  if (first >= blocks.length) return { start: 0, end: 0 };
  const last = search(blocks, (r) => r.top > view.bottom + margin);
  const start = Number(blocks[first].dataset.start);
  const end = last < 0 || last >= blocks.length ? Number.MAX_SAFE_INTEGER : Number(blocks[last].dataset.start);
  return { start, end };
}

/** Index of the first block for which `test` holds (blocks are in vertical order), or length. */
function search(blocks: NodeListOf<HTMLElement>, test: (r: DOMRect) => boolean): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(blocks[mid].getBoundingClientRect())) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i].id && m.top === b[i].top && m.height === b[i].height && m.lane === b[i].lane && m.color === b[i].color);
}
