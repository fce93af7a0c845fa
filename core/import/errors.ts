/**
 * Why an import was refused. Every import function checks its input completely before returning anything, so an
 * ImportError means nothing was imported: the backend shows `message` (file name, problem, what to do) and changes
 * nothing.
 */

import { englishText, sentence, type MessageText } from '../i18n/message-text';

export type ImportProblem =
  | 'unsupported-type'
  | 'too-large'
  | 'binary'
  | 'invalid-utf8'
  | 'empty'
  | 'malformed-json'
  | 'wrong-shape'
  | 'not-qdpx'
  | 'unsafe-path'
  | 'zip-bomb'
  | 'xml-entities'
  | 'malformed-xml'
  | 'encrypted'
  | 'wrong-password'
  | 'cancelled'
  | 'corrupt'
  | 'no-text-layer'
  | 'external-reference';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** What is wrong, in English (`detailText` worded in English). */
  readonly detail: string;
  /** The whole message as data, for the interface language: "file: what is wrong". */
  readonly text: MessageText;

  constructor(
    /** The file as the user knows it (its name, not a full path). */
    readonly fileName: string,
    readonly problem: ImportProblem,
    /** What is wrong, in a sentence a user understands (a catalog message). */
    readonly detailText: MessageText,
  ) {
    const text = sentence('backend.import.fileProblem', { file: fileName, detail: detailText });
    super(englishText(text));
    this.detail = englishText(detailText);
    this.text = text;
  }
}

export const MB = 1024 * 1024;
/** Largest source file (.txt, .md, .html) we read. */
export const MAX_SOURCE_BYTES = 50 * MB;
/** Largest PDF or Word file we read (the text is bounded separately: see the PDF reader). */
export const MAX_DOCUMENT_BYTES = 200 * MB;
/** Largest annotation file (.json, .qdpx) we read: a 100,000-highlight export is about 60 MB. */
export const MAX_ANNOTATION_FILE_BYTES = 500 * MB;
/** Most bytes a QDPX may expand to, summed over the sizes its zip headers declare. */
export const MAX_UNZIPPED_BYTES = 500 * MB;

export function formatBytes(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

/** Throws `too-large` when bytes exceed the limit. */
export function checkSize(fileName: string, size: number, limit: number): void {
  if (size > limit) {
    throw new ImportError(
      fileName,
      'too-large',
      sentence('backend.import.tooLarge', { size: formatBytes(size), limit: formatBytes(limit) }),
    );
  }
}

/**
 * Decodes UTF-8 strictly (a BOM is dropped). Invalid bytes throw `invalid-utf8` with the offset of the first one,
 * rather than turning into replacement characters that would corrupt the text and every offset after them.
 */
export function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ImportError(
      fileName,
      'invalid-utf8',
      sentence('backend.import.badUtf8', { offset: String(at) }),
    );
  }
}

/** Offset of the first byte that breaks UTF-8 (for the message only). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0)) return i;
    if ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90)) return i;
    i += n + 1;
  }
  return b.length;
}
