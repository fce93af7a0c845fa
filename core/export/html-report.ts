import type { Highlight, NotebookSnapshot, Tag } from '../model';
import { DEFAULT_HIGHLIGHT_COLOR } from '../model';
import { splitParagraphs } from '../text';
import { escapeHtml, inReadingOrder, tagNamePaths, tagsInTreeOrder, type NoteFormatter } from './common';

/**
 * The HTML report: one self-contained, print-friendly file (inline CSS, no scripts, no fonts or images to fetch):
 * a title page, the tag legend with colours, the project notebook, then each source with its highlights marked in
 * context and their notes beside the paragraph where they start. Each mark carries its number and is underlined,
 * so colour is never the only signal. Printing this file is the PDF export.
 */

export interface HtmlReportOptions {
  /** Language of the report's own words and the document (`lang`). */
  lang?: string;
}

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem; font: 11pt/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
h1, h2, h3 { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.25; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; border-bottom: 1px solid var(--rule); margin-bottom: 2rem; }
.title-page h1 { font-size: 2.2rem; margin: 0 0 1rem; }
.muted { color: var(--muted); }
.legend ul { list-style: none; padding: 0; columns: 2; }
.legend li { break-inside: avoid; margin: 0.15rem 0; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #0003; border-radius: 2px; vertical-align: -0.1em; margin-right: 0.4em; }
.kind { color: var(--muted); font-size: 0.85em; }
.source { border-top: 2px solid var(--ink); margin-top: 2.5rem; padding-top: 1rem; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
.row p.text { margin: 0 0 0.8rem; white-space: pre-wrap; }
mark { background: var(--c, #f5d24a55); color: inherit; border-bottom: 2px solid var(--u, #b58f00); padding: 0 1px; }
mark.overlap { border-bottom-style: double; border-bottom-width: 4px; }
sup.ref { font: 700 0.7em system-ui, sans-serif; color: var(--muted); }
aside.notes { font-size: 0.9em; }
.note { border-left: 3px solid var(--u, #b58f00); padding: 0.1rem 0 0.1rem 0.6rem; margin: 0 0 0.8rem; break-inside: avoid; }
.note .tags { font-family: system-ui, sans-serif; font-size: 0.85em; display: inline-flex; flex-wrap: wrap; gap: 0.25rem; vertical-align: 0.1em; }
.tag-chip { display: inline-block; padding: 0 0.5em; border: 1px solid var(--t); border-radius: 999px; background: color-mix(in srgb, var(--t) 14%, #fff); color: var(--ink); line-height: 1.5; white-space: nowrap; }
.note > sup.ref { margin-right: 0.3em; }
.note .body > :first-child { margin-top: 0.2rem; }
.note .body > :last-child { margin-bottom: 0; }
.notebook { background: #f6f6f8; border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); }
@media print {
  body { max-width: none; padding: 0; }
  .title-page { min-height: 90vh; break-after: page; }
  .source { break-before: page; border-top: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

interface Mark {
  h: Highlight;
  n: number;
  color: string;
}

/** A colour safe to put in a style attribute: #rrggbb, else the default highlight colour. */
function safeColor(c: string | undefined): string {
  return c && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : DEFAULT_HIGHLIGHT_COLOR;
}

/** Tag colour for a highlight: its first tag's, else the default highlight colour. */
function colorOf(h: Highlight, tags: Map<string, Tag>): string {
  for (const id of h.tagIds) {
    const tag = tags.get(id);
    if (tag) return safeColor(tag.color);
  }
  return DEFAULT_HIGHLIGHT_COLOR;
}

/** One paragraph's text with <mark>s: cut at every highlight boundary, each piece marked by the innermost highlight. */
function markedParagraph(text: string, start: number, end: number, marks: readonly Mark[]): string {
  const inside = marks.filter((m) => m.h.start < end && m.h.end > start);
  if (inside.length === 0) return escapeHtml(text.slice(start, end));
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.h.start));
    cuts.add(Math.min(end, m.h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = escapeHtml(text.slice(a, b));
    const covering = inside.filter((m) => m.h.start <= a && m.h.end >= b);
    if (covering.length === 0) {
      html += piece;
    } else {
      // The innermost (latest starting, then shortest) highlight gives the colour; overlaps get a double underline.
      const top = covering.reduce((x, y) => (y.h.start > x.h.start || (y.h.start === x.h.start && y.h.end < x.h.end) ? y : x));
      const numbers = covering.map((m) => m.n).join(', ');
      html +=
        `<mark class="${covering.length > 1 ? 'overlap' : ''}" style="--c: ${top.color}66; --u: ${top.color}" ` +
        `title="Highlight ${numbers}">${piece}</mark>`;
    }
    // Highlights that end at the same place share one reference, "3, 4": two numbers side by side would read "34".
    const ending = inside.filter((m) => m.h.end === b && b <= end).map((m) => m.n);
    if (ending.length > 0) html += `<sup class="ref">${ending.join(',\u2009')}</sup>`;
  }
  return html;
}

export function exportHtmlReport(snapshot: NotebookSnapshot, formatter: NoteFormatter, options: HtmlReportOptions = {}): string {
  const tags = new Map(snapshot.tags.map((t) => [t.id, t]));
  const paths = tagNamePaths(snapshot.tags);
  const pathText = (id: string): string => (paths.get(id) ?? []).join(' / ');
  const highlightCount = snapshot.sources.reduce((n, s) => n + s.highlights.length, 0);
  const noteHtml = (doc: Parameters<NoteFormatter['toHtml']>[0] | null): string =>
    doc && formatter.toPlainText(doc).trim() ? formatter.toHtml(doc) : '';
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(snapshot.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="title-page">',
    `<h1>${escapeHtml(snapshot.title)}</h1>`,
    `<p class="muted">${snapshot.sources.length} sources · ${highlightCount} highlights · ${snapshot.tags.length} tags</p>`,
    `<p class="muted">Exported <time datetime="${escapeHtml(snapshot.exportedAt)}">${escapeHtml(snapshot.exportedAt.slice(0, 10))}</time></p>`,
    '</header>',
  );

  if (snapshot.tags.length > 0) {
    out.push('<section class="legend">', '<h2>Tags</h2>', '<ul>');
    for (const { tag, depth } of tagsInTreeOrder(snapshot.tags)) {
      out.push(
        `<li style="margin-left: ${depth * 1.2}em"><span class="swatch" style="background: ${safeColor(tag.color)}"></span>` +
          `${escapeHtml(tag.name)} <span class="kind">(${escapeHtml(tag.kind)})</span></li>`,
      );
    }
    out.push('</ul>', '</section>');
  }

  const project = noteHtml(snapshot.projectNote);
  if (project) out.push('<section class="notebook">', '<h2>Project notebook</h2>', project, '</section>');

  for (const source of snapshot.sources) {
    const m = source.meta;
    const facts = [m.publisher, m.date, m.originalFile].filter(Boolean).map(escapeHtml).join(' · ');
    out.push('<article class="source">', `<h2>${escapeHtml(m.title)}</h2>`);
    if (facts) out.push(`<p class="muted">${facts}</p>`);
    const note = noteHtml(source.note);
    if (note) out.push('<section class="notebook">', '<h3>Notebook</h3>', note, '</section>');

    const ordered = inReadingOrder(source.highlights);
    const marks: Mark[] = ordered.map((h, i) => ({ h, n: i + 1, color: colorOf(h, tags) }));
    const anchored = marks.filter((x) => !x.h.orphan && x.h.end > x.h.start && x.h.end <= source.text.length);
    const noteCard = (x: Mark): string => {
      const tagLine = x.h.tagIds
        .filter((id) => tags.has(id))
        .map((id) => `<span class="tag-chip" style="--t: ${safeColor(tags.get(id)?.color)}">${escapeHtml(pathText(id))}</span>`)
        .join(' ');
      const body = noteHtml(x.h.note);
      return (
        `<div class="note" style="--u: ${x.color}"><sup class="ref">${x.n}</sup> ` +
        (tagLine ? `<span class="tags">${tagLine}</span>` : '') +
        (body ? `<div class="body">${body}</div>` : '') +
        '</div>'
      );
    };
    let next = 0;
    for (const p of splitParagraphs(source.text)) {
      const starting: Mark[] = [];
      while (next < anchored.length && anchored[next].h.start < p.end) starting.push(anchored[next++]);
      out.push(
        '<div class="row">',
        `<p class="text">${markedParagraph(source.text, p.start, p.end, anchored)}</p>`,
        `<aside class="notes">${starting.map(noteCard).join('')}</aside>`,
        '</div>',
      );
    }
    const placed = new Set(anchored);
    const orphans = marks.filter((x) => !placed.has(x));
    if (orphans.length > 0) {
      out.push('<h3>Highlights no longer found in the text</h3>');
      for (const x of orphans) out.push(`<blockquote>${escapeHtml(x.h.quote.exact)}</blockquote>`, noteCard(x));
    }
    out.push('</article>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
