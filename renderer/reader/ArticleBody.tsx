import { msg } from '../i18n';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import { layoutBlocks, type Block } from '../../core/segments';
import { TextMap } from './text-map';

/** Articles longer than this render a window of paragraphs around the view; shorter ones render whole. */
export const WINDOW_ABOVE_CHARS = 150_000;

export interface ArticleBodyHandle {
  /** Bring the paragraph holding `offset` into view. */
  scrollToOffset(offset: number, align: 'start' | 'center'): void;
  /** The text offset of the first paragraph in view. */
  firstVisibleOffset(): number;
}

interface Props {
  text: string;
  furniture: Array<[number, number]>;
  scroller: HTMLElement | null;
  fontSize: number;
  lineWidth: number;
  /** Called after each render that changed which paragraphs are in the DOM, with the map of what is. */
  onRendered(map: TextMap): void;
}

/**
 * The article's text, one block per paragraph (<p data-start>, cut into <span data-o> segments). A long article is
 * virtualised: only the paragraphs near the view are in the DOM (plus those holding the ends of the selection, so a
 * selection survives scrolling), which keeps opening, painting and scrolling fast at any length.
 */
export const ArticleBody = forwardRef<ArticleBodyHandle, Props>(function ArticleBody({ text, furniture, scroller, fontSize, lineWidth, onRendered }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => layoutBlocks(text, furniture), [text, furniture]);
  const windowed = text.length > WINDOW_ABOVE_CHARS;
  const [pinned, setPinned] = useState<number[]>([]);
  const [margin, setMargin] = useState(0);

  // Where the list starts inside the scroller (below the article's header). Only a windowed body places its
  // paragraphs by it: a short article is in normal flow, and measuring it would force a layout of the whole window
  // in the commit that opens the source.
  useLayoutEffect(() => {
    if (!windowed || !scroller || !container.current) return;
    const measure = () => setMargin(container.current!.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller.firstElementChild ?? scroller);
    return () => observer.disconnect();
  }, [windowed, scroller, fontSize, lineWidth]);

  const charsPerLine = Math.max(20, lineWidth * 1.05);
  const lineHeight = fontSize * 1.65;
  // Stable callbacks: the virtualiser recomputes its window when they change identity.
  const estimateSize = useCallback(
    (i: number) => Math.max(1, Math.ceil((blocks[i].end - blocks[i].start) / charsPerLine)) * lineHeight + fontSize * 0.9,
    [blocks, charsPerLine, lineHeight, fontSize],
  );
  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const base = defaultRangeExtractor(range);
      return pinned.length ? [...new Set([...base, ...pinned])].sort((a, b) => a - b) : base;
    },
    [pinned],
  );
  const getItemKey = useCallback((i: number) => blocks[i].start, [blocks]);
  const getScrollElement = useCallback(() => scroller, [scroller]);
  const rows = useVirtualizer({
    count: blocks.length,
    getScrollElement,
    estimateSize,
    overscan: 6,
    enabled: windowed,
    scrollMargin: margin,
    getItemKey,
    rangeExtractor,
  });

  // Keep the paragraphs holding the selection's ends in the DOM while they are scrolled away.
  useEffect(() => {
    if (!windowed) return;
    const onChange = () => {
      const sel = window.getSelection();
      const root = container.current;
      if (!sel || !root) return;
      const indexOf = (node: Node | null) => {
        const el = node instanceof Element ? node : node?.parentElement;
        const item = el?.closest<HTMLElement>('[data-index]');
        return item && root.contains(item) ? Number(item.dataset.index) : -1;
      };
      const next = sel.isCollapsed ? [] : [indexOf(sel.anchorNode), indexOf(sel.focusNode)].filter((i) => i >= 0);
      setPinned((old) => (old.length === next.length && old.every((v, i) => v === next[i]) ? old : next));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [windowed]);

  const items = windowed ? rows.getVirtualItems() : null;
  const renderedKey = items ? items.map((i) => i.index).join(',') : 'all';
  const report = useRef(onRendered);
  report.current = onRendered;
  useLayoutEffect(() => {
    if (container.current) report.current(new TextMap(container.current));
  }, [renderedKey, text]);

  const blockIndexAt = (offset: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset(offset, align) {
        if (!blocks.length) return;
        const index = blockIndexAt(offset);
        if (windowed) rows.scrollToIndex(index, { align });
        else container.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: align });
      },
      firstVisibleOffset() {
        if (!scroller || scroller.scrollTop === 0) return 0;
        if (windowed) {
          const top = scroller.scrollTop - margin;
          const first = rows.getVirtualItems().find((i) => i.end - margin > top + 1);
          return first ? blocks[first.index].start : 0;
        }
        // Every paragraph is in the DOM: the first whose bottom is below the top of the view (binary search).
        const nodes = container.current?.querySelectorAll<HTMLElement>('p[data-start]') ?? [];
        const top = scroller.getBoundingClientRect().top;
        let lo = 0;
        let hi = nodes.length - 1;
        let found = 0;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (nodes[mid].getBoundingClientRect().bottom > top + 1) {
            found = mid;
            hi = mid - 1;
          } else lo = mid + 1;
        }
        return Number(nodes[found]?.dataset.start ?? 0);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [blocks, rows, scroller, margin, windowed],
  );

  // A short article is in the DOM whole, in normal flow: nothing moves once it is laid out.
  if (!items) {
    return (
      <div className="article-text" data-testid="article-text" ref={container}>
        {blocks.map((block, index) => (
          <div key={block.start} className="article-block" data-index={index}>
            <Paragraph text={text} block={block} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="article-text windowed" data-testid="article-text" ref={container} style={{ height: rows.getTotalSize() }}>
      {items.map((item) => (
        <div key={item.key} className="article-block" data-index={item.index} ref={rows.measureElement} style={{ transform: `translateY(${item.start - margin}px)` }}>
          <Paragraph text={text} block={blocks[item.index]} />
        </div>
      ))}
    </div>
  );
});

const Paragraph = memo(function Paragraph({ text, block }: { text: string; block: Block }) {
  return (
    <p data-start={block.start} className={block.furniture ? 'furniture' : undefined}>
      {block.segments.map((s) => (
        <span key={s.start} data-o={s.start} className={s.furniture ? 'furniture' : undefined} title={s.furniture ? msg('reader.pageFurnitureMenusLinksRatings') : undefined}>
          {text.slice(s.start, s.end)}
        </span>
      ))}
    </p>
  );
});
