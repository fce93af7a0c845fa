import { counted, msg, type CountNoun } from '../i18n';
/** The codebook's small forms: rename in place, a new tag, and what a delete or a merge will do. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Tag, TagKind } from '../../core/model';
import { formatAccelerator } from '../../core/commands';
import { defaultParentId, tagPath } from '../../core/tags/default-codebook';
import { isMac } from '../api';
import { KIND_LABEL, KINDS } from './kinds';
import { ConfirmDialog } from './dialogs';
import type { TagsApi } from './use-tags';

const UNDO_KEY = formatAccelerator('CmdOrCtrl+Z', isMac);
const plural = (n: number, noun: CountNoun) => counted(noun, n);

export function DeleteSummary({ api, tag }: { api: TagsApi; tag: Tag }) {
  const c = api.counts[tag.id] ?? { highlights: 0, sources: 0 };
  const children = api.tags.filter((t) => t.parentId === tag.id);
  const parent = tag.parentId ? api.tagsById.get(tag.parentId)?.name : null;
  return (
    <div className="delete-summary">
      <p>
        {c.highlights === 0 ? (
          msg('tags.noHighlightCarriesThisTag')
        ) : (
          <>
            <strong>{plural(c.highlights, 'highlight')}</strong>{' '}{msg('tags.in')}{' '}{plural(c.sources, 'source')}{' '}{msg('tags.willLoseItTheyKeep')}
          </>
        )}
      </p>
      {children.length > 0 && (
        <p>
          
          {msg('tags.its')}{' '}{plural(children.length, 'subTag')} ({children.slice(0, 4).map((t) => t.name).join(', ')}
          {children.length > 4 ? ', …' : ''}{msg('tags.moveUpTo')}{' '}{parent ? `“${parent}”` : msg('tags.theTopLevel')}.
        </p>
      )}
      <p className="muted">{msg('tags.youCanUndoThisWith', { UNDO_KEY })}</p>
    </div>
  );
}

export function MergeConfirm({ api, from, into, onClose }: { api: TagsApi; from: Tag; into: Tag; onClose(): void }) {
  const c = api.counts[from.id] ?? { highlights: 0, sources: 0 };
  const kids = api.tags.filter((t) => t.parentId === from.id).length;
  return (
    <ConfirmDialog title={msg('tags.mergeInto3', { name: from.name, name2: into.name })} confirmLabel={msg('tags.merge')} onConfirm={() => void api.merge(from.id, into.id)} onClose={onClose}>
      <div className="delete-summary">
        <p>
          {c.highlights === 0 ? (
            msg('tags.noHighlightCarries', { name: from.name })
          ) : (
            <>
              <strong>{plural(c.highlights, 'highlight')}</strong>{' '}{msg('tags.in')}{' '}{plural(c.sources, 'source')}{' '}{msg('tags.moveTo2')}{into.name}{msg('tags.noneIsTaggedTwice')}
            </>
          )}
        </p>
        <p>
          “{from.name}”{from.aliases.length > 0 ? msg('tags.andItsAliases', { join: from.aliases.join(', ') }) : ''}{' '}{msg('tags.becomeAliasesOf')}{into.name}”
          {kids > 0 ? msg('tags.itsMoveUnderIt', { plural: plural(kids, 'subTag') }) : ''}.
        </p>
        <p className="muted">{msg('tags.youCanUndoThisWith', { UNDO_KEY })}</p>
      </div>
    </ConfirmDialog>
  );
}

export function RenameInput({ tag, onDone, onCancel }: { tag: Tag; onDone(value: string): void; onCancel(): void }) {
  const [value, setValue] = useState(tag.name);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <input
      ref={ref}
      className="rename-input"
      aria-label={msg('tags.newNameFor', { name: tag.name })}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          done.current = true;
          onDone(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={() => {
        if (!done.current) onDone(value);
      }}
    />
  );
}

export function NewTagForm({
  tags,
  initial,
  onCreate,
  onCancel,
}: {
  tags: Tag[];
  initial: { parentId: string | null; kind: TagKind };
  onCreate(input: { name: string; kind: TagKind; parentId: string | null }): Promise<void>;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TagKind>(initial.kind);
  const [parentId, setParentId] = useState<string | null>(initial.parentId ?? defaultParentId(tags, initial.kind));
  const [parentTouched, setParentTouched] = useState(initial.parentId !== null);
  const [kindTouched, setKindTouched] = useState(false);
  const parents = useMemo(
    () => tags.map((t) => ({ id: t.id, path: tagPath(tags, t.id).join(' › ') })).sort((a, b) => a.path.localeCompare(b.path)),
    [tags],
  );
  return (
    <form
      className="new-tag-form"
      aria-label={msg('tags.newTag')}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void onCreate({ name, kind, parentId });
      }}
    >
      <input type="text" aria-label={msg('tags.nameOfTheNewTag')} placeholder={msg('tags.name')} value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />
      <select
        aria-label={msg('tags.kind')}
        value={kind}
        onChange={(e) => {
          const k = e.target.value as TagKind;
          setKind(k);
          setKindTouched(true);
          if (!parentTouched) setParentId(defaultParentId(tags, k));
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </select>
      <select
        aria-label={msg('tags.parent')}
        value={parentId ?? ''}
        onChange={(e) => {
          setParentTouched(true);
          const pid = e.target.value || null;
          setParentId(pid);
          // The kind follows the place in the tree until the analyst sets it.
          if (!kindTouched) setKind(tags.find((t) => t.id === pid)?.kind ?? 'other');
        }}
      >
        <option value="">{msg('tags.topLevel')}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.path}
          </option>
        ))}
      </select>
      <div className="new-tag-actions">
        <button type="submit" className="primary-button" disabled={!name.trim()}>
          
          {msg('tags.create2')}
        </button>
        <button type="button" onClick={onCancel}>
          
          {msg('tags.cancel')}
        </button>
      </div>
    </form>
  );
}
