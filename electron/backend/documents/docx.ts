import { listZipEntries } from '../../../core/import/zip-entries';
import { strFromU8, zipSync } from 'fflate';
import { inflateEntries } from '../../../core/import/zip-inflate';
import mammoth from 'mammoth';
import { parseDate } from '../../../core/import/dates';
import { formatBytes, htmlToText, ImportError, MB } from '../../../core/import';
import { sentence } from '../../../core/i18n/message-text';

/**
 * A Word file (.docx) to text with mammoth: headings, list items, table cells and paragraphs each on their own
 * line; images left out. Checked first, with fflate over the zip: no zip bomb (declared sizes summed and bounded,
 * and every inflated byte counted: an entry is stopped past what it declares), no entries climbing out of the archive, and no external
 * references (a linked template, an object or a sub-document fetched from elsewhere when the file opens);
 * hyperlinks are plain data and stay allowed.
 */

export const MAX_DOCX_UNZIPPED_BYTES = 200 * MB;
const MAX_DOCX_ENTRIES = 5000;

export interface ReadDocx {
  text: string;
  title: string;
  authors: string[];
  date: string;
  language: string;
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function unzipChecked(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  const infos = listZipEntries(bytes);
  if (!infos) {
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.docx.notZip'));
  }
  if (infos.length > MAX_DOCX_ENTRIES) {
    throw new ImportError(fileName, 'zip-bomb', sentence('backend.import.docx.tooManyParts', { count: infos.length }));
  }
  const total = infos.reduce((n, f) => n + f.declaredSize, 0);
  if (total > MAX_DOCX_UNZIPPED_BYTES) {
    throw new ImportError(fileName, 'zip-bomb', sentence('backend.import.docx.wouldExpand', { size: formatBytes(total), limit: formatBytes(MAX_DOCX_UNZIPPED_BYTES) }));
  }
  for (const f of infos) {
    const n = f.name.replace(/\\/g, '/');
    if (n.startsWith('/') || n.split('/').includes('..')) {
      throw new ImportError(fileName, 'unsafe-path', sentence('backend.import.docx.unsafePart', { part: f.name }));
    }
  }
  if (!infos.some((f) => f.name === 'word/document.xml')) {
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.docx.noDocument'));
  }
  // Images and embedded objects are not read: only the XML parts mammoth needs, streamed and counted (a part that
  // yields more than its header declared is stopped there).
  return inflateEntries(fileName, bytes, infos, (f) => /\.(xml|rels)$/i.test(f.name), MAX_DOCX_UNZIPPED_BYTES);
}

/** Relationships that reach outside the file: everything with TargetMode="External" except hyperlinks. */
function externalReferences(files: Record<string, Uint8Array>): string[] {
  const found: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.rels')) continue;
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = m[0];
      if (!/TargetMode\s*=\s*["']External["']/i.test(tag)) continue;
      const type = /Type\s*=\s*["']([^"']+)["']/.exec(tag)?.[1] ?? '';
      if (type === HYPERLINK) continue;
      const target = /Target\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
      found.push(`${type.split('/').pop() || 'unknown'} → ${target.slice(0, 120)}`);
    }
  }
  return found;
}

const xmlText = (xml: string, tag: string): string => {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim() : '';
};

export async function readDocx(fileName: string, bytes: Uint8Array): Promise<ReadDocx> {
  const files = unzipChecked(fileName, bytes);
  const external = externalReferences(files);
  if (external.length > 0) {
    throw new ImportError(
      fileName,
      'external-reference',
      sentence('backend.import.docx.external', { files: external.slice(0, 3).join('; ') }),
    );
  }
  // Mammoth reads a zip of the checked XML parts, stored: nothing it inflates can be larger than what was checked.
  const safe = zipSync(files, { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (e) {
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.docx.unreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const creator = xmlText(core, 'dc:creator');
  return {
    text: htmlToText(html).text,
    title: xmlText(core, 'dc:title'),
    authors: creator ? creator.split(/\s*;\s*/).filter(Boolean) : [],
    date: parseDate(xmlText(core, 'dcterms:created')),
    language: xmlText(core, 'dc:language'),
  };
}
