import { counted, msg, type CountNoun } from '../i18n';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NamedSetsBar, type SetWords } from '../ui/NamedSetsBar';
import { useTagGroups } from './use-tag-groups';
import { ChevronDown, ChevronRight, Ellipsis, Plus } from 'lucide-react';
import type { Tag, TagKind } from '../../core/model';
import { descendantIds } from '../../core/tags/codebook';
import { KIND_LABEL, KindIcon } from './kinds';
import { TagPicker } from './TagPicker';
import { ColorPalette } from './ColorPalette';
import { ConfirmDialog, TagDetailsDialog } from './dialogs';
import { MentionsReview } from './MentionsReview';
import { elementAnchor, type Point } from './reader-bridge';
import type { TagsApi } from './use-tags';
import { PopoverMenu, type MenuItem } from '../ui/PopoverMenu';
import { DeleteSummary, MergeConfirm, NewTagForm, RenameInput } from './codebook-forms';
import { codebookRows, type CodebookRow } from '../../core/tags/visible-rows';


export const TAG_DRAG_TYPE = 'application/x-notebook-tag';

interface Props {
  api: TagsApi;
  /** Show every passage coded with this tag (the retrieval view). */
  onRetrieve(tag: Tag): void;
}

type Row = CodebookRow;

const GROUP_WORDS: SetWords = 'tagGroup';

type Overlay =
  | { type: 'menu'; tagId: string; anchor: Point }
  | { type: 'palette'; tagId: string; anchor: Point }
  | { type: 'move' | 'merge'; tagId: string; anchor: Point }
  | { type: 'confirm-merge'; fromId: string; intoId: string }
  | { type: 'delete'; tagId: string }
  | { type: 'details'; tagId: string }
  | { type: 'mentions'; tagId: string };

const plural = (n: number, noun: CountNoun) => counted(noun, n);

/**
 * The codebook: the tag tree with, for each tag, its highlights and sources. Create, rename in place (F2), recolour,
 * move (drag and drop, or Move to…), merge, delete (asks first), pin to a number key, tag all mentions; every change
 * is undoable with Ctrl+Z. Enter (or a click on the name) shows the tag's passages.
 */
