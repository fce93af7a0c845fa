import type { Highlight, NoteDoc, Tag } from '../model';
import { hash128 } from '../hash';

/**
 * Helpers shared by the export and import formats: note formatting, stable GUIDs, offsets in code points,
 * tag paths, reading order and escaping. Pure.
 */

/** A citation inside a note: a link to one highlight of a source. */
export interface Citation {
  highlightId: string;
  sourceId: string;
  sourceTitle: string;
}

/**
 * Turns note documents (ProseMirror JSON) into text. The notes module (core/notes/markdown.ts) provides the real one;
 * formats take it as a parameter so that they do not depend on the editor's schema.
 * `citationLink` returns the link target (href) a citation points to; the formatter writes the link around it.
 */
export interface NoteFormatter {
  toMarkdown(doc: NoteDoc, citationLink?: (c: Citation) => string): string;
  toPlainText(doc: NoteDoc): string;
  toHtml(doc: NoteDoc): string;
}

/** The app's name as it appears in exported files (generator, origin). */
export const APP_NAME = 'Research Notebook';

// ---------------------------------------------------------------------------------------------------------------
// Stable GUIDs

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number): string => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
const hex4 = (n: number): string => HEX[(n >>> 8) & 255] + HEX[n & 255];

/**
 * A GUID (8-4-4-4-12 lowercase hex, RFC 9562 version 8 "custom", variant 10) derived from a kind and one of our ids:
 * the same notebook exports the same GUIDs every time, so re-exports diff cleanly and re-imports are recognisable.
 */
export function stableGuid(kind: string, ...ids: string[]): string {
  const [a, b, c, d] = hash128(ids.length === 1 ? `${kind}\u0000${ids[0]}` : `${kind}\u0000${ids.join('\u0000')}`);
  const version = ((b & 0x0fff) | 0x8000) >>> 0;
  const variant = (((c >>> 16) & 0x3fff) | 0x8000) >>> 0;
  return `${hex8(a)}-${hex4(b >>> 16)}-${hex4(version)}-${hex4(variant)}-${hex4(c)}${hex8(d)}`;
}

/** A short id for things imported from a file (`h-` + 12 hex), derived from the file's own identifier. */
export function derivedId(prefix: string, externalId: string): string {
  const [a, b] = hash128(externalId);
  return `${prefix}-${hex8(a)}${hex8(b).slice(0, 4)}`;
}

export const GUID_PATTERN = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

// ---------------------------------------------------------------------------------------------------------------
// Offsets: our model counts UTF-16 code units; REFI-QDA and W3C count Unicode code points.

/**
 * Converts offsets of one text between UTF-16 code units and code points in O(log n) each, after one scan for
 * astral characters (emoji and the like, the only ones that take two code units). Texts without any convert free.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the first half of every surrogate pair, ascending; null when there are none. */
  private readonly pairs: number[] | null;
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.pairs = null;
      this.codePointLength = text.length;
      return;
    }
    const pairs: number[] = [];
    const re = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) pairs.push(m.index);
    this.pairs = pairs;
    this.codePointLength = text.length - pairs.length;
  }

  /** The code point offset of a UTF-16 offset (one inside a pair counts as after it). */
  toCodePoint(utf16: number): number {
    const p = this.pairs;
    if (!p) return utf16;
    // Pairs that start before utf16 each take one unit more than one code point.
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid] < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  }

  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    const p = this.pairs;
    if (!p) return codePoint;
    // The i-th pair sits at code point p[i] - i; count the pairs before codePoint.
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid] - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tags and highlights

/** Each tag's names from the root of the tag tree down to it. A broken parent link (or a cycle) ends the path. */
export function tagNamePaths(tags: readonly Tag[]): Map<string, string[]> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = new Map<string, string[]>();
  const pathOf = (tag: Tag, seen: Set<string>): string[] => {
    const known = out.get(tag.id);
    if (known) return known;
    const parent = tag.parentId ? byId.get(tag.parentId) : undefined;
    seen.add(tag.id);
    const path = parent && !seen.has(parent.id) ? [...pathOf(parent, seen), tag.name] : [tag.name];
    out.set(tag.id, path);
    return path;
  };
  for (const t of tags) pathOf(t, new Set());
  return out;
}

