/**
 * Export and import (issue 6): the channels' input schemas and output types, the export formats, and the byte
 * limits the renderer checks before reading a file. core/contract.ts only lists the channels.
 */
import { z } from 'zod';
import { id } from '../schemas';
// From errors.ts only: the renderer imports this file, and the importers (XML, zip, HTML parsers) stay out of its bundle.
import { MAX_ANNOTATION_FILE_BYTES, MAX_DOCUMENT_BYTES, MAX_SOURCE_BYTES } from '../import/errors';
import type { TagKind } from '../model';
import type { MessageText } from '../i18n/message-text';
import type { CodebookDiff } from '../tags/codebook-merge';

// ---------------------------------------------------------------------------------------------------------------
// Export

export const EXPORT_FORMATS = ['markdown', 'w3c', 'qdpx', 'qdc', 'csv', 'csl', 'bibtex', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What the backend writes itself; PDF is printed by the shell from the HTML report. */
export type BackendExportFormat = Exclude<ExportFormat, 'pdf'>;

export type MarkdownLayout = 'per-source' | 'combined';
/**
 * How a REFI-QDA export counts text positions (issue 16): code points, as the standard says (MAXQDA, ATLAS.ti,
 * QualCoder, Taguette), or UTF-16 code units, as NVivo reads and writes them. It depends on the tool the file is for.
 */
export const POSITION_UNITS = ['code-points', 'utf-16'] as const;
export type PositionUnit = (typeof POSITION_UNITS)[number];

export interface FormatInfo {
  label: string;
  /** One line for the dialog: what the file is for. */
  hint: string;
  /** Accepted extensions, the first one the default (no dot). */
  extensions: readonly string[];
  /** File-dialog filter name. */
  filterName: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  markdown: {
    label: 'Markdown',
    hint: 'For Obsidian and other Markdown tools: front matter, quotes with block ids, #tags, notes.',
    extensions: ['md'],
    filterName: 'Markdown',
  },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    hint: 'The open annotation standard; this app imports it back without loss.',
    extensions: ['json', 'jsonld'],
    filterName: 'W3C Web Annotation JSON',
  },
  qdpx: {
    label: 'REFI-QDA project (QDPX)',
    hint: 'For NVivo, ATLAS.ti, MAXQDA and other QDA software: sources, codes and coded passages.',
    extensions: ['qdpx'],
    filterName: 'REFI-QDA project',
  },
  qdc: {
    label: 'REFI-QDA codebook (QDC)',
    hint: 'The tags alone, as a codebook other QDA software can load.',
    extensions: ['qdc'],
    filterName: 'REFI-QDA codebook',
  },
  csv: {
    label: 'CSV spreadsheet',
    hint: 'One row per highlight and tag: source, date, tag, quote, note, ids.',
    extensions: ['csv'],
    filterName: 'CSV',
  },
  csl: {
    label: 'CSL-JSON (Zotero)',
    hint: 'The sources for Zotero and other citation managers, with their highlights as a note.',
    extensions: ['json'],
    filterName: 'CSL-JSON',
  },
  bibtex: {
    label: 'BibTeX',
    hint: 'The sources as BibTeX entries, highlights in each annote (Zotero makes it a child note).',
    extensions: ['bib'],
    filterName: 'BibTeX',
  },
  html: {
    label: 'HTML report',
    hint: 'A self-contained, printable report with highlights marked in context.',
    extensions: ['html', 'htm'],
    filterName: 'HTML',
  },
  pdf: {
    label: 'PDF report',
    hint: 'The HTML report, printed to PDF.',
    extensions: ['pdf'],
    filterName: 'PDF',
  },
};

/** Does this export write a folder (Markdown, one file per source) rather than one file? */
export const writesFolder = (format: ExportFormat, layout: MarkdownLayout | undefined): boolean =>
  format === 'markdown' && layout !== 'combined';

export const exportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notebook') }).strict(),
  z.object({ kind: z.literal('source'), sourceId: id }).strict(),
  /** Several sources chosen in the sources pane, with everything they hold (the codebook whole, as for one source). */
  z.object({ kind: z.literal('sources'), sourceIds: z.array(id).min(1, 'choose at least one source').max(100_000) }).strict(),
  z.object({ kind: z.literal('tags'), tagIds: z.array(id).min(1, 'choose at least one tag').max(10_000) }).strict(),
  // The sources of chosen collections (issue 16), with their highlights and notebooks.
  z.object({ kind: z.literal('collections'), collectionIds: z.array(id).min(1, 'choose at least one collection').max(1000) }).strict(),
]);
export type ExportScope = z.output<typeof exportScope>;

