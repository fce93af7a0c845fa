/**
 * Notes from Markdown, for imports: the inverse of core/notes/markdown.ts's serialiser, so that a note exported to
 * W3C JSON (whose note bodies are Markdown) comes back as the same note, formatting and citations included.
 *
 * - markdown-it in CommonMark mode with raw HTML off: HTML in a note stays text, never markup.
 * - Links keep their target only when it is http(s) or mailto (the note schema allows nothing else); any other
 *   link keeps its text.
 * - A citation is written as a blockquote whose last line is `— [Source title](link)` (or `— Source title (deleted
 *   passage)`); such a blockquote becomes a citation node again. Its `highlightId` is what the link names: a W3C
 *   annotation IRI is turned into the id the W3C importer gives that annotation (`derivedId('h', iri)`), an
 *   Obsidian block reference `#^h-…` into `h-…`; the backend then maps it to the highlight's id in the notebook.
 * - Plain paragraphs (most notes) skip the parser: same result, a hundred times faster on 100,000 notes.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { MarkdownParser } from 'prosemirror-markdown';
import { derivedId } from '../export/common';
import { noteFromPlainText, type NoteParser } from '../import/model';
import type { NoteDoc } from '../model';
import { isSafeHref, noteSchema } from '../notes/schema';

const md = new MarkdownIt('commonmark', { html: false, linkify: false });
// Citation links (annotation IRIs, block references) must survive tokenising; the node builder drops unsafe ones.
md.validateLink = (url: string) => isSafeHref(url) || /^urn:uuid:/i.test(url) || url.startsWith('#');

/** The highlight id a citation link names, or '' when it names none. */
export function citedHighlightId(href: string): string {
  if (/^urn:uuid:/i.test(href)) return derivedId('h', href);
  const block = /#\^(h-[0-9a-z-]{4,64})$/i.exec(href);
  return block ? block[1] : '';
}

/** Inline tokens' text, as a reader sees it (soft breaks as spaces, hard breaks as new lines). */
function inlineText(children: readonly Token[] | null): string {
  let out = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak') out += ' ';
    else if (t.type === 'hardbreak') out += '\n';
    else if (t.type === 'image') out += inlineText(t.children);
  }
  return out;
}

const DELETED = /^— (.*) \(deleted passage\)$/s;

/**
 * The citation a blockquote's tokens (from its open to its close, both included) hold, or null when it is an
 * ordinary quote. The last paragraph must be exactly "— [title](link)" or "— title (deleted passage)".
 */
function citationOf(tokens: readonly Token[]): Record<string, unknown> | null {
  // Only paragraphs directly inside: blockquote_open, (paragraph_open inline paragraph_close)+, blockquote_close.
  const inner = tokens.slice(1, -1);
  if (inner.length < 6 || inner.length % 3 !== 0) return null;
  const paragraphs: Token[] = [];
  for (let i = 0; i < inner.length; i += 3) {
    if (inner[i].type !== 'paragraph_open' || inner[i + 1].type !== 'inline' || inner[i + 2].type !== 'paragraph_close') return null;
    paragraphs.push(inner[i + 1]);
  }
  const last = paragraphs.pop()!;
  const kids = last.children ?? [];
  const quote = paragraphs.map((p) => inlineText(p.children)).join('\n');
  if (kids.length >= 4 && kids[0].type === 'text' && kids[0].content === '— ' && kids[1].type === 'link_open' && kids[kids.length - 1].type === 'link_close') {
    const href = kids[1].attrGet('href') ?? '';
    const highlightId = citedHighlightId(href);
    if (!highlightId) return null;
    return { highlightId, sourceId: '', quote, sourceTitle: inlineText(kids.slice(2, -1)), tags: [], deleted: false };
  }
  const deleted = DELETED.exec(inlineText(kids));
  if (deleted && kids.every((k) => k.type === 'text' || k.type === 'softbreak')) {
    return { highlightId: '', sourceId: '', quote, sourceTitle: deleted[1], tags: [], deleted: true };
  }
  return null;
}

/** Citation blockquotes become one `citation` token; everything else passes through. */
function withCitations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'blockquote_open' && t.level === 0) {
      let depth = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        if (tokens[j].type === 'blockquote_open') depth++;
        else if (tokens[j].type === 'blockquote_close' && --depth === 0) break;
      }
      const attrs = citationOf(tokens.slice(i, j + 1));
      if (attrs) {
        const c = new (t.constructor as typeof Token)('citation', '', 0);
        c.meta = attrs;
        out.push(c);
        i = j;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

const tokenizer = {
  parse: (src: string, env: object) => withCitations(md.parse(src, env)),
};

const parser = new MarkdownParser(noteSchema, tokenizer as unknown as MarkdownIt, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: { block: 'ordered_list', getAttrs: (tok) => ({ order: Number(tok.attrGet('start')) || 1 }) },
  heading: { block: 'heading', getAttrs: (tok) => ({ level: Math.min(3, Number(tok.tag.slice(1)) || 1) }) },
  // A note has no code blocks: their text becomes a paragraph.
  code_block: { block: 'paragraph', noCloseToken: true },
  fence: { block: 'paragraph', noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  hardbreak: { node: 'hard_break' },
  citation: { node: 'citation', getAttrs: (tok) => tok.meta as Record<string, unknown> },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  code_inline: { mark: 'code', noCloseToken: true },
  // An unsafe target (or a citation link outside a citation) keeps the link's text only.
  link: { mark: 'link', getAttrs: (tok) => ({ href: tok.attrGet('href'), title: tok.attrGet('title') || null }) },
  image: { ignore: true, noCloseToken: true },
});

// prosemirror-markdown builds marks without the schema's validation: links whose target the note schema refuses
// are removed after parsing (their text stays).
function dropUnsafeLinks(json: unknown): void {
  if (!json || typeof json !== 'object') return;
  const node = json as { marks?: Array<{ type: string; attrs?: { href?: unknown } }>; content?: unknown[] };
  if (node.marks) {
    node.marks = node.marks.filter((m) => m.type !== 'link' || isSafeHref(m.attrs?.href));
    if (node.marks.length === 0) delete node.marks;
  }
  node.content?.forEach(dropUnsafeLinks);
}

const EMPTY: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Text that Markdown would read as the same plain paragraphs: no syntax characters, no line-start markers. */
function plainParagraphs(markdown: string): string[] | null {
  if (/[\\`*_[\]<>#!|~&\r\t]/.test(markdown)) return null;
  const paragraphs = markdown.split(/\n[ ]*\n/);
  const out: string[] = [];
  for (const raw of paragraphs) {
    const p = raw.replace(/^\n+|\n+$/g, '');
    if (!p) continue;
    // One line, no indent or trailing spaces, and not a list, quote, rule or heading marker.
    if (p.includes('\n') || p !== p.trim() || /^(?:[-+=]|\d+[.)])/.test(p)) return null;
    out.push(p);
  }
  return out;
}

export function noteFromMarkdown(markdown: string): NoteDoc {
  const plain = plainParagraphs(markdown);
  if (plain) {
    if (plain.length === 0) return structuredClone(EMPTY);
    return { type: 'doc', content: plain.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  }
  try {
    const json = parser.parse(markdown).toJSON() as NoteDoc;
    dropUnsafeLinks(json);
    return json;
  } catch {
    return noteFromPlainText(markdown);
  }
}

export { noteFromPlainText };

export const noteParser: NoteParser = { fromMarkdown: noteFromMarkdown, fromPlainText: noteFromPlainText };
