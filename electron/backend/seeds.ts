import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  sources: z.array(
    z.object({
      file: z.string().min(1),
      title: z.string().min(1),
      publisher: z.string(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      originalFile: z.string(),
      furnitureLines: z.array(z.string()).default([]),
    }),
  ),
});

export interface SeedArticle {
  seedId: string;
  title: string;
  publisher: string;
  date: string;
  originalFile: string;
  furnitureLines: string[];
  text: string;
}

/** Read the bundled articles and their manifest. Texts are read byte for byte (UTF-8), never normalised. */
export async function loadSeeds(seedsDir: string): Promise<SeedArticle[]> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(seedsDir, 'manifest.json'), 'utf8')));
  return Promise.all(
    manifest.sources.map(async (entry) => ({
      seedId: entry.file.replace(/\.[^.]+$/, ''),
      title: entry.title,
      publisher: entry.publisher,
      date: entry.date,
      originalFile: entry.originalFile,
      furnitureLines: entry.furnitureLines,
      text: await readFile(join(seedsDir, entry.file), 'utf8'),
    })),
  );
}