/** A path on the analyst's disk, absolute; the backend checks it (see electron/backend/exchange/paths.ts). */
export const exportPath = z.string().min(1, 'choose where to save the export').max(4096, 'the path is too long');

export const startExportInput = z
  .object({
    scope: exportScope,
    format: z.enum(EXPORT_FORMATS).exclude(['pdf']),
    path: exportPath,
    layout: z.enum(['per-source', 'combined']).optional(),
    /** REFI-QDA only: the unit of text positions; absent = the unit of the project the notebook came from. */
    positions: z.enum(POSITION_UNITS).optional(),
    /** Replace files that exist (the analyst confirmed it, or the native save dialog asked). */
    overwrite: z.boolean().optional(),
  })
  .strict();
export type StartExportInput = z.output<typeof startExportInput>;

export type ExportState = 'running' | 'done' | 'cancelled' | 'failed';
export type ExportPhase = 'reading' | 'formatting' | 'writing' | 'finished';

export interface ExportJob {
  jobId: string;
  state: ExportState;
  phase: ExportPhase;
  /** Sources read so far, of `total`. */
  done: number;
  total: number;
  /** What is happening, for the progress line: "Reading source 312 of 1,000". */
  message: string;
  /** The same as data, for the interface language. */
  messageText?: MessageText;
  /** The files written (when done). */
  paths: string[];
  counts: { sources: number; highlights: number; tags: number };
  /** What the format could not carry ("3 orphaned highlights were left out: …"). */
  warnings: string[];
  error?: string;
  /** The error as data, for the interface language. */
  errorText?: MessageText;
  /** Why it failed: the input (a scope with nothing in it, a bad destination) or the file system. */
  failure?: 'input' | 'io';
}

/** startExport: a job to poll, or the files that exist already (nothing started; ask, then start with overwrite). */
export type StartExportResult = { jobId: string; path: string; exists: [] } | { jobId: null; path: string; exists: string[] };

export interface ExportTagChoice {
  id: string;
  name: string;
  path: string;
  kind: TagKind;
  color: string;
  depth: number;
  /** Highlights carrying this tag or one of its sub-tags. */
  highlights: number;
}

/** What the export dialog offers. */
export interface ExportChoices {
  title: string;
  /** Where exports go by default (the Documents folder, else home). */
  defaultDir: string;
  pathSeparator: '/' | '\\';
  sources: number;
  highlights: number;
  tags: ExportTagChoice[];
  /** The unit a REFI-QDA export uses unless the analyst chooses: the imported project's (NVivo: UTF-16), else code points. */
  positions: PositionUnit;
}

