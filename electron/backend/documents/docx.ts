import { listZipEntries } from '../../../core/import/zip-entries';
import { strFromU8, zipSync } from 'fflate';
import { inflateEntries } from '../../../core/import/zip-inflate';
import mammoth from 'mammoth';
import { parseDate } from '../../../core/import/dates';
import { formatBytes, htmlToText, ImportError, MB } from '../../../core/import';

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
    throw new ImportError(fileName, 'corrupt', 'the file is not a Word document (.docx is a zip archive, and this one cannot be opened). Open it in Word and save it again.');
  }
  if (infos.length > MAX_DOCX_ENTRIES) {
    throw new ImportError(fileName, 'zip-bomb', `the document holds ${infos.length.toLocaleString('en-US')} parts, far more than a real Word file (it may be a zip bomb). The file was not opened.`);
  }
  const total = infos.reduce((n, f) => n + f.declaredSize, 0);
  if (total > MAX_DOCX_UNZIPPED_BYTES) {
    throw new ImportError(fileName, 'zip-bomb', `the document would expand to ${formatBytes(total)}, more than the ${formatBytes(MAX_DOCX_UNZIPPED_BYTES)} allowed (it may be a zip bomb). The file was not opened.`);
  }
  for (const f of infos) {
    const n = f.name.replace(/\\/g, '/');
    if (n.startsWith('/') || n.split('/').includes('..')) {
      throw new ImportError(fileName, 'unsafe-path', `the document has a part named "${f.name}" that points outside the archive. The file was not opened.`);
    }
  }
  if (!infos.some((f) => f.name === 'word/document.xml')) {
    throw new ImportError(fileName, 'corrupt', 'the zip has no word/document.xml, so it is not a Word document. Open it in Word and save it as .docx.');
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
      `the document refers to files outside itself (${external.slice(0, 3).join('; ')}), which could be fetched when it is opened. Open it in Word, remove the linked template or objects (or save a copy as a new document), and import that.`,
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
    throw new ImportError(fileName, 'corrupt', `the Word document could not be read (${e instanceof Error ? e.message : String(e)}). Open it in Word and save it again.`);
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
