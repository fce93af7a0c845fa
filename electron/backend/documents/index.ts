import { languageAndDirection } from '../../../core/documents/language';
import {
  checkSize,
  DOCUMENT_EXTENSIONS,
  extensionOf,
  ImportError,
  MAX_DOCUMENT_BYTES,
  MAX_SOURCE_BYTES,
  sourceFormatOf,
  textSourceFromString,
  type DocumentFacts,
  type ImportedNotebook,
  type ImportedSource,
} from '../../../core/import';
import { derivedId } from '../../../core/export/common';
import { decodeText } from './decode';
import { readDocx } from './docx';
import { extractArticle } from './html';
import { readPdf, type PdfProgress } from './pdf';
import { sentence } from '../../../core/i18n/message-text';

/**
 * Source documents to what an import adds: text files in any charset, web pages (the article, by Readability),
 * PDFs (the text layer, page by page) and Word files. A pure function of the file's name and bytes (no disk, no
 * notebook), so it can run in a worker thread; every bad input throws an ImportError with a message for the analyst.
 */

export function isDocumentFile(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return sourceFormatOf(fileName) !== null || (DOCUMENT_EXTENSIONS as readonly string[]).includes(ext);
}

export interface ReadDocumentOptions {
  hash: (text: string) => string;
  onProgress?: PdfProgress;
  signal?: AbortSignal;
  /** A protected PDF's password. */
  password?: string;
}

const baseName = (fileName: string): string => fileName.split(/[\\/]/).pop() ?? fileName;
const stem = (fileName: string): string => baseName(fileName).replace(/\.[^.]+$/, '').replace(/_+/g, ' ').trim() || baseName(fileName);

function notebookOf(fileName: string, source: Omit<ImportedSource, 'id' | 'note' | 'addedAt' | 'originalFile'>, warnings: string[] = []): ImportedNotebook {
  if (!source.text.trim()) throw new ImportError(fileName, 'empty', sentence('backend.import.noText'));
  return {
    format: 'text',
    fileName,
    title: source.title,
    sources: [{ ...source, id: derivedId('src', source.contentHash), originalFile: baseName(fileName), note: null, addedAt: null }],
    tags: [],
    highlights: [],
    projectNote: null,
    missingSources: [],
    warnings,
  };
}

/** Only defined fields, so a source's metadata carries no empty keys. */
function facts(f: DocumentFacts): DocumentFacts {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as unknown as DocumentFacts;
}

export async function readDocument(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions): Promise<ImportedNotebook> {
  const ext = extensionOf(fileName);
  const original = { bytes, extension: ext };
  if (ext === 'pdf') {
    checkSize(fileName, bytes.length, MAX_DOCUMENT_BYTES);
    const pdf = await readPdf(fileName, bytes, { onProgress: options.onProgress, signal: options.signal, password: options.password });
    const { language, dir } = languageAndDirection(pdf.text, pdf.facts.language);
    return notebookOf(fileName, {
      title: pdf.facts.title || stem(fileName),
      publisher: '',
      date: pdf.facts.date,
      text: pdf.text,
      contentHash: options.hash(pdf.text),
      furniture: pdf.furniture,
      document: facts({ kind: 'pdf', authors: pdf.facts.authors, language, dir, pageStarts: pdf.pageStarts, original }),
    });
  }
  if (ext === 'docx') {
    checkSize(fileName, bytes.length, MAX_DOCUMENT_BYTES);
    const docx = await readDocx(fileName, bytes);
    const { language, dir } = languageAndDirection(docx.text, docx.language);
    return notebookOf(fileName, {
      title: docx.title || stem(fileName),
      publisher: '',
      date: docx.date,
      text: docx.text,
      contentHash: options.hash(docx.text),
      furniture: [],
      document: facts({ kind: 'docx', authors: docx.authors, language, dir, original }),
    });
  }
  const format = sourceFormatOf(fileName);
  if (!format) {
    throw new ImportError(fileName, 'unsupported-type', ext ? sentence('backend.import.notSourceType', { ext }) : sentence('backend.import.notSourceTypeNoExt'));
  }
  checkSize(fileName, bytes.length, MAX_SOURCE_BYTES);
  const { text: decoded } = decodeText(fileName, bytes);
  if (format === 'html') {
    const article = extractArticle(decoded.replace(/^\uFEFF/, ''));
    const text = article.text.replace(/\r\n?/g, '\n');
    const warnings = article.extracted ? [] : ['no article was recognised on the page, so its whole text was imported.'];
    return notebookOf(
      fileName,
      {
        title: article.title || stem(fileName),
        publisher: article.publisher,
        date: article.date,
        text,
        contentHash: options.hash(text),
        // Readability took the menus and footers away: nothing left to dim (and dimming short lines would dim lists).
        furniture: article.extracted ? [] : null,
        document: facts({ kind: 'html', authors: article.authors, url: article.url, language: article.language, dir: article.dir, original }),
      },
      warnings,
    );
  }
  const s = textSourceFromString(fileName, format, decoded, { hash: options.hash });
  const { language, dir } = languageAndDirection(s.text);
  return notebookOf(fileName, {
    title: s.title,
    publisher: s.publisher,
    date: s.date,
    text: s.text,
    contentHash: s.contentHash,
    furniture: null,
    document: facts({ kind: format === 'md' ? 'markdown' : 'text', language, dir }),
  });
}
