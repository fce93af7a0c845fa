/**
 * Codebook operations: pure functions from the current tags to a `TagChange` (the complete new tags plus what changed).
 *
 * Highlights reference tags by id, so create, rename, recolour, alias edits and moves never touch a highlight.
 * Merge and delete do: they return a serialisable `TagRewrite` that the backend applies one source file at a time
 * with `applyRewrite` (skip the file when `changedIds` is empty), collecting the per-highlight undo data it returns.
 *
 * Delete semantics: the tag goes; its children move up to the deleted tag's parent (nothing else is deleted);
 * highlights lose that tag id and keep all their other tags. `undoDelete` puts the tag back at its old place in
 * the list, gives back the children that still sit where the delete put them, and re-inserts the tag id into each
 * highlight at the position it had.
 *
 * Merge semantics: every highlight carrying the source tag carries the target instead, at the source's position,
 * never twice; the target gains the source's name and aliases as aliases; the source's children move under the
 * target, and children with the same name on both sides are merged in turn.
 *
 * Validation errors throw `CodebookError` with a message meant for the analyst.
 */
import { TAG_KINDS, type Highlight, type Tag, type TagKind } from '../model';
import { nextColor, tagPath } from './default-codebook';
import { lineageOf } from './lineage';
import type { MessageKey } from '../i18n/catalog';
import { englishText, sentence, summarised, type MessageText } from '../i18n/message-text';

export const TAG_NAME_MAX = 200;

export type CodebookErrorCode =
  | 'not-found'
  | 'duplicate-id'
  | 'invalid-name'
  | 'duplicate-name'
  | 'invalid-color'
  | 'invalid-kind'
  | 'invalid-alias'
  | 'cycle'
  | 'self-merge'
  | 'undo-conflict';

export class CodebookError extends Error {
  constructor(
    readonly code: CodebookErrorCode,
    /** The message as data (core/i18n/message-text.ts); `message` is it in English. */
    readonly text: MessageText,
  ) {
    super(englishText(text));
    this.name = 'CodebookError';
  }
}

/** How the tag ids of highlights change. Plain data: it can be logged, sent over IPC, applied file by file. */
export type TagRewrite =
  /** Merge: each key id becomes its value, at the same position; a repeated id keeps only its first position. */
  | { op: 'replace'; map: Record<string, string> }
  /** Delete: the id is removed; other tags stay in order. */
  | { op: 'remove'; tagId: string }
  /** Undo of a delete: highlight id -> index at which to re-insert the tag id (clamped; no duplicate). */
  | { op: 'restore'; tagId: string; positions: Record<string, number> }
  /** Undo of a merge: highlight id -> its tag ids before the merge. */
  | { op: 'reset'; tagIds: Record<string, string[]> };

export interface TagChange {
  /** The complete codebook after the change (a new array; unchanged tags are the same objects). */
  tags: Tag[];
  /** One sentence for a toast or the undo menu, e.g. `Merged "ISIS" into "Islamic State".` */
  summary: string;
  /** The same sentence as data, for the interface language. */
  summaryText: MessageText;
  /** Ids of tags created or modified. */
  changedIds: string[];
  /** Ids of tags removed. */
  removedIds: string[];
  /** How highlights change, or null when none does. */
  rewrite: TagRewrite | null;
}

export interface NewTagInput {
  id: string;
  name: string;
  /** Defaults to the parent's kind, else 'other'. */
  kind?: TagKind;
  /** Defaults to `nextColor(tags)`. */
  color?: string;
  parentId?: string | null;
  description?: string;
  aliases?: readonly string[];
  createdAt: string;
}

export interface TagPatch {
  name?: string;
  kind?: TagKind;
  color?: string;
  description?: string;
  aliases?: readonly string[];
  /** false: names match only as spelled; true or absent: across scripts (when the notebook's setting is on). */
  translit?: boolean;
}

/** What `undoDelete` needs, besides the positions collected by `applyRewrite`. */
export interface DeleteUndo {
  tag: Tag;
  /** Index of the tag in the tags array before the delete. */
  index: number;
  /** Children that moved up: child id -> their parent before the delete (always the deleted tag's id). */
  childParents: Record<string, string>;
}

