import { msg } from '../i18n';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { assignLanes, freeLane, rangesAt } from '../../core/lanes';
import type { Highlight, ReaderSettings, SourceMeta } from '../../core/model';
import { formatDate } from '../format';
import { languageAndDirection } from '../../core/documents/language';
import { isMac } from '../api';
import { COMMANDS, formatAccelerator } from '../../core/commands';
import { TextMap } from './text-map';
import { HighlightPainter, type PaintItem } from './painter';
import { MarginMarks } from './MarginMarks';
import { SelectionPopover, type CreateIntent } from './SelectionPopover';
import { extendSelectionByKey } from './keyboard-selection';
import { drawCaret, moveCaretByKey, useCaretBrowsing } from './caret-browsing';
import { ArticleBody, type ArticleBodyHandle } from './ArticleBody';
import { readerChanged, setActiveReader } from './active-reader';
import { PdfPageView, type PdfPageViewHandle } from './pdf/PdfPageView';
import { preparePdf } from './pdf/load-pdf';
import { hasPageView, preferredView, rememberView, type ReaderView } from './pdf/view-choice';

export interface ReaderHandle {
  /** Scroll a highlight into view and flash it; false when it is not painted (yet). */
  reveal(id: string): boolean;
  /** The current selection in the article as text offsets, or null. */
  selection(): { start: number; end: number } | null;
  clearSelection(): void;
  /** The painter, for pending marks (suggestions). */
  painter(): HighlightPainter | null;
  /** Paint a highlight at once, before React has caught up (creation feels instant on huge articles). */
  paintNow(h: Highlight): void;
  /** Bring a text offset into view, centred (find, suggestions). */
  scrollToOffset(offset: number): void;
  /** A PDF source: switch between the text and its pages, at the same passage. */
  toggleView(): void;
}

interface Props {
  meta: SourceMeta;
  text: string;
  settings: ReaderSettings;
  initialPosition: number;
  onPositionChange(offset: number): void;
  highlights: Highlight[];
  colorOf(h: Highlight): string;
  selectedId: string | null;
  onSelect(id: string | null, others: string[]): void;
  onCreate(range: { start: number; end: number }, intent: CreateIntent): void;
  headerExtra?: React.ReactNode;
}

const toggleKey = formatAccelerator(COMMANDS.find((c) => c.id === 'view.pageView')!.accelerator!, isMac);

