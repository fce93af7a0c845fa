import type { MessageText } from '../../../core/i18n/message-text';
import { noteParser } from '../../../core/exchange/note-markdown';
import { importFile, type ImportedNotebook } from '../../../core/import';
import { applyImportLimits } from '../../../core/import/limits';
import { isDocumentFile, readDocument } from '../documents';
import { sha256 } from '../hash';
import { bytesOf, type ImportFile } from '../exchange/import-bytes';
import { writeTempBeside } from '../atomic-write';
import { stableFileJson } from '../../../core/stable-json';
import { replaceText, type ReplaceTextInput, type ReplaceTextOutput } from './replace-text';
import { decodeSlices, type TextSlices } from './text-transfer';

export interface ParseImportJob extends ImportFile {
  /** Cancel: the backend sets slot 0 (Int32) to 1; a PDF stops at its next page. */
  cancel?: SharedArrayBuffer;
}
/** What parseImport reports while it reads a PDF. */
export interface PageProgress {
  page: number;
  pages: number;
}

export interface ReplaceTextJob extends Omit<ReplaceTextInput, 'oldText' | 'text'> {
  oldText: TextSlices;
  text: TextSlices;
  /** The source file's path: the new file is written to a temp file beside it. */
  writeBeside?: string;
}
export interface ParseImportJob extends ImportFile {
  /** Cancel: the backend sets slot 0 (Int32) to 1; a PDF stops at its next page. */
  cancel?: SharedArrayBuffer;
}
/** What parseImport reports while it reads a PDF. */
export interface PageProgress {
  page: number;
  pages: number;
}

export interface ReplaceTextJobOutput extends Omit<ReplaceTextOutput, 'fileJson'> {
  /** The new file, synced, in a temp file beside the source's file; null when it could not be written there. */
  tempFile: string | null;
}

/**
 * The heavy work the backend hands to a worker thread (pool.ts): each job is a function of plain data (structured
 * clone in, structured clone out), so it runs the same in a worker and, for the benchmark's baseline, inline.
 */
export const jobs = {
  /**
   * One import file read: decoded, inflated (streamed and counted), parsed, anchored and held to the limits. A PDF is
   * read here page by page too (pdf.js with its own worker code running in this thread): each page read is reported
   * (`{ page, pages }`), the analyst's Cancel is seen between pages through `cancel` (slot 0 set to 1), and a
   * protected one is opened with `password`.
   */
  async parseImport(file: ParseImportJob, context?: JobContext): Promise<ImportedNotebook> {
    const bytes = bytesOf(file);
    const flag = file.cancel ? new Int32Array(file.cancel) : null;
    const signal = flag ? ({ get aborted() { return Atomics.load(flag, 0) !== 0; } } as AbortSignal) : undefined;
    return applyImportLimits(
      isDocumentFile(file.name)
        ? await readDocument(file.name, bytes, { hash: sha256, signal, password: file.password, onProgress: (page, pages) => context?.progress({ page, pages } satisfies PageProgress) })
        : importFile(file.name, bytes, { hash: sha256, notes: noteParser }),
    );
  },
  /**
   * A source's text replaced and its highlights re-anchored. The texts come as transferred UTF-8 slices (no 50 MB
   * clone on the backend's thread), and the new file is written here to a synced temp file beside the source's
   * file (`writeBeside`), which the backend renames into place in the file's turn: the backend never turns 50 MB into
   * JSON nor writes it. A temp file that cannot be written (a full or read-only disk) is left to the backend's own
   * write, which reports it as every refused write is reported.
   */
  async replaceText(input: ReplaceTextJob): Promise<ReplaceTextJobOutput> {
    const { fileJson, ...out } = replaceText({ ...input, oldText: decodeSlices(input.oldText), text: decodeSlices(input.text) });
    let tempFile: string | null = null;
    if (fileJson !== null && input.writeBeside) tempFile = await writeTempBeside(input.writeBeside, fileJson).catch(() => null);
    return { ...out, tempFile };
  },
  /**
   * A large source file (a 50 MB text) turned into its JSON and written to a synced temp file beside its path; the
   * store renames it into place in the file's turn (store.ts persistSource). The text comes as transferred slices.
   */
  async writeSourceFile(input: { file: Record<string, unknown>; text: TextSlices; writeBeside: string }): Promise<string> {
    return writeTempBeside(input.writeBeside, stableFileJson({ ...input.file, text: decodeSlices(input.text) }));
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
export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError } | { id: number; progress: unknown };

/** What a job may do besides returning: report its progress to the caller. */
export interface JobContext {
  progress(value: unknown): void;
}
export interface SerializedError {
  name: string;
  message: string;
  /** A NotebookError's message as data. */
  text?: MessageText;
  /** An ImportError's detail as data. */
  detailText?: MessageText;
  /** ImportError's fields, so the main thread raises the same error the file would have raised inline. */
  fileName?: string;
  problem?: string;
  detail?: string;
}
