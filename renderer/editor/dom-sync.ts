/**
 * Bring ProseMirror's selection up to date with the DOM before acting on a key. The browser reports a native
 * selection change (Shift+Arrow, Ctrl+End…) with an asynchronous "selectionchange" event, and Chromium runs queued
 * input before it; a key handled in between would act on the old selection. ProseMirror's own flush does the
 * reading; it is internal, so it is reached defensively and skipped if a future version renames it.
 */
import type { EditorView } from 'prosemirror-view';

interface DomObserverLike {
  forceFlush?(): void;
  flush?(): void;
}

export function syncSelectionFromDOM(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: DomObserverLike }).domObserver;
  try {
    observer?.forceFlush?.();
    observer?.flush?.();
  } catch {
    // Never let a best-effort sync break typing.
  }
}
