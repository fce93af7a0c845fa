/** Snippets: a short window of a document's text around its first match, with every match in the window marked. */
import { findPhrase, wordsAt } from './text';
import type { Snippet } from './types';

export interface SnippetResult {
  snippet: Snippet;
  /** The first match, in the coordinates of the text given (not of the snippet); null when nothing matched. */
  first: [number, number] | null;
}

/**
 * `terms`: normalised words that matched in this document (exact, prefix or fuzzy, as the index reports them);
 * `phrases`: normalised phrases that must be marked as a whole. Looks in text[from, to).
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, phrases: readonly string[][], from = 0, to = text.length, width = 180): SnippetResult {
  const marks: Array<[number, number]> = [];
  for (const p of phrases) marks.push(...findPhrase(text, p, from, to));
  if (terms.size > 0) {
    for (const w of wordsAt(text, from, to)) {
      if (terms.has(w.word) && !marks.some(([s, e]) => w.start >= s && w.end <= e)) marks.push([w.start, w.end]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  const first = marks[0] ?? null;
  // The window: starts a little before the first match, at a word boundary.
  let start = from;
  if (first && first[0] - from > width / 3) {
    start = first[0] - Math.floor(width / 3);
    const space = text.lastIndexOf(' ', start);
    start = space >= from && start - space < 20 ? space + 1 : start;
  }
  let end = Math.min(to, start + width);
  if (end < to) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const head = start > from ? '…' : '';
  const tail = end < to ? '…' : '';
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const shift = head.length - start;
  const inWindow = marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { snippet: { text: head + body + tail, marks: inWindow }, first };
}
