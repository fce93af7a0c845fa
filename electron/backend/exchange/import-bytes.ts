import { importByteLimit } from '../../../core/exchange/api';
import { checkSize, ImportError, importFile } from '../../../core/import';
import { sentence } from '../../../core/i18n/message-text';

export interface ImportFile {
  name: string;
  size: number;
  data?: string;
  /** A protected PDF's password. */
  password?: string;
  /** The bytes themselves (the CLI reads files from disk; no base64 on the way). */
  bytes?: Uint8Array;
}

/** The file's bytes; throws ImportError (naming the file) when they cannot be had or are over the limit. */
export function bytesOf(file: ImportFile): Uint8Array {
  const limit = importByteLimit(file.name);
  // An unsupported type: core's importer says so, in its words, without needing the bytes.
  if (limit === null) importFile(file.name, new Uint8Array(0));
  checkSize(file.name, file.size, limit ?? 0);
  if (file.bytes) return file.bytes;
  if (file.data === undefined) throw new ImportError(file.name, 'empty', sentence('backend.import.unreadable'));
  const buffer = Buffer.from(file.data, 'base64');
  // Node skips characters that are not base64: a damaged transfer decodes to fewer bytes than its length promises
  // (a length check instead of a regular expression over tens of megabytes).
  const padding = file.data.endsWith('==') ? 2 : file.data.endsWith('=') ? 1 : 0;
  if (file.data.length % 4 !== 0 || buffer.length !== (file.data.length / 4) * 3 - padding) {
    throw new ImportError(file.name, 'empty', sentence('backend.import.arrivedDamaged'));
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  checkSize(file.name, bytes.length, limit ?? 0);
  return bytes;
}
