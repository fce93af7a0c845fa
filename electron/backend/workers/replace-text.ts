import { anchorAll, reanchorAll } from '../../../core/anchoring';
import { detectFurniture } from '../../../core/furniture';
import { readingOrder } from '../../../core/lanes';
import { sha256 } from '../hash';
import { stableFileJson } from '../../../core/stable-json';
import type { Highlight } from '../../../core/model';

export interface ReplaceTextInput {
  oldText: string;
  text: string;
  highlights: Highlight[];
  /** The rest of the source's file (note, rejected suggestions): with it, the new file's text is made here too. */
  file?: Record<string, unknown>;
  /** The time stamp moved highlights get (the caller's clock, so a worker and the main thread agree). */
  now: string;
}

export interface ReplaceTextOutput {
  /** Every highlight carried over, in reading order (orphaned when its passage is gone; never deleted). */
  highlights: Highlight[];
  reanchored: number;
  orphaned: string[];
  contentHash: string;
  furniture: Array<[number, number]>;
  /** The new source file as it is written to disk (stable JSON), when `file` was given. */
  fileJson: string | null;
}

/**
 * A source's text replaced: every highlight carried over to the new text, what the new text's hash and furniture
 * are. Pure CPU work on large strings (a 50 MB text), so it runs in a worker thread (workers/pool.ts).
 */
export function replaceText({ oldText, text, highlights: old, now, file }: ReplaceTextInput): ReplaceTextOutput {
  const live = old.filter((h) => !h.orphan);
  const { anchored, orphans } = reanchorAll(oldText, text, live);
  // Orphans from before get another chance in the new text.
  const retried = anchorAll(text, old.filter((h) => h.orphan));
  const placed = new Map([...anchored, ...retried.anchored].map((a) => [a.id, a]));
  const highlights = old.map((h): Highlight => {
    const a = placed.get(h.id);
    if (a) {
      const moved = a.start !== h.start || a.end !== h.end || a.quote.exact !== h.quote.exact || h.orphan;
      return moved ? { ...h, start: a.start, end: a.end, quote: a.quote, orphan: false, modifiedAt: now } : h;
    }
    return h.orphan ? h : { ...h, orphan: true, modifiedAt: now };
  });
  highlights.sort(readingOrder);
  return {
    highlights,
    fileJson: file ? stableFileJson({ ...file, text, highlights }) : null,
    reanchored: anchored.length + retried.anchored.length,
    orphaned: orphans,
    contentHash: sha256(text),
    furniture: detectFurniture(text),
  };
}
