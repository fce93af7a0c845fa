import { counted, msg, num } from '../i18n';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary } from '../../core/model';
import { isMac } from '../api';
import { formatAccelerator } from '../../core/commands';
import { filterSources, group, sortSources } from '../../core/sources/arrange';
import { optionId, SourceRows, type SourceRowsHandle } from './SourceRows';
import { SourceListControls, useListView } from './SourceListControls';
import { useSourceSelection } from './use-source-selection';
import { CollectionsBar } from './CollectionsBar';
import { useCollections } from './use-collections';
import { PopoverMenu, type MenuItem } from '../ui/PopoverMenu';
import { markListPainted } from '../shell/first-load';
import '../styles/sources.css';

interface Props {
  sources: SourceSummary[];
  currentId: string | null;
  onOpen(id: string): void;
  /** Open the metadata panel of a source (F2, the context menu). */
  onEdit?(id: string): void;
  /** Ask to delete these sources (Delete, the context menu, the selection bar); the caller confirms. */
  onDelete?(ids: string[]): void;
  /** Export these sources (Ctrl+E with several selected, the context menu, the selection bar). */
  onExport?(ids: string[]): void;
  /** The order the list shows, after sorting and filtering: Alt+Up/Down follows it. */
  onOrderChange?(ids: string[]): void;
}

const EXPORT_KEY = formatAccelerator('CmdOrCtrl+E', isMac);

/**
 * The left pane: every source with its publisher, date and number of highlights; sorted, filtered as you type,
 * grouped by publisher or month. Only the rows in view are drawn, so 50,000 sources scroll like five.
 * Arrows move, Enter opens, Space/Ctrl+click/Shift+click/Ctrl+A select several, F2 edits, Delete deletes, Ctrl+E
 * exports the selected sources.
 */
