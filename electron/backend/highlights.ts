import { randomBytes } from 'node:crypto';
import { anchorAll, describeRange, reanchorAll } from '../../core/anchoring';
import { readingOrder } from '../../core/lanes';
import type { Highlight, NoteDoc } from '../../core/model';
import type { NotebookStore, SourceFile } from './store';
import { NotebookError } from './errors';

/** Highlight operations on one source file. Every change is one atomic write of that file. */
export class HighlightOps {
  constructor(private readonly store: NotebookStore) {}

  /** `id` may come from the renderer, which paints the highlight before the save returns. */
  async create(sourceId: string, start: number, end: number, tagIds: string[] = [], id?: string): Promise<Highlight> {
    const db = await this.store.source(sourceId);
    if (id && db.data.highlights.some((h) => h.id === id)) throw new NotebookError('A highlight with that id already exists.');
    const text = db.data.text;
    if (start >= end) throw new NotebookError('Select some text to highlight: the selection is empty.');
    if (end > text.length) throw new NotebookError(`The selection (${start}–${end}) lies outside this source's text (${text.length} characters).`);
    if (!text.slice(start, end).trim()) throw new NotebookError('Select some text to highlight: the selection holds only spaces.');
    const described = describeRange(text, start, end);
    const now = new Date().toISOString();
    const highlight: Highlight = {
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
    await db.update((f) => {
      f.highlights = insertInOrder(f.highlights, highlight);
    });
    return highlight;
  }

  async delete(sourceId: string, highlightId: string): Promise<Highlight> {
    const db = await this.store.source(sourceId);
    const found = find(db.data, highlightId);
    await db.update((f) => {
      f.highlights = f.highlights.filter((h) => h.id !== highlightId);
    });
    return found;
  }

  /** Undo of delete: the highlight comes back as it was, re-anchored in case the text changed meanwhile. */
  async restore(highlight: Highlight): Promise<Highlight> {
    const db = await this.store.source(highlight.sourceId);
    if (db.data.highlights.some((h) => h.id === highlight.id)) throw new NotebookError('That highlight is already in the notebook.');
    const { anchored } = anchorAll(db.data.text, [highlight]);
    const restored: Highlight = anchored[0]
      ? { ...highlight, start: anchored[0].start, end: anchored[0].end, quote: anchored[0].quote, orphan: false }
      : { ...highlight, orphan: true };
    await db.update((f) => {
      f.highlights = insertInOrder(f.highlights, restored);
    });
    return restored;
  }

  async setNote(sourceId: string, highlightId: string, note: NoteDoc | null): Promise<Highlight> {
    return this.change(sourceId, highlightId, (h) => ({ ...h, note }));
  }

  async reattach(sourceId: string, highlightId: string, start: number, end: number): Promise<Highlight> {
    const db = await this.store.source(sourceId);
    const text = db.data.text;
    if (start >= end || end > text.length) throw new NotebookError('Select the passage to attach the highlight to.');
    const described = describeRange(text, start, end);
    return this.change(sourceId, highlightId, (h) => ({ ...h, start: described.start, end: described.end, quote: described.quote, orphan: false }));
  }

  /** Replace the text and carry every highlight over; what cannot be found is kept as an orphan, never deleted. */
  async replaceText(sourceId: string, text: string): Promise<{ file: SourceFile; reanchored: number; orphaned: string[] }> {
    const db = await this.store.source(sourceId);
    const old = db.data;
    const live = old.highlights.filter((h) => !h.orphan);
    const { anchored, orphans } = reanchorAll(old.text, text, live);
    // Orphans from before get another chance in the new text.
    const retried = anchorAll(text, old.highlights.filter((h) => h.orphan));
    const placed = new Map([...anchored, ...retried.anchored].map((a) => [a.id, a]));
    const now = new Date().toISOString();
    const highlights = old.highlights.map((h): Highlight => {
      const a = placed.get(h.id);
      if (a) {
        const moved = a.start !== h.start || a.end !== h.end || a.quote.exact !== h.quote.exact || h.orphan;
        return moved ? { ...h, start: a.start, end: a.end, quote: a.quote, orphan: false, modifiedAt: now } : h;
      }
      return h.orphan ? h : { ...h, orphan: true, modifiedAt: now };
    });
    await db.update((f) => {
      f.text = text;
      f.highlights = highlights.sort(readingOrder);
    });
    return { file: db.data, reanchored: anchored.length + retried.anchored.length, orphaned: orphans };
  }

  /**
   * On open: anchor every highlight in the stored text (position first, verified against the quote; then quote
   * search; then fuzzy). Normally every position holds and nothing is written; a file edited outside the app
   * gets its highlights moved or orphaned, and saved.
   */
  async verifyAnchors(sourceId: string): Promise<SourceFile> {
    const db = await this.store.source(sourceId);
    const { text, highlights } = db.data;
    const stale = highlights.filter((h) => !h.orphan && (h.end > text.length || text.slice(h.start, h.end) !== h.quote.exact));
    if (stale.length === 0) return db.data;
    const { anchored } = anchorAll(text, stale);
    const placed = new Map(anchored.map((a) => [a.id, a]));
    const now = new Date().toISOString();
    await db.update((f) => {
      f.highlights = f.highlights
        .map((h): Highlight => {
          if (!stale.includes(h)) return h;
          const a = placed.get(h.id);
          return a ? { ...h, start: a.start, end: a.end, quote: a.quote, modifiedAt: now } : { ...h, orphan: true, modifiedAt: now };
        })
        .sort(readingOrder);
    });
    return db.data;
  }

  private async change(sourceId: string, highlightId: string, edit: (h: Highlight) => Highlight): Promise<Highlight> {
    const db = await this.store.source(sourceId);
    const next = { ...edit(find(db.data, highlightId)), modifiedAt: new Date().toISOString() };
    await db.update((f) => {
      f.highlights = insertInOrder(
        f.highlights.filter((h) => h.id !== highlightId),
        next,
      );
    });
    return next;
  }
}

function find(file: SourceFile, highlightId: string): Highlight {
  const found = file.highlights.find((h) => h.id === highlightId);
  if (!found) throw new NotebookError(`No highlight with id "${highlightId}" in this source; it may have been deleted.`);
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