/** What `undoMerge` needs, besides the previous tag ids collected by `applyRewrite`. */
export interface MergeUndo {
  /** The target tag as it was before the merge (name, aliases, description). */
  into: Tag;
  /** Every tag the merge removed (the source and same-named descendants), with its index before the merge. */
  removed: Array<{ tag: Tag; index: number }>;
  /** Tags the merge re-parented: id -> parent before the merge. */
  parents: Record<string, string | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

/** Case-insensitive comparison key of a name or alias. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Trims and collapses whitespace; throws unless 1..200 characters without control characters remain. */
export function validateTagName(name: string, what: 'name' | 'alias' = 'name'): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const key = what === 'name' ? 'backend.codebook.name' : 'backend.codebook.alias';
  if (clean.length === 0) throw new CodebookError('invalid-name', sentence(`${key}.empty`));
  if (clean.length > TAG_NAME_MAX) {
    throw new CodebookError('invalid-name', sentence(`${key}.tooLong`, { max: TAG_NAME_MAX, length: clean.length }));
  }
  if (/[\u0000-\u001f\u007f]/.test(clean)) throw new CodebookError('invalid-name', sentence(`${key}.control`));
  return clean;
}

/** Lower-cased #rrggbb; throws otherwise. */
export function validateColor(color: string): string {
  const c = color.trim();
  if (!/^#[0-9a-fA-F]{6}$/.test(c)) {
    throw new CodebookError('invalid-color', sentence('backend.codebook.badColour', { colour: color }));
  }
  return c.toLowerCase();
}

export function validateKind(kind: string): TagKind {
  if (!(TAG_KINDS as readonly string[]).includes(kind)) {
    throw new CodebookError('invalid-kind', sentence('backend.codebook.badKind', { kind, kinds: TAG_KINDS.slice(0, -1).join(', '), last: TAG_KINDS[TAG_KINDS.length - 1] }));
  }
  return kind as TagKind;
}

