/**
 * The IPC contract: every channel the renderer may call, with its input and output schema.
 * The preload exposes one function per channel as window.notebook; the main process validates each input
 * against this table before calling the backend; the renderer's types come from it.
 */
import { z } from 'zod';
import type { Highlight, NoteDoc, Settings, SourceDocument, SourceSummary, Tag } from './model';
import { bilingualInputs, type BilingualPair, type LinkTranslationResult } from './bilingual/api';
import { highlightId, id, noteDoc, offset, restorableHighlight, settingsPatch, sourceText } from './schemas';
import type { IndexProgress, SearchResponse } from './search/types';
import type { AnalysisResult, CooccurrencePassage } from './analysis/types';
import { analysisOptions, cooccurrenceInput, searchInput } from './search/schemas';
import {
  commitImportInput,
  discardImportInput,
  importJobInput,
  jobInput,
  unlockImportInput,
  type ImportProgress,
  previewImportInput,
  reportHtmlInput,
  startExportInput,
  type ExportChoices,
  type ExportJob,
  type ImportPreview,
  type ImportSummary,
  type ReportHtml,
  type StartExportResult,
} from './exchange/api';
import {
  tagInputs,
  type BulkTagResult,
  type DeleteTagResult,
  type FindMentionsResult,
  type HighlightTagChange,
  type MergeTagsResult,
  type RejectionsResult,
  type RetrieveResult,
  type SuggestResult,
  type TagChangeResult,
  type TagList,
  type TagPassagesResult,
  type UndoTagResult,
} from './tags/api';
import { channelError, type ChannelError } from './errors';
import { collectionInputs, tagGroupInputs, type CollectionsResult, type TagGroupsResult } from './collections/api';
import type { SourceCollection, TagGroup } from './model';
import { statementInputs } from './statements/schemas';
import type { Statement } from './statements/model';
import type { Credibility, Reliability } from './statements/grading';
import type {
  AcceptStatementsResult,
  GroupKeysResult,
  RelatedStatements,
  SetCredibilityResult,
  SetReliabilityResult,
  SetStatementResult,
  StatementSuggestResult,
  StatementsList,
} from './statements/api';
import { syncInputs, type HistoryEntry, type JoinResult, type SyncResult, type SyncStatus } from './sync/api';
import { agreementInputs, type AdjudicateResult, type AgreementResult, type CodingState } from './agreement/api';
import { sourceInputs, type DeleteSourcesResult, type RestoreSourcesResult, type UpdateSourceMetaResult } from './sources/api';

const none = z.undefined().optional();

/** A channel's entry: its input schema, and its output type (the backend's return value, trusted). */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

