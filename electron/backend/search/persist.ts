import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { textKey } from '../hash';
import { SearchEngine, type PersistedIndex } from '../../../core/search/engine';

/** The index lives beside the catalog; it is a cache: deleting it only costs a rebuild. */
export function indexFile(dataDir: string): string {
  return join(dataDir, 'search-index.bin');
}

/**
 * The file: "NBSI", the length of a JSON header (the sources' indexed state, document keys, terms), the header, zero
 * padding to a multiple of 4, then the postings as little-endian 32-bit integers (read without copying or parsing).
 */
const MAGIC = 0x4953424e; // "NBSI" read as a little-endian u32

export function encodeIndex(engine: SearchEngine): Uint8Array {
  const { state, numbers } = engine.serialize();
  const header = Buffer.from(JSON.stringify(state), 'utf8');
  const headerEnd = 8 + header.length;
  const start = Math.ceil(headerEnd / 4) * 4;
  const out = Buffer.alloc(start + numbers.byteLength);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).copy(out, start);
  return out;
}

export function decodeIndex(bytes: Buffer): SearchEngine {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== MAGIC) throw new Error('not a search index file');
  const length = bytes.readUInt32LE(4);
  const state = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as PersistedIndex;
  const start = Math.ceil((8 + length) / 4) * 4;
  // Copy into an aligned buffer of its own (a Buffer may sit at any offset of a shared pool).
  const numbers = new Int32Array((bytes.length - start) / 4);
  new Uint8Array(numbers.buffer).set(bytes.subarray(start));
  return SearchEngine.deserialize(state, numbers, textKey);
}

/** The persisted index, or null when there is none or it cannot be used (another version, damaged): rebuild then. */
export async function loadIndex(path: string): Promise<SearchEngine | null> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch {
    return null;
  }
  try {
    return decodeIndex(raw);
  } catch {
    return null;
  }
}

export async function saveIndex(path: string, engine: SearchEngine): Promise<void> {
  await writeFileAtomic(path, encodeIndex(engine));
}

export { fileKey } from '../storage/file-key';
