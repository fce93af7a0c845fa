/** The agreement channels' inputs (zod) and answers (issue 19): coding assignments, submission, comparison, adjudication. */
import { z } from 'zod';
import { id } from '../schemas';
import type { Highlight } from '../model';
import type { AgreementFigures, CodeFigures, Disagreement } from './compare';
import type { CodingSetup } from './blind';
import { UNIT_KINDS, type UnitKind } from './units';

const coderName = z.string().min(1).max(200);

export const assignmentSchema = z.object({
  coder: coderName,
  sourceIds: z.array(id).max(100_000),
  tagIds: z.array(id).max(10_000),
  submittedAt: z.string().max(40).optional(),
});

export const codingSetupSchema = z.object({ blind: z.boolean(), assignments: z.array(assignmentSchema).max(1000) });

export const ADJUDICATION_CHOICES = ['a', 'b', 'both', 'neither'] as const;
export type AdjudicationChoice = (typeof ADJUDICATION_CHOICES)[number];

/** One settled disagreement: what was chosen, and what it made (so undo can take it back). */
export const decisionSchema = z.object({
  key: z.string().max(400),
  sourceId: id,
  tagId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  choice: z.enum(ADJUDICATION_CHOICES),
  coders: z.array(coderName).max(2),
  /** Highlights made for the merged reading. */
  created: z.array(z.string().max(100)).max(10_000),
  /** Merged-reading highlights that already existed and got the code. */
  tagged: z.array(z.string().max(100)).max(10_000),
  by: z.string().max(200).optional(),
  at: z.string().max(40),
});
export type Decision = z.output<typeof decisionSchema>;

export const agreementInputs = {
  setCoding: z
    .object({
      blind: z.boolean(),
      assignments: z.array(z.object({ coder: coderName, sourceIds: z.array(id).min(1).max(100_000), tagIds: z.array(id).max(10_000) }).strict()).max(1000),
    })
    .strict(),
  computeAgreement: z
    .object({
      coders: z.array(coderName).min(2, 'choose at least two coders').max(20),
      tagIds: z.array(id).min(1, 'choose at least one code').max(1000),
      unit: z.enum(UNIT_KINDS),
      /** Sources to compare; absent: every source all the chosen coders coded. */
      sourceIds: z.array(id).max(100_000).optional(),
    })
    .strict(),
  adjudicate: z
    .object({
      sourceId: id,
      tagId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      coders: z.tuple([coderName, coderName]),
      choice: z.enum(ADJUDICATION_CHOICES),
    })
    .strict(),
  undoAdjudication: z.object({ key: z.string().min(1).max(400) }).strict(),
};

export interface CodingState {
  setup: CodingSetup;
  /** The analyst's name (absent: not set), and the coders who have made highlights. */
  analyst: string | null;
  coders: string[];
}

/** A disagreement as the Agreement view lists it: the passage's text and each side's quotes, and any decision. */
export interface ListedDisagreement extends Disagreement {
  sourceTitle: string;
  /** The passage (cut to 600 characters). */
  text: string;
  sideQuotes: string[][];
  decision?: AdjudicationChoice;
}

export interface AgreementResult {
  unit: UnitKind;
  coders: string[];
  codes: CodeFigures[];
  overall: AgreementFigures;
  disagreements: ListedDisagreement[];
  disagreementCount: number;
  sourceCount: number;
}

export interface AdjudicateResult {
  decision: Decision;
  created: Highlight[];
}
