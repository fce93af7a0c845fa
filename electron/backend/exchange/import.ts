import { randomBytes } from 'node:crypto';
import {
  type ImportFilePreview,
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportSummary,
  type PreviewImportInput,
} from '../../../core/exchange/api';
import { findDuplicates, ImportError, type ImportedNotebook } from '../../../core/import';
import { bytesOf, type ImportFile } from './import-bytes';
import type { HeavyWork } from '../workers/pool';
import type { PageProgress } from '../workers/jobs';
import type { NotebookStore, SourceFile } from '../store';
import { NotebookError } from '../errors';
import { readingOrder } from '../../../core/lanes';
import { EMPTY_TEXT_HASH, matchDocument, planImport, type NotebookState } from '../../../core/import/plan';
import { appendNote } from '../../../core/notes/note-utils';
import { mergeCodebook } from '../../../core/tags/codebook-merge';
import { writeOriginal } from '../documents/originals';
import { englishText, sentence, summarised } from '../../../core/i18n/message-text';

type Result = ImportFilePreview | ImportedNotebook;

interface Pending {
  files: ImportedNotebook[];
  /** Every file's result in order (to make the preview again after a password). */
  results: Result[];
  /** Protected PDFs waiting for their password, by their index in the batch. */
  locked: Map<number, { name: string; bytes: Uint8Array }>;
  createdAt: number;
}

interface Job {
  id: string;
  abort: AbortController;
  progress: ImportProgress;
}

/** A file that cannot be imported, as the preview lists it. */
function refusal(name: string, err: unknown): ImportFilePreview {
  const errorText = err instanceof ImportError ? err.text : sentence('backend.import.couldNotRead', { file: name, reason: (err as Error)?.message ?? String(err) });
  const error = englishText(errorText);
  const needsPassword = err instanceof ImportError ? (err.problem === 'encrypted' ? 'ask' : err.problem === 'wrong-password' ? 'wrong' : undefined) : undefined;
  return { name, ok: false, error, errorText, sources: 0, highlights: 0, orphans: 0, tags: 0, notes: 0, duplicates: [], warnings: [], ...(needsPassword ? { needsPassword } : {}) };
}

/** Previews waiting for the analyst's choice; older ones are dropped (their parsed files can be large). */
const MAX_PENDING = 4;

export type { ImportFile };

const kindOf = (n: ImportedNotebook): ImportKind => (n.format === 'text' ? 'source' : n.format);

/** Highlights, notes and orphans a file brings, for the preview. */
function describe(n: ImportedNotebook, matched: ReadonlySet<string>): Omit<ImportFilePreview, 'duplicates'> {
  // Documents the file annotates without including them are orphans unless the notebook has them (by address or quotes).
  const missing = new Set(n.missingSources.filter((iri) => !matched.has(iri)));
  const notes =
    n.highlights.filter((h) => h.note).length + n.sources.filter((s) => s.note).length + (n.projectNote ? 1 : 0);
  return {
    name: n.fileName,
    ok: true,
    kind: kindOf(n),
    title: n.format === 'text' ? n.sources[0]?.title : n.title,
    sources: n.sources.length,
    highlights: n.highlights.length,
    orphans: n.highlights.filter((h) => h.unanchorable || missing.has(h.sourceRef)).length,
    tags: n.tags.length,
    notes,
    warnings: n.warnings,
    ...(n.offsetUnit ? { offsetUnit: n.offsetUnit } : {}),
    ...(n.collections?.length ? { collections: n.collections.map((c) => ({ name: c.name, kind: c.kind, sources: c.sourceRefs.length })) } : {}),
    ...(n.tagGroups?.length ? { tagGroups: n.tagGroups.map((g) => ({ name: g.name, tags: g.tagRefs.length })) } : {}),
  };
}

/**
 * Import in two steps. `preview` reads and checks every file (nothing is written: a bad file gives a message that
 * names it and the problem) and reports what each brings and which sources the notebook already has; `commit`
 * adds what the analyst confirmed, skipping duplicates or not. Files are parsed once, at preview.
 */
