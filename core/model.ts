/** The domain model of the notebook. Pure types and constants: no I/O. */
import type { Statement } from './statements/model';
import type { Credibility, Reliability } from './statements/grading';

export const SCHEMA_VERSION = 2;

/** A ProseMirror document stored as JSON. The editor module owns its schema. */
export interface NoteDoc {
  type: 'doc';
  content?: unknown[];
  [key: string]: unknown;
}

export const EMPTY_DOC: NoteDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Metadata of a source; its text lives in the source's own file. */
export interface SourceMeta {
  id: string;
  title: string;
  publisher: string;
  /** Publication date, ISO yyyy-mm-dd, or '' when unknown. */
  date: string;
  originalFile: string;
  /** SHA-256 of the text, hex: detects duplicate imports. */
  contentHash: string;
  addedAt: string;
  /** Character ranges [start, end) that are page furniture (menus, ratings, share links): shown dimmed. */
  furniture: Array<[number, number]>;
  /** What the source was imported from (absent: a text file or a bundled article). */
  kind?: DocumentKind;
  /** Authors, as the document names them. */
  authors?: string[];
  /** The article's address (canonical URL), http(s). */
  url?: string;
  /** BCP 47 language tag ("ru", "en-gb"), as the document states it or as guessed from its letters. */
  language?: string;
  /** Writing direction of the text; the reader sets it on the article. */
  dir?: 'ltr' | 'rtl';
  /** PDF sources: the offset in the text where each page starts (page 1 first). */
  pageStarts?: number[];
  /** A web source showing the whole page's text rather than the article Readability found. */
  wholePage?: boolean;
  /** The source this one is a translation or the original of (issue 18): both name each other. */
  pairedWith?: string;
  /** The imported file as it came (a PDF, a web page, a Word file), kept in the notebook folder: its path there. */
  original?: string;
  /** The source's GUID in the QDA project it came from (REFI-QDA), written back on export (issue 16). */
  guid?: string;
  /** The GUID of the QDA user who created it (REFI-QDA `creatingUser`). */
  creatingUser?: string;
  /** Attributes (REFI-QDA document variables, MAXQDA document variables, NVivo attributes): name -> value. */
  variables?: Record<string, string>;
  /** The source's reliability, NATO/Admiralty A–F (issue 17); absent: not graded. */
  reliability?: Reliability;
}

export type DocumentKind = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** What the source list shows of a source without reading its file; the catalog keeps it exact on every write. */
export interface SourceCounts {
  highlightCount: number;
  orphanCount: number;
  charCount: number;
}

/**
 * A source as the list gets it: its metadata without what only the reader (furniture ranges, page starts, fetched with
 * the source) and the storage (content hash) use, which at 50,000 sources would make the list a third larger.
 */
export type ListedSourceMeta = Omit<SourceMeta, 'furniture' | 'contentHash' | 'pageStarts'>;

export interface SourceSummary extends ListedSourceMeta, SourceCounts {}

/** The list's entry of a source: its listed metadata and its counts. */
export function summaryOf(meta: SourceMeta, counts: SourceCounts): SourceSummary {
  const { furniture: _furniture, contentHash: _hash, pageStarts: _pages, ...listed } = meta;
  return { ...listed, ...counts };
}

export function countSource(file: { text: string; highlights: ReadonlyArray<{ orphan: boolean }> }): SourceCounts {
  let orphans = 0;
  for (const h of file.highlights) if (h.orphan) orphans++;
  return { highlightCount: file.highlights.length - orphans, orphanCount: orphans, charCount: file.text.length };
}

/** W3C TextQuoteSelector fields: the quote with up to 32 characters of context each side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Highlight {
  id: string;
  sourceId: string;
  /** TextPositionSelector over the stored text, in UTF-16 code units, never splitting a surrogate pair. */
  start: number;
  end: number;
  quote: TextQuote;
  tagIds: string[];
  /** The highlight's own note (ProseMirror JSON), or null. */
  note: NoteDoc | null;
  /** True when the highlight could not be anchored in the current text: kept, never deleted. */
  orphan: boolean;
  createdAt: string;
  modifiedAt: string;
  /** REFI-QDA round trip: the selection's GUID, its creating user's GUID, and each coding's GUID by tag id. */
  guid?: string;
  creatingUser?: string;
  codingGuids?: Record<string, string>;
  /** Who said this, when and how (issue 17); absent: a plain highlight. */
  statement?: Statement;
  /** The passage's credibility, NATO/Admiralty 1–6 (issue 17); absent: not graded. */
  credibility?: Credibility;
  /** Who made it and who changed it last (issue 19): analyst names, set by the backend; absent in older notebooks. */
  creator?: string;
  lastEditor?: string;
}

/** One source: its text, highlights and notebook. A save rewrites this file only. */
export interface SourceFile {
  schemaVersion: number;
  id: string;
  text: string;
  highlights: Highlight[];
  note: NoteDoc;
  /** Who last saved the source's notebook, and when (issue 19). */
  noteEditedBy?: string;
  noteEditedAt?: string;
  /**
   * Entity suggestions the analyst rejected for this source: mention keys and entity keys. Optional, so files
   * written before it existed (schema 1) read as they are; absent means none.
   */
  rejectedSuggestions?: RejectedSuggestions;
  /** Attribution suggestions the analyst rejected for this source (issue 17): their keys. Optional like the above. */
  rejectedStatements?: string[];
}

export interface RejectedSuggestions {
  keys: string[];
  entityKeys: string[];
}

export interface SourceDocument {
  meta: SourceMeta;
  text: string;
  highlights: Highlight[];
  note: NoteDoc;
  /** Who last saved the source's notebook, and when (issue 19); absent before. */
  noteEditedBy?: string;
  noteEditedAt?: string;
}

