/**
 * Schema migrations of the notebook's files. Each file carries `schemaVersion`; a step turns version n into n + 1.
 * Steps are pure: they take the parsed JSON of an older file and return the newer shape, filling defaults.
 *
 * Versions:
 *  1: the first format (catalog: sources and settings; source: text, highlights, note).
 *  2: the catalog holds the codebook (`tags`, the default codebook when a notebook had none) and the project
 *     notebook; reading positions are text offsets; a source file holds its rejected entity suggestions.
 */
import { DEFAULT_SETTINGS, EMPTY_DOC, SCHEMA_VERSION } from './model';
import { defaultCodebook } from './tags/default-codebook';

type Json = Record<string, unknown>;
type Step = (data: Json, now: string) => Json;

const CATALOG_STEPS: Record<number, Step> = {
  1: (data, now) => {
    const settings = { ...DEFAULT_SETTINGS, ...(data.settings as Json | undefined) } as Json;
    // Version 1 kept reading positions as fractions of the article (0..1); offsets cannot be recovered from them.
    const positions = (settings.readingPositions ?? {}) as Record<string, unknown>;
    settings.readingPositions = Object.fromEntries(Object.entries(positions).filter(([, v]) => Number.isInteger(v) && (v as number) > 1));
    const tags = Array.isArray(data.tags) && data.tags.length > 0 ? data.tags : defaultCodebook(now);
    return { ...data, schemaVersion: 2, tags, settings, projectNote: data.projectNote ?? EMPTY_DOC };
  },
};

const SOURCE_STEPS: Record<number, Step> = {
  1: (data) => ({ ...data, schemaVersion: 2, rejectedSuggestions: data.rejectedSuggestions ?? { keys: [], entityKeys: [] } }),
};

export type FileKind = 'catalog' | 'source';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Bring a file's data up to the current schema. Returns the data and the version it was read at. */
export function migrate<T>(kind: FileKind, data: unknown, now = new Date().toISOString()): { data: T; from: number } {
  const steps = kind === 'catalog' ? CATALOG_STEPS : SOURCE_STEPS;
  let current = data as Json;
  const from = current.schemaVersion as number;
  while ((current.schemaVersion as number) < SCHEMA_VERSION) {
    const step = steps[current.schemaVersion as number];
    if (!step) throw new MigrationError(`No migration from schema ${current.schemaVersion} of a ${kind} file.`);
    current = step(current, now);
  }
  return { data: current as T, from };
}
