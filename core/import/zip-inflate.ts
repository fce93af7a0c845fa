import { Inflate } from 'fflate';
import { formatBytes, ImportError } from './errors';
import { sentence } from '../i18n/message-text';

/**
 * Streamed, byte-counted inflation of zip entries (issue 11). A zip's headers can lie: an entry that declares 1 KB
 * may inflate to gigabytes. Sizes in the central directory are checked first (see zip-entries.ts), and then every
 * byte that comes out of the inflater is counted as it comes: an entry that yields more than it declared, or an
 * archive that yields more than its budget, is stopped at that byte, never inflated to the end.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** What the central directory claims the entry inflates to. */
  declaredSize: number;
  localOffset: number;
}

/** Compressed bytes pushed at a time: one push of 16 KB inflates to at most about 16.5 MB before it is counted. */
const PUSH_BYTES = 16 * 1024;
const MAX_U32 = 0xffffffff;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** The entries of the central directory, with where each one's data starts; null when the bytes are not a zip. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === MAX_U32) {
    // Zip64: the locator just before the end record points at the zip64 end record.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) return null;
    const end64 = u64(bytes, locator + 8);
    if (end64 + 56 > bytes.length || u32(bytes, end64) !== 0x06064b50) return null;
    count = u64(bytes, end64 + 32);
    offset = u64(bytes, end64 + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    // Zip64 extra field: the 64-bit values of the fields that were saturated, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, x);
      const size = u16(bytes, x + 2);
      if (id === 0x0001) {
        let v = x + 4;
        if (entry.declaredSize === MAX_U32) {
          entry.declaredSize = u64(bytes, v);
          v += 8;
        }
        if (entry.compressedSize === MAX_U32) {
          entry.compressedSize = u64(bytes, v);
          v += 8;
        }
        if (entry.localOffset === MAX_U32) entry.localOffset = u64(bytes, v);
      }
      x += 4 + size;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A running total shared by the entries of one archive. */
export interface InflateBudget {
  /** Bytes the archive may still yield. */
  left: number;
  /** The whole budget, for the message. */
  readonly total: number;
}

export const inflateBudget = (total: number): InflateBudget => ({ left: total, total });

/**
 * One entry's bytes, inflated in small pushes and counted: stopped (ImportError 'zip-bomb') as soon as it yields
 * more than its header declared or more than the budget has left.
 */
export function inflateEntry(fileName: string, bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) {
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.entryMisplaced', { entry: entry.name }));
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  const allowed = Math.min(entry.declaredSize, budget.left);
  const overflow = (): ImportError =>
    new ImportError(
      fileName,
      'zip-bomb',
      allowed < entry.declaredSize
        ? sentence('backend.import.expandsPastAllowed', { limit: formatBytes(budget.total) })
        : sentence('backend.import.expandsPastHeader', { entry: entry.name, size: formatBytes(entry.declaredSize) }),
    );
  if (entry.method === 0) {
    if (data.length > allowed) throw overflow();
    budget.left -= data.length;
    return data.slice();
  }
  if (entry.method !== 8) {
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.compression', { entry: entry.name, method: String(entry.method) }));
  }
  // Chunks as they come (nothing allocated for what a header merely claims), counted before they are kept.
  const chunks: Uint8Array[] = [];
  let filled = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > allowed) throw overflow();
    chunks.push(chunk);
    filled += chunk.length;
    if (final) done = true;
  });
  try {
    for (let p = 0; p < data.length && !done; p += PUSH_BYTES) inflater.push(data.subarray(p, Math.min(data.length, p + PUSH_BYTES)), p + PUSH_BYTES >= data.length);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.archiveDamaged', { reason: e instanceof Error ? e.message : String(e) }));
  }
  budget.left -= filled;
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(filled);
  let at2 = 0;
  for (const c of chunks) {
    out.set(c, at2);
    at2 += c.length;
  }
  return out;
}

/** The entries `wanted` picks, inflated with one budget for the whole archive. */
export function inflateEntries(fileName: string, bytes: Uint8Array, entries: ZipEntry[], wanted: (e: ZipEntry) => boolean, maxTotal: number): Record<string, Uint8Array> {
  const budget = inflateBudget(maxTotal);
  const files: Record<string, Uint8Array> = {};
  for (const e of entries) if (wanted(e)) files[e.name] = inflateEntry(fileName, bytes, e, budget);
  return files;
}
