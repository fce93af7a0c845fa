import { msg } from '../../i18n';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from 'lucide-react';
import { rangesAt } from '../../../core/lanes';
import type { Highlight } from '../../../core/model';
import type { PaintItem } from '../painter';
import { keepPdf, keptPdf, openPdf, originalPdfBytes, PdfOpenError, takePreparedPdf, type PdfDocument } from './load-pdf';
import { PdfPages } from './page-layers';

export interface PdfPageViewHandle {
  scrollToOffset(offset: number, align: 'start' | 'center'): void;
  /** Scroll to a highlight and flash it. */
  reveal(id: string, start: number): void;
  selection(): { start: number; end: number } | null;
  /** The text offset at the top of the view (for the text view to open at the same passage). */
  firstVisibleOffset(): number;
}

interface Props {
  sourceId: string;
  title: string;
  text: string;
  pageStarts: readonly number[];
  items: PaintItem[];
  live: Highlight[];
  selectedId: string | null;
  scroller: HTMLDivElement | null;
  /** The passage to open at (the text view's position). */
  initialOffset: number;
  onSelect(id: string | null, others: string[]): void;
}

/** Gap between pages, and the margin around them, in CSS pixels. */
const GAP = 16;
const MARGIN = 24;
const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

type Load = { state: 'loading' } | { state: 'password'; wrong: boolean } | { state: 'failed'; message: string } | { state: 'ready'; pages: PdfPages };

/**
 * The page view of a PDF source: its pages as the PDF draws them, with the source's highlights on them, selectable
 * text that makes highlights in the same offsets as the text view, and a page bar (page number, zoom). Only the pages
 * near the view are drawn.
 */
