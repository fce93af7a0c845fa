/** Statements: a highlight that records who said what, when and how (issue 17). Pure types. */
import type { Credibility, Reliability } from './grading';

export const STATEMENT_MODES = ['direct', 'paraphrase', 'outlet-claim'] as const;
export type StatementMode = (typeof STATEMENT_MODES)[number];

export const MODE_LABEL: Record<StatementMode, string> = {
  direct: 'Direct quote',
  paraphrase: 'Paraphrase',
  'outlet-claim': "Outlet's own claim",
};

export interface Statement {
  /** The entity tag (person or organisation) who said it; null only for the outlet's own claim. */
  speakerTagId: string | null;
  /** When it was said: yyyy-mm-dd, or yyyy-mm / yyyy when the text says no more ("in September"). */
  dateSaid: string;
  /** Where or at what it was said ("CIS summit, online"); '' when unknown. */
  occasion: string;
  mode: StatementMode;
  /**
   * A group chosen by hand (merge or split): statements with the same key form one group whatever their
   * wording; absent, the statement is grouped automatically.
   */
  groupKey?: string;
}

/** One statement across the notebook, as the statements view, the grouping and the exports see it. */
export interface StatementRow {
  sourceId: string;
  highlightId: string;
  start: number;
  end: number;
  quote: string;
  statement: Statement;
  /** The speaker's name ('' for the outlet's own claim). */
  speakerName: string;
  /** The reporting outlet: the source's publisher. */
  outlet: string;
  sourceTitle: string;
  sourceDate: string;
  reliability?: Reliability;
  credibility?: Credibility;
  /** Theme tags (and other non-speaker tags) of the highlight. */
  tagIds: string[];
  /** The group this statement belongs to (automatic or by hand). */
  groupId: string;
  /** "G3" when the group holds more than this statement, else ''. */
  groupLabel: string;
  /** Who marked it and who changed it last, and when (issue 19). */
  creator?: string;
  lastEditor?: string;
  modifiedAt?: string;
}

export type { Credibility, Reliability };