export class ImportOps {
  private readonly pending = new Map<string, Pending>();
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: NotebookStore,
    private readonly heavy: HeavyWork,
  ) {}

  async preview(input: PreviewImportInput | { files: ImportFile[]; jobId?: string }, onProgress?: (p: ImportProgress) => void): Promise<ImportPreview> {
    const files = input.files as ImportFile[];
    const job = this.startJob(input.jobId, files.length);
    try {
      const results: Result[] = [];
      const locked = new Map<number, { name: string; bytes: Uint8Array }>();
      for (const [i, file] of files.entries()) {
        job.progress = { ...job.progress, fileName: file.name, file: i + 1, page: 0, pages: 0 };
        onProgress?.(job.progress);
        let bytes: Uint8Array | null = null;
        try {
          bytes = bytesOf(file);
          results.push(await this.read(file.name, bytes, job, file.password, onProgress));
        } catch (err) {
          if (err instanceof ImportError && err.problem === 'cancelled') throw new NotebookError(sentence('backend.import.cancelledAt', { file: file.name }));
          const refused = refusal(file.name, err);
          // A protected PDF waits in the preview for its password (unlockImport), its bytes kept until then.
          if (refused.needsPassword && bytes) locked.set(i, { name: file.name, bytes });
          results.push(refused);
        }
      }
      return await this.summarise(results, locked);
    } finally {
      this.endJob(job);
    }
  }

  /** Read one locked PDF of a preview again, with its password; the preview as it now is (same id). */
  async unlock(previewId: string, index: number, password: string, jobId?: string): Promise<ImportPreview> {
    const pending = this.pending.get(previewId);
    const file = pending?.locked.get(index);
    if (!pending || !file) throw new NotebookError(sentence('backend.import.passwordNoLongerWaiting'));
    const job = this.startJob(jobId, 1);
    try {
      job.progress = { ...job.progress, fileName: file.name, file: 1 };
      let result: Result;
      try {
        result = await this.read(file.name, file.bytes, job, password);
        pending.locked.delete(index);
      } catch (err) {
        if (err instanceof ImportError && err.problem === 'cancelled') throw new NotebookError(sentence('backend.import.cancelledAt', { file: file.name }));
        result = refusal(file.name, err);
      }
      const results = [...pending.results];
      results[index] = result;
      this.pending.delete(previewId);
      return await this.summarise(results, pending.locked, previewId);
    } finally {
      this.endJob(job);
    }
  }

  progress(jobId: string): ImportProgress | null {
    return this.jobs.get(jobId)?.progress ?? null;
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job) return { cancelled: false };
    job.progress = { ...job.progress, cancelled: true };
    job.abort.abort();
    return { cancelled: true };
  }

  private async read(name: string, bytes: Uint8Array, job: Job, password: string | undefined, onProgress?: (p: ImportProgress) => void): Promise<ImportedNotebook> {
    // Every file (a PDF too) is decoded, inflated (streamed, byte-counted), parsed, anchored and held to the
    // channels' limits in a worker thread: a hostile archive or a long PDF keeps no other channel waiting. A PDF's
    // pages are reported as they are read, and Cancel reaches the worker through a shared flag it checks between pages.
    const cancel = new SharedArrayBuffer(4);
    const raise = (): void => {
      Atomics.store(new Int32Array(cancel), 0, 1);
    };
    if (job.abort.signal.aborted) raise();
    job.abort.signal.addEventListener('abort', raise);
    try {
      return await this.heavy.run(
        'parseImport',
        { name, size: bytes.length, bytes, cancel, ...(password !== undefined ? { password } : {}) },
        {
          onProgress: (p) => {
            const { page, pages } = p as PageProgress;
            job.progress = { ...job.progress, page, pages };
            onProgress?.(job.progress);
          },
        },
      );
    } finally {
      job.abort.signal.removeEventListener('abort', raise);
    }
  }

  private startJob(jobId: string | undefined, files: number): Job {
    const id = jobId ?? `job-${randomBytes(6).toString('hex')}`;
    if (this.jobs.has(id)) throw new NotebookError(sentence('backend.import.jobRunning'));
    const job: Job = { id, abort: new AbortController(), progress: { jobId: id, fileName: '', file: 0, files, page: 0, pages: 0, cancelled: false } };
    this.jobs.set(id, job);
    return job;
  }

  private endJob(job: Job): void {
    this.jobs.delete(job.id);
  }

  /** Duplicates, the preview of each file, and the pending entry commit() takes. */
  private async summarise(results: Result[], locked: Map<number, { name: string; bytes: Uint8Array }>, keepId?: string): Promise<ImportPreview> {
    const parsed = results.filter((r): r is ImportedNotebook => 'format' in r);
    // Duplicates: sources whose text the notebook has, or an earlier file of this batch brings.
    const existing = this.store.catalog.sources.filter((s) => s.contentHash !== EMPTY_TEXT_HASH);
    const keyed = parsed.flatMap((n, i) =>
      n.sources.filter((s) => s.text).map((s, k) => ({ fileName: `${i}\u0000${k}`, contentHash: s.contentHash, file: n, source: s })),
    );
    const byKey = new Map(keyed.map((k) => [k.fileName, k]));
    const duplicates = new Map<ImportedNotebook, ImportFilePreview['duplicates']>();
    for (const d of findDuplicates(keyed, existing)) {
      const k = byKey.get(d.fileName)!;
      const of = d.duplicateOf.kind === 'notebook' ? d.duplicateOf.title : (byKey.get(d.duplicateOf.fileName)?.file.fileName ?? '');
      const list = duplicates.get(k.file) ?? [];
      list.push({ title: k.source.title, of: d.duplicateOf.kind === 'notebook' ? `“${of}”, already in the notebook` : `${of}, earlier in this import` });
      duplicates.set(k.file, list);
    }

    const tags = this.store.catalog.tags ?? [];
    // Documents annotated but not included, matched to the notebook's sources as the import will match them.
    const matched = new Set<string>();
    if (parsed.some((n) => n.missingSources.length > 0)) {
      const state = await this.state(false);
      for (const n of parsed) {
        for (const iri of n.missingSources) {
          const m = await matchDocument(iri, n.highlights.filter((h) => h.sourceRef === iri), state, []);
          if (m && m.title && !m.title.startsWith('Not included: ')) matched.add(iri);
        }
      }
    }
    const files = results.map((r) =>
      'format' in r
        ? { ...describe(r, matched), duplicates: duplicates.get(r) ?? [], ...(r.tags.length ? { codebook: mergeCodebook(tags, r.tags, (w) => w).diff } : {}) }
        : r,
    );
    let previewId: string | null = null;
    if (parsed.length > 0 || locked.size > 0) {
      previewId = keepId ?? `import-${randomBytes(6).toString('hex')}`;
      this.pending.set(previewId, { files: parsed, results, locked, createdAt: Date.now() });
      while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    }
    return {
      previewId: previewId ?? '',
      files,
      importable: parsed.length,
      duplicates: [...duplicates.values()].reduce((n, l) => n + l.length, 0),
    };
  }

  discard(previewId: string): { discarded: boolean } {
    return { discarded: this.pending.delete(previewId) };
  }

  async commit(previewId: string, skipDuplicates: boolean): Promise<ImportSummary> {
    const pending = this.pending.get(previewId);
    if (!pending) throw new NotebookError(sentence('backend.import.noLongerWaiting'));
    this.pending.delete(previewId);
    const plan = await planImport(pending.files, await this.state(), skipDuplicates, new Date().toISOString());

    // The imported files kept as they came (PDFs, web pages, Word files) go first: one that no catalog entry names
    // (a crash before the commit) is never read.
    for (const s of plan.newSources) {
      if (s.original && s.meta.original) await writeOriginal(this.store.dataDir, s.meta.original, s.original);
    }
    // All or nothing (GUIDE §5): new files and merged sources are staged, then committed with one atomic record;
    // a crash at any moment leaves the notebook with the whole import or none of it.
    await this.store.commitImport({
      newSources: plan.newSources,
      changes: [...plan.merges].map(([sourceId, merge]) => ({
        id: sourceId,
        change: (f: SourceFile): SourceFile => {
          let note = f.note;
          for (const { note: n, from } of merge.notes) note = appendNote(note, n, from);
          return { ...f, highlights: [...f.highlights, ...merge.highlights].sort(readingOrder), note };
        },
      })),
      catalog: (c) => {
        const renamed = (c.tags ?? []).map((t) => {
          const r = plan.renamedTags.get(t.id);
          return r ? { ...t, name: r.name, parentId: r.parentId } : t;
        });
        const changed = new Map([...plan.collections.values()].map((x) => [x.id, x]));
        const collections = [...(c.collections ?? []).map((x) => changed.get(x.id) ?? x), ...[...changed.values()].filter((x) => !(c.collections ?? []).some((y) => y.id === x.id))];
        const tagGroups = [...(c.tagGroups ?? []).map((x) => plan.tagGroups.get(x.id) ?? x), ...[...plan.tagGroups.values()].filter((x) => !(c.tagGroups ?? []).some((y) => y.id === x.id))];
        return {
          ...c,
          sources: [...c.sources, ...plan.newSources.map((s) => s.meta)],
          tags: [...renamed, ...plan.newTags],
          projectNote: plan.projectNote ?? c.projectNote,
          ...(collections.length ? { collections } : {}),
          ...(tagGroups.length ? { tagGroups } : {}),
          ...(plan.project ? { project: plan.project } : {}),
        };
      },
    });

    const sourcesAdded = plan.newSources.length;
    const parts = [sentence('count.source', { count: sourcesAdded })];
    if (pending.files.some((f) => f.format !== 'text')) {
      const highlights = sentence('count.highlight', { count: plan.counts.highlightsAdded });
      parts.push(plan.counts.orphans ? sentence('backend.import.withOrphans', { highlights, count: plan.counts.orphans }) : highlights);
    }
    if (plan.newTags.length) parts.push(sentence('backend.import.newTags', { count: plan.newTags.length }));
    if (plan.renamedTags.size) parts.push(sentence('backend.import.tagsRenamed', { count: plan.renamedTags.size }));
    if (plan.collections.size) parts.push(sentence('backend.import.collections', { count: plan.collections.size }));
    if (plan.tagGroups.size) parts.push(sentence('backend.import.tagGroups', { count: plan.tagGroups.size }));
    const what = pending.files.length === 1 ? pending.files[0].fileName : sentence('count.file', { count: pending.files.length });
    const listed = parts.slice(1).reduce((all, part) => sentence('backend.list.comma', { first: all, next: part }), parts[0]);
    let said = sentence('backend.import.summary', { what, parts: listed });
    if (plan.counts.sourcesSkipped) said = sentence('backend.import.skipped', { summary: said, count: plan.counts.sourcesSkipped });
    if (plan.counts.highlightsAlreadyThere) said = sentence('backend.import.alreadyThere', { summary: said, count: plan.counts.highlightsAlreadyThere });
    const { summary: message, summaryText } = summarised(said);
    return {
      files: pending.files.length,
      sourcesAdded,
      sourcesSkipped: plan.counts.sourcesSkipped,
      highlightsAdded: plan.counts.highlightsAdded,
      orphans: plan.counts.orphans,
      highlightsAlreadyThere: plan.counts.highlightsAlreadyThere,
      tagsAdded: plan.newTags.length,
      tagsRenamed: plan.renamedTags.size,
      collections: plan.collections.size,
      tagGroups: plan.tagGroups.size,
      tagsMatched: plan.counts.tagsMatched,
      firstSourceId: plan.firstSourceId,
      sourceIds: plan.touchedSourceIds,
      warnings: plan.warnings,
      message,
      summaryText,
    };
  }

  private async state(withHighlightIds = true): Promise<NotebookState> {
    const catalog = this.store.catalog;
    const highlightIds = new Set<string>();
    if (withHighlightIds) for await (const { file } of this.store.sourceFiles()) for (const h of file.highlights) highlightIds.add(h.id);
    return {
      sources: catalog.sources,
      tags: catalog.tags ?? [],
      projectNote: catalog.projectNote,
      file: async (id) => (await this.store.readSource(id)),
      highlightIds,
      randomHex: () => randomBytes(6).toString('hex'),
      collections: catalog.collections,
      tagGroups: catalog.tagGroups,
      project: catalog.project,
    };
  }
}
