import { randomBytes } from 'node:crypto';
import {
  importByteLimit,
  type ImportFilePreview,
  type ImportKind,
  type ImportPreview,
  type ImportSummary,
  type PreviewImportInput,
} from '../../../core/exchange/api';
import { noteParser } from '../../../core/exchange/note-markdown';
import { applyImportLimits } from '../../../core/import/limits';
import { checkSize, findDuplicates, ImportError, importFile, type ImportedNotebook } from '../../../core/import';
import type { NotebookStore, SourceFile } from '../store';
import { NotebookError } from '../errors';
import { readingOrder } from '../../../core/lanes';
import { EMPTY_TEXT_HASH, matchDocument, planImport, type NotebookState } from './import-plan';
import { sha256 } from '../hash';
import { appendNote } from './note-utils';
import { mergeCodebook } from '../../../core/tags/codebook-merge';
import { isDocumentFile, readDocument } from '../documents';
import { writeOriginal } from '../documents/originals';

interface Pending {
  files: ImportedNotebook[];
  createdAt: number;
}

/** Previews waiting for the analyst's choice; older ones are dropped (their parsed files can be large). */
const MAX_PENDING = 4;

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface ImportFile {
  name: string;
  size: number;
  data?: string;
  /** The bytes themselves (the CLI reads files from disk; no base64 on the way). */
  bytes?: Uint8Array;
}

/** The file's bytes; throws ImportError (naming the file) when they cannot be had or are over the limit. */
function bytesOf(file: ImportFile): Uint8Array {
  const limit = importByteLimit(file.name);
  // An unsupported type: core's importer says so, in its words, without needing the bytes.
  if (limit === null) importFile(file.name, new Uint8Array(0));
  checkSize(file.name, file.size, limit ?? 0);
  if (file.bytes) return file.bytes;
  if (file.data === undefined) throw new ImportError(file.name, 'empty', 'the file could not be read. Choose it again.');
  const buffer = Buffer.from(file.data, 'base64');
  // Node skips characters that are not base64: a damaged transfer decodes to fewer bytes than its length promises
  // (a length check instead of a regular expression over tens of megabytes).
  const padding = file.data.endsWith('==') ? 2 : file.data.endsWith('=') ? 1 : 0;
  if (file.data.length % 4 !== 0 || buffer.length !== (file.data.length / 4) * 3 - padding) {
    throw new ImportError(file.name, 'empty', 'the file arrived damaged. Choose it again.');
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  checkSize(file.name, bytes.length, limit ?? 0);
  return bytes;
}

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
  };
}

/**
 * Import in two steps. `preview` reads and checks every file (nothing is written: a bad file gives a message that
 * names it and the problem) and reports what each brings and which sources the notebook already has; `commit`
 * adds what the analyst confirmed, skipping duplicates or not. Files are parsed once, at preview.
 */
export class ImportOps {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly store: NotebookStore) {}

  async preview(input: PreviewImportInput | { files: ImportFile[] }): Promise<ImportPreview> {
    const parsed: ImportedNotebook[] = [];
    const results: Array<ImportFilePreview | ImportedNotebook> = [];
    for (const file of input.files as ImportFile[]) {
      try {
        // The same limits as the channels (names, dates, ranges, depth): what is cut is said in the summary.
        const bytes = bytesOf(file);
        const n = applyImportLimits(
          isDocumentFile(file.name) ? await readDocument(file.name, bytes, { hash: sha256 }) : importFile(file.name, bytes, { hash: sha256, notes: noteParser }),
        );
        parsed.push(n);
        results.push(n);
      } catch (err) {
        const error =
          err instanceof ImportError ? err.message : `${file.name}: the file could not be read (${(err as Error)?.message ?? String(err)}).`;
        results.push({ name: file.name, ok: false, error, sources: 0, highlights: 0, orphans: 0, tags: 0, notes: 0, duplicates: [], warnings: [] });
      }
    }

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
    if (parsed.length > 0) {
      previewId = `import-${randomBytes(6).toString('hex')}`;
      this.pending.set(previewId, { files: parsed, createdAt: Date.now() });
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
    if (!pending) throw new NotebookError('This import is no longer waiting (it was done or cancelled). Choose the files again.');
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
        return {
          ...c,
          sources: [...c.sources, ...plan.newSources.map((s) => s.meta)],
          tags: [...renamed, ...plan.newTags],
          projectNote: plan.projectNote ?? c.projectNote,
          ...(collections.length ? { collections } : {}),
          ...(plan.project ? { project: plan.project } : {}),
        };
      },
    });

    const sourcesAdded = plan.newSources.length;
    const parts = [count(sourcesAdded, 'source')];
    if (pending.files.some((f) => f.format !== 'text')) {
      parts.push(`${count(plan.counts.highlightsAdded, 'highlight')}${plan.counts.orphans ? ` (${count(plan.counts.orphans, 'orphan')})` : ''}`);
    }
    if (plan.newTags.length) parts.push(count(plan.newTags.length, 'new tag'));
    if (plan.renamedTags.size) parts.push(count(plan.renamedTags.size, 'tag renamed', 'tags renamed'));
    if (plan.collections.size) parts.push(count(plan.collections.size, 'collection'));
    let message = `Imported ${pending.files.length === 1 ? pending.files[0].fileName : count(pending.files.length, 'file')}: ${parts.join(', ')}.`;
    if (plan.counts.sourcesSkipped) message += ` ${count(plan.counts.sourcesSkipped, 'duplicate source')} skipped.`;
    if (plan.counts.highlightsAlreadyThere) message += ` ${count(plan.counts.highlightsAlreadyThere, 'highlight was', 'highlights were')} already there.`;
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
      tagsMatched: plan.counts.tagsMatched,
      firstSourceId: plan.firstSourceId,
      sourceIds: plan.touchedSourceIds,
      warnings: plan.warnings,
      message,
    };
  }

  private async state(withHighlightIds = true): Promise<NotebookState> {
    const catalog = this.store.catalog;
    const highlightIds = new Set<string>();
    if (withHighlightIds) for (const meta of catalog.sources) for (const h of (await this.store.readSource(meta.id)).highlights) highlightIds.add(h.id);
    return {
      sources: catalog.sources,
      tags: catalog.tags ?? [],
      projectNote: catalog.projectNote,
      file: async (id) => (await this.store.readSource(id)),
      highlightIds,
      collections: catalog.collections,
      project: catalog.project,
    };
  }
}
