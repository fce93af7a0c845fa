/**
 * The source-editing channels' input schemas and output types (issue 13: sources can be renamed, re-dated and
 * deleted, with undo). core/contract.ts only lists the channels.
 *
 * The metadata patch is one object of optional fields so that more fields (authors, URL, language: the documents
 * issue) are added here, in SOURCE_META_FIELDS and in the panel's field list, and nowhere else.
 */
import { z } from 'zod';
import type { ListedSourceMeta, SourceMeta, SourceSummary } from '../model';
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

export const SOURCE_AUTHOR_MAX = 200;
export const SOURCE_AUTHORS_MAX = 200;
export const SOURCE_URL_MAX = 4096;
/** Authors, each named once, in order; an empty list for "no authors". */
const authors = z
  .array(z.string().trim().min(1, 'an author needs a name').max(SOURCE_AUTHOR_MAX, `an author's name is at most ${SOURCE_AUTHOR_MAX} characters`))
  .max(SOURCE_AUTHORS_MAX, `at most ${SOURCE_AUTHORS_MAX} authors`);
/** The source's address: http(s) only (the reader links to it), or '' for none. */
export const sourceUrl = z.union([
  z.literal(''),
  z
    .string()
    .max(SOURCE_URL_MAX, `an address is at most ${SOURCE_URL_MAX} characters`)
    .refine(isWebAddress, 'an address starts with http:// or https://, e.g. https://news.example/article'),
]);
/** A BCP 47 language tag ("ru", "en-GB", "zh-Hant"), or '' for unknown. */
export const sourceLanguage = z.union([
  z.literal(''),
  z.string().max(40).regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,4}$/, 'a language is a code such as en, ru, ar or en-GB'),
]);

/** The editable metadata of a source, each field optional: only what is given changes. */
/** A source's attributes (issue 16: REFI-QDA variables): the whole set, name -> value; at most 200. */
export const sourceVariables = z
  .record(z.string().min(1, 'an attribute needs a name').max(200, 'an attribute name is at most 200 characters'), z.string().max(10_000, 'an attribute value is at most 10,000 characters'))
  .refine((v) => Object.keys(v).length <= 200, 'a source has at most 200 attributes');
export const sourceMetaPatch = z.object({ title, authors, publisher, date: sourceDate, url: sourceUrl, language: sourceLanguage, variables: sourceVariables }).partial().strict();
export type SourceMetaPatch = z.output<typeof sourceMetaPatch>;
/** The fields the metadata panel edits, in the order it shows them. */
export const SOURCE_META_FIELDS = ['title', 'authors', 'publisher', 'date', 'url', 'language'] as const satisfies ReadonlyArray<keyof SourceMetaPatch & keyof SourceMeta>;

/** A field's value as the patch holds it when the source has none ('' or no authors). */
export function metaFieldValue<F extends (typeof SOURCE_META_FIELDS)[number]>(meta: ListedSourceMeta, field: F): NonNullable<SourceMetaPatch[F]> {
  const v = meta[field];
  return (v ?? (field === 'authors' ? [] : '')) as NonNullable<SourceMetaPatch[F]>;
}

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

function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function isRealDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
