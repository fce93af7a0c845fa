/**
 * The shapes of the notebook's files on disk (GUIDE §5): every file is checked when read, and a file of the wrong
 * shape is damage, handled like a garbled one. Checks only: the data read is kept as it is (unknown fields survive).
 */
import { z } from 'zod';
import { highlightSchema, noteDoc } from './schemas';
import { reliability } from './statements/schemas';
import { TAG_KINDS, VARIABLE_TYPES } from './model';
import { codingSetupSchema, decisionSchema } from './agreement/api';

/**
 * The one pattern for ids that become file names (`sources/<id>.json`): letters, digits, `_` and `-`, starting with a
 * letter or digit, at most 100 characters. Nothing outside the notebook folder can be named this way.
 */
export const FILE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function isFileId(value: unknown): value is string {
  return typeof value === 'string' && FILE_ID_PATTERN.test(value);
}

export const fileId = z.string().regex(FILE_ID_PATTERN, 'an id is letters, digits, _ or -, at most 100 characters');

const day = z.string().max(40);
const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => a <= b, 'a range ends after it starts');

export const sourceMetaSchema = z.object({
  id: fileId,
  title: z.string().max(2000),
  publisher: z.string().max(2000),
  date: day,
  originalFile: z.string().max(4096),
  contentHash: z.string().max(128),
  addedAt: z.string().max(40),
  furniture: z.array(range),
  // Document facts (issue 15), absent for text sources and bundled articles.
  kind: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']).optional(),
  authors: z.array(z.string().max(200)).max(200).optional(),
  url: z.string().max(4096).optional(),
  language: z.string().max(40).optional(),
  dir: z.enum(['ltr', 'rtl']).optional(),
  pageStarts: z.array(z.number().int().min(0)).optional(),
  wholePage: z.boolean().optional(),
  pairedWith: fileId.optional(),
  original: z.string().regex(/^originals\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.[a-z0-9]{1,8}$/).optional(),
  // Exchange identity and attributes (issue 16), absent in notebooks written before.
  guid: z.string().max(64).optional(),
  creatingUser: z.string().max(64).optional(),
  variables: z.record(z.string().max(200), z.string().max(10_000)).optional(),
});

export const collectionSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  sourceIds: z.array(z.string().min(1).max(100)),
  kind: z.enum(['set', 'case']).optional(),
  description: z.string().max(100_000).optional(),
  variables: z.record(z.string().max(200), z.string().max(10_000)).optional(),
  guid: z.string().max(64).optional(),
});

export const tagGroupSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  tagIds: z.array(z.string().min(1).max(100)),
  description: z.string().max(100_000).optional(),
  guid: z.string().max(64).optional(),
});

export const projectIdentitySchema = z.object({
  name: z.string().max(2000).optional(),
  origin: z.string().max(2000).optional(),
  creatingUser: z.string().max(64).optional(),
  createdAt: z.string().max(40).optional(),
  users: z.array(z.object({ guid: z.string().max(64), name: z.string().max(2000) })).max(10_000).optional(),
  variables: z
    .array(z.object({ name: z.string().max(200), type: z.enum(VARIABLE_TYPES), guid: z.string().max(64).optional(), description: z.string().max(100_000).optional() }))
    .max(10_000)
    .optional(),
  offsetUnit: z.enum(['code-points', 'utf-16']).optional(),
  // Source grading (issue 17): absent in notebooks written before it.
  reliability: reliability.optional(),
});

/** Checked by a loop rather than z.record: 50,000 entries are read at every start and must not cost a second. */
function isCountsRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    const c = (value as Record<string, unknown>)[key];
    if (!Array.isArray(c) || c.length !== 3) return false;
    for (const n of c) if (!Number.isInteger(n) || (n as number) < 0) return false;
  }
  return true;
}

