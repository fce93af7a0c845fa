import { counted, msg } from '../i18n';
import { forwardRef, memo, useCallback, useImperativeHandle, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SourceSummary } from '../../core/model';
import { formatDate } from '../format';
import { publisherName, type Row } from '../../core/sources/arrange';
import { ReliabilityBadge } from '../statements/badges';

/** Rows have fixed heights (titles are cut at two lines): nothing is measured while scrolling 50,000 of them. */
const GROUP_ROW = 32;
const SOURCE_ROW = 92;
export const optionId = (id: string) => `source-option-${id}`;

export interface SourceRowsHandle {
  scrollToIndex(index: number): void;
}

interface Props {
  rows: Row[];
  /** The listbox that scrolls (it holds these rows). */
  scroller: RefObject<HTMLUListElement | null>;
  currentId: string | null;
  checked: ReadonlySet<string>;
  /** The row that takes Tab (the keyboard cursor). */
  tabId: string | null;
  onClick(event: React.MouseEvent, id: string): void;
  onFocus(id: string): void;
}

/**
 * The rows of the sources pane that are in view (plus a few either side), positioned in a box as tall as all of
 * them. The virtualiser's scroll state lives here: a scroll frame renders this component and the rows that came
 * into view, never the pane around it (its header, controls and collections).
 */
export const SourceRows = memo(
  forwardRef<SourceRowsHandle, Props>(function SourceRows({ rows, scroller, currentId, checked, tabId, onClick, onFocus }, ref) {
    // Stable functions: the virtualiser recomputes every row's position (O(rows), 50,000 of them) whenever its key
    // function changes, which an inline arrow would do on every scroll frame.
    const getScrollElement = useCallback(() => scroller.current, [scroller]);
    const estimateSize = useCallback((i: number) => (rows[i].kind === 'group' ? GROUP_ROW : SOURCE_ROW), [rows]);
    const getItemKey = useCallback((i: number) => (rows[i].kind === 'group' ? `g:${(rows[i] as { key: string }).key}` : (rows[i] as { source: SourceSummary }).source.id), [rows]);
    const virtual = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 6, getItemKey });
    useImperativeHandle(
      ref,
      () => ({
        scrollToIndex(index) {
          // A row wholly in view stays where it is: asking the virtualiser anyway would scroll to the same offset,
          // which forces a layout of the page in the middle of opening a source.
          const item = virtual.measurementsCache[index];
          const top = virtual.scrollOffset;
          const height = virtual.scrollRect?.height;
          if (item && top !== null && height !== undefined && item.start >= top && item.end <= top + height) return;
          virtual.scrollToIndex(index, { align: 'auto' });
        },
      }),
      [virtual],
    );

    const selecting = checked.size > 0;
    return (
      <div className="source-rows" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((v) => {
          const row: Row = rows[v.index];
          if (row.kind === 'group') {
            return (
              <li key={v.key} role="presentation" aria-hidden="true" className="source-group" style={{ transform: `translateY(${v.start}px)`, height: v.size - 2 }}>
                <span className="source-group-label">{row.label === 'No publisher' ? msg('sources.noPublisher') : row.label}</span>
                <span className="source-group-count">{row.count}</span>
              </li>
            );
          }
          const s = row.source;
          return (
            <SourceRow
              key={v.key}
              source={s}
              checked={checked.has(s.id)}
              selected={selecting ? checked.has(s.id) : s.id === currentId}
              current={s.id === currentId}
              tabbable={s.id === tabId}
              top={v.start}
              height={v.size - 2}
              onClick={onClick}
              onFocus={onFocus}
            />
          );
        })}
      </div>
    );
  }),
);

interface RowProps {
  source: SourceSummary;
  checked: boolean;
  selected: boolean;
  current: boolean;
  tabbable: boolean;
  top: number;
  height: number;
  onClick(event: React.MouseEvent, id: string): void;
  onFocus(id: string): void;
}

/** Memoised: a scroll frame draws only the rows that came into view, with the same handlers. */
const SourceRow = memo(function SourceRow({ source: s, checked, selected, current, tabbable, top, height, onClick, onFocus }: RowProps) {
  return (
    <li
      id={optionId(s.id)}
      role="option"
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`source-item${checked ? ' checked' : ''}${current ? ' current' : ''}`}
      data-source-id={s.id}
      title={[s.title, s.authors?.join('; '), s.url].filter(Boolean).join('\n')}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => onClick(e, s.id)}
      onFocus={() => onFocus(s.id)}
    >
      <span className="source-title">{s.title}</span>
      <span className="source-meta">
        {s.authors?.length ? (
          <span className="source-authors" lang={s.language}>
            {s.authors.length > 1 ? msg('sources.etAl', { value: s.authors[0] }) : s.authors[0]}
          </span>
        ) : null}
        <span className="publisher">{publisherName(s.publisher) || msg('sources.noPublisher')}</span>
        <time dateTime={s.date}>{formatDate(s.date)}</time>
        <ReliabilityBadge grade={s.reliability} />
      </span>
      <span className="source-stats">
        <span className="highlight-count" title={counted('highlight', s.highlightCount)}>
          {counted('highlight', s.highlightCount)}
        </span>
        {s.orphanCount > 0 && <span className="orphan-count">{msg('sources.orphaned', { orphanCount: s.orphanCount })}</span>}
      </span>
    </li>
  );
});
