import { msg } from '../i18n';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Pin } from 'lucide-react';
import { filterHighlights, isFiltering, NO_FILTER, type HighlightFilter } from '../../core/highlights/filter';
import type { TagKind } from '../../core/model';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Highlight, Tag } from '../../core/model';
import { noteFirstLine } from '../../core/notes/plain-text';
import { withShortcut } from '../shell/Toolbar';
import { KIND_LABEL, KINDS, TagChip } from '../tags/kinds';
import { elementAnchor, type Point } from '../tags/reader-bridge';
import { HIGHLIGHT_DRAG_TYPE } from '../editor/citations';


/** A first guess at a row's height (quote, chips, note); rows are measured once drawn. */
const ROW_HEIGHT = 64;

import { StatementBadge } from '../statements/badges';
import { Byline } from '../byline';

interface Props {
  highlights: Highlight[];
  tagsById: Map<string, Tag>;
  colorOf(h: Highlight): string;
  selectedId: string | null;
  /** Highlights under the last click besides the selected one: offered as alternatives. */
  alternatives: string[];
  canReattach: boolean;
  onSelect(id: string, reveal: boolean): void;
  onDelete(id: string): void;
  onReattach(id: string): void;
  /** Open the tag picker for one highlight (its row's Tag… button). */
  onTag?(id: string, anchor: Point): void;
  /** Add or remove a tag on several highlights (the bulk bar of a multi-selection). */
  onBulkTag?(ids: string[], mode: 'add' | 'remove', anchor: Point): void;
  /** The tags behind the number keys 1–9 now, and which of them are pinned (fixed to their key). */
  quickTags?: Tag[];
  pinnedIds?: readonly string[];
  onPin?(tagId: string, pinned: boolean): void;
}

