import { memo, useEffect, useMemo, useRef } from 'react';
import { layoutBlocks } from '../../core/segments';
import type { ReaderSettings, SourceMeta } from '../../core/model';
import { formatDate } from '../format';

interface Props {
  meta: SourceMeta;
  text: string;
  settings: ReaderSettings;
  /** The text offset of the first paragraph in view. */
  initialPosition: number;
  onPositionChange(offset: number): void;
}

/** The middle pane: one article in readable typography. Page furniture is kept but dimmed. */
export function Reader({ meta, text, settings, initialPosition, onPositionChange }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const report = useRef(onPositionChange);
  report.current = onPositionChange;

  // Restore the remembered reading position: the paragraph that was at the top of the view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || initialPosition <= 0) return;
    const blocks = Array.from(el.querySelectorAll<HTMLElement>('p[data-start]'));
    const target = blocks.findLast((p) => Number(p.dataset.start) <= initialPosition);
    target?.scrollIntoView({ block: 'start' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meta.id]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => report.current(firstVisibleOffset(el)), 400);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      el.removeEventListener('scroll', onScroll);
    };
  }, [meta.id]);

  const style = {
    '--reader-font-size': `${settings.fontSize}px`,
    '--reader-line-width': `${settings.lineWidth}ch`,
  } as React.CSSProperties;

  return (
    <main className="pane reader" aria-label="Reader">
      <div className="reader-scroll" ref={scroller} tabIndex={0} id="reader" data-font={settings.fontFamily} style={style}>
        <article className="article" lang="en">
          <header className="article-header">
            <h1>{meta.title}</h1>
            <p className="byline">
              <span>{meta.publisher}</span>
              <span aria-hidden="true"> · </span>
              <time dateTime={meta.date}>{formatDate(meta.date)}</time>
            </p>
          </header>
          <ArticleText text={text} furniture={meta.furniture} />
        </article>
      </div>
    </main>
  );
}

/** The text itself. Memoised: highlights and settings never re-render it. */
const ArticleText = memo(function ArticleText({ text, furniture }: { text: string; furniture: Array<[number, number]> }) {
  const blocks = useMemo(() => layoutBlocks(text, furniture), [text, furniture]);
  return (
    <div className="article-text" data-testid="article-text">
      {blocks.map((b) => (
        <p key={b.start} data-start={b.start} className={b.furniture ? 'furniture' : undefined}>
          {b.segments.map((s) =>
            s.furniture ? (
              <span key={s.start} data-o={s.start} className="furniture" title="Page furniture (menus, links, ratings): kept in the text, dimmed">
                {text.slice(s.start, s.end)}
              </span>
            ) : (
              <span key={s.start} data-o={s.start}>
                {text.slice(s.start, s.end)}
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
});

/** The start offset of the first paragraph whose bottom is below the top of the scroll view (binary search). */
function firstVisibleOffset(scroller: HTMLElement): number {
  const blocks = scroller.querySelectorAll<HTMLElement>('p[data-start]');
  const top = scroller.getBoundingClientRect().top;
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom > top + 1) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return scroller.scrollTop === 0 ? 0 : Number(blocks[found]?.dataset.start ?? 0);
}
