import type { HighlightPainter } from './painter';
import { waitable } from '../../core/waitable';

/** What other views may ask of the reader on screen: bring a place into view, draw over the text. */
export interface ActiveReader {
  scrollToOffset(offset: number): void;
  painter(): HighlightPainter | null;
  /** Stop holding the remembered reading position at the top (it holds for a moment after a source opens). */
  releasePin(): void;
}

let current: ActiveReader | null = null;
const state = waitable(() => current);

/** The reader registers itself while it is mounted; returns the unregister function. */
export function setActiveReader(reader: ActiveReader): () => void {
  current = reader;
  readerChanged();
  return () => {
    if (current === reader) current = null;
  };
}

export function activeReader(): ActiveReader | null {
  return current;
}

/**
 * The reader says that what it shows changed (a new painter, highlights painted, more of the text rendered): every
 * view waiting for a state of the reader that now holds goes on.
 */
export const readerChanged = (): void => state.changed();

/**
 * The reader on screen once `test` holds for it (at once when it does already), or null after `timeoutMs` (the
 * source was closed, or the passage is not there). Views wait on this instead of polling frames.
 */
export const whenReader = (test: (reader: ActiveReader) => boolean, timeoutMs?: number): Promise<ActiveReader | null> => state.when(test, timeoutMs);

/** A reader with a painter (and, when given, one other than `not`: the painter of the article shown before). */
export const painted = (not?: HighlightPainter | null) => (reader: ActiveReader) => {
  const p = reader.painter();
  return p !== null && p !== not;
};

/** A reader whose painter has drawn the highlight `id`. */
export const showing = (id: string) => (reader: ActiveReader) => reader.painter()?.has(id) === true;
