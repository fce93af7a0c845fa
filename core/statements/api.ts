/** Result types of the statement channels (issue 17); inputs are in ./schemas.ts. */
import type { Highlight, SourceSummary, Tag } from '../model';
import type { AttributionSuggestion } from './attribution';
import type { Credibility, Reliability } from './grading';
import type { Statement, StatementRow } from './model';

export interface SetStatementResult {
  highlight: Highlight;
  /** The statement it replaced (null: it was a plain highlight): setStatement with it undoes the change. */
  undo: Statement | null;
}

export interface SetCredibilityResult {
  highlight: Highlight;
  undo: Credibility | null;
}

export interface SetReliabilityResult {
  source: SourceSummary;
  undo: Reliability | null;
}

export interface StatementSuggestion extends AttributionSuggestion {
  /** The codebook's tag for the speaker, when it has one (by name or alias). */
  speakerTagId?: string;
}

export interface StatementSuggestResult {
  sourceId: string;
  suggestions: StatementSuggestion[];
  rejected: number;
}

export interface AcceptStatementsResult {
  /** New highlights, and existing ones over the same range that became statements. */
  highlights: Highlight[];
  /** Ids of the highlights made new (undo deletes them). */
  createdIds: string[];
  createdTags: Tag[];
  tags: Tag[];
}

export interface StatementGroupSummary {
  id: string;
  /** "G1", "G2" … in order of first report: the label exports and the view show. */
  label: string;
  speakerName: string;
  /** Members, first report first. */
  members: Array<{ sourceId: string; highlightId: string }>;
  outlets: number;
  firstReport: string;
  latestReport: string;
  manual: boolean;
}

export interface StatementsList {
  rows: StatementRow[];
  /** Groups of more than one statement. */
  groups: StatementGroupSummary[];
  /** Statements per source. */
  counts: Record<string, number>;
}

export interface GroupKeysResult {
  /** The hand-chosen keys the change replaced: restoreGroupKeys with them undoes it. */
  undo: Array<{ sourceId: string; highlightId: string; groupKey: string | null }>;
}

export interface RelatedStatements {
  related: Array<{ sourceId: string; highlightId: string; score: number }>;
}
