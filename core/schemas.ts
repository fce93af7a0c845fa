/** zod schemas of the domain values that cross the IPC boundary. */
import { z } from 'zod';
import { FONT_SIZE, LINE_WIDTH } from './model';
import { MAX_NOTE_DEPTH, noteDepth } from './notes/depth';
import { credibility, statementSchema } from './statements/schemas';

export const id = z.string().min(1, 'an id is required').max(100, 'an id is at most 100 characters');

/** A ProseMirror document as JSON. Its inner shape is checked by the editor schema; here, size and form. */
export const noteDoc = z
  .object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() })
  .passthrough()
  // Depth first (iteratively): a note nested 100,000 deep must be refused, not overflow JSON.stringify.
  .refine((d) => noteDepth(d) <= MAX_NOTE_DEPTH, `a note nests at most ${MAX_NOTE_DEPTH} levels deep`)
  .refine((d) => noteDepth(d) > MAX_NOTE_DEPTH || JSON.stringify(d).length <= 5 * 1024 * 1024, 'a note is at most 5 MB');

export const readerSettings = z.object({
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineWidth: z.number().int().min(LINE_WIDTH.min).max(LINE_WIDTH.max),
  fontFamily: z.enum(['serif', 'sans']),
});

export const windowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(300).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean(),
});

/** The analyst's name (issue 19): what the panels show as "by …". "Adjudicated" names the merged reading. */
export const analystName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'a name is at least one letter')
      .max(80, 'a name is at most 80 characters')
      .refine((s) => s.toLowerCase() !== 'adjudicated', '"Adjudicated" names the merged reading; choose another name')
      .refine((s) => !/[\u0000-\u001f]/.test(s), 'a name holds no control characters'),
  );

export const settingsPatch = z
  .object({
    reader: readerSettings.partial(),
    lastSourceId: id.nullable(),
    window: windowBounds,
    readingPosition: z.object({ sourceId: id, offset: z.number().int().min(0) }),
    translitMatching: z.boolean(),
    interfaceLanguage: z.enum(['en', 'ru']),
    analystName: analystName,
  })
  .partial()
  .strict();

/** Highlight ids double as Markdown block ids (^h-…): letters, digits and dashes only. */
export const highlightId = z.string().regex(/^h-[0-9a-z-]{4,64}$/i, 'a highlight id is h- followed by letters, digits or dashes');

export const offset = z.number().int().min(0).max(60 * 1024 * 1024);

/** A source's text: at most 50 MB. */
export const sourceText = z.string().refine((t) => t.length <= 50 * 1024 * 1024, 'a source is at most 50 MB of text');

const isoDate = z.string().max(40);

export const highlightSchema = z
  .object({
    id,
    sourceId: id,
    start: offset,
    end: offset,
    quote: z.object({ exact: z.string().min(1).max(1_000_000), prefix: z.string().max(200), suffix: z.string().max(200) }).strict(),
    tagIds: z.array(id).max(100),
    note: noteDoc.nullable(),
    orphan: z.boolean(),
    createdAt: isoDate,
    modifiedAt: isoDate,
    // REFI-QDA identity (issue 16): kept from an imported project, written back on export.
    guid: z.string().max(64).optional(),
    creatingUser: z.string().max(64).optional(),
    codingGuids: z.record(z.string().max(100), z.string().max(64)).optional(),
    statement: statementSchema.optional(),
    credibility: credibility.optional(),
    creator: z.string().max(200).optional(),
    lastEditor: z.string().max(200).optional(),
  })
  .strict();

const stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, 'a date is an ISO date-time');

/** A highlight given back by the renderer (undo of a delete): our id pattern and real dates. */
export const restorableHighlight = highlightSchema.extend({ id: highlightId, createdAt: stamp, modifiedAt: stamp });

/**
 * `view.json`: where the window was (the open source, the window's bounds, reading positions) and the tags used
 * last. Kept apart from the catalog so that switching sources or scrolling never rewrites the whole catalog
 * (issue 20). Disposable: a damaged or missing one only loses these, never the analyst's work.
 */
export const viewStateSchema = z
  .object({
    lastSourceId: id.nullable(),
    window: windowBounds.nullable(),
    readingPositions: z.record(z.string().max(100), z.number().int().min(0)),
    recentTagIds: z.array(id).max(100),
  })
  .strip();
export type ViewState = z.output<typeof viewStateSchema>;
