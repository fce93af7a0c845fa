/**
 * The NATO / Admiralty grading system (STANAG 2511, AJP-2.1): a source's reliability A–F and a piece of
 * information's credibility 1–6, with the standard meanings the interface shows beside each grade.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(value);
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITY_GRADES as readonly number[]).includes(value);
}

/** "C3", "C", "3" or "" (ungraded): the compact form shown on citations and in lists. */
export function gradeLabel(reliability: Reliability | undefined | null, credibility: Credibility | undefined | null): string {
  return `${reliability ?? ''}${credibility ?? ''}`;
}

/**
 * Weak support for a note's sentence: the source is graded E or F, or nothing about the passage is graded at all
 * (neither the source's reliability nor the passage's credibility).
 */
export function isWeakSupport(reliability: Reliability | undefined | null, credibility: Credibility | undefined | null): boolean {
  if (reliability === 'E' || reliability === 'F') return true;
  return !reliability && !credibility;
}
