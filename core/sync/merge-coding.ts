/**
 * The three-way merge of blind double-coding's setup (issue 19), carried by git in catalog.shared.json: assignments by
 * coder, their sources and codes merged as sets, and a submission kept once either side made it (a coder's "submit"
 * on one machine must reach the coordinator's). Blind on or off: the side that changed it.
 */
import type { Assignment, CodingSetup } from '../agreement/blind';
import { canonicalJson } from '../stable-json';
import { mergeSet } from './merge-source';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

export function mergeCoding(base: CodingSetup | undefined, ours: CodingSetup | undefined, theirs: CodingSetup | undefined): CodingSetup | undefined {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  const b = new Map((base?.assignments ?? []).map((a) => [a.coder, a]));
  const o = new Map((ours?.assignments ?? []).map((a) => [a.coder, a]));
  const t = new Map((theirs?.assignments ?? []).map((a) => [a.coder, a]));
  const assignments: Assignment[] = [];
  for (const coder of [...o.keys(), ...[...t.keys()].filter((c) => !o.has(c))]) {
    const [ab, ao, at] = [b.get(coder), o.get(coder), t.get(coder)];
    if (ao && at) {
      const submittedAt = earliest(ao.submittedAt, at.submittedAt);
      assignments.push({
        coder,
        sourceIds: mergeSet(ab?.sourceIds ?? [], ao.sourceIds, at.sourceIds),
        tagIds: mergeSet(ab?.tagIds ?? [], ao.tagIds, at.tagIds),
        ...(submittedAt !== undefined ? { submittedAt } : {}),
      });
      continue;
    }
    const kept = (ao ?? at)!;
    // Removed on one side: removed, unless the other side changed it meanwhile (then kept with the change).
    if (!ab || !same(ab, kept)) assignments.push(kept);
  }
  const blind = (ours?.blind ?? false) === (base?.blind ?? false) ? (theirs?.blind ?? false) : (ours?.blind ?? false);
  return { blind, assignments };
}
