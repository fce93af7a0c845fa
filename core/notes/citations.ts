/**
 * Keeping a citation's stored attrs (last known quote, source title, tag names) in step with its highlight.
 * Pure: the app supplies the resolver. Used by the editor when it saves a note, and usable by exports that want
 * the newest quotes of a stored note.
 */
import type { CitationAttrs } from './schema';

/** The current data of a highlight, as the app knows it. */
export interface ResolvedHighlight {
  quote: string;
  sourceTitle: string;
  sourceId: string;
  tags: Array<{ name: string; color: string }>;
  deleted: boolean;
  /** Where the passage is, for the reader of the note: "EFE · 15 Oct 2021 · ¶ 4" (shown, never stored). */
  detail?: string;
  /** "p. 4" / "pp. 4–5" for a passage of a PDF (stored with the citation, so exports carry it). */
  pages?: string;
}

/** Current data of a highlight by id; null means it no longer exists. */
export type HighlightResolver = (highlightId: string) => ResolvedHighlight | null;

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * What a citation's stored attrs should be given the resolver's answer; the same object when nothing changed.
 * A deleted (or unknown) highlight keeps its last quote (`lastQuote`, default the stored one): no text is lost.
 */
export function refreshedAttrs(attrs: CitationAttrs, live: ResolvedHighlight | null, lastQuote: string = attrs.quote): CitationAttrs {
  if (!live || live.deleted) {
    const quote = lastQuote || attrs.quote;
    return attrs.deleted && quote === attrs.quote ? attrs : { ...attrs, deleted: true, quote };
  }
  const next: CitationAttrs = { ...attrs, sourceId: live.sourceId, quote: live.quote, sourceTitle: live.sourceTitle, tags: live.tags.map((t) => t.name), deleted: false };
  // Pages only where there are (or were) some: a web article's citations keep the attrs they always had.
  if (live.pages || attrs.pages) next.pages = live.pages ?? '';
  const same =
    next.sourceId === attrs.sourceId && next.quote === attrs.quote && next.sourceTitle === attrs.sourceTitle && !attrs.deleted && sameTags(next.tags, attrs.tags) && (next.pages ?? '') === (attrs.pages ?? '');
  return same ? attrs : next;
}

type JsonNode = { type?: unknown; attrs?: unknown; content?: unknown };

function normalised(attrs: Record<string, unknown>): CitationAttrs {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    highlightId: str(attrs.highlightId),
    sourceId: str(attrs.sourceId),
    quote: str(attrs.quote),
    sourceTitle: str(attrs.sourceTitle),
    tags: Array.isArray(attrs.tags) ? attrs.tags.filter((t): t is string => typeof t === 'string') : [],
    deleted: attrs.deleted === true,
    ...(typeof attrs.pages === 'string' ? { pages: attrs.pages } : {}),
  };
}

/**
 * A stored note (ProseMirror JSON) with every citation's attrs brought up to date. Copy on write: untouched parts
 * are shared, and the input is returned as is when nothing changed. Tolerates any JSON.
 */
export function refreshCitationJSON<T>(json: T, resolve: HighlightResolver, lastQuote?: (attrs: CitationAttrs) => string): T {
  const node = json as JsonNode;
  if (!node || typeof node !== 'object') return json;
  if (node.type === 'citation') {
    if (!node.attrs || typeof node.attrs !== 'object') return json;
    const attrs = normalised(node.attrs as Record<string, unknown>);
    if (!attrs.highlightId) return json;
    const next = refreshedAttrs(attrs, resolve(attrs.highlightId), lastQuote?.(attrs));
    return (next === attrs ? json : { ...node, attrs: next }) as T;
  }
  if (!Array.isArray(node.content)) return json;
  let changed = false;
  const content = node.content.map((child: unknown) => {
    // Text blocks hold no citations: their inline content is not walked.
    const type = child && typeof child === 'object' ? (child as JsonNode).type : undefined;
    if (type === 'paragraph' || type === 'heading' || type === 'text') return child;
    const next = refreshCitationJSON(child, resolve, lastQuote);
    if (next !== child) changed = true;
    return next;
  });
  return (changed ? { ...node, content } : json) as T;
}
