import { msg } from '../i18n';
import { useState, type ReactNode } from 'react';
import type { Tag, TagKind } from '../../core/model';
import { Modal } from '../ui/Modal';
import { KIND_LABEL, KINDS } from './kinds';
import { PALETTE_NAMES } from './ColorPalette';
import { TAG_PALETTE } from '../../core/tags/default-codebook';
import type { TagEdit } from './use-tags';
import { FormActions } from '../ui/FormActions';

/** Keys typed in a dialog stay there: none reaches the app's single-key shortcuts. */
const contain = (e: React.KeyboardEvent) => {
  if (e.key !== 'Escape') e.stopPropagation();
};

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <Modal title={title} onClose={onClose}>
      <div className="confirm" onKeyDown={contain}>
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            
            {msg('tags.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'danger-button' : 'primary-button'}
            autoFocus
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** Name, kind, colour, description and aliases of a tag, edited together. */
export function TagDetailsDialog({ tag, onSave, onClose }: { tag: Tag; onSave(patch: TagEdit): Promise<boolean>; onClose(): void }) {
  const [name, setName] = useState(tag.name);
  const [kind, setKind] = useState<TagKind>(tag.kind);
  const [color, setColor] = useState(tag.color);
  const [description, setDescription] = useState(tag.description);
  const [aliases, setAliases] = useState(tag.aliases.join(', '));
  const [translit, setTranslit] = useState(tag.translit !== false);
  const [saving, setSaving] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const list = aliases
      .split(/[,\n]/)
      .map((a) => a.trim())
      .filter(Boolean);
    const patch: TagEdit = {};
    if (name.trim() !== tag.name) patch.name = name;
    if (kind !== tag.kind) patch.kind = kind;
    if (color.toLowerCase() !== tag.color.toLowerCase()) patch.color = color;
    if (description.trim() !== tag.description) patch.description = description;
    if (list.join('\u0000') !== tag.aliases.join('\u0000')) patch.aliases = list;
    if (translit !== (tag.translit !== false)) patch.translit = translit;
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    const ok = await onSave(patch);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal title={msg('tags.editTag', { name: tag.name })} onClose={onClose}>
      <form className="tag-details" onSubmit={(e) => void submit(e)} onKeyDown={contain}>
        <label>
          
          {msg('tags.name')}
          <input type="text" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <label>
          
          {msg('tags.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as TagKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="details-colors">
          <legend>{msg('tags.colour')}</legend>
          {TAG_PALETTE.map((c, i) => (
            <button
              key={c}
              type="button"
              className="swatch-button"
              aria-label={PALETTE_NAMES[i]}
              aria-pressed={c === color.toLowerCase()}
              title={`${PALETTE_NAMES[i]} (${c})`}
              style={{ backgroundColor: c }}
              onClick={() => setColor(c)}
            >
              {c === color.toLowerCase() ? '✓' : ''}
            </button>
          ))}
          <input type="color" aria-label={msg('tags.otherColour')} value={color} onChange={(e) => setColor(e.target.value)} />
        </fieldset>
        <label>
          
          {msg('tags.aliases')}{' '}<span className="field-hint">{msg('tags.otherNamesFoundInThe')}</span>
          <input type="text" value={aliases} onChange={(e) => setAliases(e.target.value)} />
        </label>
        <label className="details-check">
          <input type="checkbox" checked={translit} onChange={(e) => setTranslit(e.target.checked)} />
          
          {msg('tags.matchTheNameInOther')}{' '}
          <span className="field-hint">{msg('tags.shoiguShoyguSchoiguAndRussian')}</span>
        </label>
        <label>
          
          {msg('tags.description')}
          <textarea rows={3} value={description} maxLength={10_000} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} disabled={saving || !name.trim()} />
      </form>
    </Modal>
  );
}
