import { labels, msg } from '../i18n';
import { useEffect, useState } from 'react';
import { PopoverMenu, type MenuItem } from '../ui/PopoverMenu';
import { DEFAULT_VIEW, GROUPINGS, SORTS, type GroupBy, type ListView, type SortKey } from '../../core/sources/arrange';

const SORT_LABEL: Record<SortKey, string> = labels({ date: 'sources.sortKey.date', title: 'sources.sortKey.title', publisher: 'sources.sortKey.publisher', highlights: 'sources.sortKey.highlights' });
const GROUP_LABEL: Record<Exclude<GroupBy, 'none'>, string> = labels({ publisher: 'sources.groupKey.publisher', month: 'sources.groupKey.month' });

const STORAGE_KEY = 'sources-view';

/** The pane's sort and grouping, remembered on this machine; the filter starts empty each time. */
export function useListView(): [ListView, (v: ListView) => void] {
  const [view, setView] = useState<ListView>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ListView>;
      return {
        ...DEFAULT_VIEW,
        sort: saved.sort && saved.sort in SORTS ? saved.sort : DEFAULT_VIEW.sort,
        descending: typeof saved.descending === 'boolean' ? saved.descending : DEFAULT_VIEW.descending,
        group: saved.group && (saved.group === 'none' || saved.group in GROUPINGS) ? saved.group : DEFAULT_VIEW.group,
      };
    } catch {
      return DEFAULT_VIEW;
    }
  });
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ sort: view.sort, descending: view.descending, group: view.group }));
  }, [view.sort, view.descending, view.group]);
  return [view, setView];
}

interface Props {
  view: ListView;
  onChange(view: ListView): void;
  /** ArrowDown in the filter box moves into the list. */
  onEnterList(): void;
}

/** Filter as you type, sort by a key in either direction, group by publisher or month. */
export function SourceListControls({ view, onChange, onEnterList }: Props) {
  const dirLabel = view.descending ? msg('sources.descending') : msg('sources.ascending');
  // Menus, not <select>s: the pane's only options are its sources (a listbox's options stay unambiguous).
  const [menu, setMenu] = useState<{ kind: 'sort' | 'group'; x: number; y: number } | null>(null);
  const openMenu = (kind: 'sort' | 'group', el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setMenu({ kind, x: r.left, y: r.bottom + 4 });
  };
  const menuItems = (kind: 'sort' | 'group'): MenuItem[] =>
    kind === 'sort'
      ? (Object.keys(SORTS) as SortKey[]).map((k) => ({
          id: k,
          label: SORT_LABEL[k],
          shortcut: k === view.sort ? '✓' : undefined,
          run: () => onChange({ ...view, sort: k, descending: k === view.sort ? view.descending : SORTS[k].descendingFirst }),
        }))
      : (['none', ...Object.keys(GROUPINGS)] as GroupBy[]).map((k) => ({
          id: k,
          label: k === 'none' ? msg('sources.none') : GROUP_LABEL[k],
          shortcut: k === view.group ? '✓' : undefined,
          run: () => onChange({ ...view, group: k }),
        }));
  return (
    <div className="source-controls" role="search" aria-label={msg('sources.filterAndSortSources')}>
      <input
        type="search"
        className="source-filter"
        placeholder={msg('sources.filterSources')}
        aria-label={msg('sources.filterSourcesByTitlePublisher')}
        value={view.filter}
        onChange={(e) => onChange({ ...view, filter: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onEnterList();
          } else if (e.key === 'Escape' && view.filter) {
            e.preventDefault();
            e.stopPropagation();
            onChange({ ...view, filter: '' });
          }
        }}
      />
      <div className="source-order">
        <button type="button" className="source-order-button" aria-haspopup="menu" aria-expanded={menu?.kind === 'sort'} title={msg('sources.sortTheSources')} onClick={(e) => openMenu('sort', e.currentTarget)}>
          {' '}{msg('sources.sort', { label: SORT_LABEL[view.sort] })}
        </button>
        <button
          type="button"
          className="icon-button sort-direction"
          aria-label={msg('sources.order', { dirLabel })}
          title={msg('sources.clickToReverse', { dirLabel })}
          onClick={() => onChange({ ...view, descending: !view.descending })}
        >
          <span aria-hidden="true">{view.descending ? '↓' : '↑'}</span>
        </button>
        <button type="button" className="source-order-button" aria-haspopup="menu" aria-expanded={menu?.kind === 'group'} title={msg('sources.groupTheSources')} onClick={(e) => openMenu('group', e.currentTarget)}>
          
          {msg('sources.group')}{' '}{view.group === 'none' ? msg('sources.none') : GROUP_LABEL[view.group]}
        </button>
      </div>
      {menu && <PopoverMenu label={menu.kind === 'sort' ? msg('sources.sortSourcesBy') : msg('sources.groupSourcesBy')} anchor={menu} items={menuItems(menu.kind)} onClose={() => setMenu(null)} />}
    </div>
  );
}
