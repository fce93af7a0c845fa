import type { HighlightPainter } from './painter';

/** What other views may ask of the reader on screen: bring a place into view, draw over the text. */
export interface ActiveReader {
  scrollToOffset(offset: number): void;
  painter(): HighlightPainter | null;
}

let current: ActiveReader | null = null;

/** The reader registers itself while it is mounted; returns the unregister function. */
export function setActiveReader(reader: ActiveReader): () => void {
  current = reader;
  return () => {
    if (current === reader) current = null;
  };
}

export function activeReader(): ActiveReader | null {
  return current;
}
