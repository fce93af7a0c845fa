/** What the analysis view shows: numbers over the coding, computed in one pass (see compute.ts). */
import type { TagInfo } from '../search/types';

/** A source as the analysis reads it: paragraph offsets and its (anchored) highlights. */
export interface AnalysisSource {
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** Paragraph offsets, flat: [start0, end0, start1, end1, …], in text order. */
  paragraphs: readonly number[];
  highlights: ReadonlyArray<{ id: string; start: number; end: number; tagIds: readonly string[]; hasNote: boolean }>;
}

export interface AnalysisOptions {
  /** Only these sources (all when absent or empty). */
  sourceIds?: string[];
  /** Publication dates, yyyy-mm-dd inclusive; undated sources are left out when either is set. */
  from?: string;
  to?: string;
  /** Count a passage coded with a child tag under its ancestors too (Kabul counts for Afghanistan). */
  rollup?: boolean;
}

export interface TagFrequency {
  tagId: string;
  /** Highlights coded with the tag. */
  highlights: number;
  /** Sources with at least one such highlight. */
  sources: number;
  /** Paragraphs with at least one such highlight (the unit of co-occurrence). */
  passages: number;
}

export interface SourceTagCounts {
  sourceId: string;
  title: string;
  publisher: string;
  date: string;
  highlights: number;
  /** Highlights per tag. */
  tags: Record<string, number>;
}

/**
 * Two tags co-occur in a passage (a paragraph) when highlights coded with each lie in it, overlapping or not.
 * n1, n2: passages of each tag; n12: passages of both; jaccard = n12 / (n1 + n2 - n12).
 */
export interface CooccurrencePair {
  a: string;
  b: string;
  n1: number;
  n2: number;
  n12: number;
  jaccard: number;
}

export interface EntityThemeCell {
  entityId: string;
  themeId: string;
  /** Passages where both occur. */
  passages: number;
}

export interface TimelinePeriod {
  /** yyyy-mm */
  period: string;
  sources: number;
  highlights: number;
  /** Highlights per tag in the sources of that month. */
  tags: Record<string, number>;
}

export interface AnalysisResult {
  tags: TagInfo[];
  rollup: boolean;
  totals: { sources: number; highlights: number; passages: number };
  frequency: TagFrequency[];
  bySource: SourceTagCounts[];
  cooccurrence: CooccurrencePair[];
  entityTheme: EntityThemeCell[];
  timeline: TimelinePeriod[];
  /** Sources without a publication date, left out of the timeline. */
  undated: { sources: number; highlights: number };
  tookMs: number;
}

/** One passage where two tags co-occur, for the list under a clicked cell. */
export interface CooccurrencePassage {
  sourceId: string;
  title: string;
  date: string;
  /** The paragraph, [start, end) in the source's text. */
  start: number;
  end: number;
  /** The paragraph's text (filled in by the backend, which has the texts). */
  text: string;
  /** The highlights in the paragraph coded with either tag. */
  highlights: Array<{ id: string; start: number; end: number; tagIds: string[]; quote: string }>;
}
