import { msg } from '../i18n';
import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog>: focus is trapped, Escape closes, focus returns where it was. */
/** `scrollable`: the body is text only, so it takes focus itself and the keyboard can scroll it. */
export function Modal({ title, onClose, children, scrollable }: { title: string; onClose(): void; children: ReactNode; scrollable?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    const before = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => before?.focus();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-label={title} onClose={onClose} onCancel={onClose}>
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="close" aria-label={msg('ui.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body" tabIndex={scrollable ? 0 : undefined}>
        {children}
      </div>
    </dialog>
  );
}
