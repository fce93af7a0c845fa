/** Where a citation points in an export: a link or block reference to the cited passage. */
export interface CitationTarget {
  highlightId: string;
  sourceId: string;
  sourceTitle: string;
}

export interface NoteExportOptions {
  /** The link of a cited passage. Markdown default: an Obsidian-style block reference `#^h-<highlightId>`. */
  citationLink?(citation: CitationTarget): string;
}

export const DEFAULT_SOURCE_TITLE = 'Untitled source';

/** The quote's paragraphs: line breaks inside a passage become separate quoted paragraphs. */
export function quoteParagraphs(quote: string): string[] {
  return quote
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
