/**
 * Schemas of statements and grades (issue 17): the fields on a highlight and a source, and the statement channels'
 * inputs. core/contract.ts only lists the channels; the backend checks what a schema cannot (the speaker is a
 * person or organisation tag of the codebook).
 */
import { z } from 'zod';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from './grading';
import { STATEMENT_MODES } from './model';

const id = z.string().min(1, 'an id is required').max(100, 'an id is at most 100 characters');
const offset = z.number().int().min(0).max(60 * 1024 * 1024);

export const reliability = z.enum(RELIABILITY_GRADES, { message: 'a reliability grade is A, B, C, D, E or F' });
export const credibility = z.union(
  CREDIBILITY_GRADES.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>, z.ZodLiteral<6>],
  { message: 'a credibility grade is 1, 2, 3, 4, 5 or 6' },
);

/** yyyy-mm-dd of a real day, yyyy-mm, or yyyy. */
export const dateSaid = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'the date said is yyyy-mm-dd (or yyyy-mm, or yyyy), e.g. 2021-10-15')
  .refine(isRealDate, 'that day does not exist in the calendar');

export const OCCASION_MAX = 300;
export const GROUP_KEY_PATTERN = /^[A-Za-z0-9:_-]{1,120}$/;

export const statementSchema = z
  .object({
    speakerTagId: id.nullable(),
    dateSaid,
    occasion: z.string().max(OCCASION_MAX, `an occasion is at most ${OCCASION_MAX} characters`),
    mode: z.enum(STATEMENT_MODES, { message: 'the mode is direct, paraphrase or outlet-claim' }),
    groupKey: z.string().regex(GROUP_KEY_PATTERN, 'a group key is letters, digits, : _ or -').optional(),
  })
  .strict()
  .refine((s) => s.speakerTagId !== null || s.mode === 'outlet-claim', 'a statement needs a speaker unless it is the outlet’s own claim');

const ref = z.object({ sourceId: id, highlightId: id }).strict();

const acceptedSuggestion = z
  .object({
    key: z.string().min(1).max(2000),
    start: offset,
    end: offset,
    speakerName: z.string().min(1).max(200),
    speakerKind: z.enum(['person', 'organisation']),
    speakerTagId: id.optional(),
    dateSaid,
    mode: z.enum(STATEMENT_MODES),
    occasion: z.string().max(OCCASION_MAX).optional(),
  })
  .strict();
export type AcceptedStatementSuggestion = z.output<typeof acceptedSuggestion>;

export const statementInputs = {
  setStatement: z.object({ sourceId: id, highlightId: id, statement: statementSchema.nullable() }).strict(),
  setCredibility: z.object({ sourceId: id, highlightId: id, credibility: credibility.nullable() }).strict(),
  setSourceReliability: z.object({ sourceId: id, reliability: reliability.nullable() }).strict(),
  suggestStatements: z.object({ sourceId: id }).strict(),
  acceptStatementSuggestions: z.object({ sourceId: id, suggestions: z.array(acceptedSuggestion).min(1).max(5000) }).strict(),
  rejectStatementSuggestion: z.object({ sourceId: id, key: z.string().min(1).max(2000), rejected: z.boolean() }).strict(),
  listStatements: z.undefined().optional(),
  relatedStatements: ref,
  /** Put statements in one group by hand (at least two). */
  mergeStatements: z.object({ refs: z.array(ref).min(2, 'choose at least two statements to merge').max(10_000) }).strict(),
  /** Take statements out of their group by hand: each stands alone from now on. */
  splitStatements: z.object({ refs: z.array(ref).min(1).max(10_000) }).strict(),
  /** Put back the hand-chosen group keys a merge or split replaced (undo). */
  restoreGroupKeys: z
    .object({ keys: z.array(z.object({ sourceId: id, highlightId: id, groupKey: z.string().regex(GROUP_KEY_PATTERN).nullable() }).strict()).max(10_000) })
    .strict(),
};

function isRealDate(s: string): boolean {
  const parts = s.split('-').map(Number);
  if (parts.length < 3) return parts.length < 2 || (parts[1] >= 1 && parts[1] <= 12);
  const [y, m, d] = parts;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
