import { msg } from '../i18n';
/** A piece of news about something that went well or partly well: polite, dismissible. */
export function Notice({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div className="notice" role="status" aria-live="polite">
      <span className="notice-text">{message}</span>
      <button type="button" onClick={onDismiss} aria-label={msg('ui.dismissNotice')}>
        
        {msg('ui.dismiss')}
      </button>
    </div>
  );
}
