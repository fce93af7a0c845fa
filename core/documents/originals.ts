/**
 * Where a source's original file (a PDF for the page view, a web page for "Show the whole page", a Word file) lives
 * in the notebook folder: `originals/<source id>.<ext>`. Pure: the backend reads and writes the files
 * (electron/backend/documents/originals.ts).
 */
import type { DocumentFacts, ImportedSource } from '../import';
import type { SourceMeta } from '../model';

export const ORIGINALS = 'originals';
const SAFE_EXTENSION = /^[a-z0-9]{1,8}$/;

/** SourceMeta's document fields for an imported source that is getting the id `id`. */
export function documentMeta(s: ImportedSource, id: string): Partial<SourceMeta> {
  const d: DocumentFacts | undefined = s.document;
  if (!d) return {};
  const { original, ...rest } = d;
  const ext = original && SAFE_EXTENSION.test(original.extension) ? original.extension : '';
  return { ...rest, ...(ext ? { original: `${ORIGINALS}/${id}.${ext}` } : {}) };
}
