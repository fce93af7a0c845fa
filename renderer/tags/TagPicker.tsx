import { msg } from '../i18n';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Tag, TagKind } from '../../core/model';
import { defaultParentId, tagPath } from '../../core/tags/default-codebook';
import { exactTagMatches, guessKind, quickTags, rankTags, siblingWithName, type TagMatch } from '../../core/tags/match';
import { KIND_LABEL, KINDS, KindIcon } from './kinds';
import { takeKeyBuffer } from './key-buffer';

export interface PickerExtra {
  id: string;
  label: string;
  hint?: string;
}

interface Props {
  tags: Tag[];
  pinnedIds: readonly string[];
  recentIds: readonly string[];
  /** Viewport point where the popover opens (it stays inside the window). */
  anchor: { x: number; y: number };
  title: string;
  /** Tags the target carries: shown checked; picking one again removes it. */
  applied?: readonly string[];
  /** Tags not offered (e.g. a tag and its descendants when moving it). */
  exclude?: ReadonlySet<string>;
  /** Rows offered before the tags (e.g. "Top level"). */
  extra?: PickerExtra[];
  /** Stay open after a pick, for several tags in a row. */
  keepOpen?: boolean;
  /** Offer "Create "…" as <kind>". */
  allowCreate?: boolean;
  /**
   * The codebook has not arrived yet: no rows and no "Create …" (it would duplicate a tag that exists), and Enter or a
   * number key is held until it arrives, then applied by the usual rules.
   */
  loading?: boolean;
  onPick(tag: Tag): void;
  onExtra?(id: string): void;
  onCreate?(name: string, kind: TagKind): Promise<Tag | null>;
  onClose(): void;
}

type Row =
  | { type: 'extra'; extra: PickerExtra }
  | { type: 'tag'; tag: Tag; match: TagMatch | null; quick: number; exact?: boolean }
  | { type: 'create'; name: string };

const ROW_LIMIT = 80;

/**
 * The tag picker: type-ahead over names and aliases (core/tags/match.ts), arrow keys and Enter, number keys 1–9 for
 * the pinned and recent tags while the query is empty, and inline creation of a new tag with its kind.
 */
