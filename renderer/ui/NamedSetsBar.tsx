import { currentLocale, msg } from '../i18n';
import type { MessageKey } from '../../core/i18n/catalog';
import { useState } from 'react';
import { Modal } from './Modal';
import { PopoverMenu, type MenuItem } from './PopoverMenu';
import type { NamedSets } from './use-named-sets';
import { FormActions } from './FormActions';

/** The words of one kind of named set: source collections in the sources pane, tag groups in the codebook. */
export type SetWords = 'collection' | 'tagGroup';

/** A phrase about this kind of set, whole (each language words "New collection" its own way). */
const say = (words: SetWords, phrase: string, values?: Record<string, string>): string => msg(`sets.${words}.${phrase}` as MessageKey, values);

interface Props {
  words: SetWords;
  sets: NamedSets;
  /** The set the list shows, or null for all. */
  shown: string | null;
  onShow(setId: string | null): void;
  /** The members the actions apply to (the selected sources; the focused tag). */
  targets: string[];
  /** What to call the targets in menus ("the selected source", "“Fear”"). */
  targetLabel: string;
}

const count = (n: number): string => n.toLocaleString(currentLocale());

/**
 * A bar of named sets (issue 16): show one set (a filter of the list), create one from the targets, add or remove
 * the targets, rename or delete a set. Menus, not a <select>: the pane's list keeps its own options.
 */
export function NamedSetsBar({ words, sets, shown, onShow, targets, targetLabel }: Props) {
  const [menu, setMenu] = useState<{ kind: 'show' | 'manage'; x: number; y: number } | null>(null);
  const [naming, setNaming] = useState<{ mode: 'create' } | { mode: 'rename'; id: string; name: string } | null>(null);
  const current = sets.sets.find((c) => c.id === shown) ?? null;
  const open = (kind: 'show' | 'manage', el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    setMenu({ kind, x: r.left, y: r.bottom + 4 });
  };

  const showItems: MenuItem[] = [
    { id: 'all', label: say(words, 'all'), shortcut: shown === null ? '✓' : undefined, run: () => onShow(null) },
    ...sets.sets.map((c, i) => ({
      id: c.id,
      label: `${c.name} (${count(c.members.length)})${c.note ? ` · ${c.note}` : ''}`,
      shortcut: c.id === shown ? '✓' : undefined,
      separatorBefore: i === 0,
      run: () => onShow(c.id),
    })),
  ];
  const manageItems: MenuItem[] = [
    { id: 'new', label: targets.length ? say(words, 'newFrom', { targetLabel }) : say(words, 'new'), run: () => setNaming({ mode: 'create' }) },
    ...sets.sets.map((c, i) => ({
      id: `add-${c.id}`,
      label: say(words, 'addTo', { targetLabel, name: c.name }),
      disabled: targets.length === 0 || targets.every((t) => c.members.includes(t)),
      separatorBefore: i === 0,
      run: () => void sets.add(c.id, targets),
    })),
    ...(current
      ? [
          {
            id: 'remove-members',
            label: say(words, 'removeFrom', { targetLabel, name: current.name }),
            disabled: !targets.some((t) => current.members.includes(t)),
            separatorBefore: true,
            run: () => void sets.removeMembers(current.id, targets),
          },
          { id: 'rename', label: say(words, 'renameItem', { name: current.name }), run: () => setNaming({ mode: 'rename', id: current.id, name: current.name }) },
          {
            id: 'delete',
            label: say(words, 'delete', { name: current.name }),
            danger: true,
            run: () => {
              onShow(null);
              void sets.remove(current.id);
            },
          },
        ]
      : []),
  ];

  return (
    <div className="collections-bar" role="group" aria-label={say(words, 'label')}>
      <button
        type="button"
        className="source-order-button"
        aria-haspopup="menu"
        aria-expanded={menu?.kind === 'show'}
        title={say(words, 'showTheMembers')}
        onClick={(e) => open('show', e.currentTarget)}
      >
        {say(words, 'showPrefix')}: {current ? current.name : say(words, 'all')}
      </button>
      <button
        type="button"
        className="source-order-button"
        aria-haspopup="menu"
        aria-expanded={menu?.kind === 'manage'}
        title={say(words, 'manageTitle')}
        onClick={(e) => open('manage', e.currentTarget)}
      >
        {say(words, 'label')}…
      </button>
      {sets.error && (
        <p className="form-error" role="alert">
          {sets.error}{' '}
          <button type="button" className="link-button" onClick={sets.clearError}>
            
            {msg('ui.dismiss')}
          </button>
        </p>
      )}
      {menu && (
        <PopoverMenu
          label={menu.kind === 'show' ? say(words, 'showMenu') : say(words, 'manageMenu')}
          anchor={menu}
          items={menu.kind === 'show' ? showItems : manageItems}
          onClose={() => setMenu(null)}
        />
      )}
      {naming && (
        <NameDialog
          title={naming.mode === 'create' ? say(words, 'newTitle') : say(words, 'renameTitle')}
          needsName={say(words, 'needsName')}
          initial={naming.mode === 'rename' ? naming.name : ''}
          hint={naming.mode === 'create' ? (targets.length ? msg('ui.with', { targetLabel }) : say(words, 'emptyHint')) : undefined}
          onClose={() => setNaming(null)}
          onSave={async (name) => (naming.mode === 'rename' ? sets.rename(naming.id, name) : sets.create(name, targets))}
        />
      )}
    </div>
  );
}

function NameDialog({ title, needsName, initial, hint, onSave, onClose }: { title: string; needsName: string; initial: string; hint?: string; onSave(name: string): Promise<string | null>; onClose(): void }) {
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
          if (!name.trim()) return setError(needsName);
          void onSave(name.trim()).then((why) => (why === null ? onClose() : setError(why)));
        }}
      >
        <label>
          
          {msg('ui.name')}
          <input name="set-name" value={name} maxLength={200} autoFocus onChange={(e) => (setError(null), setName(e.target.value))} aria-invalid={error ? true : undefined} />
        </label>
        {hint && <p className="field-hint">{hint}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions onCancel={onClose} />
      </form>
    </Modal>
  );
}
