/**
 * The source-editing channels' input schemas and output types (issue 13: sources can be renamed, re-dated and
 * deleted, with undo). core/contract.ts only lists the channels.
 *
 * The metadata patch is one object of optional fields so that more fields (authors, URL, language: the documents
 * issue) are added here, in SOURCE_META_FIELDS and in the panel's field list, and nowhere else.
 */
import { z } from 'zod';
import type { SourceMeta, SourceSummary } from '../model';
import { id } from '../schemas';

export const SOURCE_TITLE_MAX = 500;
export const SOURCE_PUBLISHER_MAX = 300;

const title = z
  .string()
  .max(SOURCE_TITLE_MAX, `a title is at most ${SOURCE_TITLE_MAX} characters`)
  .refine((t) => t.trim().length > 0, 'a source needs a title');
const publisher = z.string().max(SOURCE_PUBLISHER_MAX, `a publisher is at most ${SOURCE_PUBLISHER_MAX} characters`);
/** yyyy-mm-dd of a real day, or '' for "no date". */
export const sourceDate = z.union([
  z.literal(''),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is yyyy-mm-dd, e.g. 2021-08-15 (or empty for no date)')
    .refine(isRealDay, 'that day does not exist in the calendar'),
]);

/** The editable metadata of a source, each field optional: only what is given changes. */
/** A source's attributes (issue 16: REFI-QDA variables): the whole set, name -> value; at most 200. */
export const sourceVariables = z
  .record(z.string().min(1, 'an attribute needs a name').max(200, 'an attribute name is at most 200 characters'), z.string().max(10_000, 'an attribute value is at most 10,000 characters'))
  .refine((v) => Object.keys(v).length <= 200, 'a source has at most 200 attributes');
export const sourceMetaPatch = z.object({ title, publisher, date: sourceDate, variables: sourceVariables }).partial().strict();
export type SourceMetaPatch = z.output<typeof sourceMetaPatch>;
/** The fields the metadata panel edits, in the order it shows them. */
export const SOURCE_META_FIELDS = ['title', 'publisher', 'date'] as const satisfies ReadonlyArray<keyof SourceMetaPatch & keyof SourceMeta>;

/** At most this many sources are deleted in one call (a whole generated corpus). */
export const DELETE_MAX = 100_000;
/** A trash record's id: the folder under trash/ holding what one deletion took away. */
export const trashId = z.string().regex(/^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$/, 'not a deletion id');

export const sourceInputs = {
  updateSourceMeta: z.object({ sourceId: id, patch: sourceMetaPatch }).strict(),
  deleteSources: z.object({ sourceIds: z.array(id).min(1, 'choose at least one source').max(DELETE_MAX) }).strict(),
  restoreSources: z.object({ trashId }).strict(),
  sourceSummaries: z.object({ ids: z.array(id).max(DELETE_MAX) }).strict(),
};

export interface UpdateSourceMetaResult {
  source: SourceSummary;
  /** The patch that puts back what this change replaced (apply it with updateSourceMeta to undo). */
  undo: SourceMetaPatch;
}

export interface DeleteSourcesResult {
  deleted: string[];
  /** Pass to restoreSources to undo the deletion (the files are kept in the notebook's trash/ folder). */
  trashId: string;
}

export interface RestoreSourcesResult {
  restored: SourceSummary[];
}

function isRealDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
