/**
 * Lanes for overlapping ranges: each range gets the lowest lane no range it overlaps already holds, so nested and
 * crossing highlights draw side by side (margin marks) and stack (paint layers). Ranges must be in reading order.
 */
export function assignLanes(ranges: ReadonlyArray<{ start: number; end: number }>): number[] {
  const lanes: number[] = new Array(ranges.length);
  // laneEnds[k] = end of the last range placed in lane k.
  const laneEnds: number[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    let lane = laneEnds.findIndex((end) => end <= r.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = r.end;
    lanes[i] = lane;
  }
  return lanes;
}

/** Ranges covering `offset`, innermost (shortest) first. */
export function rangesAt<T extends { start: number; end: number }>(ranges: readonly T[], offset: number): T[] {
  return ranges.filter((r) => r.start <= offset && offset < r.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The lowest lane free among the ranges `range` overlaps, given the lanes already held: for one new range. */
export function freeLane(range: { start: number; end: number }, placed: ReadonlyArray<{ start: number; end: number; lane: number }>): number {
  const taken = new Set<number>();
  for (const p of placed) if (p.start < range.end && range.start < p.end) taken.add(p.lane);
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

/** Reading order of highlights: by start, the longer (outer) one first, then by id, so the order is stable. */
export function readingOrder(a: { start: number; end: number; id: string }, b: { start: number; end: number; id: string }): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}
