/**
 * What the backend and the search worker (index-worker.ts) say to each other. Every request carries an id and gets
 * one answer with that id; the worker also reports its progress while it loads, unasked.
 */
import type { MessageText } from '../../../core/i18n/message-text';
import type { NoteDoc, Tag } from '../../../core/model';
import type { AnalysisOptions, AnalysisResult, CooccurrencePassage } from '../../../core/analysis/types';
import type { SearchResponse } from '../../../core/search/types';
import type { RetrievalFilters, RetrievalResult } from '../../../core/tags/query';
import type { TagCount } from '../../../core/tags/api';
import type { EngineStats, IndexedMeta, SearchRequest, SourceInput } from '../../../core/search/engine';
import type { TextSlices } from '../workers/text-transfer';

export type SlicedSource = Omit<SourceInput, 'text'> & { text: TextSlices };

export type IndexMeta = IndexedMeta;

export interface LoadResult {
  loadedFromDisk: boolean;
  /** Sources re-indexed because they were new or their files had changed. */
  reindexed: number;
  /** Sources whose file the worker could not use as it is (damaged, missing, newer): the backend reads them. */
  needs: string[];
}

/** Where each asked-for highlight is, from the index (null when no source holds it). */
export type HighlightPlaces = Record<string, { sourceId: string; quote: string; tagIds: string[] } | null>;

export interface RetrieveRequest {
  query: string;
  filters?: RetrievalFilters;
  limit?: number;
  offset?: number;
  order?: 'source' | 'date';
}

/**
 * A retrieval answered from the index: the counts, and the page's segments with the index's copy of each highlight
 * and no context (the backend reads the page's sources and puts in their highlights and context).
 */
export type IndexRetrieval = RetrievalResult;

export type WorkerRequest =
  | {
      op: 'load';
      dataDir: string;
      indexPath: string;
      metas: IndexMeta[];
      projectNote: NoteDoc | null;
      /** Tests only: the worker blocks (Atomics.wait) until slot 0 is not 0, before it reads anything. */
      gate?: SharedArrayBuffer;
    }
  /** A source's contents, its text as transferred UTF-8 slices (workers/text-transfer.ts): no 50 MB clone. */
  | { op: 'apply'; source: SlicedSource; fileKey: string }
  /** A source whose file just changed: the worker reads the file itself (false: it could not, send it with 'apply'). */
  | { op: 'applyFile'; meta: IndexMeta }
  | { op: 'metas'; metas: IndexMeta[]; removed: string[] }
  | { op: 'projectNote'; note: NoteDoc | null }
  | { op: 'search'; request: SearchRequest; tags: Tag[] }
  | { op: 'analysis'; options: AnalysisOptions; tags: Tag[] }
  | { op: 'cooccurrence'; tagA: string; tagB: string; options: AnalysisOptions; tags: Tag[] }
  | { op: 'locate'; ids: string[] }
  | { op: 'retrieve'; input: RetrieveRequest; tags: Tag[]; sources: IndexMeta[] }
  | { op: 'tagCounts'; tags: Tag[] }
  | { op: 'stats' }
  | { op: 'save'; path: string };

export interface WorkerAnswers {
  load: LoadResult;
  apply: null;
  applyFile: boolean;
  /** Ids the index does not know yet: the backend sends their contents. */
  metas: string[];
  projectNote: null;
  search: Omit<SearchResponse, 'ready'>;
  analysis: AnalysisResult;
  cooccurrence: { passages: CooccurrencePassage[]; total: number };
  locate: HighlightPlaces;
  retrieve: IndexRetrieval;
  tagCounts: Record<string, TagCount>;
  stats: EngineStats;
  save: null;
}

export type WorkerMessage =
  | { kind: 'answer'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string; text?: MessageText; code?: string }
  | { kind: 'progress'; phase: 'decoding' | 'checking'; done: number; total: number };
