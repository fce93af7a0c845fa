/** zod schemas of the domain values that cross the IPC boundary. */
import { z } from 'zod';
import { FONT_SIZE, LINE_WIDTH } from './model';

export const id = z.string().min(1, 'an id is required').max(100, 'an id is at most 100 characters');

/** A ProseMirror document as JSON. Its inner shape is checked by the editor schema; here, size and form. */
export const noteDoc = z
  .object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() })
  .passthrough()
  .refine((d) => JSON.stringify(d).length <= 5 * 1024 * 1024, 'a note is at most 5 MB');

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

export const settingsPatch = z
  .object({
    reader: readerSettings.partial(),
    lastSourceId: id.nullable(),
    window: windowBounds,
    readingPosition: z.object({ sourceId: id, offset: z.number().int().min(0) }),
  })
  .partial()
  .strict();