/** The middle pane: one article in readable typography, with its highlights painted over it. */
export const Reader = forwardRef<ReaderHandle, Props>(function Reader(props, ref) {
  const { meta, text, settings, initialPosition, onPositionChange, highlights, colorOf, selectedId, onSelect, onCreate } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const articleBody = useRef<HTMLDivElement>(null);
  const body = useRef<ArticleBodyHandle>(null);
  const [scrollerEl, setScrollerEl] = useState<HTMLDivElement | null>(null);
  const [painter, setPainter] = useState<HighlightPainter | null>(null);
  // A stable callback ref: an inline one would be detached and attached again on every render.
  const scrollerRef = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setScrollerEl(el);
  }, []);
  /** The map of the paragraphs in the DOM, as last reported by the article body. */
  const renderedMap = useRef<TextMap | null>(null);
  const [popover, setPopover] = useState<{ top: number; left: number } | null>(null);
  const [paintVersion, setPaintVersion] = useState(0);
  const report = useRef(onPositionChange);
  report.current = onPositionChange;
  // A PDF source shows its text or its pages (the page view); the choice is remembered for the next PDF.
  const pageable = hasPageView(meta);
  const [view, setView] = useState<ReaderView>(() => (pageable ? preferredView() : 'text'));
  const pdf = useRef<PdfPageViewHandle>(null);
  /** The passage each view opens at: the other view's position when switching. */
  const [viewOffset, setViewOffset] = useState(initialPosition);
  const onPage = view === 'page';
  const switchView = useCallback(
    (next: ReaderView) => {
      if (!pageable || next === view) return;
      const at = view === 'page' ? (pdf.current?.firstVisibleOffset() ?? viewOffset) : (body.current?.firstVisibleOffset() ?? viewOffset);
      window.getSelection()?.removeAllRanges();
      setPopover(null);
      setViewOffset(at);
      setView(next);
      rememberView(next);
    },
    [pageable, view, viewOffset],
  );
  // A PDF source opened in its text: its pages are made ready at once (the file is read and parsed off this thread,
  // in the backend and pdf.js's worker), so that switching to them draws without waiting.
  useEffect(() => {
    if (!pageable || view !== 'text') return;
    const idle = requestIdleCallback(() => preparePdf(meta.id), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [pageable, view, meta.id]);
  /** Where the text view is kept at the top while it settles: the remembered position, or the pages' passage. */
  const [pin, setPin] = useState({ offset: initialPosition, view });
  useEffect(() => {
    if (view === 'text' && pin.view !== 'text') setPin({ offset: viewOffset, view });
  }, [view, viewOffset, pin.view]);
  useEffect(() => {
    if (view === 'page' && pin.view !== 'page') setPin((p) => ({ ...p, view }));
  }, [view, pin.view]);

  // One painter per text; it paints whatever part of the article is rendered (onRendered hands it the map).
  useLayoutEffect(() => {
    const p = new HighlightPainter();
    if (renderedMap.current) p.setMap(renderedMap.current);
    setPainter(p);
    return () => p.dispose();
  }, [text]);

  // Margin marks are measured after paint changes; the bump is deferred a frame so that layout effects (the
  // windowed body measures and re-renders in them) never chain state updates.
  const bumpFrame = useRef(0);
  const bumpPaintVersion = useCallback(() => {
    if (bumpFrame.current) return;
    bumpFrame.current = requestAnimationFrame(() => {
      bumpFrame.current = 0;
      setPaintVersion((v) => v + 1);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(bumpFrame.current), []);

  /** While the remembered passage is held at the top: called each time the article body renders more of itself. */
  const pinning = useRef<(() => void) | null>(null);
  /** Lets go of the remembered passage (a jump to another passage is the analyst's own scroll). */
  const unpin = useRef<(() => void) | null>(null);
  const onRendered = useCallback(
    (map: TextMap) => {
      renderedMap.current = map;
      if (painter) {
        painter.setMap(map);
        bumpPaintVersion();
      }
      pinning.current?.();
      readerChanged();
    },
    [painter, bumpPaintVersion],
  );

  const live = useMemo(() => highlights.filter((h) => !h.orphan), [highlights]);
  // Lanes are kept stable across changes: a new highlight takes a free lane and nobody else moves, so adding one
  // repaints one, not thousands.
  const lanes = useRef<{ painter: HighlightPainter | null; of: Map<string, number> }>({ painter: null, of: new Map() });
  const items = useMemo<PaintItem[]>(() => {
    if (lanes.current.painter !== painter) {
      const fresh = assignLanes(live);
      lanes.current = { painter, of: new Map(live.map((h, i) => [h.id, fresh[i]])) };
    }
    const of = lanes.current.of;
    const placed: PaintItem[] = [];
    const fresh: Highlight[] = [];
    for (const h of live) {
      const lane = of.get(h.id);
      if (lane === undefined) fresh.push(h);
      else placed.push({ id: h.id, start: h.start, end: h.end, color: colorOf(h), lane });
    }
    for (const h of fresh) {
      const item = { id: h.id, start: h.start, end: h.end, color: colorOf(h), lane: freeLane(h, placed) };
      of.set(h.id, item.lane);
      placed.push(item);
    }
    return placed;
  }, [live, colorOf, painter]);

  // Paint: incrementally when highlights were only added or removed, in full otherwise.
  const painted = useRef<{ painter: HighlightPainter | null; items: Map<string, PaintItem> }>({ painter: null, items: new Map() });
  useLayoutEffect(() => {
    if (!painter) return;
    // A new painter (the text changed) starts from nothing.
    const before = painted.current.painter === painter ? painted.current.items : new Map<string, PaintItem>();
    const next = new Map(items.map((i) => [i.id, i]));
    const changed = [...next.values()].filter((i) => {
      const old = before.get(i.id);
      return old && (old.start !== i.start || old.end !== i.end || old.color !== i.color || old.lane !== i.lane);
    });
    if (before.size === 0 || changed.length > 0) {
      painter.paintAll(items);
    } else {
      for (const id of before.keys()) if (!next.has(id)) painter.remove(id);
      // A highlight painted at once by paintNow() is already there.
      for (const item of items) if (!before.has(item.id) && !painter.has(item.id)) painter.add(item);
    }
    painted.current = { painter, items: next };
    painter.select(selectedId);
    // For the benchmark: when the highlights of the open source are on screen.
    performance.mark('nb-painted', { detail: painter.size });
    readerChanged();
    bumpPaintVersion();
  }, [painter, items, selectedId, bumpPaintVersion]);

  // Restore the remembered reading position (or, back from the pages, their passage): the paragraph that was at the
  // top of the view. Panes settle their sizes just after mounting and text reflows, so the paragraph is kept at the
  // top until the analyst scrolls.
  useEffect(() => {
    const el = scroller.current;
    if (!el || pin.view !== 'text' || pin.offset <= 0 || !articleBody.current) return;
    const at = pin.offset;
    const pinIt = () => body.current?.scrollToOffset(at, 'start');
    pinIt();
    // A windowed article measures its paragraphs as they render, and the panes settle their sizes: keep the passage
    // at the top on each of those (the body's render report and a resize), not on a timer.
    const observer = new ResizeObserver(pinIt);
    observer.observe(articleBody.current!);
    observer.observe(el);
    pinning.current = pinIt;
    const release = () => {
      observer.disconnect();
      if (pinning.current === pinIt) pinning.current = null;
      if (unpin.current === release) unpin.current = null;
    };
    unpin.current = release;
    const timer = setTimeout(release, 1500);
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) el.addEventListener(e, release, { once: true, passive: true });
    return () => {
      clearTimeout(timer);
      release();
      for (const e of events) el.removeEventListener(e, release);
    };
  }, [pin]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => report.current((pdf.current ? pdf.current.firstVisibleOffset() : body.current?.firstVisibleOffset()) ?? 0), 400);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      el.removeEventListener('scroll', onScroll);
    };
  }, [meta.id]);

  const currentSelection = useCallback((): { start: number; end: number } | null => {
    if (onPage) return pdf.current?.selection() ?? null;
    const sel = window.getSelection();
    const root = articleBody.current?.querySelector<HTMLElement>('[data-testid="article-text"]');
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !root) return null;
    return new TextMap(root).offsetsOf(sel.getRangeAt(0));
  }, [onPage]);

  const updatePopover = useCallback(() => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !currentSelection()) {
      setPopover(null);
      return;
    }
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    const host = scroller.current!.getBoundingClientRect();
    setPopover({ top: rect.bottom - host.top + scroller.current!.scrollTop + 6, left: Math.max(8, rect.left - host.left) });
  }, [currentSelection]);

  useEffect(() => {
    const onChange = () => updatePopover();
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [updatePopover]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(id) {
        const item = painter?.item(id);
        if (!item) return false;
        if (onPage) {
          pdf.current?.reveal(id, item.start);
          return true;
        }
        body.current?.scrollToOffset(item.start, 'center');
        painter!.flash(id);
        return true;
      },
      scrollToOffset(offset) {
        if (onPage) pdf.current?.scrollToOffset(offset, 'center');
        else body.current?.scrollToOffset(offset, 'center');
      },
      toggleView: () => switchView(onPage ? 'text' : 'page'),
      selection: currentSelection,
      clearSelection() {
        window.getSelection()?.removeAllRanges();
        setPopover(null);
      },
      painter: () => painter,
      paintNow(h) {
        if (!painter || painter.has(h.id)) return;
        const of = lanes.current.of;
        const placed = items.map((i) => ({ ...i, lane: of.get(i.id) ?? i.lane }));
        const lane = freeLane(h, placed);
        of.set(h.id, lane);
        painter.add({ id: h.id, start: h.start, end: h.end, color: colorOf(h), lane });
        painter.select(h.id);
        performance.mark('nb-painted', { detail: painter.size });
        readerChanged();
      },
    }),
    [painter, currentSelection, items, colorOf, onPage, switchView],
  );

  useEffect(
    () =>
      setActiveReader({
        scrollToOffset: (offset) => (pdf.current ? pdf.current.scrollToOffset(offset, 'center') : body.current?.scrollToOffset(offset, 'center')),
        painter: () => painter,
        releasePin: () => unpin.current?.(),
      }),
    [painter],
  );

  const choose = (intent: CreateIntent) => {
    const range = currentSelection();
    if (!range) return;
    onCreate(range, intent);
  };

  // A click (not a drag) on painted text selects the innermost highlight there and offers the others.
  const onClick = (event: React.MouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!caret || !renderedMap.current) return;
    const offset = renderedMap.current.offsetOf(caret.offsetNode, caret.offset);
    if (offset === null) return;
    const hits = rangesAt(live, offset);
    if (hits.length === 0) {
      if (selectedId) onSelect(null, []);
      return;
    }
    onSelect(hits[0].id, hits.slice(1).map((h) => h.id));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (onPage) {
      if (event.key === 'Escape') window.getSelection()?.removeAllRanges();
      return;
    }
    if (moveCaretByKey(event, articleBody.current!, scroller.current!, isMac)) {
      event.preventDefault();
      return;
    }
    if (extendSelectionByKey(event, articleBody.current!, scroller.current!, isMac)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') window.getSelection()?.removeAllRanges();
  };

  // F7: a caret to move with the arrows, from which Shift+arrows select.
  const caretBrowsing = useCaretBrowsing();
  useEffect(() => (caretBrowsing && articleBody.current && scroller.current ? drawCaret(articleBody.current, scroller.current) : undefined), [caretBrowsing]);
  // The source's language and direction (from its import; bundled articles have none, so guess from the letters).
  const script = useMemo(() => languageAndDirection(meta.language ? '' : text.slice(0, 5000), meta.language ?? '', meta.dir ?? ''), [meta.language, meta.dir, text]);

  const style = {
    '--reader-font-size': `${settings.fontSize}px`,
    '--reader-line-width': `${settings.lineWidth}ch`,
  } as React.CSSProperties;

  return (
    <main className="pane reader" aria-label={msg('reader.reader')}>
      <div
        className="reader-scroll"
        ref={scrollerRef}
        tabIndex={0} id="reader" data-font={settings.fontFamily} style={style} onKeyDown={onKeyDown} aria-label={msg('reader.articleText')}>
        <article className="article" lang={script.language || undefined} dir={script.dir} data-testid="article">
          <header className="article-header">
            <h1>{meta.title}</h1>
            <p className="byline">
              {[
                meta.authors?.length ? <bdi key="a" data-testid="article-authors">{meta.authors.join(', ')}</bdi> : null,
                meta.publisher ? <bdi key="p">{meta.publisher}</bdi> : null,
                meta.date ? <bdi key="d"><time dateTime={meta.date}>{formatDate(meta.date)}</time></bdi> : null,
                meta.pageStarts?.length ? <span key="n">{msg('reader.pdfPages', { count: meta.pageStarts.length })}</span> : null,
              ]
                .filter(Boolean)
                .flatMap((part, i) => (i === 0 ? [part] : [<span key={`s${i}`} aria-hidden="true"> · </span>, part]))}
              {/* The app's own controls read left to right whatever the article's direction. */}
              <span className="byline-actions" dir="ltr">
                {pageable && (
                  <span className="view-switch" role="group" aria-label={msg('reader.show')}>
                    <button type="button" className="link-button" aria-pressed={!onPage} onClick={() => switchView('text')} title={msg('reader.theTextAsItReads', { toggleKey })}>
                      
                      {msg('reader.text')}
                    </button>
                    <button type="button" className="link-button" aria-pressed={onPage} onClick={() => switchView('page')} title={msg('reader.thePdfSPagesAs', { toggleKey })}>
                      
                      {msg('reader.pages')}
                    </button>
                  </span>
                )}
                {props.headerExtra}
              </span>
            </p>
            {meta.url && (
              <p className="source-url" dir="ltr">
                <a href={meta.url} target="_blank" rel="noreferrer noopener" data-testid="article-url">{meta.url}</a>
              </p>
            )}
          </header>
          {onPage ? null : (
          <div className="article-body" onClick={onClick} ref={articleBody}>
            <MarginMarks
              painter={painter}
              items={items}
              scroller={scrollerEl}
              article={articleBody.current}
              selectedId={selectedId}
              version={paintVersion}
              sourceId={meta.id}
              onPick={(id) => onSelect(id, [])}
            />
            <ArticleBody ref={body} text={text} furniture={meta.furniture} scroller={scrollerEl} fontSize={settings.fontSize} lineWidth={settings.lineWidth} onRendered={onRendered} />
          </div>
          )}
        </article>
        {onPage && (
          <PdfPageView
            ref={pdf}
            sourceId={meta.id}
            title={meta.title}
            text={text}
            pageStarts={meta.pageStarts ?? []}
            items={items}
            live={live}
            selectedId={selectedId}
            scroller={scrollerEl}
            initialOffset={viewOffset}
            onSelect={onSelect}
          />
        )}
        {popover && <SelectionPopover top={popover.top} left={popover.left} onChoose={choose} />}
      </div>
    </main>
  );
});