export type FontFamily = 'serif' | 'sans';

export interface ReaderSettings {
  fontSize: number;
  lineWidth: number;
  fontFamily: FontFamily;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Settings {
  reader: ReaderSettings;
  lastSourceId: string | null;
  window: WindowBounds | null;
  /** Reading position per source: the text offset of the first paragraph in view (survives font and width changes). */
  readingPositions: Record<string, number>;
  /** Tags behind the number keys 1–9, in order (then the most recent fill the rest). */
  pinnedTagIds: string[];
  /** Tags most recently applied to a highlight, most recent first (capped). */
  recentTagIds: string[];
  /** Names match across scripts through transliteration (Шойгу = Shoigu). Absent in older notebooks: on. */
  translitMatching?: boolean;
  /** The language of menus, labels and messages. Absent in older notebooks: English. */
  interfaceLanguage?: 'en' | 'ru';
  /** The analyst's name (issue 19): recorded as the creator and last editor of what they make. Absent: not set yet. */
  analystName?: string;
  /** Every name analysts have set in this notebook, for the coder lists (issue 19). */
  analysts?: string[];
}

export const FONT_SIZE = { min: 12, max: 28, step: 1, default: 18 } as const;
export const LINE_WIDTH = { min: 40, max: 100, step: 5, default: 68 } as const;

export const DEFAULT_SETTINGS: Settings = {
  reader: { fontSize: FONT_SIZE.default, lineWidth: LINE_WIDTH.default, fontFamily: 'serif' },
  lastSourceId: null,
  window: null,
  readingPositions: {},
  pinnedTagIds: [],
  recentTagIds: [],
};

export const DEFAULT_HIGHLIGHT_COLOR = '#f5d24a';

export const TAG_KINDS = ['person', 'organisation', 'place', 'group', 'theme', 'other'] as const;
export type TagKind = (typeof TAG_KINDS)[number];
/** The kinds of tag that name an entity (someone or something that acts or is acted on), as opposed to a theme. */
export const ENTITY_KINDS = ['person', 'organisation', 'place', 'group'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const isEntityKind = (kind: string): kind is EntityKind => (ENTITY_KINDS as readonly string[]).includes(kind);

/** A code of the codebook: an entity (person, organisation, place, group) or a theme. */
export interface Tag {
  id: string;
  name: string;
  kind: TagKind;
  /** #rrggbb */
  color: string;
  /** Parent tag id (a tree), or null at the top. Names are unique among siblings. */
  parentId: string | null;
  description: string;
  aliases: string[];
  createdAt: string;
  /** The code's GUID in the QDA project or codebook it came from, written back on export. */
  guid?: string;
  /** REFI-QDA `isCodable`: false for a code that only groups others (absent: true). */
  isCodable?: boolean;
  /** false: this tag's names match only as spelled (no transliteration across scripts). Absent: follow the setting. */
  translit?: boolean;
  /** Who made the tag and who changed it last, and when (issue 19); absent in older notebooks. */
  creator?: string;
  lastEditor?: string;
  modifiedAt?: string;
}

/**
 * A named set of sources (issue 16): MAXQDA document sets and REFI-QDA Sets of sources come in as collections and go
 * back out as Sets; a REFI-QDA Case (a set of sources with its own attributes) is a collection of kind 'case'.
 * Usable as a filter in search, retrieval, analysis and export.
 */
export interface SourceCollection {
  id: string;
  name: string;
  sourceIds: string[];
  /** 'set' (default) or 'case' (REFI-QDA Cases: they carry variables). */
  kind?: 'set' | 'case';
  description?: string;
  /** Case attributes: name -> value. */
  variables?: Record<string, string>;
  /** The Set's or Case's GUID in the project it came from. */
  guid?: string;
}

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/**
 * A named group of tags (issue 16): ATLAS.ti code groups and REFI-QDA Sets of codes come in as tag groups and go
 * back out as Sets with their GUIDs. The codebook can show one group at a time.
 */
export interface TagGroup {
  id: string;
  name: string;
  tagIds: string[];
  description?: string;
  /** The Set's GUID in the project or codebook it came from. */
  guid?: string;
}

/** A variable (attribute) the project defines: its type and GUID travel back to the QDA tool. */
export interface VariableDef {
  name: string;
  type: VariableType;
  guid?: string;
  description?: string;
}

/** A QDA user (REFI-QDA `User`). */
export interface QdaUser {
  guid: string;
  name: string;
}

/** What a REFI-QDA project said about itself, kept so an export back gives the tool what it gave (issue 16). */
export interface ProjectIdentity {
  name?: string;
  origin?: string;
  creatingUser?: string;
  createdAt?: string;
  users?: QdaUser[];
  variables?: VariableDef[];
  /** The unit the project's text positions came in; a QDPX export writes them back in it (NVivo: UTF-16 units). */
  offsetUnit?: 'code-points' | 'utf-16';
}

/** Everything of a notebook that exports need, in one read-only value. */
export interface NotebookSnapshot {
  title: string;
  exportedAt: string;
  tags: Tag[];
  sources: Array<{
    meta: SourceMeta;
    text: string;
    highlights: Highlight[];
    note: NoteDoc;
    /** The file the source came from (a PDF), when the export should carry it (REFI-QDA's PDFSource). */
    original?: Uint8Array;
  }>;
  projectNote: NoteDoc;
  /** Collections of the sources in the snapshot (members outside it left out). */
  collections?: SourceCollection[];
  /** Groups of the tags in the snapshot (members outside it left out). */
  tagGroups?: TagGroup[];
  /** The project's identity from the QDA project it came from. */
  project?: ProjectIdentity;
}
