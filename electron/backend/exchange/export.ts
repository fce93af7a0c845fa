import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FORMAT_INFO, writesFolder, type ExportJob, type StartExportInput, type StartExportResult } from '../../../core/exchange/api';
import { writeFileAtomic } from '../atomic-write';
import { NotebookError } from '../errors';
import { describeIoText } from '../io-errors';
import type { NotebookStore } from '../store';
import { renderExport, type ExportOutput } from './formats';
import { resolveExportTarget } from './paths';
import { checkScope, ExportCancelled, readSnapshot } from './snapshot';
import { readOriginal } from '../documents/originals';
import { englishText, sentence, type MessageText } from '../../../core/i18n/message-text';

interface JobRecord {
  job: ExportJob;
  cancelRequested: boolean;
  finished: Promise<ExportJob>;
  endedAt: number | null;
}

/** Finished jobs are kept this long for a last progress poll, then forgotten. */
const KEEP_FINISHED_MS = 10 * 60_000;

const STARTING = sentence('backend.export.starting');
/** A progress line: its English and the same as data. */
const said = (t: MessageText): { message: string; messageText: MessageText } => ({ message: englishText(t), messageText: t });
/** Let IPC calls (progress polls, Cancel) in between pieces of work. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Exports as jobs: `start` checks the destination and returns at once with a job id; the job reads the notebook
 * source by source (progress: "Reading source 312 of 1,000"), formats it, and only then writes, atomically (a
 * temp file renamed over the target; a Markdown folder is written in a temp folder first). Cancel stops it at the
 * next source or before the write, so a cancelled export leaves no file at all.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly store: NotebookStore) {}

  async start(input: StartExportInput): Promise<StartExportResult> {
    checkScope(this.store, input.scope);
    const folder = writesFolder(input.format, input.layout);
    const path = await resolveExportTarget(input.path, input.format, folder, this.store.dataDir);
    if (!input.overwrite) {
      const existing = await stat(path).catch(() => null);
      if (existing && (!folder || (await readdir(path)).length > 0)) return { jobId: null, path, exists: [path] };
    }
    this.forgetOldJobs();
    const jobId = `export-${randomBytes(6).toString('hex')}`;
    const record: JobRecord = {
      job: {
        jobId,
        state: 'running',
        phase: 'reading',
        done: 0,
        total: 0,
        message: englishText(STARTING),
        messageText: STARTING,
        paths: [],
        counts: { sources: 0, highlights: 0, tags: 0 },
        warnings: [],
      },
      cancelRequested: false,
      finished: Promise.resolve(null as unknown as ExportJob),
      endedAt: null,
    };
    record.finished = this.run(record, input, path, folder);
    this.jobs.set(jobId, record);
    return { jobId, path, exists: [] };
  }

  progress(jobId: string): ExportJob {
    return { ...this.record(jobId).job };
  }

  /**
   * Ask the job to stop. Returns its state now; the job ends as 'cancelled' at its next check, or as 'done' when
   * the cancel came during the final write of one file (which is atomic, so there is never a half file).
   */
  cancel(jobId: string): ExportJob {
    const record = this.record(jobId);
    if (record.job.state === 'running') {
      record.cancelRequested = true;
      Object.assign(record.job, said(sentence('backend.export.cancelling')));
    }
    return { ...record.job };
  }

  /** The job's final state (the CLI and tests wait on it). */
  wait(jobId: string): Promise<ExportJob> {
    return this.record(jobId).finished;
  }

  private record(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record) throw new NotebookError(sentence('backend.export.unknown'));
    return record;
  }

  private forgetOldJobs(): void {
    const now = Date.now();
    for (const [id, r] of this.jobs) if (r.endedAt !== null && now - r.endedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }

  private async run(record: JobRecord, input: StartExportInput, path: string, folder: boolean): Promise<ExportJob> {
    const { job } = record;
    const stopIfCancelled = (): void => {
      if (record.cancelRequested) throw new ExportCancelled('The export was cancelled.');
    };
    try {
      await breathe();
      let lastBreath = Date.now();
      const snapshot = await readSnapshot(this.store, input.scope, async (done, total) => {
        job.done = done;
        job.total = total;
        Object.assign(job, said(sentence('backend.export.reading', { done, total })));
        if (Date.now() - lastBreath > 15) {
          await breathe();
          lastBreath = Date.now();
        }
        return record.cancelRequested;
      });
      const highlights = snapshot.sources.reduce((n, s) => n + s.highlights.length, 0);
      job.counts = { sources: snapshot.sources.length, highlights, tags: snapshot.tags.length };
      // A codebook alone goes out as a QDC, or as a QDPX project with a codebook and no sources.
      const codebookOnly = input.format === 'qdc' || (input.format === 'qdpx' && snapshot.tags.length > 0 && input.scope.kind === 'notebook');
      if (snapshot.sources.length === 0 && !codebookOnly) {
        throw new NotebookError(
          sentence(input.scope.kind === 'tags' ? 'backend.export.nothingTagged' : input.scope.kind === 'collections' ? 'backend.export.emptyCollections' : 'backend.export.noSources'),
        );
      }
      job.phase = 'formatting';
      Object.assign(job, said(sentence('backend.export.writing', { format: FORMAT_INFO[input.format].label, highlights, sources: snapshot.sources.length })));
      await breathe();
      stopIfCancelled();
      // REFI-QDA carries a PDF source's PDF beside its text.
      if (input.format === 'qdpx') {
        for (const source of snapshot.sources) {
          if (source.meta.kind === 'pdf') source.original = (await readOriginal(this.store.dataDir, source.meta)) ?? undefined;
        }
      }
      // The analyst's choice of position unit (the tool the file is for) wins over the unit the project came in.
      if (input.format === 'qdpx' && input.positions) snapshot.project = { ...snapshot.project, offsetUnit: input.positions };
      const rendered = renderExport(snapshot, input.format, input.layout);
      job.warnings = rendered.warnings;
      await breathe();
      stopIfCancelled();
      job.phase = 'writing';
      Object.assign(job, said(sentence('backend.export.saving', { file: basename(path) })));
      job.paths = folder ? await writeFolder(path, rendered.outputs, () => record.cancelRequested) : await writeWithCompanions(path, rendered.outputs);
      job.state = 'done';
      job.phase = 'finished';
      const done = folder
        ? sentence('backend.export.exportedFolder', { highlights, sources: snapshot.sources.length, files: job.paths.length, path })
        : sentence('backend.export.exported', { highlights, sources: snapshot.sources.length, path });
      Object.assign(job, said(done));
    } catch (err) {
      job.phase = 'finished';
      if (err instanceof ExportCancelled) {
        job.state = 'cancelled';
        Object.assign(job, said(sentence('backend.export.cancelled')));
      } else {
        job.state = 'failed';
        job.failure = err instanceof NotebookError ? 'input' : 'io';
        const why =
          err instanceof NotebookError
            ? err.text
            : (describeIoText(err, sentence('backend.action.write', { path })) ?? sentence('backend.export.failed', { reason: (err as Error)?.message ?? String(err) }));
        job.error = englishText(why);
        job.errorText = why;
        Object.assign(job, said(why));
      }
    }
    record.endedAt = Date.now();
    return { ...job };
  }
}

