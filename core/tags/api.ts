/**
 * The tag channels' input schemas and output types (issue 4), kept here so core/contract.ts only lists the channels.
 * Names and aliases are validated again (trimmed, de-duplicated, unique among siblings) by core/tags/codebook.ts;
 * these schemas bound sizes and shapes so nothing malformed reaches the backend.
 */
import { z } from 'zod';
import { attributeFilter, collectionFilter } from '../collections/api';
import { ENTITY_KINDS, TAG_KINDS, type Highlight, type Tag } from '../model';
import { id } from '../schemas';
import type { SuggestionGroup } from '../suggest/entities';
import type { RetrievalResult } from './query';
import { TAG_NAME_MAX } from './codebook';
import type { MessageText } from '../i18n/message-text';

export const tagName = z.string().min(1, 'a tag name cannot be empty').max(TAG_NAME_MAX, `a tag name is at most ${TAG_NAME_MAX} characters`);
export const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb, e.g. #f5d24a');
export const tagKind = z.enum(TAG_KINDS);
export const entityKind = z.enum(ENTITY_KINDS);
const aliases = z.array(tagName).max(200, 'a tag has at most 200 aliases');
const description = z.string().max(10_000, 'a description is at most 10,000 characters');
const isoDate = z.string().max(40);
const index = z.number().int().min(0).max(10_000_000);
const offset = z.number().int().min(0).max(60 * 1024 * 1024);
const dayOrEmpty = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is yyyy-mm-dd')]);

export const tagSchema = z
  .object({ id, name: tagName, kind: tagKind, color: tagColor, parentId: id.nullable(), description, aliases, createdAt: isoDate, translit: z.boolean().optional() })
  .strict();

export const highlightRef = z.object({ sourceId: id, highlightId: id }).strict();

/** What undoing a delete needs: the tag, its place, its children, and per source file where it sat in each highlight. */
export const deleteUndoSchema = z
  .object({
    tag: tagSchema,
    index,
    childParents: z.record(id, id),
    /** sourceId -> highlightId -> index of the tag in the highlight's tag list. */
    positions: z.record(id, z.record(id, index)),
  })
  .strict();

/** What undoing a merge needs: the target as it was, the removed tags, moved children, and per file the old tag lists. */
export const mergeUndoSchema = z
  .object({
    into: tagSchema,
    removed: z.array(z.object({ tag: tagSchema, index }).strict()).min(1),
    parents: z.record(id, id.nullable()),
    /** sourceId -> highlightId -> its tag ids before the merge. */
    previous: z.record(id, z.record(id, z.array(id).max(100))),
    /** Tag groups that held a merged tag and so gained the target: undo takes the target out of them again. */
    joinedGroups: z.array(id).max(10_000).optional(),
  })
  .strict();

export type DeleteTagUndo = z.output<typeof deleteUndoSchema>;
export type MergeTagUndo = z.output<typeof mergeUndoSchema>;

const suggestionInput = z
  .object({
    start: offset,
    end: offset,
    text: z.string().min(1).max(1000),
    kind: entityKind,
    tagId: id.optional(),
    proposedName: tagName,
    aliases: aliases.optional(),
  })
  .strict();

