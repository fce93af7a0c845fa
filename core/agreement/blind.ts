/**
 * Blind double-coding (issue 19): a coordinator assigns sources and a codebook (a set of tags) to named coders. While
 * the notebook is blind, a coder sees only their own coding of the sources assigned to them until they submit it, and
 * nobody sees a coder's coding of an assigned source before that coder has submitted it. Highlights carry their
 * creator, so blindness is a filter by creator and submitted state; nothing is copied or moved.
 */

/** The name given to the highlights that settle a disagreement (the merged reading). No analyst may take it. */
export const ADJUDICATED = 'Adjudicated';

export interface Assignment {
  /** The coder's name, as they set it (Settings > analyst name). */
  coder: string;
  sourceIds: string[];
  /** The codebook the coder codes with: tag ids. */
  tagIds: string[];
  /** When the coder submitted their coding; absent: still coding. */
  submittedAt?: string;
}

export interface CodingSetup {
  blind: boolean;
  assignments: Assignment[];
}

export const EMPTY_CODING: CodingSetup = { blind: false, assignments: [] };

/** Coders whose highlights on a source the viewer may not see; 'all-but-own' when the viewer sees only their own. */
export function hiddenFor(setup: CodingSetup | undefined, viewer: string | undefined, sourceId: string): 'all-but-own' | ReadonlySet<string> {
  const none: ReadonlySet<string> = new Set();
  if (!setup || !setup.blind) return none;
  const open = setup.assignments.filter((a) => !a.submittedAt && a.sourceIds.includes(sourceId));
  if (viewer && open.some((a) => a.coder === viewer)) return 'all-but-own';
  return new Set(open.map((a) => a.coder).filter((c) => c !== viewer));
}

/** The highlights of a source the viewer may see. */
export function visibleHighlights<H extends { creator?: string }>(highlights: readonly H[], setup: CodingSetup | undefined, viewer: string | undefined, sourceId: string): H[] {
  const hidden = hiddenFor(setup, viewer, sourceId);
  if (hidden === 'all-but-own') return highlights.filter((h) => h.creator !== undefined && h.creator === viewer);
  if (hidden.size === 0) return highlights as H[];
  return highlights.filter((h) => h.creator === undefined || !hidden.has(h.creator));
}

/** Whether a source is hidden in part for the viewer (the reader says so). */
export function isBlindFor(setup: CodingSetup | undefined, viewer: string | undefined, sourceId: string): boolean {
  const hidden = hiddenFor(setup, viewer, sourceId);
  return hidden === 'all-but-own' || hidden.size > 0;
}

/** Coders among `coders` who have not submitted every assignment (blind comparisons wait for them). */
export function unsubmitted(setup: CodingSetup | undefined, coders: readonly string[]): string[] {
  if (!setup || !setup.blind) return [];
  return coders.filter((c) => setup.assignments.some((a) => a.coder === c && !a.submittedAt));
}