export function TagPicker(props: Props) {
  const { tags, pinnedIds, recentIds, anchor, title, applied = [], exclude, extra = [], keepOpen, allowCreate, loading = false, onPick, onExtra, onCreate, onClose } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The kind of a new tag: guessed from the name until the analyst sets it (never the kind used last time).
  const [chosenKind, setKind] = useState<TagKind | null>(null);
  const kind = chosenKind ?? guessKind(query);
  const [busy, setBusy] = useState(false);
  const [pendingEnter, setPendingEnter] = useState(false);
  const [pendingQuick, setPendingQuick] = useState(0);
  const [position, setPosition] = useState<{ left: number; top: number }>({ left: anchor.x, top: anchor.y });
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const uid = useId();

  const quick = useMemo(() => quickTags(tags, { pinnedIds, recentIds }).filter((t) => !exclude?.has(t.id)), [tags, pinnedIds, recentIds, exclude]);
  const quickIndex = useMemo(() => new Map(quick.map((t, i) => [t.id, i + 1])), [quick]);

  const rows = useMemo<Row[]>(() => {
    const q = query.trim();
    const out: Row[] = [];
    const lower = q.toLowerCase();
    for (const e of extra) if (!q || e.label.toLowerCase().includes(lower)) out.push({ type: 'extra', extra: e });
    if (loading) return out;
    if (!q) {
      for (const t of quick) out.push({ type: 'tag', tag: t, match: null, quick: quickIndex.get(t.id) ?? 0 });
      const rest = rankTags(tags, '', { pinnedIds, recentIds, limit: 0 })
        .filter((m) => !quickIndex.has(m.tag.id) && !exclude?.has(m.tag.id))
        .sort((a, b) => tagPath(tags, a.tag.id).join('/').localeCompare(tagPath(tags, b.tag.id).join('/')));
      for (const m of rest.slice(0, ROW_LIMIT)) out.push({ type: 'tag', tag: m.tag, match: null, quick: 0 });
      return out;
    }
    // Exact name or alias matches first: the only tags Enter applies by itself. Then "Create …", then the other
    // (prefix, word, fuzzy) hits, which are shown but need an arrow key or a click.
    const exact = new Set(exactTagMatches(tags, q).map((t) => t.id));
    const ranked = rankTags(tags, q, { pinnedIds, recentIds, limit: ROW_LIMIT }).filter((m) => !exclude?.has(m.tag.id));
    for (const m of ranked) if (exact.has(m.tag.id)) out.push({ type: 'tag', tag: m.tag, match: m, quick: quickIndex.get(m.tag.id) ?? 0, exact: true });
    if (allowCreate && onCreate && !siblingWithName(tags, q, defaultParentId(tags, kind))) out.push({ type: 'create', name: q.replace(/\s+/g, ' ') });
    for (const m of ranked) if (!exact.has(m.tag.id)) out.push({ type: 'tag', tag: m.tag, match: m, quick: quickIndex.get(m.tag.id) ?? 0 });
    return out;
  }, [query, extra, quick, quickIndex, tags, pinnedIds, recentIds, exclude, allowCreate, onCreate, kind, loading]);

  // With text typed, nothing is chosen unless the first row is an exact match or "Create …": a fuzzy hit is never
  // applied by Enter alone (typing "CIS" must not tag "Terrorism").
  const first = rows[0];
  const firstIsSafe = !query.trim() || first?.type === 'create' || first?.type === 'extra' || (first?.type === 'tag' && first.exact === true);
  useEffect(() => setActive(firstIsSafe ? 0 : -1), [query, firstIsSafe]);
  const activeIndex = active < 0 ? -1 : Math.min(active, rows.length - 1);
  const activeRow = activeIndex < 0 ? undefined : rows[activeIndex];

  // Focus the field; give focus back where it was on close.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = root.current;
    input.current?.focus();
    // Letters typed after T before this field had focus.
    const typed = takeKeyBuffer();
    if (typed.text) setQuery(typed.text);
    if (typed.enter) setPendingEnter(true);
    return () => {
      if (before && document.contains(before) && (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))) before.focus({ preventScroll: true });
    };
  }, []);

  // Keep inside the window: flip above the anchor when there is no room below.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.x, window.innerWidth - width - 8));
    const below = anchor.y + height + 8 <= window.innerHeight;
    const top = below ? anchor.y : Math.max(8, anchor.y - height - 28);
    setPosition({ left, top });
  }, [anchor.x, anchor.y]);

  // A press outside closes it.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = async (row: Row | undefined) => {
    if (!row || busy) return;
    if (row.type === 'extra') {
      onExtra?.(row.extra.id);
      onClose();
      return;
    }
    if (row.type === 'tag') {
      onPick(row.tag);
      if (keepOpen) setQuery('');
      else onClose();
      return;
    }
    if (!onCreate) return;
    setBusy(true);
    const created = await onCreate(row.name, kind);
    setBusy(false);
    if (!created) return;
    onPick(created);
    if (keepOpen) {
      setQuery('');
      setKind(null);
      input.current?.focus();
    } else onClose();
  };

  // Enter typed before the picker had focus: the same rule as a real Enter, once the rows show the held letters.
  useEffect(() => {
    if (loading) return;
    if (pendingQuick > 0) {
      const t = quick[pendingQuick - 1];
      setPendingQuick(0);
      if (t && !query) void choose({ type: 'tag', tag: t, match: null, quick: pendingQuick });
      return;
    }
    if (!pendingEnter) return;
    setPendingEnter(false);
    if (firstIsSafe) void choose(rows[0]);
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement && e.key !== 'Escape') return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(rows.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(rows.length - 1, a) - 1));
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(rows.length - 1, Math.max(a, 0) + (e.key === 'PageDown' ? 8 : -8))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (loading) setPendingEnter(true);
      else if (!query.trim() && keepOpen && e.target === input.current && rows.length === 0) onClose();
      else void choose(activeRow);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (/^[1-9]$/.test(e.key) && !query && !e.ctrlKey && !e.metaKey && !e.altKey && e.target === input.current) {
      if (loading) {
        e.preventDefault();
        setPendingQuick(Number(e.key));
        return;
      }
      const t = quick[Number(e.key) - 1];
      if (t) {
        e.preventDefault();
        void choose({ type: 'tag', tag: t, match: null, quick: Number(e.key) });
      }
    } else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && allowCreate) {
      // Alt+←/→: the kind of a new tag.
      e.preventDefault();
      const i = KINDS.indexOf(kind);
      setKind(KINDS[(i + (e.key === 'ArrowRight' ? 1 : KINDS.length - 1)) % KINDS.length]);
    }
  };

  const optionId = (i: number) => `${uid}-opt-${i}`;
  const showCreate = allowCreate && onCreate && query.trim().length > 0 && !loading;

  return (
    <div ref={root} className="tag-picker" role="dialog" aria-label={title} style={{ left: position.left, top: position.top }} onKeyDown={onKeyDown}>
      <div className="tag-picker-title">{title}</div>
      <input
        ref={input}
        className="tag-picker-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${uid}-list`}
        aria-activedescendant={activeRow ? optionId(activeIndex) : undefined}
        aria-autocomplete="list"
        aria-label={msg('tags.findOrCreateATag')}
        placeholder={quick.length > 0 ? msg('tags.typeToFindATag') : msg('tags.typeToFindOrCreate')}
        value={query}
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() && activeIndex < 0 && rows.length > 0 && (
        <div className="tag-picker-status" role="status">
          
          {msg('tags.noTagIsNamed')}{query.trim()}{msg('tags.pressToChooseOneOf')}
        </div>
      )}
      <ul ref={list} id={`${uid}-list`} className="tag-picker-list" role="listbox" aria-label={msg('tags.tags')} aria-busy={loading || undefined} aria-multiselectable={keepOpen ? true : undefined}>
        {loading && (
          <li className="tag-picker-empty">
            
            {msg('tags.loadingTheCodebook')}
          </li>
        )}
        {!loading && rows.length === 0 && <li className="tag-picker-empty">{msg('tags.noTagMatches')}</li>}
        {rows.map((row, i) => {
          const isActive = i === activeIndex;
          const common = {
            id: optionId(i),
            'data-index': i,
            role: 'option',
            className: `tag-picker-row${isActive ? ' active' : ''}`,
            onMouseDown: (e: React.MouseEvent) => e.preventDefault(),
            onMouseMove: () => active !== i && setActive(i),
            onClick: () => void choose(row),
          } as const;
          if (row.type === 'extra') {
            return (
              <li key={`x-${row.extra.id}`} {...common} aria-selected={false}>
                <span className="tag-picker-check" aria-hidden="true" />
                <span className="tag-picker-name">{row.extra.label}</span>
                {row.extra.hint && <span className="tag-picker-path">{row.extra.hint}</span>}
              </li>
            );
          }
          if (row.type === 'create') {
            return (
              <li key="create" {...common} aria-selected={false} className={`${common.className} create`}>
                <span className="tag-picker-check" aria-hidden="true">+</span>
                <span className="tag-picker-name">
                  
                  {msg('tags.create')}{row.name}{msg('tags.as')}{' '}{KIND_LABEL[kind].toLowerCase()}
                </span>
                <span className="tag-picker-path">{(() => {
                  const parent = defaultParentId(tags, kind);
                  return parent ? msg('tags.inPath', { path: tagPath(tags, parent).join(' › ') }) : msg('tags.atTheTopLevel');
                })()}</span>
              </li>
            );
          }
          const on = applied.includes(row.tag.id);
          const path = tagPath(tags, row.tag.id).slice(0, -1);
          return (
            <li key={row.tag.id} {...common} aria-selected={on} data-tag-id={row.tag.id}>
              <span className="tag-picker-check" aria-hidden="true">{on ? '✓' : ''}</span>
              <span className="tag-dot" style={{ backgroundColor: row.tag.color }} aria-hidden="true" />
              <KindIcon kind={row.tag.kind} />
              <span className="tag-picker-name">{row.tag.name}</span>
              {row.match?.matched === 'alias' && <span className="tag-picker-alias">“{row.match.alias}”</span>}
              {path.length > 0 && <span className="tag-picker-path">{path.join(' › ')}</span>}
              {row.quick > 0 && <kbd className="tag-picker-key" aria-label={msg('tags.keyN', { key: row.quick })}>{row.quick}</kbd>}
            </li>
          );
        })}
      </ul>
      {showCreate && (
        <label className="tag-picker-kind">
          
          {msg('tags.newTagKind')}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as TagKind)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                const create = rows.find((r) => r.type === 'create');
                void choose(create);
              }
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <span className="tag-picker-hint">{msg('tags.alt')}</span>
        </label>
      )}
      <div className="tag-picker-footer" aria-hidden="true">
        <span><kbd>↑</kbd><kbd>↓</kbd>{' '}{msg('tags.choose')}</span>
        <span><kbd>{msg('tags.enter')}</kbd> {keepOpen ? msg('tags.applyRemove') : msg('tags.choose')}</span>
        {quick.length > 0 && <span><kbd>1</kbd>–<kbd>9</kbd>{' '}{msg('tags.quick')}</span>}
        <span><kbd>{msg('tags.esc')}</kbd>{' '}{msg('tags.close')}</span>
      </div>
    </div>
  );
}