/**
 * A one-file format's file, and beside it any companion file the format adds (statements.csv, issue 17):
 * "notes.csv" gets "notes.statements.csv".
 */
async function writeWithCompanions(path: string, outputs: readonly ExportOutput[]): Promise<string[]> {
  const written = [await writeOne(path, outputs[0])];
  const stem = path.replace(/\.[^./\\]+$/, '');
  for (const extra of outputs.slice(1)) written.push(await writeOne(`${stem}.${extra.name}`, extra));
  return written;
}

async function writeOne(path: string, output: ExportOutput): Promise<string> {
  await writeFileAtomic(path, output.data);
  return path;
}

/**
 * A folder of files: written into a temp folder beside the destination, then moved in. A new folder appears whole
 * (one rename); into an existing folder each file is renamed in, so every file is whole at all times.
 */
async function writeFolder(path: string, outputs: ExportOutput[], cancelled: () => boolean): Promise<string[]> {
  const temp = await mkdtemp(join(dirname(path), `.${basename(path)}.export-`));
  try {
    for (const output of outputs) {
      if (cancelled()) throw new ExportCancelled('The export was cancelled.');
      await writeFileAtomic(join(temp, output.name), output.data);
    }
    const exists = await stat(path).catch(() => null);
    if (!exists) {
      await rename(temp, path);
    } else {
      for (const output of outputs) await rename(join(temp, output.name), join(path, output.name));
      await rm(temp, { recursive: true, force: true });
    }
  } catch (err) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  return outputs.map((o) => join(path, o.name));
}