export const PdfPageView = forwardRef<PdfPageViewHandle, Props>(function PdfPageView(props, ref) {
  const { sourceId, title, text, pageStarts, items, live, selectedId, scroller, initialOffset, onSelect } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [current, setCurrent] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const [sizesVersion, setSizesVersion] = useState(0);
  const bytes = useRef<Uint8Array | null>(null);
  const pagesEl = useRef<HTMLDivElement>(null);
  const placeholders = useRef<Array<HTMLDivElement | null>>([]);
  const target = useRef<{ offset: number; align: 'start' | 'center'; flash?: string } | null>({ offset: initialOffset, align: 'start' });
  const pages = load.state === 'ready' ? load.pages : null;
  const pagesRef = useRef<PdfPages | null>(null);
  pagesRef.current = pages;

  const start = useCallback(async (doc: PdfDocument) => {
    keepPdf(sourceId, doc);
    const first = (await doc.getPage(1)).getViewport({ scale: 1 });
    const made = new PdfPages(doc, text, pageStarts, { width: first.width, height: first.height }, (index) => {
      if (index === 0 || (target.current && made.pageOf(target.current.offset) === index)) performance.mark('nb-pdf-page-drawn', { detail: index + 1 });
      const want = target.current;
      if (want && made.pageOf(want.offset) === index) {
        target.current = null;
        settleOn(made, want);
      }
    });
    setLoad({ state: 'ready', pages: made });
    // text and pageStarts belong to this source: a new source remounts the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let gone = false;
    (async () => {
      try {
        const open = keptPdf(sourceId) ?? (await takePreparedPdf(sourceId));
        if (open && gone) return void (keptPdf(sourceId) === open ? undefined : open.destroy());
        if (open) return void (await start(open));
        bytes.current = await originalPdfBytes(sourceId);
        const doc = await openPdf(bytes.current);
        if (gone) return void doc.destroy();
        await start(doc);
      } catch (err) {
        if (gone) return;
        if (err instanceof PdfOpenError && err.needsPassword) setLoad({ state: 'password', wrong: false });
        else setLoad({ state: 'failed', message: (err as Error)?.message ?? String(err) });
      }
    })();
    return () => {
      gone = true;
    };
  }, [sourceId, start]);

  useEffect(() => {
    const made = pages;
    return () => made?.dispose();
  }, [pages]);

  const unlock = async (password: string) => {
    if (!bytes.current) return;
    setLoad({ state: 'loading' });
    try {
      await start(await openPdf(bytes.current, password));
    } catch (err) {
      if (err instanceof PdfOpenError && err.needsPassword) setLoad({ state: 'password', wrong: true });
      else setLoad({ state: 'failed', message: (err as Error)?.message ?? String(err) });
    }
  };

  // The pages fit the pane's width (times the zoom).
  useLayoutEffect(() => {
    if (!scroller) return;
    const measure = () => {
      const style = getComputedStyle(scroller);
      setWidth(scroller.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(() => requestAnimationFrame(measure));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);
  const fit = pages && width > 0 ? Math.max(0.25, (width - MARGIN) / Math.max(...pages.sizes.slice(0, 1).map((s) => s.width))) : 1;
  const scale = Math.round(fit * zoom * 1000) / 1000;

  /** Top of page `index` inside the pages column, in CSS pixels. */
  const topOf = useCallback(
    (index: number): number => {
      const p = pagesRef.current;
      if (!p) return 0;
      let y = 0;
      for (let i = 0; i < index; i++) y += p.sizes[i].height * scale + GAP;
      return y;
    },
    [scale],
  );

  /** Draw the pages near the view, let go of the far ones, and note the page at the top. */
  const update = useCallback(() => {
    const p = pagesRef.current;
    const column = pagesEl.current;
    if (!p || !scroller || !column) return;
    const viewTop = scroller.scrollTop - column.offsetTop;
    const viewBottom = viewTop + scroller.clientHeight;
    const near = new Set<number>();
    let y = 0;
    let top = -1;
    for (let i = 0; i < p.count; i++) {
      const h = p.sizes[i].height * scale;
      if (y + h >= viewTop - scroller.clientHeight && y <= viewBottom + scroller.clientHeight) near.add(i);
      // The page in view: the first whose part below the top of the view is more than a sliver. A passage settled
      // 56 px below the top shows the end of the page before it, which is not the page being read.
      if (top < 0 && y + h > viewTop + Math.min(scroller.clientHeight / 3, h / 2)) top = i;
      y += h + GAP;
      if (y > viewBottom + 2 * scroller.clientHeight && top >= 0) break;
    }
    p.setFocus(top < 0 ? 0 : top);
    for (const i of near) {
      const el = placeholders.current[i];
      if (el && !p.isRendered(i, scale)) {
        void p.show(i, el, scale).then((r) => {
          if (r?.resized) setSizesVersion((v) => v + 1);
        });
      }
    }
    for (let i = 0; i < p.count; i++) if (!near.has(i) && Math.abs(i - (top < 0 ? 0 : top)) > 4) p.hide(i);
    const page = (top < 0 ? 0 : top) + 1;
    setCurrent((c) => (c === page ? c : page));
  }, [scroller, scale]);

  useEffect(() => {
    if (!scroller || !pages) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scroller, pages, update]);

  // A new scale (zoom, width) or a new document: keep the same passage at the top, then draw.
  const lastScale = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!pages || !scroller || width === 0) return;
    if (lastScale.current === null) {
      // First layout: jump to the page of the passage to open at; the page, once drawn, refines it.
      const want = target.current;
      if (want) scroller.scrollTop = (pagesEl.current?.offsetTop ?? 0) + topOf(pages.pageOf(want.offset));
    } else if (lastScale.current !== scale) {
      const column = pagesEl.current!;
      const ratio = scale / lastScale.current;
      scroller.scrollTop = column.offsetTop + (scroller.scrollTop - column.offsetTop) * ratio;
    }
    lastScale.current = scale;
    update();
  }, [pages, scroller, scale, width, topOf, update]);

  useEffect(() => {
    pages?.setHighlights(items, selectedId);
  }, [pages, items, selectedId]);

  useEffect(() => setPageInput(String(current)), [current]);

  const settleOn = (p: PdfPages, want: { offset: number; align: 'start' | 'center'; flash?: string }) => {
    const span = p.spanAt(want.offset);
    if (span && scroller) {
      const r = span.getBoundingClientRect();
      const host = scroller.getBoundingClientRect();
      const y = want.align === 'center' ? r.top - host.top - host.height / 2 + r.height / 2 : r.top - host.top - 56;
      scroller.scrollTop += y;
    }
    if (want.flash) p.flash(want.flash);
  };

  const goTo = useCallback(
    (want: { offset: number; align: 'start' | 'center'; flash?: string }) => {
      const p = pagesRef.current;
      if (!p || !scroller) {
        target.current = want;
        return;
      }
      const index = p.pageOf(want.offset);
      if (p.isRendered(index, scale)) return settleOn(p, want);
      target.current = want;
      scroller.scrollTop = (pagesEl.current?.offsetTop ?? 0) + topOf(index);
      update();
    },
    // settleOn reads only its arguments and the scroller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scroller, scale, topOf, update],
  );

  const goToPage = (n: number) => {
    const p = pagesRef.current;
    if (!p || !scroller) return;
    const index = Math.min(p.count, Math.max(1, Math.round(n))) - 1;
    scroller.scrollTop = (pagesEl.current?.offsetTop ?? 0) + topOf(index) - 8;
  };

  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset: (offset, align) => goTo({ offset, align }),
      reveal: (id, at) => goTo({ offset: at, align: 'center', flash: id }),
      selection: () => pagesRef.current?.selection(window.getSelection()) ?? null,
      firstVisibleOffset() {
        const p = pagesRef.current;
        if (!p || !scroller) return initialOffset;
        const index = current - 1;
        return p.offsetAtY(index, scroller.getBoundingClientRect().top + 40) ?? p.rangeOf(index)[0];
      },
    }),
    [goTo, scroller, current, initialOffset],
  );

  const onClickNow = (event: React.MouseEvent) => {
    const p = pagesRef.current;
    const sel = window.getSelection();
    if (!p || (sel && !sel.isCollapsed)) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const offset = caret ? p.offsetOfPoint(caret.offsetNode, caret.offset) : null;
    if (offset === null) return;
    const hits = rangesAt(live, offset);
    if (hits.length === 0) {
      if (selectedId) onSelect(null, []);
      return;
    }
    onSelect(hits[0].id, hits.slice(1).map((h) => h.id));
  };

  // The page column re-renders only when its pages or their sizes change, not on every page turned: a stable click.
  const clickRef = useRef(onClickNow);
  clickRef.current = onClickNow;
  const onClick = useCallback((event: React.MouseEvent) => clickRef.current(event), []);

  if (load.state === 'loading') {
    return (
      <div className="pdf-status" role="status">
        
        {msg('reader.pdf.loadingThePages')}
      </div>
    );
  }
  if (load.state === 'failed') {
    return (
      <div className="pdf-status error" role="alert">
        {load.message}
      </div>
    );
  }
  if (load.state === 'password') {
    return <PasswordForm wrong={load.wrong} onSubmit={(pw) => void unlock(pw)} />;
  }

  const count = pages!.count;
  const zoomAt = ZOOMS.indexOf(zoom);
  return (
    <div className="pdf-view" data-testid="pdf-view">
      <div className="pdf-bar" role="toolbar" aria-label={msg('reader.pdf.pages')}>
        <button type="button" className="pdf-bar-button" onClick={() => goToPage(current - 1)} disabled={current <= 1} aria-label={msg('reader.pdf.previousPage')} title={msg('reader.pdf.previousPage')}>
          <ChevronLeft size={16} aria-hidden="true" />
        </button>
        <form
          className="pdf-page-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(pageInput);
            if (Number.isFinite(n)) goToPage(n);
          }}
        >
          <label>
            
            {msg('reader.pdf.page')}{' '}
            <input
              type="text"
              inputMode="numeric"
              aria-label={msg('reader.pdf.pageNumber1To', { count })}
              value={pageInput}
              onChange={(e) => setPageInput(e.target.value.replace(/[^0-9]/g, '').slice(0, 5))}
              onKeyDown={(e) => e.stopPropagation()}
              size={3}
            />
          </label>{' '}
          <span>{msg('reader.pdf.of', { count })}</span>
        </form>
        <button type="button" className="pdf-bar-button" onClick={() => goToPage(current + 1)} disabled={current >= count} aria-label={msg('reader.pdf.nextPage')} title={msg('reader.pdf.nextPage')}>
          <ChevronRight size={16} aria-hidden="true" />
        </button>
        <span className="pdf-bar-gap" />
        <button type="button" className="pdf-bar-button" onClick={() => setZoom(ZOOMS[Math.max(0, zoomAt - 1)])} disabled={zoomAt <= 0} aria-label={msg('reader.pdf.zoomOut')} title={msg('reader.pdf.zoomOut')}>
          <ZoomOut size={16} aria-hidden="true" />
        </button>
        <button type="button" className="link-button pdf-zoom" onClick={() => setZoom(1)} title={msg('reader.pdf.fitThePageToThe')} aria-label={msg('reader.pdf.zoomFitToWidth', { Math: Math.round(zoom * 100) })}>
          {Math.round(zoom * 100)}%
        </button>
        <button type="button" className="pdf-bar-button" onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomAt + 1)])} disabled={zoomAt >= ZOOMS.length - 1} aria-label={msg('reader.pdf.zoomIn')} title={msg('reader.pdf.zoomIn')}>
          <ZoomIn size={16} aria-hidden="true" />
        </button>
      </div>
      <PageColumn pages={pages!} sizesVersion={sizesVersion} scale={scale} title={title} columnRef={pagesEl} placeholders={placeholders} onClick={onClick} />
    </div>
  );
});

