import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { anchorAll, describeRange } from '../../core/anchoring';
import type { HeavyWork } from './workers/pool';
import { encodeInSlices, transferListOf } from './workers/text-transfer';
import { readingOrder } from '../../core/lanes';
import type { Highlight, NoteDoc } from '../../core/model';
import type { NotebookStore, SourceFile } from './store';
import { NotebookError } from './errors';
import { sentence } from '../../core/i18n/message-text';

/** Highlight operations on one source file. Every change is one atomic write of that file. */
export class HighlightOps {
  constructor(
    private readonly store: NotebookStore,
    private readonly heavy: HeavyWork,
  ) {}

  /**
   * `id` may come from the renderer, which paints the highlight before the save returns. Every check runs on the
   * file as it is when the change applies, so concurrent calls cannot slip past each other.
   */
  async create(sourceId: string, start: number, end: number, tagIds: string[] = [], id?: string): Promise<Highlight> {
    return this.store.changeSource(sourceId, (file) => {
      if (id && file.highlights.some((h) => h.id === id)) throw new NotebookError(sentence('backend.highlight.idExists'));
      const text = file.text;
      if (start >= end) throw new NotebookError(sentence('backend.highlight.emptySelection'));
      if (end > text.length) throw new NotebookError(sentence('backend.highlight.outsideText', { start, end, length: text.length }));
      if (!text.slice(start, end).trim()) throw new NotebookError(sentence('backend.highlight.onlySpaces'));
      const highlight = newHighlight(text, sourceId, start, end, tagIds, new Date().toISOString(), id);
      return { next: { ...file, highlights: insertInOrder(file.highlights, highlight) }, result: highlight };
    });
  }

  async delete(sourceId: string, highlightId: string): Promise<Highlight> {
    return this.store.changeSource(sourceId, (file) => {
      const found = find(file, highlightId);
      return { next: { ...file, highlights: file.highlights.filter((h) => h.id !== highlightId) }, result: found };
    });
  }

  /** Undo of delete: the highlight comes back as it was, re-anchored in case the text changed meanwhile. */
  async restore(highlight: Highlight): Promise<Highlight> {
    return this.store.changeSource(highlight.sourceId, (file) => {
      if (file.highlights.some((h) => h.id === highlight.id)) throw new NotebookError(sentence('backend.highlight.alreadyIn'));
      const { anchored } = anchorAll(file.text, [highlight]);
      const restored: Highlight = anchored[0]
        ? { ...highlight, start: anchored[0].start, end: anchored[0].end, quote: anchored[0].quote, orphan: false }
        : { ...highlight, orphan: true };
      return { next: { ...file, highlights: insertInOrder(file.highlights, restored) }, result: restored };
    });
  }

  async setNote(sourceId: string, highlightId: string, note: NoteDoc | null): Promise<Highlight> {
    return this.change(sourceId, highlightId, (h) => ({ ...h, note }));
  }

  async reattach(sourceId: string, highlightId: string, start: number, end: number): Promise<Highlight> {
    return this.change(sourceId, highlightId, (h, text) => {
      if (start >= end || end > text.length) throw new NotebookError(sentence('backend.highlight.selectPassage'));
      const described = describeRange(text, start, end);
      return { ...h, start: described.start, end: described.end, quote: described.quote, orphan: false };
    });
  }

