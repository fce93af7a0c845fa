/** What the search channel takes and gives. */
import type { TagKind } from '../model';
import type { Reliability } from '../statements/grading';

/** Results are grouped by what they are. */
export type HitKind = 'source' | 'highlight' | 'note';
export const HIT_KINDS: readonly HitKind[] = ['source', 'highlight', 'note'];

/** Where in the notebook a hit lies; decides what "open" does. */
export type HitPlace = 'title' | 'paragraph' | 'quote' | 'source-note' | 'highlight-note' | 'project-note';

/** Facets narrow results. Each set facet must hold; values inside one facet are alternatives (OR). */
export interface SearchFacets {
  /** Passages coded with any of these tags or their descendants. */
  tagIds?: string[];
  /** Passages coded with a tag of any of these kinds. */
  tagKinds?: TagKind[];
  sourceIds?: string[];
  publishers?: string[];
  /** Source reliability grades: 'A'–'F', or 'ungraded'. */
  grades?: Array<Reliability | 'ungraded'>;
  /** Publication dates, yyyy-mm-dd, inclusive; sources without a date fall outside any range. */
  from?: string;
  to?: string;
  /** true: only what has a note (a highlight with a note, a note itself); false: only what has none. */
  hasNote?: boolean;
}

export interface Snippet {
  text: string;
  /** [start, end) of each marked match, in `text`. */
  marks: Array<[number, number]>;
}

export interface SearchHit {
  /** Index document id. */
  id: string;
  kind: HitKind;
  place: HitPlace;
  sourceId: string | null;
  /** The source's title, or the note's name for the project notebook. */
  title: string;
  publisher: string;
  date: string;
  highlightId: string | null;
  tagIds: string[];
  hasNote: boolean;
  /** The first match in the source's text, [start, end) (paragraphs), or the highlight's range; null elsewhere. */
  match: { start: number; end: number } | null;
  snippet: Snippet;
  score: number;
  /** Found only through another script or spelling of a query word (Shoigu -> Шойгу): ranked after the rest. */
  crossScript?: boolean;
}

export interface TagInfo {
  id: string;
  name: string;
  /** Names from the root down, e.g. ['Groups', 'Taliban']. */
  path: string[];
  kind: TagKind;
  color: string;
  parentId: string | null;
}

export interface FacetCounts {
  /** Per tag, hits coded with it or a descendant. */
  tags: Record<string, number>;
  tagKinds: Partial<Record<TagKind, number>>;
  sources: Array<{ id: string; title: string; count: number }>;
  publishers: Array<{ value: string; count: number }>;
  hasNote: { yes: number; no: number };
  /** Earliest and latest publication date among the hits ('' when none is dated). */
  dates: { min: string; max: string };
  /** Per source grade ('A'–'F', 'ungraded'): hits from sources of that grade. */
  grades: Array<{ value: string; count: number }>;
}

export interface SearchResponse {
  /** Hits per kind, best first, at most `limit` each. */
  groups: Record<HitKind, SearchHit[]>;
  /** All hits per kind that match query and facets. */
  totals: Record<HitKind, number>;
  /** Counts per facet value, each over the hits that match every other facet. */
  facets: FacetCounts;
  tags: TagInfo[];
  /** The words and phrases looked for, normalised (to show what was searched). */
  parsed: { words: string[]; phrases: string[][] };
  tookMs: number;
  /** False while the index is still being built on a first start; results may then be incomplete. */
  ready: boolean;
  /** While not ready: how far the index is (asked with `partial: true`). */
  progress?: IndexProgress;
}

/** How far the search index is: loaded from disk, then brought up to date source by source. */
export interface IndexProgress {
  ready: boolean;
  /** Sources checked (and re-indexed where their file changed) so far, of `total`. */
  done: number;
  total: number;
  /** 0-100, rounded down; 100 only when ready. */
  percent: number;
}