interface ColumnProps {
  pages: PdfPages;
  /** Bumped when a page turned out to have another size (the sizes are changed in place). */
  sizesVersion: number;
  scale: number;
  title: string;
  columnRef: React.RefObject<HTMLDivElement | null>;
  placeholders: React.RefObject<Array<HTMLDivElement | null>>;
  onClick(event: React.MouseEvent): void;
}

/** The placeholders of every page, sized; page-layers.ts draws into those near the view. */
const PageColumn = memo(function PageColumn({ pages, scale, title, columnRef, placeholders, onClick }: ColumnProps) {
  const count = pages.count;
  return (
    <div className="pdf-pages" ref={columnRef} onClick={onClick} aria-label={msg('reader.pdf.pagesOf', { title })} role="document">
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          ref={(el) => {
            placeholders.current[i] = el;
          }}
          className="pdf-page"
          data-page={i + 1}
          role="group"
          aria-label={msg('reader.pdf.pageOf', { value: i + 1, count })}
          style={{ width: Math.floor(pages.sizes[i].width * scale), height: Math.floor(pages.sizes[i].height * scale) }}
        />
      ))}
    </div>
  );
});

function PasswordForm({ wrong, onSubmit }: { wrong: boolean; onSubmit(password: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="pdf-status pdf-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onSubmit(value);
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <p>{msg('reader.pdf.thisPdfIsProtectedBy2')}</p>
      <label>
        
        {msg('reader.pdf.password')}
        <input type="password" value={value} autoFocus onChange={(e) => setValue(e.target.value)} aria-invalid={wrong || undefined} />
      </label>
      {wrong && (
        <p className="form-error" role="alert">
          
          {msg('reader.pdf.thatPasswordDoesNotOpen')}
        </p>
      )}
      <button type="submit" className="primary-button" disabled={!value}>
        
        {msg('reader.pdf.open')}
      </button>
    </form>
  );
}