  /**
   * Replace the text and carry every highlight over; what cannot be found is kept as an orphan, never deleted. The
   * re-anchoring, the new text's hash and furniture, and the new file's JSON run in a worker thread, which writes that
   * JSON to a synced temp file; here the texts are only encoded a slice at a time (text-transfer.ts) and the temp
   * file renamed into place in the file's turn. A 50 MB text keeps no other channel waiting, and the source's other
   * changes wait until this one is on disk.
   */
  async replaceText(sourceId: string, text: string): Promise<{ file: SourceFile; reanchored: number; orphaned: string[]; contentHash: string; furniture: Array<[number, number]> }> {
    let tempFile: string | null = null;
    try {
      return await this.store.changeSourceWith(sourceId, async (old) => {
        // The rest of the file (note, rejected suggestions) rides along so the worker writes the new file whole.
        const { text: _oldText, highlights: _old, ...rest } = old;
        const oldSlices = await encodeInSlices(old.text);
        const newSlices = await encodeInSlices(text);
        const out = await this.heavy.run(
          'replaceText',
          { oldText: oldSlices, text: newSlices, highlights: old.highlights, now: new Date().toISOString(), file: rest as Record<string, unknown>, writeBeside: this.store.sourceFilePath(sourceId) },
          { transfer: transferListOf(oldSlices, newSlices) },
        );
        tempFile = out.tempFile;
        const file: SourceFile = { ...old, text, highlights: out.highlights };
        // Written in the worker: the store moves these bytes into place instead of turning 50 MB into JSON here.
        if (tempFile !== null) this.store.preparedOnDisk(file, tempFile);
        return { next: file, result: { file, reanchored: out.reanchored, orphaned: out.orphaned, contentHash: out.contentHash, furniture: out.furniture } };
      });
    } finally {
      // Moved into place, it is gone; refused (the notebook was restored meanwhile, the disk refused), it goes.
      if (tempFile !== null) await unlink(tempFile).catch(() => {});
    }
  }

  /**
   * On open: anchor every highlight in the stored text (position first, verified against the quote; then quote
   * search; then fuzzy). Normally every position holds and nothing is written; a file edited outside the app
   * gets its highlights moved or orphaned, and saved.
   */
  async verifyAnchors(sourceId: string): Promise<SourceFile> {
    const file = await this.store.readSource(sourceId);
    if (staleHighlights(file).length === 0 || this.store.readOnly) return file;
    return this.store.changeSource(sourceId, (current) => {
      const stale = new Set(staleHighlights(current));
      if (stale.size === 0) return { next: current, result: current };
      const { anchored } = anchorAll(current.text, [...stale]);
      const placed = new Map(anchored.map((a) => [a.id, a]));
      const now = new Date().toISOString();
      const highlights = current.highlights
        .map((h): Highlight => {
          if (!stale.has(h)) return h;
          const a = placed.get(h.id);
          return a ? { ...h, start: a.start, end: a.end, quote: a.quote, modifiedAt: now } : { ...h, orphan: true, modifiedAt: now };
        })
        .sort(readingOrder);
      const next = { ...current, highlights };
      return { next, result: next };
    });
  }

  private async change(sourceId: string, highlightId: string, edit: (h: Highlight, text: string) => Highlight): Promise<Highlight> {
    return this.store.changeSource(sourceId, (file) => {
      const next = { ...edit(find(file, highlightId), file.text), modifiedAt: new Date().toISOString() };
      return { next: { ...file, highlights: insertInOrder(file.highlights.filter((h) => h.id !== highlightId), next) }, result: next };
    });
  }
}

function staleHighlights(file: SourceFile): Highlight[] {
  const { text } = file;
  return file.highlights.filter((h) => !h.orphan && (h.end > text.length || text.slice(h.start, h.end) !== h.quote.exact));
}

function find(file: SourceFile, highlightId: string): Highlight {
  const found = file.highlights.find((h) => h.id === highlightId);
  if (!found) throw new NotebookError(sentence('backend.highlight.notFound', { id: highlightId }), 'not-found');
  return found;
}


function insertInOrder(list: Highlight[], item: Highlight): Highlight[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (readingOrder(list[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(0, lo), item, ...list.slice(lo)];
}


/**
 * A new highlight of `text[start, end)`: the range snapped and described (quote with context) by core's anchoring,
 * a fresh id unless one is given. The one place every creating path (the reader, tag-all-mentions, accepted
 * statement suggestions) builds a highlight.
 */
export function newHighlight(text: string, sourceId: string, start: number, end: number, tagIds: readonly string[], now: string, id?: string): Highlight {
  const described = describeRange(text, start, end);
  return {
    id: id ?? `h-${randomBytes(6).toString('hex')}`,
    sourceId,
    start: described.start,
    end: described.end,
    quote: described.quote,
    tagIds: [...new Set(tagIds)],
    note: null,
    orphan: false,
    createdAt: now,
    modifiedAt: now,
  };
}