/** Tags in tree order: each parent before its children, siblings in the order given. */
export function tagsInTreeOrder(tags: readonly Tag[]): Array<{ tag: Tag; depth: number }> {
  const ids = new Set(tags.map((t) => t.id));
  const children = new Map<string | null, Tag[]>();
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) && t.parentId !== t.id ? t.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(t);
    children.set(parent, list);
  }
  const out: Array<{ tag: Tag; depth: number }> = [];
  const seen = new Set<string>();
  // Depth first, in sibling order, with an explicit stack: a codebook of any depth cannot overflow the call stack.
  const walk = (parent: string | null, depth: number): void => {
    const stack: Array<{ tag: Tag; depth: number }> = [];
    const pushChildren = (id: string | null, d: number): void => {
      const list = children.get(id) ?? [];
      for (let i = list.length - 1; i >= 0; i--) stack.push({ tag: list[i], depth: d });
    };
    pushChildren(parent, depth);
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next.tag.id)) continue;
      seen.add(next.tag.id);
      out.push(next);
      pushChildren(next.tag.id, next.depth + 1);
    }
  };
  walk(null, 0);
  // Tags caught in a parent cycle are unreachable from the top: list them at the top level.
  for (const t of tags) {
    if (!seen.has(t.id)) {
      seen.add(t.id);
      out.push({ tag: t, depth: 0 });
      walk(t.id, 1);
    }
  }
  return out;
}

/** Highlights in reading order: anchored ones by position (then longest first), orphans after them. */
export function inReadingOrder<H extends Pick<Highlight, 'start' | 'end' | 'orphan'>>(highlights: readonly H[]): H[] {
  return [...highlights].sort((a, b) => {
    if (a.orphan !== b.orphan) return a.orphan ? 1 : -1;
    return a.start - b.start || b.end - a.end;
  });
}

/** The note as plain text, or '' for an absent note. */
export function plainNote(formatter: NoteFormatter, note: NoteDoc | null | undefined): string {
  return note ? formatter.toPlainText(note).trim() : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Escaping

const XML_TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_ATTR_SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text content for XML 1.0. Characters XML cannot carry (most C0 controls) are dropped. */
export function xmlText(s: string): string {
  if (!XML_TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => XML_ESCAPES[c] ?? '');
}

/** Escapes an attribute value for XML 1.0; tabs and line breaks become references so parsers keep them. */
export function xmlAttr(s: string): string {
  if (!XML_ATTR_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => XML_ESCAPES[c] ?? '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : s;
}

/** A date-time string is valid xsd:dateTime and ISO 8601 (what W3C `created` and QDA `creationDateTime` need). */
export function isIsoDateTime(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s);
}

/** An ISO date (yyyy-mm-dd) that exists in the calendar. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/**
 * Collects text as UTF-8 bytes in a growing buffer, a few kilobytes at a time. Large exports (tens of megabytes)
 * never exist as one JavaScript string, which keeps the garbage collector out of the way: written pieces die young.
 */
export class Utf8Sink {
  private static readonly encoder = new TextEncoder();
  private buf: Uint8Array;
  private len = 0;
  private pending = '';

  constructor(initialBytes = 1 << 20) {
    this.buf = new Uint8Array(initialBytes);
  }

  write(s: string): void {
    this.pending += s;
    if (this.pending.length >= 32_768) this.flush();
  }

  private flush(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = '';
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const need = this.len + s.length * 3;
    if (need > this.buf.length) {
      const next = new Uint8Array(Math.max(need, this.buf.length * 2));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.len += Utf8Sink.encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  /** The bytes written so far: a view of the buffer (no copy of a large export). */
  bytes(): Uint8Array {
    this.flush();
    return this.buf.subarray(0, this.len);
  }
}
