import type { NotebookSnapshot, SourceMeta } from '../model';
import { inReadingOrder, isIsoDate, plainNote, tagNamePaths, type NoteFormatter } from './common';

/**
 * Sources for citation managers (issue 16): CSL-JSON (Zotero, Mendeley, Pandoc) and BibTeX. Each source is one item
 * (a newspaper article when it has a publisher, a web page when it has only an address, else a document) with its
 * title, authors, publisher, date, URL and language. The highlights go with it as a note: in BibTeX as `annote`
 * (Zotero makes it a child note of the item), in CSL-JSON as `note` (Zotero keeps it in Extra); each passage is a
 * quoted line with its tags and the analyst's note. Orphans are marked as such.
 */

type Source = NotebookSnapshot['sources'][number];

/** The highlights of a source as plain text: `“passage” [tag, tag] — note`, one paragraph each. */
function highlightsNote(source: Source, paths: Map<string, string[]>, formatter: NoteFormatter): string {
  const parts: string[] = [];
  for (const h of inReadingOrder(source.highlights)) {
    const tags = h.tagIds.map((id) => paths.get(id)?.join('/')).filter((x): x is string => Boolean(x));
    const note = plainNote(formatter, h.note).replace(/\s+/g, ' ');
    parts.push(`${h.orphan ? '(no longer found in the text) ' : ''}“${h.quote.exact.replace(/\s+/g, ' ').trim()}”${tags.length ? ` [${tags.join(', ')}]` : ''}${note ? ` — ${note}` : ''}`);
  }
  return parts.length ? `Highlights (${parts.length}):\n\n${parts.join('\n\n')}` : '';
}

const typeOf = (m: SourceMeta): 'article-newspaper' | 'webpage' | 'document' => (m.publisher ? 'article-newspaper' : m.url ? 'webpage' : 'document');

/** "Jane Roe" -> family Roe, given Jane; a single word or an organisation stays a literal. */
function cslName(name: string): { family: string; given: string } | { literal: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2 || /[,()]/.test(name)) return { literal: name.trim() };
  return { family: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: Array<{ family: string; given: string } | { literal: string }>;
  'container-title'?: string;
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
  note?: string;
}

export function exportCslJson(snapshot: NotebookSnapshot, formatter: NoteFormatter): string {
  const paths = tagNamePaths(snapshot.tags);
  const keys = citationKeys(snapshot.sources.map((s) => s.meta));
  const items: CslItem[] = snapshot.sources.map((s, i) => {
    const m = s.meta;
    const note = highlightsNote(s, paths, formatter);
    const added = /^\d{4}-\d{2}-\d{2}/.exec(m.addedAt)?.[0];
    return {
      id: keys[i],
      type: typeOf(m),
      title: m.title,
      ...(m.authors?.length ? { author: m.authors.map(cslName) } : {}),
      ...(m.publisher ? { 'container-title': m.publisher, publisher: m.publisher } : {}),
      ...(isIsoDate(m.date) ? { issued: { 'date-parts': [m.date.split('-').map(Number)] } } : {}),
      ...(m.url ? { URL: m.url } : {}),
      ...(m.url && added ? { accessed: { 'date-parts': [added.split('-').map(Number)] } } : {}),
      ...(m.language ? { language: m.language } : {}),
      ...(note ? { note } : {}),
    };
  });
  return JSON.stringify(items, null, 2) + '\n';
}

/** Unique citation keys: first author's (or publisher's) name, year, first title word, as Zotero and Better BibTeX make them. */
export function citationKeys(metas: readonly SourceMeta[]): string[] {
  const used = new Map<string, number>();
  const ascii = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]/g, '');
  return metas.map((m) => {
    const who = m.authors?.[0]?.trim().split(/\s+/).pop() ?? m.publisher.split(/\s+/)[0] ?? '';
    const word = m.title.split(/\s+/).map(ascii).find((w) => w.length > 3) ?? '';
    const base = `${ascii(who).toLowerCase()}${isIsoDate(m.date) ? m.date.slice(0, 4) : ''}${word.toLowerCase()}` || ascii(m.id) || 'source';
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(n, 26))}${n > 26 ? n : ''}`;
  });
}

/** A BibTeX field value: braces balanced by escaping, specials escaped, so no value can end the field or run TeX. */
export function bibtexValue(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}$&%#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\r\n?/g, '\n')
    .replace(/\\textbackslash\\\{\\\}/g, '\\textbackslash{}')
    .replace(/\\textasciitilde\\\{\\\}/g, '\\textasciitilde{}')
    .replace(/\\textasciicircum\\\{\\\}/g, '\\textasciicircum{}');
}

export function exportBibtex(snapshot: NotebookSnapshot, formatter: NoteFormatter): string {
  const paths = tagNamePaths(snapshot.tags);
  const keys = citationKeys(snapshot.sources.map((s) => s.meta));
  const entries = snapshot.sources.map((s, i) => {
    const m = s.meta;
    const type = typeOf(m) === 'article-newspaper' ? 'article' : typeOf(m) === 'webpage' ? 'online' : 'misc';
    const fields: Array<[string, string]> = [['title', m.title]];
    if (m.authors?.length) fields.push(['author', m.authors.map((a) => (cslName(a) as { literal?: string }).literal ? `{${a}}` : a).join(' and ')]);
    if (m.publisher) fields.push([type === 'article' ? 'journal' : 'publisher', m.publisher]);
    if (isIsoDate(m.date)) fields.push(['date', m.date], ['year', m.date.slice(0, 4)]);
    if (m.url) fields.push(['url', m.url]);
    if (m.language) fields.push(['langid', m.language]);
    const note = highlightsNote(s, paths, formatter);
    if (note) fields.push(['annote', note]);
    // Author braces ({Org name}) are BibTeX grouping, kept; everything else is escaped. URLs stay as they are (url field is verbatim).
    const body = fields
      .map(([k, v]) => `  ${k} = {${k === 'url' ? v.replace(/[{}\s]/g, encodeURIComponent) : k === 'author' ? v.split(' and ').map((a) => (a.startsWith('{') ? `{${bibtexValue(a.slice(1, -1))}}` : bibtexValue(a))).join(' and ') : bibtexValue(v)}}`)
      .join(',\n');
    return `@${type}{${keys[i]},\n${body}\n}`;
  });
  return `% ${snapshot.title}: ${snapshot.sources.length} source${snapshot.sources.length === 1 ? '' : 's'}, exported ${snapshot.exportedAt}\n\n${entries.join('\n\n')}\n`;
}