export const reportHtmlInput = z.object({ scope: exportScope }).strict();
export interface ReportHtml {
  html: string;
  title: string;
  sources: number;
  highlights: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** Largest file of each kind the app reads; null for a type it does not import. */
export function importByteLimit(fileName: string): number | null {
  // As core/import's extensionOf: the base name's last dot, not a leading one.
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (ANNOTATION_FILE_EXTENSIONS.includes(ext)) return MAX_ANNOTATION_FILE_BYTES;
  if (DOCUMENT_FILE_EXTENSIONS.includes(ext)) return MAX_DOCUMENT_BYTES;
  return SOURCE_FILE_EXTENSIONS.includes(ext) ? MAX_SOURCE_BYTES : null;
}

/** The extensions core/import reads (a unit test keeps these equal to its tables). */
export const SOURCE_FILE_EXTENSIONS: readonly string[] = ['txt', 'text', 'md', 'markdown', 'html', 'htm'];
export const ANNOTATION_FILE_EXTENSIONS: readonly string[] = ['json', 'jsonld', 'qdpx', 'qdc'];
/** Documents the backend reads with pdf.js and mammoth. */
export const DOCUMENT_FILE_EXTENSIONS: readonly string[] = ['pdf', 'docx'];

/** Base64 text of at most `bytes` bytes. */
const base64Limit = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export const importFileInput = z
  .object({
    name: z.string().min(1, 'a file needs a name').max(1024),
    size: z.number().int().min(0),
    /**
     * The bytes, base64 (it survives Electron's structured clone and the test harness's JSON alike). Left out for a
     * file the renderer did not read (over the limit, or of a type the app does not import): the backend then says
     * why in the same words as for a file it read.
     */
    data: z.string().max(base64Limit(MAX_ANNOTATION_FILE_BYTES), 'a file is at most 500 MB').optional(),
    /** The password of a protected PDF. */
    password: z.string().max(1024, 'a password is at most 1,024 characters').optional(),
  })
  .strict();

/** An import's job id, chosen by the renderer, to follow its progress and cancel it. */
export const importJobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an import job id');

export const previewImportInput = z
  .object({
    files: z.array(importFileInput).min(1, 'choose at least one file').max(500, 'import at most 500 files at once'),
    /** Follow the reading with importProgress and stop it with cancelImport. */
    jobId: importJobId.optional(),
  })
  .strict();

/** A protected PDF of a preview opened with its password (the preview keeps the file's bytes until then). */
export const unlockImportInput = z
  .object({ previewId: id, file: z.number().int().min(0).max(499), password: z.string().min(1, 'enter the password').max(1024), jobId: importJobId.optional() })
  .strict();
export const importJobInput = z.object({ jobId: importJobId }).strict();

/** How far the reading of an import has come: file `file` of `files`, page `page` of `pages` (PDFs). */
export interface ImportProgress {
  jobId: string;
  fileName: string;
  file: number;
  files: number;
  page: number;
  pages: number;
  cancelled: boolean;
}
export type PreviewImportInput = z.output<typeof previewImportInput>;

export type ImportKind = 'source' | 'w3c' | 'qdpx' | 'qdc';

export interface ImportFilePreview {
  name: string;
  ok: boolean;
  /** Why the file cannot be imported: names the file and the problem. */
  error?: string;
  /** The same as data, for the interface language. */
  errorText?: MessageText;
  kind?: ImportKind;
  /** The source's title (a text file) or the notebook's name in the file. */
  title?: string;
  sources: number;
  highlights: number;
  /** Highlights the file gives nothing to anchor by, or whose document is not in the file: kept as orphans. */
  orphans: number;
  tags: number;
  notes: number;
  /** Sources of this file whose text is already in the notebook (or earlier in this batch). */
  duplicates: Array<{ title: string; of: string }>;
  warnings: string[];
  /** A protected PDF: 'ask' for its password, or 'wrong' when the one given did not open it (unlockImport). */
  needsPassword?: 'ask' | 'wrong';
  /** REFI-QDA: how the text positions were read (code points, or UTF-16 units as NVivo writes them) and why. */
  offsetUnit?: string;
  /** Sets and Cases of sources the file brings (they become collections). */
  collections?: Array<{ name: string; kind: 'set' | 'case'; sources: number }>;
  /** Sets of codes the file brings (ATLAS.ti code groups; they become tag groups). */
  tagGroups?: Array<{ name: string; tags: number }>;
  /** What the file's codebook does to the notebook's tags: new, renamed, in conflict. */
  codebook?: CodebookDiff;
}

export interface ImportPreview {
  previewId: string;
  files: ImportFilePreview[];
  /** Files that can be imported. */
  importable: number;
  /** Sources (over all files) whose text the notebook already has. */
  duplicates: number;
}

export const commitImportInput = z
  .object({
    previewId: id,
    /** Leave out sources already in the notebook; their highlights join the copy the notebook has. */
    skipDuplicates: z.boolean(),
  })
  .strict();

export const discardImportInput = z.object({ previewId: id }).strict();

export interface ImportSummary {
  files: number;
  sourcesAdded: number;
  /** Duplicate sources left out (their highlights went to the notebook's copy). */
  sourcesSkipped: number;
  highlightsAdded: number;
  /** Of highlightsAdded, those kept as orphans (not found in their text). */
  orphans: number;
  /** Highlights already in the notebook (same passage and tags), not added twice. */
  highlightsAlreadyThere: number;
  tagsAdded: number;
  /** Tags a codebook renamed (same GUID, another name). */
  tagsRenamed: number;
  /** Collections added or extended (from Sets and Cases). */
  collections: number;
  /** Tag groups added or given new members. */
  tagGroups: number;
  /** Tags of the file that matched a tag of the notebook (same name under the same parent). */
  tagsMatched: number;
  /** The first source added, or the first one the import touched: the app opens it. */
  firstSourceId: string | null;
  sourceIds: string[];
  warnings: string[];
  /** One sentence for the notice: "Imported 2 files: 3 sources, 120 highlights (4 orphans), 12 tags." */
  message: string;
  /** The same as data, for the interface language (core/i18n/message-text.ts). */
  summaryText: MessageText;
}

export const jobInput = z.object({ jobId: id }).strict();
