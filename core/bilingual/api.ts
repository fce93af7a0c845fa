/** Channels of bilingual reading (issue 18): link an original and its translation, read them paragraph-aligned. */
import { z } from 'zod';
import type { AlignedRow } from './align';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'an id is letters, digits, _ or -');

export const bilingualInputs = {
  /** Pair two sources (each is the other's translation); otherId null unpairs the source. */
  linkTranslation: z.object({ sourceId: id, otherId: id.nullable() }).strict(),
  bilingualPair: z.object({ sourceId: id }).strict(),
};

export interface LinkTranslationResult {
  /** The sources whose pairing changed, with their partner now (null: none). */
  changed: Array<{ id: string; pairedWith: string | null }>;
}

export interface BilingualSide {
  id: string;
  title: string;
  language: string;
  text: string;
  /** Paragraphs as [start, end) offsets into text. */
  paragraphs: Array<{ start: number; end: number }>;
}

export interface BilingualPair {
  /** The source asked for. */
  a: BilingualSide;
  /** Its translation (or original). */
  b: BilingualSide;
  rows: AlignedRow[];
}
