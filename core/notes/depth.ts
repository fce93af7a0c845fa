import { walkNote } from './walk';

/** The deepest a note may nest (quotes in lists in quotes ...): deeper is refused by the channels, flattened on import. */
export const MAX_NOTE_DEPTH = 64;

/** How deep a note's nodes go, counted without recursion (a note 100,000 levels deep is measured like any other). */
export function noteDepth(doc: unknown): number {
  let max = 0;
  walkNote(doc, (_node, depth) => {
    if (depth > max) max = depth;
  });
  return max;
}
