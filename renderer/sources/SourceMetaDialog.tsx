import { currentLocale, labels, msg } from '../i18n';
import { useState } from 'react';
import type { ListedSourceMeta } from '../../core/model';
import { metaFieldValue, SOURCE_META_FIELDS, SOURCE_PUBLISHER_MAX, SOURCE_TITLE_MAX, SOURCE_URL_MAX, sourceMetaPatch, type SourceMetaPatch } from '../../core/sources/api';
import { Modal } from '../ui/Modal';
import { attributeRows, attributesOf, SourceAttributes, type AttributeRow } from './SourceAttributes';
import { FormActions } from '../ui/FormActions';

type Field = (typeof SOURCE_META_FIELDS)[number];

/** How each metadata field is edited: one entry per field of SOURCE_META_FIELDS (core/sources/api.ts). */
const FIELD_UI: Record<Field, { label: string; type: 'text' | 'date' | 'url'; hint?: string; maxLength?: number; placeholder?: string }> = {
  title: { ...labels({ label: 'sources.field.title' }), type: 'text', maxLength: SOURCE_TITLE_MAX },
  authors: { ...labels({ label: 'sources.field.authors', hint: 'sources.field.authorsHint', placeholder: 'sources.field.authorsPlaceholder' }), type: 'text' },
  publisher: { ...labels({ label: 'sources.field.publisher' }), type: 'text', maxLength: SOURCE_PUBLISHER_MAX },
  date: { ...labels({ label: 'sources.field.date', hint: 'sources.field.dateHint' }), type: 'date' },
  url: { ...labels({ label: 'sources.field.url' }), type: 'url', maxLength: SOURCE_URL_MAX, placeholder: 'https://…' },
  language: { ...labels({ label: 'sources.field.language', hint: 'sources.field.languageHint' }), type: 'text', maxLength: 40, placeholder: 'en' },
};

/** A field as the form shows it: authors as one line separated by semicolons. */
const shown = (meta: ListedSourceMeta, f: Field): string => {
  const v = metaFieldValue(meta, f);
  return Array.isArray(v) ? v.join('; ') : v;
};
/** A typed value as the patch holds it. */
const parsed = (f: Field, v: string): string | string[] =>
  f === 'authors'
    ? v
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean)
    : v;

/** Keys typed in the dialog stay there: none reaches the app's single-key shortcuts. */
const contain = (e: React.KeyboardEvent) => {
  if (e.key !== 'Escape') e.stopPropagation();
};

/** The metadata panel of one source: change what is wrong, Save (Enter) or Cancel (Escape). */
export function SourceMetaDialog({ meta, onSave, onClose }: { meta: ListedSourceMeta; onSave(patch: SourceMetaPatch): Promise<boolean>; onClose(): void }) {
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(SOURCE_META_FIELDS.map((f) => [f, shown(meta, f)])) as Record<Field, string>);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A date typed only in part reads as '' from the input: that must not clear the date silently.
  const [partial, setPartial] = useState<Field | null>(null);
  const [attributes, setAttributes] = useState<AttributeRow[]>(() => attributeRows(meta.variables));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (partial) return setError(msg('sources.notACompleteDateDay', { label: FIELD_UI[partial].label }));
    const patch: Record<string, unknown> = {};
    for (const f of SOURCE_META_FIELDS) if (values[f].trim() !== shown(meta, f).trim()) patch[f] = parsed(f, values[f]);
    const vars = attributesOf(attributes);
    if (vars.error) return setError(vars.error);
    if (JSON.stringify(vars.variables) !== JSON.stringify(meta.variables ?? {})) patch.variables = vars.variables;
    if (Object.keys(patch).length === 0) return onClose();
    const checked = sourceMetaPatch.safeParse(patch);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setError(`${FIELD_UI[issue.path[0] as Field]?.label ?? (issue.path[0] === 'variables' ? msg('sources.attributes') : msg('sources.aField'))}: ${issue.message}.`);
      return;
    }
    setSaving(true);
    const ok = await onSave(checked.data);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal title={msg('sources.sourceDetails')} onClose={onClose}>
      <form className="tag-details source-details" onSubmit={(e) => void submit(e)} onKeyDown={contain} noValidate>
        {SOURCE_META_FIELDS.map((f, i) => {
          const ui = FIELD_UI[f];
          return (
            <label key={f}>
              {ui.label}
              {ui.hint && <span className="field-hint">{ui.hint}</span>}
              <input
                type={ui.type}
                name={f}
                value={values[f]}
                maxLength={ui.maxLength}
                placeholder={ui.placeholder}
                dir={f === 'url' || f === 'language' ? 'ltr' : 'auto'}
                autoFocus={i === 0}
                aria-invalid={error?.startsWith(ui.label) || undefined}
                onChange={(e) => {
                  setError(null);
                  setPartial((p) => (e.target.validity.badInput ? f : p === f ? null : p));
                  setValues((v) => ({ ...v, [f]: e.target.value }));
                }}
              />
            </label>
          );
        })}
        <SourceAttributes
          rows={attributes}
          onChange={(rows) => {
            setError(null);
            setAttributes(rows);
          }}
        />
        <p className="field-hint">
          
          {msg('sources.file')}{' '}{meta.originalFile}{' '}{msg('sources.added')}{' '}{new Date(meta.addedAt).toLocaleDateString(currentLocale())}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions onCancel={onClose} disabled={saving} />
      </form>
    </Modal>
  );
}
