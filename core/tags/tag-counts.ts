import type { Tag } from '../model';
import type { TagCount } from './api';
import { lineageOf, tagsById } from './lineage';

/**
 * Per tag: the highlights that carry it and the sources they are in, directly and with its sub-tags (a highlight
 * with two tags of one subtree counts once for their ancestor). `sources` gives, per source, its highlights' tags.
 * One pass over the highlights; the backend runs it over the search index's copy of them, so no file is read.
 */
export function countTags(tags: readonly Tag[], sources: Iterable<Iterable<{ tagIds: readonly string[] }>>): Record<string, TagCount> {
  const index = new Map(tags.map((t, i) => [t.id, i]));
  // Each tag with its ancestors, for counts that include descendants.
  const byId = tagsById(tags);
  const lineage = tags.map((t) => lineageOf(byId, t.id).map((a) => index.get(a.id) as number));
  const n = tags.length;
  const direct = new Int32Array(n);
  const directSources = new Int32Array(n);
  const subtree = new Int32Array(n);
  const subtreeSources = new Int32Array(n);
  const lastSource = new Int32Array(n).fill(-1);
  const lastSubSource = new Int32Array(n).fill(-1);
  const lastHighlight = new Int32Array(n).fill(-1);
  let h = 0;
  let s = 0;
  for (const highlights of sources) {
    for (const highlight of highlights) {
      for (const id of highlight.tagIds) {
        const i = index.get(id);
        if (i === undefined) continue;
        direct[i]++;
        if (lastSource[i] !== s) {
          lastSource[i] = s;
          directSources[i]++;
        }
        for (const a of lineage[i]) {
          if (lastHighlight[a] === h) continue;
          lastHighlight[a] = h;
          subtree[a]++;
          if (lastSubSource[a] !== s) {
            lastSubSource[a] = s;
            subtreeSources[a]++;
          }
        }
      }
      h++;
    }
    s++;
  }
  const counts: Record<string, TagCount> = {};
  tags.forEach((t, i) => {
    counts[t.id] = { highlights: direct[i], sources: directSources[i], subtreeHighlights: subtree[i], subtreeSources: subtreeSources[i] };
  });
  return counts;
}