/** Cleans aliases: each validated, duplicates (case-insensitive) and the tag's own name dropped, order kept. */
export function validateAliases(aliases: readonly string[], ownName: string): string[] {
  const seen = new Set([nameKey(ownName)]);
  const out: string[] = [];
  for (const a of aliases) {
    const clean = validateTagName(a, 'alias');
    const k = nameKey(clean);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(clean);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers

function indexById(tags: readonly Tag[]): Map<string, Tag> {
  return new Map(tags.map((t) => [t.id, t]));
}

function mustGet(byId: ReadonlyMap<string, Tag>, id: string, what: 'tag' | 'parent' = 'tag'): Tag {
  const t = byId.get(id);
  if (!t) throw new CodebookError('not-found', sentence(what === 'tag' ? 'backend.codebook.noTag' : 'backend.codebook.noParent', { id }));
  return t;
}

/** Ids of the tag's descendants (not the tag itself), depth first. */
export function descendantIds(tags: readonly Tag[], id: string): string[] {
  const children = childrenIndex(tags);
  const out: string[] = [];
  const seen = new Set([id]);
  const stack = [...(children.get(id) ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop() as string;
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(c);
    for (const g of [...(children.get(c) ?? [])].reverse()) stack.push(g);
  }
  return out;
}

/** parent id (null for the top level) -> child ids in list order. */
export function childrenIndex(tags: readonly Tag[]): Map<string | null, string[]> {
  const m = new Map<string | null, string[]>();
  for (const t of tags) {
    const list = m.get(t.parentId);
    if (list) list.push(t.id);
    else m.set(t.parentId, [t.id]);
  }
  return m;
}

function where(tags: readonly Tag[], parentId: string | null): MessageText {
  return parentId === null ? sentence('backend.codebook.atTop') : sentence('backend.codebook.under', { path: tagPath(tags, parentId).join('/') });
}

/** Throws unless no sibling under parentId (other than the ids in `except`) has this name. */
function assertUniqueName(tags: readonly Tag[], name: string, parentId: string | null, except: ReadonlySet<string>): void {
  const k = nameKey(name);
  const clash = tags.find((t) => t.parentId === parentId && !except.has(t.id) && nameKey(t.name) === k);
  if (clash) throw new CodebookError('duplicate-name', sentence('backend.codebook.nameTaken', { name: clash.name, where: where(tags, parentId) }));
}

function isAncestor(byId: ReadonlyMap<string, Tag>, ancestorId: string, id: string): boolean {
  return lineageOf(byId, id).some((t, i) => i > 0 && t.id === ancestorId);
}

function replaceIn(tags: readonly Tag[], updated: ReadonlyMap<string, Tag>): Tag[] {
  return tags.map((t) => updated.get(t.id) ?? t);
}

// ---------------------------------------------------------------------------------------------------------------
// Operations

export function createTag(tags: readonly Tag[], input: NewTagInput): TagChange & { tag: Tag } {
  const byId = indexById(tags);
  const id = input.id.trim();
  if (id.length === 0) throw new CodebookError('invalid-name', sentence('backend.codebook.emptyId'));
  if (byId.has(id)) throw new CodebookError('duplicate-id', sentence('backend.codebook.idTaken', { id }));
  const parentId = input.parentId ?? null;
  const parent = parentId === null ? null : mustGet(byId, parentId, 'parent');
  const name = validateTagName(input.name);
  assertUniqueName(tags, name, parentId, new Set());
  const tag: Tag = {
    id,
    name,
    kind: validateKind(input.kind ?? parent?.kind ?? 'other'),
    color: validateColor(input.color ?? nextColor(tags)),
    parentId,
    description: (input.description ?? '').trim(),
    aliases: validateAliases(input.aliases ?? [], name),
    createdAt: input.createdAt,
  };
  return {
    tag,
    tags: [...tags, tag],
    ...summarised(sentence('backend.codebook.created', { name, where: where(tags, parentId) })),
    changedIds: [id],
    removedIds: [],
    rewrite: null,
  };
}

/** Rename, change kind, recolour, describe, set aliases: any subset at once, validated together. */
export function updateTag(tags: readonly Tag[], id: string, patch: TagPatch): TagChange & { tag: Tag } {
  const old = mustGet(indexById(tags), id);
  const name = patch.name === undefined ? old.name : validateTagName(patch.name);
  if (patch.name !== undefined) assertUniqueName(tags, name, old.parentId, new Set([id]));
  const tag: Tag = {
    ...old,
    name,
    kind: patch.kind === undefined ? old.kind : validateKind(patch.kind),
    color: patch.color === undefined ? old.color : validateColor(patch.color),
    description: patch.description === undefined ? old.description : patch.description.trim(),
    aliases: validateAliases(patch.aliases ?? old.aliases, name),
  };
  if (patch.translit === true) delete tag.translit;
  else if (patch.translit === false) tag.translit = false;
  const what: MessageText[] = [];
  if (tag.name !== old.name) what.push(sentence('backend.codebook.renamedTo', { name: tag.name }));
  if (tag.kind !== old.kind) what.push(sentence('backend.codebook.kindIs', { kind: sentence(`backend.codebook.kindName.${tag.kind}` as MessageKey) }));
  if (tag.color !== old.color) what.push(sentence('backend.codebook.colourIs', { colour: tag.color }));
  if (tag.description !== old.description) what.push(sentence('backend.codebook.descriptionEdited'));
  if (tag.aliases.join('\u0000') !== old.aliases.join('\u0000')) what.push(sentence('backend.codebook.aliasesEdited'));
  if ((tag.translit ?? true) !== (old.translit ?? true)) what.push(sentence(tag.translit === false ? 'backend.codebook.matchAsSpelled' : 'backend.codebook.matchAcrossScripts'));
  return {
    tag,
    tags: replaceIn(tags, new Map([[id, tag]])),
    ...summarised(what.length === 0 ? sentence('backend.codebook.unchanged', { name: old.name }) : sentence('backend.codebook.changed', { name: old.name, what: joined(what) })),
    changedIds: what.length === 0 ? [] : [id],
    removedIds: [],
    rewrite: null,
  };
}

/** Rename everywhere at once: highlights, queries and exports reference the id, so only the tag changes. */
export function renameTag(tags: readonly Tag[], id: string, name: string): TagChange & { tag: Tag } {
  return updateTag(tags, id, { name });
}

export function recolourTag(tags: readonly Tag[], id: string, color: string): TagChange & { tag: Tag } {
  return updateTag(tags, id, { color });
}

/** Changes of a tag, one after another: "renamed to "X", colour #aabbcc". */
function joined(parts: MessageText[]): MessageText {
  return parts.slice(1).reduce((all, part) => sentence('backend.codebook.andThen', { first: all, next: part }), parts[0]);
}

/** Moves a tag (with its subtree) under another parent, or to the top level with null. */
export function moveTag(tags: readonly Tag[], id: string, parentId: string | null): TagChange & { tag: Tag } {
  const byId = indexById(tags);
  const tag = mustGet(byId, id);
  if (parentId !== null) {
    const parent = mustGet(byId, parentId, 'parent');
    if (parentId === id) throw new CodebookError('cycle', sentence('backend.codebook.moveIntoItself', { name: tag.name }));
    if (isAncestor(byId, id, parentId)) {
      throw new CodebookError('cycle', sentence('backend.codebook.moveCycle', { name: tag.name, parent: parent.name }));
    }
  }
  if (tag.parentId === parentId) {
    return { tag, tags: [...tags], ...summarised(sentence('backend.codebook.alreadyThere', { name: tag.name, where: where(tags, parentId) })), changedIds: [], removedIds: [], rewrite: null };
  }
  assertUniqueName(tags, tag.name, parentId, new Set([id]));
  // A tag's kind follows its place in the tree unless the analyst set another: one that had the kind of its old
  // place takes the kind of the new one (a place moved under Groups becomes a group), and so do its descendants
  // that had its kind.
  const placeKind = (pid: string | null): TagKind => (pid === null ? 'other' : (byId.get(pid)?.kind ?? 'other'));
  const follows = tag.kind === placeKind(tag.parentId);
  const newKind = follows ? placeKind(parentId) : tag.kind;
  const moved: Tag = { ...tag, parentId, kind: newKind };
  const updated = new Map([[id, moved]]);
  if (newKind !== tag.kind) {
    for (const d of descendantIds(tags, id)) {
      const t = byId.get(d);
      if (t && t.kind === tag.kind) updated.set(d, { ...t, kind: newKind });
    }
  }
  const place = parentId === null ? sentence('backend.codebook.toTop') : sentence('backend.codebook.under', { path: tagPath(tags, parentId).join('/') });
  const moveSummary = newKind !== tag.kind ? sentence('backend.codebook.movedKind', { name: tag.name, place, kind: sentence(`backend.codebook.kindNoun.${newKind}` as MessageKey) }) : sentence('backend.codebook.moved', { name: tag.name, place });
  return {
    tag: moved,
    tags: replaceIn(tags, updated),
    ...summarised(moveSummary),
    changedIds: [...updated.keys()],
    removedIds: [],
    rewrite: null,
  };
}

/**
 * Merges `fromId` into `intoId`: see the file comment. If the target sits inside the source, it first takes the
 * source's place in the tree. Throws when the source's children cannot join the target's without a name clash that
 * merging cannot resolve (it always can: same-named children are merged recursively).
 */
export function mergeTags(tags: readonly Tag[], fromId: string, intoId: string): TagChange & { tag: Tag; undo: MergeUndo } {
  const byId = indexById(tags);
  const from = mustGet(byId, fromId);
  const into = mustGet(byId, intoId);
  if (fromId === intoId) throw new CodebookError('self-merge', sentence('backend.codebook.mergeIntoItself', { name: from.name }));

  const work = new Map<string, Tag>(); // modified copies
  const get = (id: string): Tag => work.get(id) ?? (byId.get(id) as Tag);
  const parents: Record<string, string | null> = {};
  const setParent = (id: string, parentId: string | null): void => {
    const t = get(id);
    if (!(id in parents)) parents[id] = t.parentId;
    work.set(id, { ...t, parentId });
  };
  const removed = new Set<string>();
  const map: Record<string, string> = {};

  if (isAncestor(byId, fromId, intoId)) {
    // The target takes the source's place; its name must not clash there.
    const clash = tags.find((t) => t.parentId === from.parentId && t.id !== fromId && t.id !== intoId && nameKey(t.name) === nameKey(into.name));
    if (clash) {
      throw new CodebookError('duplicate-name', sentence('backend.codebook.mergeClash', { into: into.name, where: where(tags, from.parentId), name: clash.name }));
    }
    setParent(intoId, from.parentId);
  }

  const currentChildren = (parentId: string): string[] =>
    tags.filter((t) => !removed.has(t.id) && get(t.id).parentId === parentId).map((t) => t.id);

  const mergeOne = (src: string, dst: string): void => {
    map[src] = dst;
    removed.add(src);
    const s = get(src);
    const d = get(dst);
    const aliases = validateAliases([...d.aliases, s.name, ...s.aliases], d.name);
    work.set(dst, { ...d, aliases, description: d.description || s.description });
    const dstChildren = new Map(currentChildren(dst).map((c) => [nameKey(get(c).name), c]));
    for (const child of currentChildren(src)) {
      if (child === dst) continue;
      const twin = dstChildren.get(nameKey(get(child).name));
      if (twin !== undefined) mergeOne(child, twin);
      else setParent(child, dst);
    }
  };
  mergeOne(fromId, intoId);

  const undo: MergeUndo = {
    into,
    removed: tags.flatMap((t, index) => (removed.has(t.id) ? [{ tag: t, index }] : [])),
    parents: Object.fromEntries(Object.entries(parents).filter(([id]) => !removed.has(id))),
  };
  const next = replaceIn(tags, work).filter((t) => !removed.has(t.id));
  return {
    tag: get(intoId),
    tags: next,
    ...summarised(sentence('backend.codebook.merged', { from: from.name, into: into.name })),
    changedIds: [...work.keys()].filter((id) => !removed.has(id)),
    removedIds: [...removed],
    rewrite: { op: 'replace', map },
    undo,
  };
}

/** Deletes a tag: see the file comment. Returns the undo data for `undoDelete`. */
export function deleteTag(tags: readonly Tag[], id: string): TagChange & { undo: DeleteUndo } {
  const byId = indexById(tags);
  const tag = mustGet(byId, id);
  const children = tags.filter((t) => t.parentId === id);
  for (const c of children) {
    const clash = tags.find((t) => t.parentId === tag.parentId && t.id !== id && nameKey(t.name) === nameKey(c.name));
    if (clash) {
      throw new CodebookError('duplicate-name', sentence('backend.codebook.deleteClash', { name: tag.name, child: c.name, where: where(tags, tag.parentId), clash: clash.name }));
    }
  }
  const moved = new Map(children.map((c) => [c.id, { ...c, parentId: tag.parentId }]));
  return {
    tags: replaceIn(tags, moved).filter((t) => t.id !== id),
    ...summarised(children.length === 0 ? sentence('backend.codebook.deleted', { name: tag.name }) : sentence('backend.codebook.deletedMovedUp', { name: tag.name, count: children.length })),
    changedIds: [...moved.keys()],
    removedIds: [id],
    rewrite: { op: 'remove', tagId: id },
    undo: { tag, index: tags.indexOf(tag), childParents: Object.fromEntries(children.map((c) => [c.id, id])) },
  };
}

/**
 * Undoes a delete: the tag returns at its old index; children the delete moved up come back unless they were moved
 * elsewhere since; `positions` (merged from every file's `applyRewrite`) re-inserts the tag into its highlights.
 */
export function undoDelete(tags: readonly Tag[], undo: DeleteUndo, positions: Readonly<Record<string, number>>): TagChange {
  const byId = indexById(tags);
  const { tag } = undo;
  if (byId.has(tag.id)) throw new CodebookError('undo-conflict', sentence('backend.codebook.undoIdBack', { id: tag.id }));
  const parentId = tag.parentId !== null && byId.has(tag.parentId) ? tag.parentId : null;
  const restoredChildren = new Map<string, Tag>();
  for (const childId of Object.keys(undo.childParents)) {
    const c = byId.get(childId);
    if (c && c.parentId === tag.parentId) restoredChildren.set(childId, { ...c, parentId: tag.id });
  }
  const clash = tags.find((t) => t.parentId === parentId && !restoredChildren.has(t.id) && nameKey(t.name) === nameKey(tag.name));
  if (clash) {
    throw new CodebookError('undo-conflict', sentence('backend.codebook.undoDeleteClash', { name: tag.name, clash: clash.name, where: where(tags, parentId) }));
  }
  const restored: Tag = { ...tag, parentId };
  const next = replaceIn(tags, restoredChildren);
  next.splice(Math.min(Math.max(0, undo.index), next.length), 0, restored);
  return {
    tags: next,
    ...summarised(sentence('backend.codebook.restored', { name: tag.name })),
    changedIds: [tag.id, ...restoredChildren.keys()],
    removedIds: [],
    rewrite: { op: 'restore', tagId: tag.id, positions: { ...positions } },
  };
}

/**
 * Undoes a merge: the removed tags return at their old indexes, the target gets back its old aliases and
 * description (keeping its current name and colour if renamed since), moved children return to their parents;
 * `previous` (merged from every file's `applyRewrite`) resets the highlights' tag ids.
 */
export function undoMerge(tags: readonly Tag[], undo: MergeUndo, previous: Readonly<Record<string, string[]>>): TagChange {
  const byId = indexById(tags);
  for (const { tag } of undo.removed) {
    if (byId.has(tag.id)) throw new CodebookError('undo-conflict', sentence('backend.codebook.undoIdBack', { id: tag.id }));
  }
  const updated = new Map<string, Tag>();
  const into = byId.get(undo.into.id);
  if (into) updated.set(into.id, { ...into, aliases: [...undo.into.aliases], description: undo.into.description, parentId: undo.into.parentId });
  for (const [id, parentId] of Object.entries(undo.parents)) {
    const t = updated.get(id) ?? byId.get(id);
    if (t) updated.set(id, { ...t, parentId });
  }
  const next = replaceIn(tags, updated);
  for (const { tag, index } of [...undo.removed].sort((a, b) => a.index - b.index)) {
    next.splice(Math.min(index, next.length), 0, tag);
  }
  return {
    tags: next,
    ...summarised(sentence('backend.codebook.unmerged', { name: undo.removed[0]?.tag.name ?? '', from: undo.into.name })),
    changedIds: [...updated.keys(), ...undo.removed.map((r) => r.tag.id)],
    removedIds: [],
    rewrite: { op: 'reset', tagIds: { ...previous } },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Applying a rewrite to highlights (one source file at a time)

/** True when the rewrite may change a highlight with these tag ids (a cheap test to skip a file). */
export function rewriteTouches(rewrite: TagRewrite, highlightId: string, tagIds: readonly string[]): boolean {
  switch (rewrite.op) {
    case 'replace':
      return tagIds.some((t) => t in rewrite.map);
    case 'remove':
      return tagIds.includes(rewrite.tagId);
    case 'restore':
      return highlightId in rewrite.positions && !tagIds.includes(rewrite.tagId);
    case 'reset':
      return highlightId in rewrite.tagIds;
  }
}

/** The highlight's new tag ids, or null when unchanged. */
export function rewriteTagIds(rewrite: TagRewrite, highlightId: string, tagIds: readonly string[]): string[] | null {
  if (!rewriteTouches(rewrite, highlightId, tagIds)) return null;
  let out: string[];
  switch (rewrite.op) {
    case 'replace': {
      const seen = new Set<string>();
      out = [];
      for (const t of tagIds) {
        const r = rewrite.map[t] ?? t;
        if (!seen.has(r)) {
          seen.add(r);
          out.push(r);
        }
      }
      break;
    }
    case 'remove':
      out = tagIds.filter((t) => t !== rewrite.tagId);
      break;
    case 'restore': {
      out = [...tagIds];
      out.splice(Math.min(Math.max(0, rewrite.positions[highlightId]), out.length), 0, rewrite.tagId);
      break;
    }
    case 'reset':
      out = [...rewrite.tagIds[highlightId]];
      break;
  }
  return out.length === tagIds.length && out.every((t, i) => t === tagIds[i]) ? null : out;
}

export interface RewriteResult<H> {
  /** The new highlights (the same objects where unchanged). */
  highlights: H[];
  /** Ids of the highlights that changed: when empty, the file need not be written. */
  changedIds: string[];
  /** For a 'remove': highlight id -> index the tag had (undo data for `undoDelete`). */
  positions: Record<string, number>;
  /** For every changed highlight: its tag ids before (undo data for `undoMerge`). */
  previous: Record<string, string[]>;
}

/** Applies a rewrite to one source's highlights. `now` (ISO) becomes the changed highlights' modifiedAt. */
export function applyRewrite<H extends Pick<Highlight, 'id' | 'tagIds'> & Partial<Pick<Highlight, 'modifiedAt'>>>(
  rewrite: TagRewrite,
  highlights: readonly H[],
  now?: string,
): RewriteResult<H> {
  const changedIds: string[] = [];
  const positions: Record<string, number> = {};
  const previous: Record<string, string[]> = {};
  const out = highlights.map((h) => {
    const next = rewriteTagIds(rewrite, h.id, h.tagIds);
    if (next === null) return h;
    changedIds.push(h.id);
    previous[h.id] = [...h.tagIds];
    if (rewrite.op === 'remove') positions[h.id] = h.tagIds.indexOf(rewrite.tagId);
    return now === undefined ? { ...h, tagIds: next } : { ...h, tagIds: next, modifiedAt: now };
  });
  return { highlights: out, changedIds, positions, previous };
}
