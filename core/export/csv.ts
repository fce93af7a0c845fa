import type { NotebookSnapshot } from '../model';
import { pageLabel } from '../documents/pdf-text';
import { CodePointIndex, inReadingOrder, plainNote, tagNamePaths, type NoteFormatter } from './common';

/**
 * CSV of coded segments: one row per highlight and tag (a highlight without tags gets one row with the tag cells
 * empty, so no highlight goes missing). RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or
 * line break in double quotes with quotes doubled. Cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) are neutralised with a leading apostrophe (OWASP's advice). The result starts
 * with a UTF-8 byte order mark so Excel reads it as UTF-8: write the string as UTF-8 as it is.
 *
 * Page is "p. 4" (or "pp. 4–5") for a PDF source's highlight; the source's publisher, authors, URL and language
 * follow. Start and end count Unicode code points (as REFI-QDA and W3C do); they are empty for an orphan, whose old
 * position no longer points at its quote.
 */

export const CSV_BOM = '\uFEFF';
/** The document's facts after the offsets; the ids come last, so a row can be joined back to its highlight and source. */
export const CSV_HEADER = ['Source', 'Date', 'Tag', 'Tag kind', 'Quote', 'Note', 'Start', 'End', 'Page', 'Publisher', 'Authors', 'URL', 'Language', 'Highlight ID', 'Source ID'] as const;
/** Separator between the names of a nested tag's path in the Tag column. */
export const CSV_TAG_SEPARATOR = '/';

/** A formula start: = + - @ tab or CR at the start of the field or right after a separator a spreadsheet may split on. */
const FORMULA_START = /(?<=^|[;,\t\r\n|] *)[=+\-@\t\r]/g;

/**
 * One CSV field, safe in any spreadsheet locale. Formula starts are neutralised with an apostrophe (OWASP) at the
 * start and after every separator (`,` `;` tab, line break, `|`), since Excel with `;` as list separator splits a
 * field like `x;+cmd|' /C calc'!A0` and would run its second half. Every field holding `;` `,` tab, a quote or a
 * line break is quoted (RFC 4180), so no locale splits it at all.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let v = value;
  if (/[=+\-@\t\r]/.test(v)) v = v.replace(FORMULA_START, "'$&");
  return /[";,\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: ReadonlyArray<string | number>): string {
  return cells.map(csvCell).join(',');
}

export function exportCsv(snapshot: NotebookSnapshot, formatter: NoteFormatter): string {
  const paths = tagNamePaths(snapshot.tags);
  const kinds = new Map(snapshot.tags.map((t) => [t.id, t.kind]));
  const rows: string[] = [csvRow(CSV_HEADER)];
  for (const source of snapshot.sources) {
    const index = new CodePointIndex(source.text);
    for (const h of inReadingOrder(source.highlights)) {
      const note = plainNote(formatter, h.note);
      const start = h.orphan ? '' : index.toCodePoint(h.start);
      const end = h.orphan ? '' : index.toCodePoint(h.end);
      const tagIds = h.tagIds.filter((id) => paths.has(id));
      const base = [source.meta.title, source.meta.date];
      const m = source.meta;
      const facts = [h.orphan ? '' : pageLabel(m.pageStarts, h.start, h.end), m.publisher, (m.authors ?? []).join('; '), m.url ?? '', m.language ?? '', h.id, m.id];
      if (tagIds.length === 0) rows.push(csvRow([...base, '', '', h.quote.exact, note, start, end, ...facts]));
      for (const id of tagIds) {
        const path = (paths.get(id) ?? []).join(CSV_TAG_SEPARATOR);
        rows.push(csvRow([...base, path, kinds.get(id) ?? '', h.quote.exact, note, start, end, ...facts]));
      }
    }
  }
  return CSV_BOM + rows.join('\r\n') + '\r\n';
}
