import { sep } from 'node:path';
import type { ExportChoices, ExportScope, ReportHtml } from '../../../core/exchange/api';
import { exportHtmlReport, tagNamePaths, tagsInTreeOrder } from '../../../core/export';
import { withStatementsSection } from '../../../core/export/statements';
import type { Tag } from '../../../core/model';
import { descendantIds } from '../../../core/tags/codebook';
import type { NotebookStore } from '../store';
import { ExportJobs } from './export';
import { noteFormatter } from './formats';
import { ImportOps } from './import';
import type { HeavyWork } from '../workers/pool';
import { existingDefaultExportDir } from './paths';
import { NOTEBOOK_TITLE, readSnapshot } from './snapshot';

/**
 * Export and import (issue 6) over one notebook store: the service's channels delegate here, and the CLI uses the
 * same object, so the app and the command line share every line of it.
 */
export class Exchange {
  readonly exports: ExportJobs;
  readonly imports: ImportOps;

  constructor(
    private readonly store: NotebookStore,
    heavy: HeavyWork,
  ) {
    this.exports = new ExportJobs(store);
    this.imports = new ImportOps(store, heavy);
  }

  /** The notebook's codebook as it is now. */
  tags(): Tag[] {
    return this.store.catalog.tags ?? [];
  }

  /** What the export dialog offers: counts, and the tags with how many highlights each covers (sub-tags included). */
  async choices(): Promise<ExportChoices> {
    const tags = this.store.catalog.tags ?? [];
    const perTag = new Map<string, Set<string>>();
    let highlights = 0;
    for await (const { meta, file } of this.store.sourceFiles()) {
      for (const h of file.highlights) {
        highlights++;
        for (const id of h.tagIds) {
          let set = perTag.get(id);
          if (!set) perTag.set(id, (set = new Set()));
          set.add(`${meta.id}\u0000${h.id}`);
        }
      }
    }
    const paths = tagNamePaths(tags);
    return {
      title: NOTEBOOK_TITLE,
      defaultDir: await existingDefaultExportDir(),
      pathSeparator: sep === '\\' ? '\\' : '/',
      sources: this.store.catalog.sources.length,
      highlights,
      positions: this.store.catalog.project?.offsetUnit ?? 'code-points',
      tags: tagsInTreeOrder(tags).map(({ tag, depth }) => {
        const covered = new Set(perTag.get(tag.id));
        for (const d of descendantIds(tags, tag.id)) for (const k of perTag.get(d) ?? []) covered.add(k);
        return { id: tag.id, name: tag.name, path: (paths.get(tag.id) ?? [tag.name]).join(' / '), kind: tag.kind, color: tag.color, depth, highlights: covered.size };
      }),
    };
  }

  /** The HTML report of a scope, for the shell to print to PDF. */
  async reportHtml(scope: ExportScope): Promise<ReportHtml> {
    const snapshot = await readSnapshot(this.store, scope);
    return {
      html: withStatementsSection(exportHtmlReport(snapshot, noteFormatter), snapshot),
      title: snapshot.title,
      sources: snapshot.sources.length,
      highlights: snapshot.sources.reduce((n, s) => n + s.highlights.length, 0),
    };
  }
}
