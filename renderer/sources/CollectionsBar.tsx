import { useState } from 'react';
import type { SourceCollection } from '../../core/model';
import { Modal } from '../components/Modal';
import { PopoverMenu, type MenuItem } from '../components/PopoverMenu';
import type { useCollections } from './use-collections';

type Collections = ReturnType<typeof useCollections>;

interface Props {
  collections: Collections;
  /** The collection the list shows, or null for every source. */
  shown: string | null;
  onShow(collectionId: string | null): void;
  /** The sources the actions apply to: the checked ones, else the open one. */
  targets: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * Source collections in the sources pane (issue 16): show one collection (a filter of the list), create one from the
 * selected sources, add or remove the selected sources, rename or delete a collection. Menus, not a <select>: the
 * pane's listbox options stay its sources.
 */
export function CollectionsBar({ collections, shown, onShow, targets }: Props) {
  const [menu, setMenu] = useState<{ kind: 'show' | 'manage'; x: number; y: number } | null>(null);
  const [naming, setNaming] = useState<{ mode: 'create' } | { mode: 'rename'; collection: SourceCollection } | null>(null);
  const current = collections.collections.find((c) => c.id === shown) ?? null;
  const open = (kind: 'show' | 'manage', el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setMenu({ kind, x: r.left, y: r.bottom + 4 });
  };
  const what = targets.length === 1 ? 'the selected source' : `the ${plural(targets.length, 'selected source')}`;

  const showItems: MenuItem[] = [
    { id: 'all', label: 'All sources', shortcut: shown === null ? '✓' : undefined, run: () => onShow(null) },
    ...collections.collections.map((c, i) => ({
      id: c.id,
      label: `${c.name} (${c.sourceIds.length.toLocaleString('en-GB')})${c.kind === 'case' ? ' · case' : ''}`,
      shortcut: c.id === shown ? '✓' : undefined,
      separatorBefore: i === 0,
      run: () => onShow(c.id),
    })),
  ];
  const manageItems: MenuItem[] = [
    { id: 'new', label: targets.length ? `New collection from ${what}…` : 'New collection…', run: () => setNaming({ mode: 'create' }) },
    ...collections.collections.map((c, i) => ({
      id: `add-${c.id}`,
      label: `Add ${what} to “${c.name}”`,
      disabled: targets.length === 0 || targets.every((t) => c.sourceIds.includes(t)),
      separatorBefore: i === 0,
      run: () => void collections.addSources(c.id, targets),
    })),
    ...(current
      ? [
          {
            id: 'remove-members',
            label: `Remove ${what} from “${current.name}”`,
            disabled: !targets.some((t) => current.sourceIds.includes(t)),
            separatorBefore: true,
            run: () => void collections.removeSources(current.id, targets),
          },
          { id: 'rename', label: `Rename “${current.name}”…`, run: () => setNaming({ mode: 'rename', collection: current }) },
          {
            id: 'delete',
            label: `Delete collection “${current.name}”`,
            danger: true,
            run: () => {
              onShow(null);
              void collections.remove(current.id);
            },
          },
        ]
      : []),
  ];

  return (
    <div className="collections-bar" role="group" aria-label="Collections">
      <button type="button" className="source-order-button" aria-haspopup="menu" aria-expanded={menu?.kind === 'show'} title="Show the sources of one collection" onClick={(e) => open('show', e.currentTarget)}>
        Collection: {current ? current.name : 'All sources'}
      </button>
      <button type="button" className="source-order-button" aria-haspopup="menu" aria-expanded={menu?.kind === 'manage'} title="Create collections, add or remove sources" onClick={(e) => open('manage', e.currentTarget)}>
        Collections…
      </button>
      {collections.error && (
        <p className="form-error" role="alert">
          {collections.error}{' '}
          <button type="button" className="link-button" onClick={collections.clearError}>
            Dismiss
          </button>
        </p>
      )}
      {menu && <PopoverMenu label={menu.kind === 'show' ? 'Show collection' : 'Manage collections'} anchor={menu} items={menu.kind === 'show' ? showItems : manageItems} onClose={() => setMenu(null)} />}
      {naming && (
        <NameDialog
          title={naming.mode === 'create' ? 'New collection' : 'Rename collection'}
          initial={naming.mode === 'rename' ? naming.collection.name : ''}
          hint={naming.mode === 'create' ? (targets.length ? `With ${what}.` : 'Empty; add sources from this menu.') : undefined}
          onClose={() => setNaming(null)}
          onSave={async (name) => {
            if (naming.mode === 'rename') return collections.rename(naming.collection.id, name);
            return collections.create(name, targets);
          }}
        />
      )}
    </div>
  );
}

function NameDialog({ title, initial, hint, onSave, onClose }: { title: string; initial: string; hint?: string; onSave(name: string): Promise<boolean>; onClose(): void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="tag-details"
        noValidate
        onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError('A collection needs a name.');
          void onSave(name.trim()).then((ok) => (ok ? onClose() : setError('The collection could not be saved (see the message in the sources pane).')));
        }}
      >
        <label>
          Name
          <input name="collection-name" value={name} maxLength={200} autoFocus onChange={(e) => (setError(null), setName(e.target.value))} aria-invalid={error ? true : undefined} />
        </label>
        {hint && <p className="field-hint">{hint}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
