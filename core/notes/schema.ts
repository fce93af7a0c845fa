/**
 * The note schema: the one document model of every note (highlight note, source notebook, project notebook).
 * Pure data and functions of prosemirror-model, so the editor, the exports and the CLI share it without a DOM:
 * toDOM returns array specs, and parseDOM's getAttrs only reads the element it is handed.
 */
import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';

/** Link targets that may live in a note. Anything else (javascript:, data:, file:, relative paths) is dropped. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

// Plain booleans, not type predicates: a predicate would narrow a string argument to `never` when it is false.
export function isSafeHref(href: unknown): boolean {
  return typeof href === 'string' && SAFE_HREF.test(href.trim());
}

/** Only http(s) links may be opened in the system browser: mailto and others stay inert. */
export function isWebHref(href: unknown): boolean {
  return typeof href === 'string' && /^https?:\/\//i.test(href.trim());
}

const validateHref = (value: unknown) => {
  if (!isSafeHref(value)) throw new RangeError('a link must be http(s) or mailto');
};

export interface CitationAttrs {
  highlightId: string;
  sourceId: string;
  /** The exact text of the passage when last seen: kept when the highlight is deleted, so no text is lost. */
  quote: string;
  /** The source's title when last seen. */
  sourceTitle: string;
  /** Tag names when last seen. */
  tags: string[];
  /** The cited highlight no longer exists. */
  deleted: boolean;
  /** Where a passage of a PDF is, "p. 4" or "pp. 4–5" when last seen; '' for sources without pages. */
  pages?: string;
}

const validateTags = (value: unknown) => {
  // Runs for every citation on every load and check: a plain loop.
  if (!Array.isArray(value)) throw new RangeError('citation tags must be an array of strings');
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') throw new RangeError('citation tags must be an array of strings');
};

function parseTags(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Anything with getAttribute/querySelector: an HTMLElement at run time, typed loosely so core needs no DOM. */
interface ElementLike {
  getAttribute(name: string): string | null;
  querySelector?(selector: string): { textContent: string | null } | null;
}

const citation: NodeSpec = {
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  attrs: {
    highlightId: { default: '', validate: 'string' },
    sourceId: { default: '', validate: 'string' },
    quote: { default: '', validate: 'string' },
    sourceTitle: { default: '', validate: 'string' },
    tags: { default: [], validate: validateTags },
    deleted: { default: false, validate: 'boolean' },
    pages: { default: '', validate: 'string' },
  },
  // Plain-text copy and textContent: the quote and where it comes from.
  leafText: (node) => citationText(node.attrs as CitationAttrs),
  parseDOM: [
    {
      tag: 'figure[data-highlight-id]',
      getAttrs(dom) {
        const el = dom as unknown as ElementLike;
        const highlightId = el.getAttribute('data-highlight-id') ?? '';
        if (!highlightId) return false;
        return {
          highlightId,
          sourceId: el.getAttribute('data-source-id') ?? '',
          quote: el.getAttribute('data-quote') ?? el.querySelector?.('blockquote')?.textContent ?? '',
          sourceTitle: el.getAttribute('data-source-title') ?? '',
          tags: parseTags(el.getAttribute('data-tags')),
          deleted: el.getAttribute('data-deleted') === 'true',
          pages: el.getAttribute('data-pages') ?? '',
        };
      },
    },
  ],
  toDOM(node): DOMOutputSpec {
    const a = node.attrs as CitationAttrs;
    return [
      'figure',
      {
        class: a.deleted ? 'citation deleted' : 'citation',
        'data-highlight-id': a.highlightId,
        'data-source-id': a.sourceId,
        'data-source-title': a.sourceTitle,
        'data-quote': a.quote,
        'data-tags': JSON.stringify(a.tags),
        'data-deleted': a.deleted ? 'true' : 'false',
        'data-pages': a.pages ?? '',
      },
      ['blockquote', a.quote],
      ['figcaption', `${withPages(a.sourceTitle, a.pages)}${a.deleted ? ' (deleted passage)' : ''}`],
    ];
  },
};

/** “quote” — Source title, the one-line text form of a citation. */
/** "Title, p. 4": a source's title with the pages of the passage, when it has pages. */
export function withPages(title: string, pages: string | undefined): string {
  return pages ? `${title}, ${pages}` : title;
}

export function citationText(a: Pick<CitationAttrs, 'quote' | 'sourceTitle' | 'deleted' | 'pages'>): string {
  const from = a.sourceTitle ? ` — ${withPages(a.sourceTitle, a.pages)}` : '';
  return `“${a.quote.replace(/\s+/g, ' ').trim()}”${from}${a.deleted ? ' (deleted passage)' : ''}`;
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    attrs: { level: { default: 1, validate: (v: unknown) => { if (v !== 1 && v !== 2 && v !== 3) throw new RangeError('heading level must be 1, 2 or 3'); } } },
    content: 'inline*',
    group: 'block',
    defining: true,
    // Three levels in notes: deeper headings from pasted pages become level 3.
    parseDOM: [
      { tag: 'h1', attrs: { level: 1 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } },
      { tag: 'h5', attrs: { level: 3 } },
      { tag: 'h6', attrs: { level: 3 } },
    ],
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    content: 'list_item+',
    group: 'block',
    attrs: { order: { default: 1, validate: 'number' } },
    parseDOM: [
      {
        tag: 'ol',
        getAttrs(dom) {
          const start = (dom as unknown as ElementLike).getAttribute('start');
          const order = start ? Number.parseInt(start, 10) : 1;
          return { order: Number.isFinite(order) ? order : 1 };
        },
      },
    ],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order as number }, 0]),
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  citation,
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
    leafText: () => '\n',
  },
};

// Mark order matters for Markdown: code must come last (innermost, unescaped).
const marks: Record<string, MarkSpec> = {
  link: {
    // The validator makes an unsafe link impossible in any note, however it was made (JSON, paste, command).
    attrs: { href: { validate: validateHref }, title: { default: null, validate: 'string|null' } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs(dom) {
          const el = dom as unknown as ElementLike;
          const href = el.getAttribute('href');
          // An unsafe link keeps its text and loses the link.
          return href !== null && isSafeHref(href) ? { href: href.trim(), title: el.getAttribute('title') || null } : false;
        },
      },
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string, title: mark.attrs.title as string | null, rel: 'noopener noreferrer nofollow' }, 0],
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }, { style: 'font-style=normal', clearMark: (m) => m.type.name === 'em' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole pastes in <b style="font-weight:normal">: that is not bold.
      { tag: 'b', getAttrs: (dom) => ((dom as unknown as { style?: { fontWeight?: string } }).style?.fontWeight !== 'normal' ? null : false) },
      { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value) => (/^(bold(er)?|[5-9]\d{2,})$/.test(value) ? null : false) },
    ],
    toDOM: () => ['strong', 0],
  },
  code: {
    code: true,
    parseDOM: [{ tag: 'code' }],
    toDOM: () => ['code', 0],
  },
};

export const noteSchema = new Schema({ nodes, marks });

export type NoteSchema = typeof noteSchema;
