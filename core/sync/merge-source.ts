/**
 * A three-way merge of one source file by meaning, not by lines (issue 19): two analysts' copies of a source, edited
 * from a common base, become one file that loses nothing. Highlights merge by id: additions from both sides are kept;
 * a highlight changed on one side and deleted on the other is kept with the change (and reported); a field that both
 * sides changed differently keeps ours and is reported as a conflict with both values; tags on a highlight merge as
 * sets (each side's additions and removals). Notes merge by blocks (core/sync/diff3.ts); where both sides changed the
 * same blocks, both versions are kept, marked, for the analyst to settle.
 */
import type { Highlight, NoteDoc } from '../model';
import { canonicalJson } from '../stable-json';
import { diff3 } from './diff3';

/** The parts of a source file that a merge reads; other fields are taken from ours. */
export interface MergeableSource {
  text: string;
  highlights: Highlight[];
  note: NoteDoc;
  rejectedSuggestions?: { keys: string[]; entityKeys: string[] };
}

export type MergeConflict =
  | { kind: 'field'; highlightId: string; field: string; ours: unknown; theirs: unknown }
  | { kind: 'kept-over-delete'; highlightId: string; deletedBy: 'ours' | 'theirs' }
  | { kind: 'note'; where: 'source' | 'highlight'; highlightId?: string }
  | { kind: 'text' };

export interface MergeResult<S extends MergeableSource> {
  merged: S;
  conflicts: MergeConflict[];
}

/** Equal values. JSON.stringify first (native, and equal strings mean equal values); key order aside, canonically. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);

/** Three-way merge of a set: each side's additions and removals against the base. Sorted for a stable file. */
export function mergeSet(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const b = new Set(base);
  const out = new Set(base);
  for (const side of [ours, theirs]) {
    const s = new Set(side);
    for (const x of side) if (!b.has(x)) out.add(x);
    for (const x of base) if (!s.has(x)) out.delete(x);
  }
  // Keep the first side's order for what it has, then the rest as they came.
  return [...ours.filter((x) => out.has(x)), ...theirs.filter((x) => out.has(x) && !ours.includes(x))].filter((x, i, all) => all.indexOf(x) === i);
}

/** The marker paragraphs around the two versions of a note's conflicting blocks. */
export function conflictMarker(which: 'ours' | 'theirs' | 'end'): unknown {
  const text = which === 'ours' ? '⚠ Merge conflict — your version:' : which === 'theirs' ? '⚠ Their version:' : '⚠ End of the conflict: keep one version and delete these markers.';
  return { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'strong' }] }] };
}

/** Three-way merge of a note by blocks; `conflict` is true when both versions of some blocks were kept. */
export function mergeNote(base: NoteDoc | null, ours: NoteDoc | null, theirs: NoteDoc | null): { note: NoteDoc | null; conflict: boolean } {
  if (same(ours, theirs)) return { note: ours, conflict: false };
  if (same(base, ours)) return { note: theirs, conflict: false };
  if (same(base, theirs)) return { note: ours, conflict: false };
  const blocks = (n: NoteDoc | null): unknown[] => n?.content ?? [];
  let conflict = false;
  const content: unknown[] = [];
  for (const chunk of diff3(blocks(base), blocks(ours), blocks(theirs), canonicalJson)) {
    if (chunk.kind === 'ok') content.push(...chunk.items);
    else {
      conflict = true;
      content.push(conflictMarker('ours'), ...chunk.ours, conflictMarker('theirs'), ...chunk.theirs, conflictMarker('end'));
    }
  }
  return { note: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }, conflict };
}

const FIELDS = ['start', 'end', 'quote', 'orphan', 'createdAt'] as const;

/**
 * Field by field into `out` (a copy of ours): a field only theirs changed takes theirs; a field both changed
 * differently stays ours and is returned, with both values. Fields in `skip` are left to the caller.
 */
export function mergeFields(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  out: Record<string, unknown>,
  skip: ReadonlySet<string> = new Set(),
): Array<{ name: string; ours: unknown; theirs: unknown }> {
  const conflicts: Array<{ name: string; ours: unknown; theirs: unknown }> = [];
  for (const k of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (skip.has(k)) continue;
    const o = ours[k];
    const t = theirs[k];
    if (same(o, t)) continue;
    if (same(base[k], o)) out[k] = t;
    else if (!same(base[k], t)) conflicts.push({ name: k, ours: o, theirs: t });
  }
  return conflicts;
}

