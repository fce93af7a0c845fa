import { derivedId } from '../export/common';
import { ImportError } from './errors';
import type { ImportedNotebook, ImportOptions } from './model';
import { importQdc, importQdpx } from './qdpx';
import { extensionOf, importTextSource, sourceFormatOf } from './text-sources';
import { importW3C } from './w3c';
import { sentence } from '../i18n/message-text';

/**
 * Import, by file type: sources (.txt, .md, .html, .htm) and annotations (.json/.jsonld W3C Web Annotation, .qdpx
 * REFI-QDA). Pure: the backend reads the file, calls `importFile`, shows an ImportError's message as it is, and adds
 * the result to the notebook in one atomic step (anchoring each highlight first).
 */

export * from './errors';
export * from './model';
export { importQdc, importQdpx } from './qdpx';
export { importW3C } from './w3c';
export {
  extensionOf,
  findDuplicates,
  htmlToText,
  importTextSource,
  parseDate,
  sniffBinary,
  sourceFormatOf,
  SOURCE_EXTENSIONS,
  textSourceFromString,
  type DuplicateSource,
  type ImportedTextSource,
  type TextSourceFormat,
} from './text-sources';

export const ANNOTATION_EXTENSIONS = ['json', 'jsonld', 'qdpx', 'qdc'] as const;
/** Documents only the backend reads (pdf.js, mammoth): importFile refuses them, electron/backend/documents reads them. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx'] as const;

/** Every extension the app imports, for file dialogs. */
export const IMPORT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', ...DOCUMENT_EXTENSIONS, ...ANNOTATION_EXTENSIONS] as const;

export function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportedNotebook {
  const ext = extensionOf(fileName);
  if (ext === 'json' || ext === 'jsonld') return importW3C(fileName, bytes, options);
  if (ext === 'qdpx') return importQdpx(fileName, bytes, options);
  if (ext === 'qdc') return importQdc(fileName, bytes, options);
  if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ImportError(fileName, 'unsupported-type', sentence('backend.import.readByApp', { ext }));
  }
  if (!sourceFormatOf(fileName)) {
    throw new ImportError(
      fileName,
      'unsupported-type',
      ext ? sentence('backend.import.unsupported', { ext }) : sentence('backend.import.unsupportedNoExt'),
    );
  }
  const s = importTextSource(fileName, bytes, options);
  return {
    format: 'text',
    fileName,
    title: s.title,
    sources: [
      {
        id: derivedId('src', s.contentHash),
        title: s.title,
        publisher: s.publisher,
        date: s.date,
        originalFile: s.originalFile,
        text: s.text,
        contentHash: s.contentHash,
        note: null,
        addedAt: null,
        furniture: null,
      },
    ],
    tags: [],
    highlights: [],
    projectNote: null,
    missingSources: [],
    warnings: [],
  };
}