export function SourceList({ sources, currentId, onOpen, onEdit, onDelete, onExport, onOrderChange }: Props) {
  const [view, setView] = useListView();
  // Sorted once per list and order; each keystroke of the filter only narrows (and may lag a frame behind typing).
  const sorted = useMemo(() => sortSources(sources, view.sort, view.descending), [sources, view.sort, view.descending]);
  const filter = useDeferredValue(view.filter);
  // Source collections (issue 16): the list shows one collection's sources when one is chosen.
  const collections = useCollections(sources);
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const members = useMemo(() => {
    const c = collections.collections.find((x) => x.id === collectionId);
    return c ? new Set(c.sourceIds) : null;
  }, [collections.collections, collectionId]);
  const inCollection = useMemo(() => (members ? sorted.filter((s) => members.has(s.id)) : sorted), [sorted, members]);
  const { rows, shown } = useMemo(() => group(filterSources(inCollection, filter), view.group), [inCollection, filter, view.group]);
  const order = useMemo(() => shown.map((s) => s.id), [shown]);
  const indexOfRow = useMemo(() => {
    const m = new Map<string, number>();
    rows.forEach((r, i) => r.kind === 'source' && !m.has(r.source.id) && m.set(r.source.id, i));
    return m;
  }, [rows]);
  const selection = useSourceSelection(order, currentId);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; id: string } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const rowsV = useRef<SourceRowsHandle>(null);

  useEffect(() => onOrderChange?.(order), [order, onOrderChange]);
  useEffect(() => markListPainted(rows.length), [rows.length]);

  // The keyboard cursor: the focused row if it is still shown, else the open source, else the first.
  const tabId = (focusId && indexOfRow.has(focusId) ? focusId : null) ?? (currentId && indexOfRow.has(currentId) ? currentId : null) ?? order[0] ?? null;

  // Keep the open source in view when it changes from elsewhere (Alt+Up/Down, a search hit).
  useEffect(() => {
    const i = currentId ? indexOfRow.get(currentId) : undefined;
    // The first source shows with its group's header above it.
    if (i !== undefined) rowsV.current?.scrollToIndex(i <= 1 ? 0 : i);
    // Only when the open source changes, not on every re-arrangement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId]);

  const focusRow = (id: string) => {
    setFocusId(id);
    const i = indexOfRow.get(id);
    if (i !== undefined) rowsV.current?.scrollToIndex(i);
    requestAnimationFrame(() => document.getElementById(optionId(id))?.focus());
  };

  const targets = (id: string) => (selection.checked.has(id) && selection.checked.size > 1 ? [...selection.checked] : [id]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || !tabId) return;
    const at = order.indexOf(tabId);
    const ctrl = event.ctrlKey || event.metaKey;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(order.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = order.length - 1;
    else if (event.key === 'PageDown') next = Math.min(order.length - 1, at + 10);
    else if (event.key === 'PageUp') next = Math.max(0, at - 10);
    if (next !== null) {
      event.preventDefault();
      const id = order[next];
      if (event.shiftKey) selection.extendTo(id, tabId);
      focusRow(id);
      return;
    }
    let handled = true;
    if (event.key === 'Enter') onOpen(tabId);
    else if (event.key === ' ') selection.toggle(tabId);
    else if (ctrl && event.key.toLowerCase() === 'a') selection.selectAll();
    else if (ctrl && event.key.toLowerCase() === 'e' && onExport && selection.checked.size > 1) onExport(targets(tabId));
    else if (event.key === 'Escape' && selection.checked.size > 0) selection.clear();
    else if (event.key === 'F2' && onEdit) onEdit(tabId);
    else if ((event.key === 'Delete' || event.key === 'Backspace') && onDelete) onDelete(targets(tabId));
    else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      const r = document.getElementById(optionId(tabId))?.getBoundingClientRect();
      setMenu({ x: (r?.left ?? 0) + 24, y: (r?.top ?? 0) + 24, id: tabId });
    } else handled = false;
    if (handled) {
      // The list's own meaning: Delete here never reaches the app's "delete highlight".
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const onRowClick = (event: React.MouseEvent, id: string) => {
    setFocusId(id);
    if (event.ctrlKey || event.metaKey) return selection.toggle(id);
    if (event.shiftKey) return selection.extendTo(id, tabId ?? id);
    selection.clear();
    selection.anchorAt(id);
    onOpen(id);
  };

  // Stable handlers: the rows are memoised and keep them from render to render.
  const rowClick = useRef(onRowClick);
  rowClick.current = onRowClick;
  const onRowClickStable = useCallback((event: React.MouseEvent, id: string) => rowClick.current(event, id), []);

  const menuItems = (id: string): MenuItem[] => {
    const ids = targets(id);
    const many = ids.length > 1;
    const items: MenuItem[] = [{ id: 'open', label: msg('sources.open'), shortcut: 'Enter', disabled: many, run: () => onOpen(id) }];
    if (onEdit) items.push({ id: 'edit', label: msg('sources.editDetails'), shortcut: 'F2', disabled: many, run: () => onEdit(id) });
    if (onExport) items.push({ id: 'export', label: many ? msg('sources.exportSources', { idCount: ids.length }) : msg('sources.exportSource'), shortcut: many ? EXPORT_KEY : undefined, run: () => onExport(ids) });
    if (onDelete) items.push({ id: 'delete', label: many ? msg('sources.deleteSources4', { idCount: ids.length }) : msg('sources.deleteSource2'), shortcut: 'Del', danger: true, separatorBefore: true, run: () => onDelete(ids) });
    return items;
  };

  const filtered = view.filter.trim() !== '' || members !== null;
  return (
    <nav className="pane sources" aria-label={msg('sources.sources')}>
      <header className="pane-header">
        <h2>{msg('sources.sources')}</h2>
        <span className="count" aria-label={filtered ? msg('sources.shownOfSources', { shown: shown.length, total: sources.length }) : counted('source', sources.length)}>
          {filtered ? msg('sources.shownOf', { shown: shown.length, total: sources.length }) : num(sources.length)}
        </span>
      </header>
      <SourceListControls view={view} onChange={setView} onEnterList={() => tabId && focusRow(tabId)} />
      <CollectionsBar
        collections={collections}
        shown={members ? collectionId : null}
        onShow={setCollectionId}
        targets={selection.checked.size > 0 ? [...selection.checked] : currentId ? [currentId] : []}
      />
      {selection.checked.size > 1 && (
        <div className="bulk-bar" role="toolbar" aria-label={msg('sources.selectedSources')}>
          <span className="bulk-count">{msg('sources.selected', { toLocaleString: selection.checked.size })}</span>
          {onExport && (
            <button type="button" onClick={() => onExport([...selection.checked])} title={msg('sources.exportTheSelectedSources', { EXPORT_KEY })}>
              
              {msg('sources.export')}
            </button>
          )}
          {onDelete && (
            <button type="button" className="danger" onClick={() => onDelete([...selection.checked])} title={msg('sources.deleteTheSelectedSourcesDel')}>
              
              {msg('sources.delete')}
            </button>
          )}
          <button type="button" className="link-button" onClick={selection.clear} title={msg('sources.clearTheSelectionEsc')}>
            
            {msg('sources.clear')}
          </button>
        </div>
      )}
      {filtered && (
        <p className="source-filter-count" role="status">
          {shown.length === 0 ? (view.filter.trim() ? msg('sources.noSourceMatches', { trim: view.filter.trim() }) : msg('sources.noSourceInThisCollection')) : msg('sources.showingOf', { toLocaleString: shown.length, toLocaleString2: sources.length })}
        </p>
      )}
      <ul
        role="listbox"
        aria-label={msg('sources.sources')}
        aria-multiselectable="true"
        className="source-list"
        id="source-list"
        ref={list}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-source-id]')?.dataset.sourceId;
          if (!id) return;
          e.preventDefault();
          setFocusId(id);
          setMenu({ x: e.clientX, y: e.clientY, id });
        }}
      >
        <SourceRows ref={rowsV} rows={rows} scroller={list} currentId={currentId} checked={selection.checked} tabId={tabId} onClick={onRowClickStable} onFocus={setFocusId} />
      </ul>
      {menu && <PopoverMenu label={msg('sources.source')} anchor={menu} items={menuItems(menu.id)} onClose={() => setMenu(null)} />}
    </nav>
  );
}
