/**
 * Retrieved passages as CSV, for a spreadsheet: the Retrieval view's coded passages (one row per highlight) and a
 * co-occurrence cell's paragraphs (one row per paragraph). Ids come with every row so a row leads back to its
 * highlight and source.
 */
import type { CooccurrencePassage } from '../analysis/types';
import type { Highlight } from '../model';
import { CSV_BOM, csvRow } from './csv';

export interface PassageRow {
  highlight: Pick<Highlight, 'id' | 'tagIds' | 'start' | 'end'>;
  sourceId: string;
  sourceTitle: string;
  date: string;
  quote: string;
  orphan: boolean;
}

export function retrievedPassagesCsv(rows: readonly PassageRow[], tagName: (id: string) => string | undefined): string {
  const out = [csvRow(['Highlight id', 'Source id', 'Source', 'Date', 'Passage', 'Tags', 'Start', 'End', 'Orphan'])];
  for (const r of rows) {
    const tags = r.highlight.tagIds.map(tagName).filter((n): n is string => Boolean(n)).join('; ');
    out.push(csvRow([r.highlight.id, r.sourceId, r.sourceTitle, r.date, r.quote, tags, r.highlight.start, r.highlight.end, r.orphan ? 'yes' : 'no']));
  }
  return CSV_BOM + out.join('\r\n') + '\r\n';
}

export function cooccurrencePassagesCsv(passages: readonly CooccurrencePassage[]): string {
  const out = [csvRow(['Source id', 'Source', 'Date', 'Start', 'End', 'Paragraph', 'Highlight ids'])];
  for (const p of passages) out.push(csvRow([p.sourceId, p.title, p.date, p.start, p.end, p.text, p.highlights.map((h) => h.id).join(' ')]));
  return CSV_BOM + out.join('\r\n') + '\r\n';
}
