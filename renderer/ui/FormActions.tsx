import { msg } from '../i18n';
/** The footer of a form in a dialog: Cancel, then the submit button (Enter submits). */
export function FormActions({ onCancel, submitLabel = msg('ui.save'), disabled = false }: { onCancel(): void; submitLabel?: string; disabled?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        
        {msg('ui.cancel')}
      </button>
      <button type="submit" className="primary-button" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
