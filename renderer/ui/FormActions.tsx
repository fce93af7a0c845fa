/** The footer of a form in a dialog: Cancel, then the submit button (Enter submits). */
export function FormActions({ onCancel, submitLabel = 'Save', disabled = false }: { onCancel(): void; submitLabel?: string; disabled?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary-button" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
