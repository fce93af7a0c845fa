import { useRef, useState } from 'react';
import type { Settings } from '../../core/model';
import { call } from '../api';
import { Modal } from '../ui/Modal';
import { FormActions } from '../ui/FormActions';
import { msg } from '../i18n';

/**
 * The analyst's name (issue 19): what they highlight, tag, note and mark is recorded under it, and coders switch
 * between names on one computer here. View > Your Name… and the toolbar's name button open it.
 */
export function NameDialog({ current, known, onClose, onSaved }: { current: string | undefined; known: readonly string[]; onClose(): void; onSaved(settings: Settings): void }) {
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const others = known.filter((n) => n !== current);
  return (
    <Modal title={msg('sync.yourName')} onClose={onClose}>
      <form
        className="name-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaving(true);
          call('updateSettings', { analystName: name }).then(
            (s) => onSaved(s),
            (err: Error) => {
              setSaving(false);
              setError(err.message);
            },
          );
        }}
      >
        <p className="field-hint">{msg('agreement.nameHint')}</p>
        <label className="field">
          {msg('agreement.namePlaceholder')}
          <input
            autoFocus
            ref={input}
            value={name}
            maxLength={80}
            list="known-analysts"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <datalist id="known-analysts">
          {others.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {others.length > 0 && (
          <div className="name-choices" role="group" aria-label={msg('agreement.namesUsed')}>
            {others.map((n) => (
              <button key={n} type="button" className="chip-button" onClick={() => {
                setName(n);
                setError(null);
                // Back in the field: Enter uses the name chosen.
                input.current?.focus();
              }}>
                {n}
              </button>
            ))}
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions onCancel={onClose} submitLabel={msg('agreement.useThisName')} disabled={saving || name.trim() === ''} />
      </form>
    </Modal>
  );
}
