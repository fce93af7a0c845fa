import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError, extensionOf, sniffBinary } from '../../../core/import';
import { sentence } from '../../../core/i18n/message-text';

/**
 * Bytes of a text or HTML file to a string, in whatever charset it was saved: a byte-order mark (UTF-8, UTF-16 LE/BE)
 * decides first; then valid UTF-8 (a legacy 8-bit text is practically never valid UTF-8 once it has a non-ASCII
 * byte); then the charset the HTML declares (<meta charset>, http-equiv), when decoding by it gives no replacement
 * characters; then detection over the bytes (chardet: windows-1251, KOI8-R, ISO-8859-x, UTF-16 without BOM, ...).
 * So a page whose declared charset lies is still read right. Only real binary is refused.
 */

export interface DecodedText {
  text: string;
  /** The charset the bytes were read as (for the import summary). */
  charset: string;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** The charset an HTML head declares in its first 4 KB, or ''. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : '';
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.length);

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** Decoding by a charset, or null when iconv does not know it or the bytes do not fit it (replacement characters). */
function decodeAs(b: Uint8Array, charset: string): string | null {
  const name = /^(x-)?(cp|windows)-?125\d$/.test(charset) ? charset.replace(/^(x-)?(cp|windows)-?/, 'windows-') : charset;
  if (!iconv.encodingExists(name)) return null;
  const text = iconv.decode(asBuffer(b), name);
  return text.includes('\uFFFD') ? null : text;
}

const canonical = (c: string): string => c.toLowerCase().replace(/^(x-)?(cp|windows)-?/, 'windows-').replace(/[^a-z0-9]/g, '');
/** ISO-8859-1 and windows-1252 read the same letters: detection telling one from the other is not a disagreement. */
function sameCharset(a: string, b: string): boolean {
  const latin1 = new Set(['iso88591', 'windows1252', 'latin1', 'usascii', 'ascii']);
  const [x, y] = [canonical(a), canonical(b)];
  return x === y || (latin1.has(x) && latin1.has(y));
}

export function decodeText(fileName: string, bytes: Uint8Array): DecodedText {
  const bom = bomCharset(bytes);
  if (bom) {
    const text = iconv.decode(asBuffer(bytes.subarray(bom.skip)), bom.charset);
    return { text, charset: bom.charset };
  }
  const detected = chardet.analyse(bytes.subarray(0, 256 * 1024));
  const utf16 = detected.find((d) => /^UTF-16/i.test(d.name) && d.confidence >= 60);
  const binary = utf16 ? null : sniffBinary(bytes);
  if (binary) {
    throw new ImportError(
      fileName,
      'binary',
      sentence('backend.import.binary', { ext: extensionOf(fileName), holds: binary }),
    );
  }
  if (utf16) {
    const text = decodeAs(bytes, utf16.name.toLowerCase());
    if (text !== null) return { text, charset: utf16.name.toLowerCase() };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  // A declaration is believed unless detection is sure of another charset (a KOI8-R page saved as "windows-1251").
  const declared = declaredCharset(bytes);
  const top = detected[0];
  const declaredSeen = detected.some((d) => d.confidence >= 10 && sameCharset(d.name, declared));
  const sure = top && (top.confidence >= 50 || (top.confidence >= 20 && !declaredSeen)) ? top.name.toLowerCase() : '';
  if (declared && !/^utf-?8$/.test(declared) && (!sure || sameCharset(sure, declared))) {
    const text = decodeAs(bytes, declared);
    if (text !== null) return { text, charset: declared };
  }
  for (const d of detected) {
    if (d.confidence < 10) break;
    const text = decodeAs(bytes, d.name.toLowerCase());
    if (text !== null) return { text, charset: d.name.toLowerCase() };
  }
  throw new ImportError(
    fileName,
    'invalid-utf8',
    sentence('backend.import.unknownCharset'),
  );
}
