/** zod schemas of the search and analysis channels' inputs. */
import { z } from 'zod';
import { TAG_KINDS } from '../model';
import { RELIABILITY_GRADES } from '../statements/grading';
import { id } from '../schemas';
import { attributeFilter, collectionFilter } from '../collections/api';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is yyyy-mm-dd');

export const searchFacets = z
  .object({
    tagIds: z.array(id).max(200),
    tagKinds: z.array(z.enum(TAG_KINDS)).max(TAG_KINDS.length),
    sourceIds: z.array(id).max(10_000),
    publishers: z.array(z.string().max(500)).max(1000),
    grades: z.array(z.enum([...RELIABILITY_GRADES, 'ungraded'])).max(RELIABILITY_GRADES.length + 1),
    from: isoDay,
    to: isoDay,
    hasNote: z.boolean(),
    // Issue 16: sources of chosen collections, and sources whose attributes have these values.
    collectionIds: collectionFilter,
    attributes: attributeFilter,
  })
  .partial()
  .strict();

export const searchInput = z
  .object({ query: z.string().max(1000), facets: searchFacets.optional(), limit: z.number().int().min(1).max(200).optional(), partial: z.boolean().optional() })
  .strict();

const analysisFields = {
  sourceIds: z.array(id).max(100_000).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  rollup: z.boolean().optional(),
  collectionIds: collectionFilter,
  attributes: attributeFilter,
};

export const analysisOptions = z.object(analysisFields).strict();

export const cooccurrenceInput = z.object({ ...analysisFields, tagA: id, tagB: id }).strict();