/** Highlight ids per source (the catalog's `citations`), checked by a loop for the same reason. */
function isIdListRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    const ids = (value as Record<string, unknown>)[key];
    if (!Array.isArray(ids)) return false;
    for (const id of ids) if (typeof id !== 'string' || id.length === 0 || id.length > 200) return false;
  }
  return true;
}

export const storedTagSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  kind: z.enum(TAG_KINDS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  parentId: z.string().min(1).max(100).nullable(),
  description: z.string().max(100_000).optional(),
  aliases: z.array(z.string().max(200)).max(1000).optional(),
  createdAt: z.string().max(40).optional(),
  guid: z.string().max(64).optional(),
  isCodable: z.boolean().optional(),
  translit: z.boolean().optional(),
  creator: z.string().max(200).optional(),
  lastEditor: z.string().max(200).optional(),
  modifiedAt: z.string().max(40).optional(),
});

export const catalogFileSchema = z.object({
  schemaVersion: z.number().int().min(1),
  sources: z.array(sourceMetaSchema),
  // Absent in catalogs written before the codebook and the project notebook existed: they get the defaults.
  tags: z.array(storedTagSchema).optional(),
  settings: z.object({}).passthrough().optional(),
  projectNote: noteDoc.optional(),
  /** Per source: [highlights, orphans, characters] as of `summaryGeneration` (see electron/backend/store/summary-log.ts). */
  summaries: z.custom<Record<string, [number, number, number]>>(isCountsRecord, 'summaries are [highlights, orphans, characters] per source').optional(),
  summaryGeneration: z.number().int().min(0).optional(),
  // Source collections and the QDA project's identity (issue 16), absent in older catalogs.
  collections: z.array(collectionSchema).optional(),
  tagGroups: z.array(tagGroupSchema).optional(),
  project: projectIdentitySchema.optional(),
  /** Per source: the highlights its notes cite; `citationsUnknown`: counted sources not read since citations were kept. */
  citations: z.custom<Record<string, string[]>>(isIdListRecord, 'citations are lists of highlight ids per source').optional(),
  citationsUnknown: z.array(z.string().max(200)).optional(),
  // Blind double-coding and adjudication (issue 19), absent in older catalogs.
  coding: codingSetupSchema.optional(),
  adjudications: z.array(decisionSchema).max(1_000_000).optional(),
});

const storedHighlight = highlightSchema.extend({ sourceId: fileId }).loose();

export const sourceFileSchema = z.object({
  schemaVersion: z.number().int().min(1),
  id: fileId,
  text: z.string(),
  highlights: z.array(storedHighlight),
  note: noteDoc,
  rejectedSuggestions: z.object({ keys: z.array(z.string()), entityKeys: z.array(z.string()) }).optional(),
  /** Attribution suggestions the analyst rejected (issue 17): their keys. */
  rejectedStatements: z.array(z.string().max(2000)).max(100_000).optional(),
  noteEditedBy: z.string().max(200).optional(),
  noteEditedAt: z.string().max(40).optional(),
});

/** The reason a parsed file does not have its kind's shape, or null when it does. */
export function shapeProblem(kind: 'catalog' | 'source', data: unknown): string | null {
  const schema = kind === 'catalog' ? catalogFileSchema : sourceFileSchema;
  const result = schema.safeParse(data);
  if (result.success) {
    if (kind === 'source') return duplicateProblem(data as z.output<typeof sourceFileSchema>);
    return null;
  }
  const issue = result.error.issues[0];
  return `${issue.message}${issue.path.length ? ` at ${issue.path.slice(0, 4).join('.')}` : ''}`;
}

/**
 * One highlight id twice in a file is damage. (A highlight past the end of the text is not: a text edited outside the
 * app is re-anchored when the source opens.)
 */
function duplicateProblem(file: z.output<typeof sourceFileSchema>): string | null {
  const ids = new Set<string>();
  for (const h of file.highlights) {
    if (ids.has(h.id)) return `highlight ${h.id} appears twice`;
    ids.add(h.id);
  }
  return null;
}
