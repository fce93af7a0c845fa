/**
 * Export formats, all pure: each takes a NotebookSnapshot (and a NoteFormatter for notes) and returns strings or
 * bytes; the backend writes them to disk. See each module for what the format holds.
 */
export {
  APP_NAME,
  CodePointIndex,
  stableGuid,
  tagNamePaths,
  tagsInTreeOrder,
  Utf8Sink,
  type Citation,
  type NoteFormatter,
} from './common';
export { csvCell, csvRow, CSV_BOM, CSV_HEADER, exportCsv } from './csv';
export { exportHtmlReport, type HtmlReportOptions } from './html-report';
export {
  blockId,
  exportMarkdown,
  obsidianTag,
  safeFileName,
  type MarkdownExportOptions,
  type MarkdownFile,
} from './markdown';
export {
  CODEBOOK_NS,
  crc32,
  exportQdc,
  exportQdpx,
  exportQdpxArchive,
  PROJECT_NS,
  zipEntries,
  type QdpxExport,
  type DeflateRaw,
  type RefiQdaOptions,
  type ZipEntry,
  type ZipOptions,
} from './refi-qda';
export {
  ANNO_CONTEXT,
  annotationIri,
  exportW3C,
  exportW3CBytes,
  serializeW3C,
  sourceIri,
  type W3CAnnotation,
  type W3CAnnotationCollection,
  type W3CExportOptions,
  type W3CNotebookExtension,
} from './w3c';
