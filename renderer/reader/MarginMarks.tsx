import { useEffect, useState } from 'react';
import type { HighlightPainter } from './painter';

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
  onPick(id: string): void;
}

/**
 * A bar in the left margin for each highlight, one lane per overlap depth, so that overlapping highlights on a line
 * are told apart without relying on colour. Only highlights near the view are measured (layout is the cost).
 */
export function MarginMarks({ painter, items, scroller, article, selectedId, version, onPick }: Props) {
  const [marks, setMarks] = useState<Mark[]>([]);
  useEffect(() => {
    if (!painter || !scroller || !article) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const view = scroller.getBoundingClientRect();
      const base = article.getBoundingClientRect().top;
      const visible = visibleOffsets(article, view);
      const out: Mark[] = [];
      for (const item of items) {
        if (item.end <= visible.start || item.start >= visible.end) continue;
        const rects = painter.rangeOf(item.id)?.getClientRects();
        if (!rects || rects.length === 0) continue;
        const top = rects[0].top;
        const bottom = rects[rects.length - 1].bottom;
        out.push({ id: item.id, top: top - base, height: Math.max(6, bottom - top), lane: item.lane, color: item.color });
      }
      setMarks(out);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(article);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [painter, items, scroller, article, version]);

  return (
    <div className="margin-marks" aria-hidden="true">
      {marks.map((m) => (
        <span
          key={m.id}
          className={`margin-mark${m.id === selectedId ? ' selected' : ''}`}
          data-highlight-id={m.id}
          style={{ top: m.top, height: m.height, right: 6 + m.lane * 6, backgroundColor: m.color }}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(m.id);
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
  const last = search(blocks, (r) => r.top > view.bottom + margin);
  const start = Number(blocks[Math.max(0, first)].dataset.start);
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