export function CodebookPanel({ api, onRetrieve }: Props) {
  const { tags, counts } = api;
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [creating, setCreating] = useState<{ parentId: string | null; kind: TagKind } | null>(null);
  const [filter, setFilter] = useState('');
  const [drag, setDrag] = useState<{ id: string; over: string | null } | null>(null);
  // Tag groups (ATLAS.ti code groups): the tree can show one group's tags, with their parents.
  const tagGroups = useTagGroups(tags);
  const [groupId, setGroupId] = useState<string | null>(null);
  const group = tagGroups.groups.find((g) => g.id === groupId) ?? null;
  const within = useMemo(() => (group ? new Set(group.tagIds) : null), [group]);
  const tree = useRef<HTMLDivElement>(null);
  const byId = api.tagsById;
  const quickIndex = useMemo(() => new Map(api.quick.map((t, i) => [t.id, i + 1])), [api.quick]);
  const pinned = useMemo(() => new Set(api.pinnedIds), [api.pinnedIds]);

  // The visible rows (core/tags/visible-rows.ts): depth first, a filter keeps the matching tags and their ancestors.
  const rows = useMemo<Row[]>(() => codebookRows(tags, byId, collapsed, filter, within), [tags, byId, collapsed, filter, within]);
  const narrowed = Boolean(filter) || within !== null;

  const focusIndex = Math.max(0, rows.findIndex((r) => r.tag.id === focusId));

  const focusRow = (id: string | null) => {
    setFocusId(id);
    if (id) requestAnimationFrame(() => tree.current?.querySelector<HTMLElement>(`[data-tag-id="${CSS.escape(id)}"]`)?.focus());
  };

  // Keep focus on a row that still exists (after a delete or merge).
  useEffect(() => {
    if (focusId && !byId.has(focusId)) setFocusId(null);
  }, [byId, focusId]);

  const countOf = (tag: Tag, hasChildren: boolean) => {
    const c = counts[tag.id];
    if (!c) return { h: 0, s: 0, label: '' };
    const h = hasChildren ? c.subtreeHighlights : c.highlights;
    const s = hasChildren ? c.subtreeSources : c.sources;
    const label = msg('tags.highlightsInSources', { highlights: plural(h, 'highlight'), sources: plural(s, 'source') }) + (hasChildren ? msg('tags.withSubTags') : '');
    return { h, s, label };
  };

  const anchorOf = (id: string): Point => {
    const el = tree.current?.querySelector(`[data-tag-id="${CSS.escape(id)}"] .codebook-name`);
    return el ? elementAnchor(el) : { x: 40, y: 120 };
  };

  const menuFor = (tag: Tag): MenuItem[] => {
    const q = quickIndex.get(tag.id);
    const isPinned = pinned.has(tag.id);
    return [
      { id: 'retrieve', label: msg('tags.showCodedPassages'), shortcut: 'Enter', run: () => onRetrieve(tag) },
      { id: 'rename', label: msg('tags.rename'), shortcut: 'F2', run: () => setRenaming(tag.id) },
      { id: 'details', label: msg('tags.editKindAliasesDescription'), run: () => setOverlay({ type: 'details', tagId: tag.id }) },
      { id: 'colour', label: msg('tags.colour2'), shortcut: 'C', run: () => setOverlay({ type: 'palette', tagId: tag.id, anchor: anchorOf(tag.id) }) },
      { id: 'add', label: msg('tags.newSubTag'), shortcut: 'N', run: () => setCreating({ parentId: tag.id, kind: tag.kind }) },
      { id: 'move', label: msg('tags.moveTo'), shortcut: 'M', separatorBefore: true, run: () => setOverlay({ type: 'move', tagId: tag.id, anchor: anchorOf(tag.id) }) },
      { id: 'merge', label: msg('tags.mergeInto'), shortcut: 'Shift+M', run: () => setOverlay({ type: 'merge', tagId: tag.id, anchor: anchorOf(tag.id) }) },
      {
        id: 'pin',
        label: isPinned ? msg('tags.unpinFromKey', { value: q ?? '' }).trim() : msg('tags.pinToANumberKey'),
        shortcut: 'P',
        run: () => void api.pin(tag.id, !isPinned),
      },
      { id: 'mentions', label: msg('tags.tagAllMentions'), run: () => setOverlay({ type: 'mentions', tagId: tag.id }) },
      { id: 'delete', label: msg('tags.delete'), shortcut: 'Del', danger: true, separatorBefore: true, run: () => setOverlay({ type: 'delete', tagId: tag.id }) },
    ];
  };

  const onTreeKey = (e: React.KeyboardEvent) => {
    if (renaming || !(e.target as HTMLElement).matches('[role="treeitem"]')) return;
    const row = rows[focusIndex];
    if (!row) return;
    const tag = row.tag;
    let handled = true;
    const mod = e.ctrlKey || e.metaKey || e.altKey;
    if (e.key === 'ArrowDown') focusRow(rows[Math.min(rows.length - 1, focusIndex + 1)]?.tag.id ?? null);
    else if (e.key === 'ArrowUp') focusRow(rows[Math.max(0, focusIndex - 1)]?.tag.id ?? null);
    else if (e.key === 'Home') focusRow(rows[0]?.tag.id ?? null);
    else if (e.key === 'End') focusRow(rows[rows.length - 1]?.tag.id ?? null);
    else if (e.key === 'ArrowRight') {
      if (row.hasChildren && collapsed.has(tag.id)) toggleCollapsed(tag.id);
      else if (row.hasChildren) focusRow(rows[focusIndex + 1]?.tag.id ?? null);
    } else if (e.key === 'ArrowLeft') {
      if (row.hasChildren && !collapsed.has(tag.id) && !narrowed) toggleCollapsed(tag.id);
      else if (tag.parentId) focusRow(tag.parentId);
    } else if (e.key === 'Enter') onRetrieve(tag);
    else if (e.key === 'F2') setRenaming(tag.id);
    else if (e.key === 'Delete' || e.key === 'Backspace') setOverlay({ type: 'delete', tagId: tag.id });
    else if ((e.key === 'm' || e.key === 'M') && !mod) setOverlay({ type: e.shiftKey ? 'merge' : 'move', tagId: tag.id, anchor: anchorOf(tag.id) });
    else if (e.key === 'c' && !mod) setOverlay({ type: 'palette', tagId: tag.id, anchor: anchorOf(tag.id) });
    else if (e.key === 'n' && !mod) setCreating({ parentId: tag.id, kind: tag.kind });
    else if (e.key === 'p' && !mod) void api.pin(tag.id, !pinned.has(tag.id));
    else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) setOverlay({ type: 'menu', tagId: tag.id, anchor: anchorOf(tag.id) });
    else if (e.key === '*') setCollapsed(new Set());
    else handled = false;
    if (handled) {
      e.preventDefault();
      // The tree's keys are its own: Delete must not also delete a highlight, digits must not tag one.
      e.stopPropagation();
    }
  };

  const toggleCollapsed = (id: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const canDrop = (dragId: string, targetId: string | null): boolean => {
    if (targetId === dragId) return false;
    const t = byId.get(dragId);
    if (!t || t.parentId === targetId) return false;
    return targetId === null || !descendantIds(tags, dragId).includes(targetId);
  };

  const commitRename = async (tag: Tag, value: string) => {
    setRenaming(null);
    if (value.trim() && value.trim() !== tag.name) await api.update(tag.id, { name: value });
    focusRow(tag.id);
  };

  const overlayTag = overlay && 'tagId' in overlay ? byId.get(overlay.tagId) : undefined;
  const focusedTag = (focusId ? byId.get(focusId) : undefined) ?? rows[focusIndex]?.tag;
  const totalCoded = useMemo(() => Object.values(counts).reduce((n, c) => n + c.highlights, 0), [counts]);

  return (
    <section className="pane codebook" aria-label={msg('tags.codebook')}>
      <header className="pane-header codebook-header">
        <input
          type="search"
          className="codebook-filter"
          placeholder={msg('tags.filterTags')}
          aria-label={msg('tags.filterTagsByNameOr')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows[0]) {
              e.preventDefault();
              focusRow(rows[0].tag.id);
            }
          }}
        />
        <button type="button" className="new-tag-button" title={msg('tags.newTagNOnA')} onClick={() => setCreating({ parentId: null, kind: 'theme' })}>
          <Plus size={14} aria-hidden="true" />{' '}{msg('tags.newTag')}
        </button>
      </header>
      {(tagGroups.groups.length > 0 || tags.length > 0) && (
        <NamedSetsBar
          words={GROUP_WORDS}
          sets={tagGroups.sets}
          shown={group ? group.id : null}
          onShow={setGroupId}
          targets={focusedTag ? [focusedTag.id] : []}
          targetLabel={focusedTag ? `“${focusedTag.name}”` : msg('tags.theFocusedTag')}
        />
      )}
      {creating && (
        <NewTagForm
          tags={tags}
          initial={creating}
          onCancel={() => setCreating(null)}
          onCreate={async (input) => {
            const tag = await api.create(input);
            if (tag) {
              setCreating(null);
              if (tag.parentId) setCollapsed((s) => (s.has(tag.parentId as string) ? new Set([...s].filter((x) => x !== tag.parentId)) : s));
              focusRow(tag.id);
            }
          }}
        />
      )}
      <div
        className="codebook-tree"
        role="tree"
        aria-label={msg('tags.codebookTags')}
        ref={tree}
        onKeyDown={onTreeKey}
        onDragEnd={() => setDrag(null)}
      >
        {rows.length === 0 && (
          <p className="empty-hint">
            {filter ? msg('tags.noTagMatchesTheFilter') : group ? msg('tags.theGroupHasNoTags', { name: group.name }) : msg('tags.theCodebookIsEmptyCreate')}
          </p>
        )}
        {rows.map((row, i) => {
          const { tag, depth, hasChildren } = row;
          const c = countOf(tag, hasChildren);
          const q = quickIndex.get(tag.id);
          const isOpen = hasChildren && (narrowed || !collapsed.has(tag.id));
          const isDropTarget = drag?.over === tag.id;
          return (
            <div
              key={tag.id}
              role="treeitem"
              aria-level={depth + 1}
              aria-posinset={row.posinset}
              aria-setsize={row.setsize}
              aria-expanded={hasChildren ? isOpen : undefined}
              aria-selected={i === focusIndex}
              aria-label={`${tag.name}, ${KIND_LABEL[tag.kind].toLowerCase()}, ${c.label}${q ? `, ${msg('tags.keyN', { key: q })}` : ''}${within && !within.has(tag.id) ? msg('tags.notInTheGroup') : ''}`}
              tabIndex={i === focusIndex ? 0 : -1}
              data-tag-id={tag.id}
              className={`codebook-row${isDropTarget ? ' drop-target' : ''}${drag?.id === tag.id ? ' dragging' : ''}${within && !within.has(tag.id) ? ' outside-group' : ''}`}
              style={{ paddingLeft: 4 + depth * 16 }}
              draggable={renaming !== tag.id}
              onFocus={() => focusId !== tag.id && setFocusId(tag.id)}
              onClick={() => setFocusId(tag.id)}
              onContextMenu={(e) => {
                e.preventDefault();
                setFocusId(tag.id);
                setOverlay({ type: 'menu', tagId: tag.id, anchor: { x: e.clientX, y: e.clientY } });
              }}
              onDragStart={(e) => {
                e.dataTransfer.setData(TAG_DRAG_TYPE, tag.id);
                e.dataTransfer.setData('text/plain', tag.name);
                e.dataTransfer.effectAllowed = 'move';
                setDrag({ id: tag.id, over: null });
              }}
              onDragOver={(e) => {
                if (!drag || !canDrop(drag.id, tag.id)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (drag.over !== tag.id) setDrag({ ...drag, over: tag.id });
              }}
              onDragLeave={(e) => {
                if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) setDrag((d) => (d && d.over === tag.id ? { ...d, over: null } : d));
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (!drag || !canDrop(drag.id, tag.id)) return;
                const id = drag.id;
                setDrag(null);
                setCollapsed((s) => (s.has(tag.id) ? new Set([...s].filter((x) => x !== tag.id)) : s));
                void api.move(id, tag.id);
              }}
            >
              <span
                className="twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  if (hasChildren && !narrowed) toggleCollapsed(tag.id);
                }}
              >
                {hasChildren ? isOpen ? <ChevronDown size={14} /> : <ChevronRight size={14} /> : null}
              </span>
              <button
                type="button"
                className="tag-dot-button"
                tabIndex={-1}
                aria-label={msg('tags.colourOf', { name: tag.name })}
                title={msg('tags.colourC')}
                style={{ backgroundColor: tag.color }}
                onClick={(e) => {
                  e.stopPropagation();
                  setFocusId(tag.id);
                  setOverlay({ type: 'palette', tagId: tag.id, anchor: elementAnchor(e.currentTarget) });
                }}
              />
              <KindIcon kind={tag.kind} />
              {renaming === tag.id ? (
                <RenameInput tag={tag} onDone={(v) => void commitRename(tag, v)} onCancel={() => { setRenaming(null); focusRow(tag.id); }} />
              ) : (
                <span
                  className="codebook-name"
                  title={[tag.name, tag.aliases.length ? msg('tags.alsoAliases', { aliases: tag.aliases.join(', ') }) : '', tag.description, msg('tags.clickToSeePassages')].filter(Boolean).join('\n')}
                  onClick={() => onRetrieve(tag)}
                >
                  {tag.name}
                </span>
              )}
              {q && (
                <kbd aria-hidden="true" data-key={q} className={`quick-key${pinned.has(tag.id) ? ' pinned' : ''}`} title={msg('tags.keyPressOnASelected', { value: pinned.has(tag.id) ? msg('tags.pinnedTo') : msg('tags.recentOn'), q, q2: q })} />
              )}
              {/* Drawn by CSS from data attributes: the row's name says the counts in words, and a name must hold all of
                  a row's visible text (WCAG 2.5.3), which "3 2 src" would break. */}
              <span className="codebook-counts" title={c.label} aria-hidden="true">
                <span className="count-h" data-n={c.h} />
                <span className="count-s" data-n={c.s} />
              </span>
              <button
                type="button"
                className="icon-button row-menu"
                tabIndex={-1}
                aria-label={msg('tags.actionsFor', { name: tag.name })}
                aria-haspopup="menu"
                title={msg('tags.actionsShiftF10')}
                onClick={(e) => {
                  e.stopPropagation();
                  setFocusId(tag.id);
                  setOverlay({ type: 'menu', tagId: tag.id, anchor: elementAnchor(e.currentTarget) });
                }}
              >
                <Ellipsis size={16} aria-hidden="true" />
              </button>
            </div>
          );
        })}
        {/* After the rows: above them it would shift every row under the pointer mid-drag. */}
        {drag && (
          <div
            className={`drop-top${drag.over === '' ? ' over' : ''}`}
            onDragOver={(e) => {
              if (!canDrop(drag.id, null)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (drag.over !== '') setDrag({ ...drag, over: '' });
            }}
            onDragLeave={() => setDrag((d) => (d ? { ...d, over: null } : d))}
            onDrop={(e) => {
              e.preventDefault();
              const id = drag.id;
              setDrag(null);
              void api.move(id, null);
            }}
          >
            
            {msg('tags.dropHereToMoveTo')}
          </div>
        )}
      </div>
      <footer className="codebook-footer">
        <span>
          {plural(tags.length, 'tag')} · {plural(totalCoded, 'tagging')}
        </span>
        <span className="keys-hint" title={msg('tags.keysOnATagEnter')}>
          <kbd>{msg('tags.enter')}</kbd>{' '}{msg('tags.passages')}{' '}<kbd>F2</kbd>{' '}{msg('tags.rename2')}{' '}<kbd>M</kbd>{' '}{msg('tags.move')}{' '}<kbd>{msg('tags.del')}</kbd>{' '}{msg('tags.delete2')}
        </span>
      </footer>

      {overlay?.type === 'menu' && overlayTag && (
        <PopoverMenu label={msg('tags.actionsFor', { name: overlayTag.name })} anchor={overlay.anchor} items={menuFor(overlayTag)} onClose={() => setOverlay(null)} />
      )}
      {overlay?.type === 'palette' && overlayTag && (
        <ColorPalette
          title={msg('tags.colourOf2', { name: overlayTag.name })}
          anchor={overlay.anchor}
          value={overlayTag.color}
          onPick={(color) => void api.update(overlayTag.id, { color })}
          onClose={() => {
            setOverlay(null);
            focusRow(overlayTag.id);
          }}
        />
      )}
      {overlay?.type === 'move' && overlayTag && (
        <TagPicker
          tags={tags}
          pinnedIds={[]}
          recentIds={[]}
          anchor={overlay.anchor}
          title={msg('tags.moveUnder', { name: overlayTag.name })}
          exclude={new Set([overlayTag.id, ...descendantIds(tags, overlayTag.id), ...(overlayTag.parentId ? [overlayTag.parentId] : [])])}
          extra={overlayTag.parentId ? [{ id: 'top', label: msg('tags.topLevel'), hint: msg('tags.noParent') }] : []}
          onExtra={() => void api.move(overlayTag.id, null)}
          onPick={(parent) => void api.move(overlayTag.id, parent.id)}
          onClose={() => setOverlay(null)}
        />
      )}
      {overlay?.type === 'merge' && overlayTag && (
        <TagPicker
          tags={tags}
          pinnedIds={[]}
          recentIds={[]}
          anchor={overlay.anchor}
          title={msg('tags.mergeInto2', { name: overlayTag.name })}
          exclude={new Set([overlayTag.id])}
          onPick={(into) => setOverlay({ type: 'confirm-merge', fromId: overlayTag.id, intoId: into.id })}
          onClose={() => setOverlay((o) => (o?.type === 'merge' ? null : o))}
        />
      )}
      {overlay?.type === 'confirm-merge' && byId.get(overlay.fromId) && byId.get(overlay.intoId) && (
        <MergeConfirm api={api} from={byId.get(overlay.fromId) as Tag} into={byId.get(overlay.intoId) as Tag} onClose={() => setOverlay(null)} />
      )}
      {overlay?.type === 'delete' && overlayTag && (
        <ConfirmDialog
          title={msg('tags.deleteTheTag', { name: overlayTag.name })}
          confirmLabel={msg('tags.deleteTag')}
          danger
          onConfirm={() => void api.remove(overlayTag.id)}
          onClose={() => setOverlay(null)}
        >
          <DeleteSummary api={api} tag={overlayTag} />
        </ConfirmDialog>
      )}
      {overlay?.type === 'details' && overlayTag && (
        <TagDetailsDialog tag={overlayTag} onSave={(patch) => api.update(overlayTag.id, patch)} onClose={() => setOverlay(null)} />
      )}
      {overlay?.type === 'mentions' && overlayTag && <MentionsReview tag={overlayTag} api={api} onClose={() => setOverlay(null)} />}
    </section>
  );
}
