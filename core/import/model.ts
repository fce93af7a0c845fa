import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DocumentKind, NoteDoc, ProjectIdentity, Tag, TextQuote } from '../model';

/**
 * What every import produces: plain data for the backend to add to a notebook. Nothing here is stored yet, and
 * highlights are not yet anchored: the backend runs core/anchoring over each one (quote + position) against its
 * source's text, and whatever cannot be anchored is kept as an orphan.
 *
 * Ids: taken from the file where the file carries ours (our own W3C export), otherwise derived deterministically
 * from the file's identifiers (GUIDs, IRIs), so importing the same file twice gives the same ids and the backend can
 * spot what it already has. References between the parts use these ids: a highlight's `sourceRef` is an
 * ImportedSource's `id`, its `tagIds` are ImportedNotebook.tags ids, a tag's `parentId` another tag's id.
 * The backend should re-key on collision with ids already in the notebook.
 */
export interface ImportedNotebook {
  format: 'text' | 'w3c' | 'qdpx' | 'qdc';
  fileName: string;
  /** The notebook's or project's name in the file, or '' when it has none. */
  title: string;
  sources: ImportedSource[];
  /** The codebook: full Tags (name, kind, colour #rrggbb, tree through parentId, description, aliases). */
  tags: Tag[];
  highlights: ImportedHighlight[];
  /** The project notebook, or null when the file has none. */
  projectNote: NoteDoc | null;
  /**
   * Highlights whose source is not in the file (a W3C export of another tool targets web pages by IRI): these
   * `sourceRef`s are the target IRIs; the backend may match them to sources it has (by original file or URL) or
   * report them. Empty for our own exports.
   */
  missingSources: string[];
  /** Things skipped or guessed, for the import summary ("2 PDF sources skipped: only text sources are supported"). */
  warnings: string[];
  /** Sets and Cases of sources (MAXQDA document sets, REFI-QDA Cases): `sourceRefs` are ImportedSource ids. */
  collections?: ImportedCollection[];
  /** Sets of codes (ATLAS.ti code groups): `tagRefs` are ids of this file's tags. */
  tagGroups?: ImportedTagGroup[];
  /** What a REFI-QDA project says about itself (name, origin, users, variable definitions). */
  project?: ProjectIdentity;
  /** How the file's text positions were read (REFI-QDA: code points, or UTF-16 units as NVivo writes them), for the summary. */
  offsetUnit?: string;
}

export interface ImportedCollection {
  name: string;
  kind: 'set' | 'case';
  sourceRefs: string[];
  description?: string;
  variables?: Record<string, string>;
  guid?: string;
}

export interface ImportedTagGroup {
  name: string;
  tagRefs: string[];
  description?: string;
  guid?: string;
}

export interface ImportedSource {
  id: string;
  title: string;
  publisher: string;
  /** ISO yyyy-mm-dd or ''. */
  date: string;
  /** The file name the text came from (for text imports, the imported file itself). */
  originalFile: string;
  text: string;
  /** SHA-256 of the text's UTF-8 bytes, hex: equal to SourceMeta.contentHash of a source with the same text. */
  contentHash: string;
  /** The source's notebook, or null. */
  note: NoteDoc | null;
  /** When the source was added, if the file says (ISO date-time); else the backend uses the import time. */
  addedAt: string | null;
  /** Page-furniture ranges when the file carries them (our own W3C export); else the backend detects them. */
  furniture: Array<[number, number]> | null;
  /** Facts of a document source (web page, PDF, Word file): see SourceMeta. */
  document?: DocumentFacts;
  /** REFI-QDA identity and attributes: see SourceMeta. */
  guid?: string;
  creatingUser?: string;
  variables?: Record<string, string>;
}

/** What a document import knows beyond title, publisher and date; copied into SourceMeta as it is. */
export interface DocumentFacts {
  kind: DocumentKind;
  authors?: string[];
  url?: string;
  language?: string;
  dir?: 'ltr' | 'rtl';
  pageStarts?: number[];
  /** The file's bytes, kept in the notebook as the original (PDF for the page view, HTML for "Show the whole page"). */
  original?: { bytes: Uint8Array; extension: string };
}

/** A highlight to anchor: compatible with core/anchoring's AnchorableHighlight (id, start, end, quote). */
export interface ImportedHighlight {
  id: string;
  /** ImportedSource.id, or a target IRI listed in ImportedNotebook.missingSources. */
  sourceRef: string;
  /** UTF-16 offsets into the source text as the file gives them (converted from code points); a hint for anchoring. */
  start: number;
  end: number;
  /** The passage with context; when the file has only positions (REFI-QDA) it is read from the text there. */
  quote: TextQuote;
  tagIds: string[];
  note: NoteDoc | null;
  /** True when the file gives nothing to anchor by (no quote and no usable position): store it as an orphan. */
  unanchorable: boolean;
  createdAt: string;
  modifiedAt: string;
  /** REFI-QDA identity: the selection's GUID, its creator's, and each coding's GUID by (imported) tag id. */
  guid?: string;
  creatingUser?: string;
  codingGuids?: Record<string, string>;
  /** Who made it and who changed it last, by name (W3C `creator`; QDPX users of creatingUser / modifyingUser). */
  creator?: string;
  lastEditor?: string;
}

/** Turns note text from a file into a note document. Pass the notes module's Markdown parser for rich notes. */
export interface NoteParser {
  fromMarkdown(markdown: string): NoteDoc;
  fromPlainText(text: string): NoteDoc;
}

/**
 * The fallback NoteParser: paragraphs split at blank lines, single line breaks as hard breaks, and the text kept as
 * it is (Markdown syntax included, so nothing is lost). The notes module's parser restores formatting.
 */
export const plainNoteParser: NoteParser = {
  fromMarkdown: (md) => noteFromPlainText(md),
  fromPlainText: (text) => noteFromPlainText(text),
};

/** Plain text as a note: paragraphs at blank lines, line breaks kept as hard breaks, nothing read as markup. */
export function noteFromPlainText(text: string): NoteDoc {
  if (!/[\n\r]/.test(text)) {
    return { type: 'doc', content: [text.trim() ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }] };
  }
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: paragraphs.map((p) => {
      const content: unknown[] = [];
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hard_break' });
        if (line) content.push({ type: 'text', text: line });
      });
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }),
  };
}

/** SHA-256 of the text's UTF-8 bytes, hex (as the backend's content hash). */
export function contentHash(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

export interface ImportOptions {
  /** Turns notes into documents; default plainNoteParser. */
  notes?: NoteParser;
  /**
   * SHA-256 hex of a text's UTF-8 bytes; default contentHash (pure JS). The backend may pass node:crypto's, which
   * is several times faster on a thousand sources.
   */
  hash?: (text: string) => string;
  /** The time to stamp on things the file gives no time for (ISO). Default: now. */
  now?: string;
}