/** The open source's highlights in reading order, then its orphans (kept, never deleted silently). */
export function HighlightsPanel({ highlights, tagsById, colorOf, selectedId, alternatives, canReattach, onSelect, onDelete, onReattach, onTag, onBulkTag, quickTags = [], pinnedIds = [], onPin }: Props) {
  const [filter, setFilter] = useState<HighlightFilter>(NO_FILTER);
  const filtering = isFiltering(filter);
  const allTags = useMemo(() => [...tagsById.values()], [tagsById]);
  const shown = useMemo(() => filterHighlights(highlights, allTags, filter), [highlights, allTags, filter]);
  // The tags used in this source, for the filter's tag menu.
  const usedTags = useMemo(() => {
    const ids = new Set(highlights.flatMap((h) => h.tagIds));
    return allTags.filter((t) => ids.has(t.id)).sort((a, b) => a.name.localeCompare(b.name));
  }, [highlights, allTags]);
  // Who made the highlights of this source (issue 19), for the filter's menu.
  const creators = useMemo(() => [...new Set(highlights.map((h) => h.creator).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b)), [highlights]);
  const live = shown.filter((h) => !h.orphan);
  const totalLive = highlights.filter((h) => !h.orphan).length;
  // Multi-selection for bulk tagging: Ctrl/Cmd+click toggles a row, Shift+click (or Shift+arrows) extends from the
  // selected one. It lasts while the selected highlight is part of it.
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const multi = checked.size > 1;
  useEffect(() => {
    setChecked((c) => (c.size === 0 || (selectedId && c.has(selectedId)) ? c : new Set()));
  }, [selectedId]);
  const rangeTo = (id: string) => {
    const a = live.findIndex((h) => h.id === selectedId);
    const b = live.findIndex((h) => h.id === id);
    if (a < 0 || b < 0) return new Set([id]);
    return new Set(live.slice(Math.min(a, b), Math.max(a, b) + 1).map((h) => h.id));
  };
  const onRowClick = (event: React.MouseEvent, id: string) => {
    if (event.ctrlKey || event.metaKey) {
      const next = new Set(checked.size > 0 ? checked : selectedId ? [selectedId] : []);
      if (next.has(id) && next.size > 1) {
        next.delete(id);
        setChecked(next);
        onSelect([...next][next.size - 1], false);
        return;
      }
      next.add(id);
      setChecked(next);
      onSelect(id, false);
      return;
    }
    if (event.shiftKey && selectedId) {
      const next = rangeTo(id);
      next.add(selectedId);
      setChecked(next);
      onSelect(selectedId, false);
      return;
    }
    setChecked(new Set());
    onSelect(id, true);
  };
  const orphans = shown.filter((h) => h.orphan);
  const list = useRef<HTMLUListElement>(null);
  // Thousands of highlights: only the rows in view are in the DOM (rows have a fixed height).
  const rows = useVirtualizer({ count: live.length, getScrollElement: () => list.current, estimateSize: () => ROW_HEIGHT, overscan: 8, getItemKey: (i) => live[i].id });
  const selectedIndex = live.findIndex((h) => h.id === selectedId);

  // Keep the selected row in view when the selection comes from the reader.
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, rows]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const index = live.findIndex((h) => h.id === selectedId);
    let next = -1;
    if (event.key === 'Escape' && checked.size > 0) {
      event.preventDefault();
      setChecked(new Set());
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setChecked(new Set(live.map((h) => h.id)));
      return;
    }
    if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && selectedId) {
      event.preventDefault();
      const to = live[Math.max(0, Math.min(live.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (!to) return;
      const next = new Set(checked.size > 0 ? checked : [selectedId]);
      next.add(to.id);
      setChecked(next);
      onSelect(to.id, false);
      rows.scrollToIndex(live.indexOf(to), { align: 'auto' });
      requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-highlight-id="${CSS.escape(to.id)}"]`)?.focus());
      return;
    }
    if (event.key === 'ArrowDown') next = Math.min(live.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = live.length - 1;
    else if (event.key === 'Enter' && selectedId) {
      event.preventDefault();
      onSelect(selectedId, true);
      return;
    }
    if (next >= 0 && live[next]) {
      event.preventDefault();
      onSelect(live[next].id, true);
      rows.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-highlight-id="${CSS.escape(live[next].id)}"]`)?.focus());
    }
  };

  return (
    <section className="pane highlights" aria-label={msg('highlights.highlights')}>
      <header className="pane-header">
        <h2>{msg('highlights.highlights')}</h2>
        <span className="count">{totalLive}</span>
        {alternatives.length > 0 && (
          <span className="alternatives" role="group" aria-label={msg('highlights.otherHighlightsHere')}>
            
            {msg('highlights.alsoHere')}
            {alternatives.map((id) => (
              <button key={id} type="button" className="chip-button" onClick={() => onSelect(id, true)}>
                “{truncate(highlights.find((h) => h.id === id)?.quote.exact ?? '', 40)}”
              </button>
            ))}
          </span>
        )}
      </header>
      {multi && (
        <div className="bulk-bar" role="toolbar" aria-label={msg('highlights.selectedHighlights')}>
          <span className="bulk-count">{msg('highlights.selected', { size: checked.size })}</span>
          {onBulkTag && (
            <>
              <button type="button" onClick={(e) => onBulkTag([...checked], 'add', elementAnchor(e.currentTarget))}>
                
                {msg('highlights.addTag')}
              </button>
              <button type="button" onClick={(e) => onBulkTag([...checked], 'remove', elementAnchor(e.currentTarget))}>
                
                {msg('highlights.removeTag')}
              </button>
            </>
          )}
          <button type="button" className="link-button" onClick={() => setChecked(new Set())} title={msg('highlights.clearTheSelectionEsc')}>
            
            {msg('highlights.clear')}
          </button>
        </div>
      )}
      {quickTags.length > 0 && (
        <div className="quick-keys" role="group" aria-label={msg('highlights.numberKeys19')}>
          {quickTags.map((t, i) => {
            const pinned = pinnedIds.includes(t.id);
            return (
              <button
                key={t.id}
                type="button"
                className={`quick-key${pinned ? ' pinned' : ''}`}
                aria-pressed={pinned}
                aria-label={msg('highlights.key', { value: i + 1, name: t.name, value2: pinned ? msg('highlights.pinnedSuffix') : '' })}
                title={pinned ? msg('highlights.appliesPinnedClickToUnpin', { value: i + 1, name: t.name }) : msg('highlights.appliesARecentTagClick', { value: i + 1, name: t.name })}
                onClick={() => onPin?.(t.id, !pinned)}
              >
                <kbd>{i + 1}</kbd>
                <span className="tag-dot" style={{ backgroundColor: t.color }} aria-hidden="true" />
                <span className="quick-key-name">{t.name}</span>
                {pinned && <Pin size={11} aria-hidden="true" />}
              </button>
            );
          })}
        </div>
      )}
      {highlights.length > 0 && (
        <div className="highlight-filter" role="search" aria-label={msg('highlights.filterHighlights')}>
          <input type="search" aria-label={msg('highlights.filterByText')} placeholder={msg('highlights.filter')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
          <select aria-label={msg('highlights.filterByTag')} value={filter.tagId ?? ''} onChange={(e) => setFilter({ ...filter, tagId: e.target.value || null })}>
            <option value="">{msg('highlights.anyTag')}</option>
            {usedTags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <select aria-label={msg('highlights.filterByKind')} value={filter.kind ?? ''} onChange={(e) => setFilter({ ...filter, kind: (e.target.value || null) as TagKind | null })}>
            <option value="">{msg('highlights.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          {creators.length > 0 && (
            <select aria-label={msg('highlights.filterByCreator')} value={filter.creator ?? ''} onChange={(e) => setFilter({ ...filter, creator: e.target.value || null })}>
              <option value="">{msg('highlights.anyone')}</option>
              {creators.map((c) => (
                <option key={c} value={c}>
                  {msg('highlights.byCreator', { name: c })}
                </option>
              ))}
            </select>
          )}
          <label>
            <input type="checkbox" checked={filter.hasNote} onChange={(e) => setFilter({ ...filter, hasNote: e.target.checked })} />{' '}{msg('highlights.withANote')}
          </label>
          <select aria-label={msg('highlights.orphans')} value={filter.orphans} onChange={(e) => setFilter({ ...filter, orphans: e.target.value as HighlightFilter['orphans'] })}>
            <option value="show">{msg('highlights.withOrphans')}</option>
            <option value="only">{msg('highlights.orphansOnly')}</option>
            <option value="hide">{msg('highlights.withoutOrphans')}</option>
          </select>
          {filtering && (
            <>
              <span className="filter-status" role="status">
                {live.length + orphans.length}{' '}{msg('highlights.of')}{' '}{highlights.length}{' '}{msg('highlights.shown')}
              </span>
              <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
                
                {msg('highlights.clearFilter')}
              </button>
            </>
          )}
        </div>
      )}
      {filtering && live.length === 0 && orphans.length === 0 ? (
        <p className="empty-hint">{msg('highlights.noHighlightMatchesTheFilter')}</p>
      ) : live.length === 0 && orphans.length === 0 ? (
        <p className="empty-hint">{msg('highlights.selectTextInTheArticle')}{' '}<kbd>H</kbd>{' '}{msg('highlights.toHighlightIt')}</p>
      ) : (
        <ul className="highlight-list" role="listbox" aria-label={msg('highlights.highlightsInReadingOrder')} aria-multiselectable="true" ref={list} onKeyDown={onKeyDown}>
          <div className="highlight-rows" style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const h = live[row.index];
              return (
                <li
                  key={h.id}
                  role="option"
                  aria-selected={h.id === selectedId || checked.has(h.id)}
                  aria-posinset={row.index + 1}
                  aria-setsize={live.length}
                  tabIndex={h.id === selectedId || (selectedIndex < 0 && row.index === 0) ? 0 : -1}
                  data-highlight-id={h.id}
                  className={`highlight-item${multi && checked.has(h.id) ? ' checked' : ''}`}
                  ref={rows.measureElement}
                  data-index={row.index}
                  style={{ transform: `translateY(${row.start}px)` }}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ highlightId: h.id, sourceId: h.sourceId }));
                    e.dataTransfer.setData('text/plain', h.quote.exact);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={(e) => onRowClick(e, h.id)}
                >
                  <span className="swatch" style={{ backgroundColor: colorOf(h) }} aria-hidden="true" />
                  <span className="highlight-body">
                    <q className="highlight-quote">{truncate(h.quote.exact, 200)}</q>
                    <span className="tag-chips">
                      {h.tagIds.map((id) => tagsById.get(id)).filter((t): t is Tag => Boolean(t)).map((t) => (
                        <TagChip key={t.id} tag={t} />
                      ))}
                    </span>
                    <StatementBadge h={h} tagsById={tagsById} />
                    {h.note && <span className="highlight-note">{noteFirstLine(h.note)}</span>}
                    <Byline creator={h.creator} lastEditor={h.lastEditor} at={h.modifiedAt} />
                  </span>
                  {onTag && (
                    <span
                      className="icon-button tag-button"
                      aria-hidden="true"
                      title={withShortcut(msg('highlights.tag'), 'highlight.tag')}
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelect(h.id, false);
                        onTag(h.id, elementAnchor(e.currentTarget));
                      }}
                    >
                      
                      {msg('highlights.tag')}
                    </span>
                  )}
                  <span
                    className="icon-button delete"
                    aria-hidden="true"
                    title={withShortcut(msg('highlights.deleteHighlight'), 'highlight.delete')}
                    onClick={(e) => {
                      e.stopPropagation();
                      onDelete(h.id);
                    }}
                  >
                    ×
                  </span>
                </li>
              );
            })}
          </div>
        </ul>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-label={msg('highlights.orphanedHighlights')}>
          <h3>{msg('highlights.orphaned', { orphanCount: orphans.length })}</h3>
          <p className="orphans-hint">{msg('highlights.theirPassageIsNoLonger')}</p>
          <ul>
            {orphans.map((h) => (
              <li key={h.id} className="orphan-item" data-highlight-id={h.id}>
                <q>{truncate(h.quote.exact, 140)}</q>
                <span className="orphan-actions">
                  <button type="button" disabled={!canReattach} title={msg('highlights.attachThisHighlightToThe')} onClick={() => onReattach(h.id)}>
                    
                    {msg('highlights.reAttachToSelection')}
                  </button>
                  <button type="button" onClick={() => onDelete(h.id)}>
                    
                    {msg('highlights.delete')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
