import { deflateRawSync } from 'node:zlib';
import type { BackendExportFormat, MarkdownLayout } from '../../../core/exchange/api';
import {
  exportCsv,
  exportHtmlReport,
  exportMarkdown,
  exportQdc,
  exportQdpxArchive,
  exportW3CBytes,
  type NoteFormatter,
} from '../../../core/export';
import type { NotebookSnapshot } from '../../../core/model';
import { annotationIri, exportW3C, serializeW3C } from '../../../core/export/w3c';
import {
  addStatementBodies,
  exportStatementsCsv,
  statementsMarkdown,
  withStatementCodesAndMemos,
  withStatementsSection,
} from '../../../core/export/statements';
import { noteToHtml, noteToMarkdown, noteToPlainText } from '../../../core/notes/markdown';
import { NotebookError } from '../errors';
import { exportBibtex, exportCslJson } from '../../../core/export/citations';
import { sentence } from '../../../core/i18n/message-text';

/** Notes in exports: the notes module's Markdown, plain text and HTML. */
export const noteFormatter: NoteFormatter = {
  toMarkdown: (doc, link) => noteToMarkdown(doc, { citationLink: link }),
  toPlainText: noteToPlainText,
  toHtml: noteToHtml,
};

/** One file of an export: its name (inside the destination folder, for Markdown per source) and its content. */
export interface ExportOutput {
  name: string;
  data: string | Uint8Array;
}

export interface RenderedExport {
  outputs: ExportOutput[];
  warnings: string[];
}

/** Node's native raw deflate at level 1: the QDPX archive of 100,000 highlights in a fraction of fflate's time. */
const deflateRaw = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: 1 });

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Does the snapshot hold statements or grades (issue 17)? Then the statement additions below apply. */
function hasStatements(snapshot: NotebookSnapshot): boolean {
  return snapshot.sources.some((s) => s.meta.reliability || s.highlights.some((h) => h.statement || h.credibility));
}

/**
 * Run one format over a snapshot, with statements and grades added (issue 17, core/export/statements.ts): a second
 * CSV file, W3C statement bodies, speaker codes and memos in REFI-QDA, Statements.md, the report's section.
 */
export function renderExport(snapshot: NotebookSnapshot, format: BackendExportFormat, layout: MarkdownLayout = 'per-source'): RenderedExport {
  if (!hasStatements(snapshot)) return renderFormat(snapshot, format, layout);
  switch (format) {
    case 'w3c': {
      const collection = addStatementBodies(exportW3C(snapshot, noteFormatter, { creator: { name: 'Analyst' } }), snapshot, annotationIri);
      return { outputs: [{ name: 'notebook.json', data: new TextEncoder().encode(serializeW3C(collection)) }], warnings: [] };
    }
    case 'qdpx':
      return renderFormat(withStatementCodesAndMemos(snapshot), format, layout);
    case 'csv': {
      const rendered = renderFormat(snapshot, format, layout);
      const statements = exportStatementsCsv(snapshot);
      return statements ? { ...rendered, outputs: [...rendered.outputs, { name: 'statements.csv', data: statements }] } : rendered;
    }
    case 'markdown': {
      const rendered = renderFormat(snapshot, format, layout);
      const file = statementsMarkdown(snapshot);
      return file ? { ...rendered, outputs: [...rendered.outputs, { name: file.path, data: file.content }] } : rendered;
    }
    case 'html': {
      const rendered = renderFormat(snapshot, format, layout);
      return { ...rendered, outputs: rendered.outputs.map((o) => ({ ...o, data: typeof o.data === 'string' ? withStatementsSection(o.data, snapshot) : o.data })) };
    }
    default:
      return renderFormat(snapshot, format, layout);
  }
}

/** Run one format over a snapshot. Pure apart from the native deflate; nothing is written here. */
function renderFormat(snapshot: NotebookSnapshot, format: BackendExportFormat, layout: MarkdownLayout = 'per-source'): RenderedExport {
  const warnings: string[] = [];
  switch (format) {
    case 'w3c':
      return { outputs: [{ name: 'notebook.json', data: exportW3CBytes(snapshot, noteFormatter, { creator: { name: 'Analyst' } }) }], warnings };
    case 'qdpx': {
      const { bytes, skippedOrphans } = exportQdpxArchive(snapshot, noteFormatter, { deflateRaw });
      if (snapshot.project?.offsetUnit === 'utf-16') {
        warnings.push('Text positions are written as UTF-16 code units, the way NVivo reads them (REFI-QDA says code points): open this file in NVivo; for MAXQDA, ATLAS.ti or QualCoder export with code points.');
      }
      if (skippedOrphans > 0) {
        warnings.push(`${plural(skippedOrphans, 'orphaned highlight')} left out: REFI-QDA has no place for a passage that is not found in its text.`);
      }
      return { outputs: [{ name: 'notebook.qdpx', data: bytes }], warnings };
    }
    case 'qdc':
      if (snapshot.tags.length === 0) throw new NotebookError(sentence('backend.export.noTags'));
      return { outputs: [{ name: 'codebook.qdc', data: exportQdc(snapshot) }], warnings };
    case 'csv':
      return { outputs: [{ name: 'highlights.csv', data: exportCsv(snapshot, noteFormatter) }], warnings };
    case 'csl':
      return { outputs: [{ name: 'sources.json', data: exportCslJson(snapshot, noteFormatter) }], warnings };
    case 'bibtex':
      return { outputs: [{ name: 'sources.bib', data: exportBibtex(snapshot, noteFormatter) }], warnings };
    case 'html':
      return { outputs: [{ name: 'report.html', data: exportHtmlReport(snapshot, noteFormatter) }], warnings };
    case 'markdown':
      return {
        outputs: exportMarkdown(snapshot, noteFormatter, { layout }).map((f) => ({ name: f.path, data: f.content })),
        warnings,
      };
  }
}
