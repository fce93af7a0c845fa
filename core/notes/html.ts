/**
 * Notes as an HTML fragment for the HTML report: built as an escaped string (no DOM), so nothing in a note can
 * become markup. Links survive only when http(s)/mailto (the schema guarantees it; checked again here).
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { NoteDoc } from '../model';
import { jsonText, noteFromJSON } from './from-json';
import { isSafeHref, type CitationAttrs } from './schema';
import { DEFAULT_SOURCE_TITLE, quoteParagraphs, type NoteExportOptions } from './citation-format';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const defaultLink: Required<NoteExportOptions>['citationLink'] = (c) => `#h-${c.highlightId}`;

function openTag(mark: Mark): string {
  switch (mark.type.name) {
    case 'strong':
      return '<strong>';
    case 'em':
      return '<em>';
    case 'code':
      return '<code>';
    case 'link': {
      const href = mark.attrs.href as string;
      if (!isSafeHref(href)) return '<span>';
      const title = mark.attrs.title ? ` title="${escapeHtml(mark.attrs.title as string)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer">`;
    }
    default:
      return '<span>';
  }
}

function closeTag(mark: Mark): string {
  const name = mark.type.name;
  if (name === 'link') return isSafeHref(mark.attrs.href) ? '</a>' : '</span>';
  return { strong: '</strong>', em: '</em>', code: '</code>' }[name] ?? '</span>';
}

/** Inline content with properly nested mark tags (marks are sorted by the schema, so a shared prefix stays open). */
function inlineHtml(node: PMNode): string {
  let out = '';
  const open: Mark[] = [];
  node.forEach((child) => {
    let keep = 0;
    while (keep < open.length && keep < child.marks.length && open[keep].eq(child.marks[keep])) keep++;
    while (open.length > keep) out += closeTag(open.pop()!);
    for (const mark of child.marks.slice(keep)) {
      out += openTag(mark);
      open.push(mark);
    }
    out += child.isText ? escapeHtml(child.text!) : child.type.name === 'hard_break' ? '<br>' : escapeHtml(child.textContent);
  });
  while (open.length) out += closeTag(open.pop()!);
  return out;
}

function blockHtml(node: PMNode, link: Required<NoteExportOptions>['citationLink']): string {
  const inner = () => {
    let out = '';
    node.forEach((child) => (out += blockHtml(child, link)));
    return out;
  };
  switch (node.type.name) {
    case 'paragraph':
      return `<p>${inlineHtml(node)}</p>`;
    case 'heading': {
      const level = Math.min(3, Math.max(1, Number(node.attrs.level) || 1));
      return `<h${level}>${inlineHtml(node)}</h${level}>`;
    }
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'horizontal_rule':
      return '<hr>';
    case 'bullet_list':
      return `<ul>${inner()}</ul>`;
    case 'ordered_list': {
      const order = Number(node.attrs.order);
      return Number.isInteger(order) && order !== 1 ? `<ol start="${order}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'list_item':
      return `<li>${inner()}</li>`;
    case 'citation':
      return citationHtml(node.attrs as CitationAttrs, link);
    default:
      return node.isTextblock ? `<p>${inlineHtml(node)}</p>` : inner();
  }
}

function citationHtml(a: CitationAttrs, link: Required<NoteExportOptions>['citationLink']): string {
  const quote = quoteParagraphs(a.quote)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const title = escapeHtml(a.sourceTitle || DEFAULT_SOURCE_TITLE);
  const source = a.deleted
    ? `${title} <span class="deleted-passage">(deleted passage)</span>`
    : `<a href="${escapeHtml(link({ highlightId: a.highlightId, sourceId: a.sourceId, sourceTitle: a.sourceTitle }))}">${title}</a>`;
  const tags = (a.pages ? `, <span class="pages">${escapeHtml(a.pages)}</span>` : '') + a.tags.map((t) => ` <span class="tag">${escapeHtml(t)}</span>`).join('');
  return `<figure class="${a.deleted ? 'citation deleted' : 'citation'}" data-highlight-id="${escapeHtml(a.highlightId)}"><blockquote>${quote}</blockquote><figcaption>— ${source}${tags}</figcaption></figure>`;
}

export function noteToHtml(doc: NoteDoc, options: NoteExportOptions = {}): string {
  const link = options.citationLink ?? defaultLink;
  try {
    let out = '';
    noteFromJSON(doc).forEach((child) => (out += blockHtml(child, link)));
    return out;
  } catch {
    return quoteParagraphs(jsonText(doc))
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
  }
}
