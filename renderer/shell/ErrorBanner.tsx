import { msg } from '../i18n';
/** A failure the analyst should see: what happened, in the backend's words, with a way to dismiss it. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div className="error-banner" role="alert">
      <span className="error-icon" aria-hidden="true">!</span>
      <span className="error-text">{message}</span>
      <button type="button" onClick={onDismiss} aria-label={msg('shell.dismissError')}>
        
        {msg('shell.dismiss')}
      </button>
    </div>
  );
}
