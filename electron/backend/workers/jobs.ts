import { noteParser } from '../../../core/exchange/note-markdown';
import { importFile, type ImportedNotebook } from '../../../core/import';
import { applyImportLimits } from '../../../core/import/limits';
import { isDocumentFile, readDocument } from '../documents';
import { sha256 } from '../hash';
import { bytesOf, type ImportFile } from '../exchange/import-bytes';
import { replaceText } from './replace-text';

/**
 * The heavy work the backend hands to a worker thread (pool.ts): each job is a function of plain data (structured
 * clone in, structured clone out), so it runs the same in a worker and, for the benchmark's baseline, inline.
 */
export const jobs = {
  /** One import file read: decoded, inflated (streamed and counted), parsed, anchored and held to the limits. */
  async parseImport(file: ImportFile): Promise<ImportedNotebook> {
    const bytes = bytesOf(file);
    return applyImportLimits(isDocumentFile(file.name) ? await readDocument(file.name, bytes, { hash: sha256 }) : importFile(file.name, bytes, { hash: sha256, notes: noteParser }));
  },
  /** A source's text replaced and its highlights re-anchored. */
  async replaceText(input: Parameters<typeof replaceText>[0]): Promise<ReturnType<typeof replaceText>> {
    return replaceText(input);
  },
  /** For tests of the pool: a job that never ends, and one that eats memory. */
  async spin(input: { ms: number }): Promise<number> {
    const until = Date.now() + input.ms;
    let n = 0;
    while (Date.now() < until) n++;
    return n;
  },
  async hog(input: { mb: number }): Promise<number> {
    const kept: string[][] = [];
    for (let i = 0; i < input.mb; i++) kept.push(Array.from({ length: 16_384 }, (_, k) => `${i}:${k}`));
    return kept.length;
  },
};

export type Jobs = typeof jobs;
export type JobKind = keyof Jobs;
export type JobInput<K extends JobKind> = Parameters<Jobs[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<Jobs[K]>>;

/** One message to a worker, and its answer. */
export interface JobRequest<K extends JobKind = JobKind> {
  id: number;
  kind: K;
  input: JobInput<K>;
}
export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
export interface SerializedError {
  name: string;
  message: string;
  /** ImportError's fields, so the main thread raises the same error the file would have raised inline. */
  fileName?: string;
  problem?: string;
  detail?: string;
}