export const contract = {
  listSources: channel<SourceSummary[]>()(none),
  getSource: channel<SourceDocument>()(z.object({ id }).strict()),
  // Source editing (issue 13): rename, re-date, delete with undo. Schemas and result types: core/sources/api.ts.
  /** The summaries of the named sources (those that exist), to update the list after a change without re-listing. */
  sourceSummaries: channel<SourceSummary[]>()(sourceInputs.sourceSummaries),
  /** Change a source's title, publisher or date; returns the patch that undoes it. */
  updateSourceMeta: channel<UpdateSourceMetaResult>()(sourceInputs.updateSourceMeta),
  /** Delete sources; their files are kept aside until restoreSources (undo) or until the trash is emptied. */
  deleteSources: channel<DeleteSourcesResult>()(sourceInputs.deleteSources),
  restoreSources: channel<RestoreSourcesResult>()(sourceInputs.restoreSources),
  // Source collections (issue 16): named sets of sources. Schemas and result types: core/collections/api.ts.
  listCollections: channel<SourceCollection[]>()(none),
  createCollection: channel<CollectionsResult>()(collectionInputs.createCollection),
  renameCollection: channel<CollectionsResult>()(collectionInputs.renameCollection),
  deleteCollection: channel<CollectionsResult>()(collectionInputs.deleteCollection),
  setCollectionMembers: channel<CollectionsResult>()(collectionInputs.setCollectionMembers),
  // Tag groups (issue 16): ATLAS.ti code groups and REFI-QDA Sets of codes, shown one at a time in the codebook.
  listTagGroups: channel<TagGroup[]>()(none),
  createTagGroup: channel<TagGroupsResult>()(tagGroupInputs.createTagGroup),
  renameTagGroup: channel<TagGroupsResult>()(tagGroupInputs.renameTagGroup),
  deleteTagGroup: channel<TagGroupsResult>()(tagGroupInputs.deleteTagGroup),
  setTagGroupMembers: channel<TagGroupsResult>()(tagGroupInputs.setTagGroupMembers),
  saveSourceNote: channel<{ savedAt: string }>()(z.object({ sourceId: id, doc: noteDoc }).strict()),
  getSettings: channel<Settings>()(none),
  updateSettings: channel<Settings>()(settingsPatch),
  appInfo: channel<{ version: string; dataDir: string }>()(none),
  /** What the analyst must be told on opening: files restored from backups, read-only mode. */
  startupReport: channel<{ notices: string[]; readOnly: boolean }>()(none),
  /**
   * Whether the notebook opened (issue 11). When it did not, why: the window shows the start-up failure screen with
   * the backups (listBackups and restoreBackup still answer) and, where it can work, opening read-only.
   */
  startupState: channel<StartupState>()(none),
  /** After a failed start: try to open the notebook again, read-only when asked. Answers the new state. */
  reopenNotebook: channel<StartupState>()(z.object({ readOnly: z.boolean() }).strict()),
  listBackups: channel<BackupSummary[]>()(none),
  createBackup: channel<BackupSummary>()(none),
  /** Put the notebook back as it was in a backup; the current state is kept as a backup first. */
  restoreBackup: channel<{ restored: number; before: BackupSummary }>()(z.object({ id: z.string().regex(/^[0-9A-Za-z-]{10,80}$/, 'not a backup id') }).strict()),
  /** Highlight [start, end) of a source's stored text; the backend computes the quote and context. */
  createHighlight: channel<Highlight>()(
    z.object({ sourceId: id, start: offset, end: offset, tagIds: z.array(id).max(100).optional(), id: highlightId.optional() }).strict(),
  ),
  deleteHighlight: channel<{ deleted: Highlight }>()(z.object({ sourceId: id, highlightId: id }).strict()),
  /** Put back a deleted highlight as it was (undo of delete). */
  restoreHighlight: channel<Highlight>()(z.object({ highlight: restorableHighlight }).strict()),
  setHighlightNote: channel<Highlight>()(z.object({ sourceId: id, highlightId: id, note: noteDoc.nullable() }).strict()),
  /** Re-attach an orphaned (or any) highlight to a new range of the current text. */
  reattachHighlight: channel<Highlight>()(z.object({ sourceId: id, highlightId: id, start: offset, end: offset }).strict()),
  /** Replace a source's text (an edit or a re-import): every highlight is re-anchored; what cannot be becomes an orphan. */
  updateSourceText: channel<{ source: SourceDocument; reanchored: number; orphaned: string[] }>()(
    z.object({ sourceId: id, text: sourceText }).strict(),
  ),
  /**
   * A web source's text made again from the page kept beside it: 'whole-page' (everything Readability left out) or
   * 'article'. Highlights are re-anchored as for updateSourceText.
   */
  reextractSource: channel<{ source: SourceDocument; reanchored: number; orphaned: string[] }>()(
    z.object({ sourceId: id, mode: z.enum(['whole-page', 'article']) }).strict(),
  ),
  /** The file a source was imported from (a PDF for the page view), base64. */
  sourceOriginal: channel<{ kind: string; base64: string }>()(z.object({ sourceId: id }).strict()),
  getProjectNote: channel<NoteDoc>()(none),
  /**
   * Highlights by id across the notebook (for citations of other sources; `paragraph` counts from 1; `pages` is
   * "p. 4" for a passage of a PDF); null for one that no longer exists.
   */
  resolveHighlights: channel<Record<string, ResolvedHighlightInfo | null>>()(
    z.object({ ids: z.array(highlightId).max(10_000) }).strict(),
  ),
  saveProjectNote: channel<{ savedAt: string }>()(z.object({ doc: noteDoc }).strict()),
  /**
   * Every note that cites a highlight, across the notebook (asked before deleting it): the project notebook, source
   * notebooks (`highlightId` null) and highlight notes (the citing highlight's id and quote).
   */
  notesCiting: channel<{ project: boolean; places: Array<{ sourceId: string; sourceTitle: string; highlightId: string | null; quote: string | null }> }>()(
    z.object({ highlightId }).strict(),
  ),
  // Tags (issue 4): codebook, tagging, retrieval, entity suggestions. Schemas and result types: core/tags/api.ts.
  listTags: channel<TagList>()(tagInputs.listTags),
  createTag: channel<TagChangeResult & { tag: Tag }>()(tagInputs.createTag),
  updateTag: channel<TagChangeResult & { tag: Tag }>()(tagInputs.updateTag),
  moveTag: channel<TagChangeResult & { tag: Tag }>()(tagInputs.moveTag),
  mergeTags: channel<MergeTagsResult>()(tagInputs.mergeTags),
  deleteTag: channel<DeleteTagResult>()(tagInputs.deleteTag),
  undoDeleteTag: channel<UndoTagResult>()(tagInputs.undoDeleteTag),
  undoMergeTag: channel<UndoTagResult>()(tagInputs.undoMergeTag),
  setHighlightTags: channel<HighlightTagChange>()(tagInputs.setHighlightTags),
  bulkTag: channel<BulkTagResult>()(tagInputs.bulkTag),
  retrieve: channel<RetrieveResult>()(tagInputs.retrieve),
  suggestEntities: channel<SuggestResult>()(tagInputs.suggestEntities),
  rejectSuggestion: channel<RejectionsResult>()(tagInputs.rejectSuggestion),
  unrejectSuggestion: channel<RejectionsResult>()(tagInputs.unrejectSuggestion),
  acceptSuggestions: channel<TagPassagesResult>()(tagInputs.acceptSuggestions),
  findMentions: channel<FindMentionsResult>()(tagInputs.findMentions),
  tagPassages: channel<TagPassagesResult>()(tagInputs.tagPassages),
  pinTag: channel<Settings>()(tagInputs.pinTag),
  // Export and import (issue 6). Schemas and result types: core/exchange/api.ts.
  exportChoices: channel<ExportChoices>()(none),
  /** Start an export job (or learn that the destination exists); poll exportProgress, stop with cancelExport. */
  startExport: channel<StartExportResult>()(startExportInput),
  exportProgress: channel<ExportJob>()(jobInput),
  cancelExport: channel<ExportJob>()(jobInput),
  /** The HTML report of a scope: the shell prints it to PDF. */
  exportReportHtml: channel<ReportHtml>()(reportHtmlInput),
  /** Read and check files (base64); changes nothing. Then commitImport (or discardImport) with the preview's id. */
  previewImport: channel<ImportPreview>()(previewImportInput),
  commitImport: channel<ImportSummary>()(commitImportInput),
  discardImport: channel<{ discarded: boolean }>()(discardImportInput),
  /** A protected PDF of a preview, read again with its password; the preview as it now is. */
  unlockImport: channel<ImportPreview>()(unlockImportInput),
  /** How far a preview's reading has come (pages of a long PDF); null when the job is not running. */
  importProgress: channel<ImportProgress | null>()(importJobInput),
  /** Stop a preview's reading: it ends with an error and nothing is kept. */
  cancelImport: channel<{ cancelled: boolean }>()(importJobInput),
  // Search and analysis (issue 7): one index over source texts, highlight quotes and notes; numbers over the coding.
  /** Full-text search with facets; results grouped by kind, each with a marked snippet and where to open it. */
  search: channel<SearchResponse>()(searchInput),
  /** How far the index is loaded or built ("indexing, N%"); answers at once. */
  searchStatus: channel<IndexProgress>()(none),
  /** Every analysis number at once (frequency, tags per source, co-occurrence, entity x theme, timeline). */
  analysis: channel<AnalysisResult>()(analysisOptions.optional()),
  /** The passages (paragraphs) where two tags co-occur. */
  // Bilingual reading (issue 18): core/bilingual/api.ts.
  linkTranslation: channel<LinkTranslationResult>()(bilingualInputs.linkTranslation),
  bilingualPair: channel<BilingualPair | null>()(bilingualInputs.bilingualPair),
  cooccurrencePassages: channel<{ passages: CooccurrencePassage[]; total: number }>()(cooccurrenceInput),
  // Statements and grading (issue 17). Schemas: core/statements/schemas.ts; result types: core/statements/api.ts.
  /** Mark a highlight a statement (speaker, date said, occasion, mode), change it, or (null) make it plain again. */
  setStatement: channel<SetStatementResult>()(statementInputs.setStatement),
  /** A highlight's credibility 1–6 (NATO/Admiralty), or null for ungraded. */
  setCredibility: channel<SetCredibilityResult>()(statementInputs.setCredibility),
  /** A source's reliability A–F (NATO/Admiralty), or null for ungraded. */
  setSourceReliability: channel<SetReliabilityResult>()(statementInputs.setSourceReliability),
  /** Attribution suggestions for a source: quoted and reported statements with speaker, date and mode. */
  suggestStatements: channel<StatementSuggestResult>()(statementInputs.suggestStatements),
  acceptStatementSuggestions: channel<AcceptStatementsResult>()(statementInputs.acceptStatementSuggestions),
  rejectStatementSuggestion: channel<{ rejected: string[] }>()(statementInputs.rejectStatementSuggestion),
  /** Every statement of the notebook with its group (the same claim across sources). */
  listStatements: channel<StatementsList>()(statementInputs.listStatements),
  /** Statements of the same speaker that say something close, outside this one's group. */
  relatedStatements: channel<RelatedStatements>()(statementInputs.relatedStatements),
  mergeStatements: channel<GroupKeysResult>()(statementInputs.mergeStatements),
  splitStatements: channel<GroupKeysResult>()(statementInputs.splitStatements),
  restoreGroupKeys: channel<GroupKeysResult>()(statementInputs.restoreGroupKeys),
  // Sharing a notebook through git (issue 19): schemas and result types in core/sync/api.ts.
  syncStatus: channel<SyncStatus>()(none),
  /** Make the notebook a git repository (if it is not one), set its remote and token, and sync. */
  shareNotebook: channel<SyncResult>()(syncInputs.shareNotebook),
  /** Commit local changes, fetch, merge by meaning, push. */
  syncNotebook: channel<SyncResult>()(none),
  /** Clone a shared notebook into a new empty folder and open it there. */
  joinNotebook: channel<JoinResult>()(syncInputs.joinNotebook),
  /** Who changed what, when: the notebook's history, or one source's. */
  notebookHistory: channel<HistoryEntry[]>()(syncInputs.notebookHistory),
  /** Put back a source as it was in an earlier version, as a new change. */
  restoreSourceVersion: channel<{ highlights: number }>()(syncInputs.restoreSourceVersion),
  setAutoSync: channel<SyncStatus>()(syncInputs.setAutoSync),
  // Who did what, blind double-coding and agreement (issue 19). Schemas and result types: core/agreement/api.ts.
  /** The coding setup (assignments, blind), the analyst's name and the coders who have made highlights. */
  getCoding: channel<CodingState>()(none),
  /** Set who codes which sources with which codes, and whether coding is blind; submissions of unchanged assignments stay. */
  setCoding: channel<CodingState>()(agreementInputs.setCoding),
  /** Mark the analyst's coding of their assigned sources submitted: others can see it and compare it. */
  submitCoding: channel<CodingState>()(none),
  /** Agreement between coders per code and overall, and the passages where they differ. */
  computeAgreement: channel<AgreementResult>()(agreementInputs.computeAgreement),
  /** Settle one disagreement: keep coder A's passages, B's, both or neither, as highlights of the merged reading. */
  adjudicate: channel<AdjudicateResult>()(agreementInputs.adjudicate),
  /** Take a decision back: its merged-reading highlights go (undo of adjudicate). */
  undoAdjudication: channel<{ removed: string[] }>()(agreementInputs.undoAdjudication),
} as const;

