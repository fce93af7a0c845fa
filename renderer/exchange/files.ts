import { msg } from '../i18n';
import { importByteLimit } from '../../core/exchange/api';

/** A file on its way to previewImport: its bytes as base64, or none when the backend will refuse it by name or size. */
export interface OutgoingFile {
  name: string;
  size: number;
  data?: string;
}

/** The file's bytes as base64, read natively (FileReader's data: URL), never byte by byte in JavaScript. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(msg('exchange.couldNotBeRead', { name: file.name })));
    reader.readAsDataURL(file);
  });
}

/**
 * Read a chosen or dropped file for import. A file of a type the app does not import, or over its size limit, is
 * not read at all (a dropped 2 GB video must not be loaded): the backend gives the message from its name and size.
 */
export async function readForImport(file: File): Promise<OutgoingFile> {
  const limit = importByteLimit(file.name);
  if (limit === null || file.size > limit) return { name: file.name, size: file.size };
  return { name: file.name, size: file.size, data: await base64Of(file) };
}

/** Does a drag carry files from outside the app (not a highlight or text dragged within it)? */
export function dragHasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** What the file chooser offers. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,.json,.jsonld,.qdpx';