function mergeHighlight(base: Highlight | undefined, ours: Highlight, theirs: Highlight, conflicts: MergeConflict[]): Highlight {
  const out: Highlight = { ...ours };
  const b = (base ?? {}) as Partial<Highlight>;
  // Start, end and quote move together (a re-anchoring): they are one field for the merge.
  const anchorOf = (h: Partial<Highlight>) => ({ start: h.start, end: h.end, quote: h.quote, orphan: h.orphan });
  if (!same(anchorOf(ours), anchorOf(theirs))) {
    if (same(anchorOf(b), anchorOf(ours))) Object.assign(out, anchorOf(theirs));
    else if (!same(anchorOf(b), anchorOf(theirs))) conflicts.push({ kind: 'field', highlightId: ours.id, field: 'anchor', ours: anchorOf(ours), theirs: anchorOf(theirs) });
  }
  out.tagIds = mergeSet(b.tagIds ?? [], ours.tagIds, theirs.tagIds);
  const note = mergeNote(b.note ?? null, ours.note, theirs.note);
  out.note = note.note;
  if (note.conflict) conflicts.push({ kind: 'note', where: 'highlight', highlightId: ours.id });
  // Any other field (statements, grades, creators…): one side's change wins; both changed differently: ours, reported.
  const skip = new Set<string>([...FIELDS, 'tagIds', 'note', 'modifiedAt', 'id', 'sourceId']);
  for (const field of mergeFields(b as Record<string, unknown>, ours as unknown as Record<string, unknown>, theirs as unknown as Record<string, unknown>, out as unknown as Record<string, unknown>, skip)) {
    conflicts.push({ kind: 'field', highlightId: ours.id, field: field.name, ours: field.ours, theirs: field.theirs });
  }
  out.modifiedAt = ours.modifiedAt > theirs.modifiedAt ? ours.modifiedAt : theirs.modifiedAt;
  return out;
}

/** Merge two copies of a source file edited from `base` (null: the source was added on both sides). */
export function mergeSource<S extends MergeableSource>(base: S | null, ours: S, theirs: S): MergeResult<S> {
  const conflicts: MergeConflict[] = [];
  let text = ours.text;
  if (ours.text !== theirs.text) {
    if (base && base.text === ours.text) text = theirs.text;
    else if (!base || base.text !== theirs.text) conflicts.push({ kind: 'text' });
  }
  const byId = (s: S | null) => new Map((s?.highlights ?? []).map((h) => [h.id, h]));
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const highlights: Highlight[] = [];
  for (const id of new Set([...o.keys(), ...t.keys(), ...b.keys()])) {
    const hb = b.get(id);
    const ho = o.get(id);
    const ht = t.get(id);
    if (ho && ht) {
      // Most highlights are alike on both sides, or changed on one: taken as they are, without a field-by-field merge.
      const [jb, jo, jt] = [hb && JSON.stringify(hb), JSON.stringify(ho), JSON.stringify(ht)];
      if (jo === jt || jt === jb) highlights.push(ho);
      else if (jo === jb) highlights.push(ht);
      else highlights.push(mergeHighlight(hb, ho, ht, conflicts));
    }
    else if (ho || ht) {
      const kept = (ho ?? ht)!;
      if (!hb) highlights.push(kept); // added on one side
      else if (!same(hb, kept)) {
        // Changed on one side, deleted on the other: the change is kept, and the analyst told.
        highlights.push(kept);
        conflicts.push({ kind: 'kept-over-delete', highlightId: id, deletedBy: ho ? 'theirs' : 'ours' });
      }
      // else: deleted on one side, untouched on the other: deleted.
    }
  }
  highlights.sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
  const note = mergeNote(base?.note ?? null, ours.note, theirs.note);
  if (note.conflict) conflicts.push({ kind: 'note', where: 'source' });
  const merged = { ...ours, text, highlights, note: note.note ?? ours.note } as S;
  if (ours.rejectedSuggestions || theirs.rejectedSuggestions) {
    const r = (s: S | null) => s?.rejectedSuggestions ?? { keys: [], entityKeys: [] };
    merged.rejectedSuggestions = {
      keys: mergeSet(r(base).keys, r(ours).keys, r(theirs).keys),
      entityKeys: mergeSet(r(base).entityKeys, r(ours).entityKeys, r(theirs).entityKeys),
    };
  }
  return { merged, conflicts };
}