export const tagInputs = {
  listTags: z.undefined().optional(),
  createTag: z
    .object({ name: tagName, kind: tagKind.optional(), parentId: id.nullable().optional(), color: tagColor.optional(), description: description.optional(), aliases: aliases.optional() })
    .strict(),
  /** Rename (everywhere at once: highlights reference the id), recolour, change kind, description or aliases. */
  updateTag: z
    .object({ tagId: id, name: tagName.optional(), kind: tagKind.optional(), color: tagColor.optional(), description: description.optional(), aliases: aliases.optional(), translit: z.boolean().optional() })
    .strict(),
  moveTag: z.object({ tagId: id, parentId: id.nullable() }).strict(),
  mergeTags: z.object({ fromId: id, intoId: id }).strict(),
  deleteTag: z.object({ tagId: id }).strict(),
  undoDeleteTag: z.object({ undo: deleteUndoSchema }).strict(),
  undoMergeTag: z.object({ undo: mergeUndoSchema }).strict(),
  setHighlightTags: z.object({ sourceId: id, highlightId: id, tagIds: z.array(id).max(100, 'a highlight has at most 100 tags') }).strict(),
  bulkTag: z
    .object({ highlights: z.array(highlightRef).min(1, 'select at least one highlight').max(100_000), add: id.optional(), remove: id.optional() })
    .strict()
    .refine((v) => (v.add === undefined) !== (v.remove === undefined), 'give either a tag to add or a tag to remove'),
  retrieve: z
    .object({
      query: z.string().max(2000, 'a query is at most 2,000 characters'),
      filters: z
        .object({ sourceIds: z.array(id).max(100_000).optional(), from: dayOrEmpty.optional(), to: dayOrEmpty.optional(), collectionIds: collectionFilter, attributes: attributeFilter })
        .strict()
        .optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      order: z.enum(['source', 'date']).optional(),
    })
    .strict(),
  suggestEntities: z.object({ sourceId: id }).strict(),
  /** Reject one mention (its key) or a whole entity (its entityKey) for this source; remembered in the source file. */
  rejectSuggestion: z.union([
    z.object({ sourceId: id, key: z.string().min(1).max(1200) }).strict(),
    z.object({ sourceId: id, entityKey: z.string().min(1).max(400) }).strict(),
  ]),
  /** Undo of a rejection. */
  unrejectSuggestion: z.union([
    z.object({ sourceId: id, key: z.string().min(1).max(1200) }).strict(),
    z.object({ sourceId: id, entityKey: z.string().min(1).max(400) }).strict(),
  ]),
  /** Accept suggestions: each becomes a highlight with its tag (created with the right kind when new). */
  acceptSuggestions: z.object({ sourceId: id, suggestions: z.array(suggestionInput).min(1).max(10_000) }).strict(),
  /** "Tag all mentions": every mention of the tag's name and aliases across the notebook, for review. */
  findMentions: z.object({ tagId: id }).strict(),
  /** Tag passages (reviewed mentions): a highlight with the tag for each, or the tag added to an identical highlight. */
  tagPassages: z
    .object({ tagId: id, passages: z.array(z.object({ sourceId: id, start: offset, end: offset }).strict()).min(1).max(100_000) })
    .strict(),
  pinTag: z.object({ tagId: id, pinned: z.boolean() }).strict(),
};

// ---------------------------------------------------------------------------------------------------------------
// Outputs

export interface TagCount {
  /** Highlights carrying the tag itself, and the sources they are in. */
  highlights: number;
  sources: number;
  /** The same counting the tag's descendants too (what a retrieval of the tag returns). */
  subtreeHighlights: number;
  subtreeSources: number;
}

export interface TagList {
  tags: Tag[];
  /** By tag id; every tag has an entry. */
  counts: Record<string, TagCount>;
  /** The counts are not known yet (the search index is still loading): ask again shortly; the tags are. */
  countsPending?: boolean;
}

export interface TagChangeResult {
  tags: Tag[];
  summary: string;
  /** The summary as data, for the interface language (core/i18n/message-text.ts). */
  summaryText: MessageText;
  /** The tag created or changed. */
  tag?: Tag;
}

export interface DeleteTagResult extends TagChangeResult {
  undo: DeleteTagUndo;
  highlightsChanged: number;
}

export interface MergeTagsResult extends TagChangeResult {
  undo: MergeTagUndo;
  highlightsChanged: number;
}

export interface UndoTagResult extends TagChangeResult {
  highlightsChanged: number;
}

export interface HighlightTagChange {
  highlight: Highlight;
  /** Its tag ids before the change (undo). */
  previousTagIds: string[];
}

export interface BulkTagResult {
  /** Only the highlights that changed. */
  changed: HighlightTagChange[];
  summary: string;
  summaryText: MessageText;
}

export type RetrieveResult = RetrievalResult;

export interface SuggestResult {
  sourceId: string;
  groups: SuggestionGroup[];
  total: number;
  /** Mentions and entities rejected for this source so far. */
  rejected: { keys: number; entities: number };
}

export interface RejectionsResult {
  keys: string[];
  entityKeys: string[];
}

export interface TagPassagesResult {
  /** New highlights. */
  created: Highlight[];
  /** Existing highlights over the same range that gained the tag. */
  updated: HighlightTagChange[];
  /** The codebook when tags were created (accepting a suggestion for a new entity). */
  tags: Tag[];
  createdTags: Tag[];
  summary: string;
  summaryText: MessageText;
}

export interface MentionRow {
  sourceId: string;
  sourceTitle: string;
  date: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

export interface FindMentionsResult {
  tag: Tag;
  mentions: MentionRow[];
  /** Sources searched. */
  sources: number;
}