/** A highlight found by resolveHighlights: enough to show a citation of it. */
export interface ResolvedHighlightInfo {
  sourceId: string;
  sourceTitle: string;
  quote: string;
  tagIds: string[];
  /** The paragraph the passage starts in, counting from 1. */
  paragraph: number;
  /** PDF sources: "4" or "4–5", for "p. 4" / "pp. 4–5" in citations. */
  pages?: string;
  statement?: Statement;
  credibility?: Credibility;
  reliability?: Reliability;
}

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

/** A backup of the notebook, as listed to the analyst. */
export type StartupState =
  | { failed: false; readOnly: boolean }
  | {
      failed: true;
      /** What failed, in the words the analyst is shown. */
      message: string;
      dataDir: string;
      /** Opening read-only could work (the failure was not in reading the notebook itself). */
      canOpenReadOnly: boolean;
    };

export interface BackupSummary {
  id: string;
  kind: 'hourly' | 'daily' | 'manual' | 'before-restore';
  createdAt: string;
  files: number;
  bytes: number;
}

/** What every call returns across the boundary: errors travel as data, `{ code, message, details? }` (core/errors.ts). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ChannelError };

/** The API the preload exposes as window.notebook: one function per channel. */
export type NotebookApi = {
  [C in Channel]: (input?: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

/** Validate a channel's input; returns a readable message naming what is wrong. */
export function parseInput<C extends Channel>(
  name: C,
  input: unknown,
): { ok: true; value: z.output<Contract[C]['input']> } | { ok: false; error: ChannelError } {
  if (!isChannel(name)) return { ok: false, error: unknownChannel(name) };
  const entry = contract[name];
  const result = entry.input.safeParse(input);
  if (result.success) return { ok: true, value: result.data as z.output<Contract[C]['input']> };
  // Zod builds its messages lazily, from the input: a hostile input (an own "constructor" property) can make that
  // throw. The input is refused either way; the message then names no detail.
  let issue: { path: PropertyKey[]; message: string } | undefined;
  try {
    issue = result.error.issues[0];
  } catch {
    issue = undefined;
  }
  const where = issue && issue.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
  // A message may quote the input ("received xxxx…"): bounded, so a 6 MB string is not echoed back.
  const message = issue?.message ?? 'malformed';
  const bounded = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return { ok: false, error: channelError('invalid-input', `Invalid input for ${String(name)}: ${bounded}${where.slice(0, 200)}.`) };
}

/** The answer to a channel name that is not in the contract (bounded: the name is the caller's). */
export const unknownChannel = (name: unknown): ChannelError => channelError('unknown-channel', `Unknown channel "${String(name).slice(0, 80)}".`);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
