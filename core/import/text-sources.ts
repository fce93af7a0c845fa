import { Parser } from 'htmlparser2';
import { parseDate } from './dates';
import { checkSize, decodeUtf8, ImportError, MAX_SOURCE_BYTES } from './errors';
import { contentHash, type ImportOptions } from './model';
import { sentence } from '../i18n/message-text';

export { parseDate } from './dates';

/**
 * Source import: a .txt, .md or .html/.htm file's bytes to clean text with its title, date and publisher when the
 * file gives them. Checks, in order: type by extension, size (50 MB), binary content (NUL bytes, control
 * characters, well-known binary signatures), strict UTF-8, emptiness. HTML is data, never code: it is tokenised
 * (htmlparser2) and only its text kept; scripts, styles, iframes, forms and the like are dropped with their content,
 * attributes (event handlers included) are never looked at except a few <meta> and <time> values.
 */

export type TextSourceFormat = 'txt' | 'md' | 'html';

export const SOURCE_EXTENSIONS: Readonly<Record<string, TextSourceFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};

export interface ImportedTextSource {
  format: TextSourceFormat;
  /** From the file (HTML <title>/<h1>/og:title, Markdown front matter or # heading, a text's first line); else the file name. */
  title: string;
  /** ISO yyyy-mm-dd when the file states a date, else ''. */
  date: string;
  publisher: string;
  /** Clean text, line ends normalised to \n. */
  text: string;
  contentHash: string;
  originalFile: string;
}

/** The lowercase extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').trim() || base;
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (or a Word/OpenDocument file)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/** What binary thing the bytes are, or null when they look like text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) return what;
  }
  // UTF-16 text has NULs too, but a BOM says so; we only read UTF-8, so it is still refused (as invalid UTF-8).
  const head = bytes.subarray(0, 64 * 1024);
  if (head.indexOf(0) !== -1) return 'binary data (it contains NUL bytes)';
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text files.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) controls++;
  }
  return controls > Math.max(8, head.length / 100) ? 'binary data (it is full of control characters)' : null;
}

/** Title and date of plain text: the first line when it is short enough to be a headline; a date line near the top. */
function plainTextFacts(text: string): { title: string; date: string } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 12);
  let date = '';
  for (const l of lines) {
    if (l.length <= 60) date = parseDate(l);
    if (date) break;
  }
  const first = lines[0] ?? '';
  const title = first.length > 0 && first.length <= 200 && !parseDate(first) ? first.replace(/^#+\s*/, '') : '';
  return { title, date };
}

function frontMatter(md: string): { fields: Map<string, string>; body: string } {
  const fields = new Map<string, string>();
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(md);
  if (!m) return { fields, body: md };
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields.set(kv[1].toLowerCase(), kv[2].trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { fields, body: md.slice(m[0].length).replace(/^\n+/, '') };
}

/** Elements dropped with everything inside them: code, embedded content, forms and controls, head matter. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'audio', 'video', 'picture', 'form', 'button', 'select', 'textarea', 'input', 'option', 'datalist', 'dialog',
  'head',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'figure',
  'figcaption', 'hr', 'address', 'details', 'summary', 'caption', 'body', 'html', 'center',
]);
const DATE_METAS = new Set([
  'article:published_time', 'og:published_time', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued',
  'dcterms.date', 'datepublished', 'sailthru.date', 'parsely-pub-date',
]);

export interface HtmlFacts {
  text: string;
  title: string;
  date: string;
  publisher: string;
}

/** The text of an HTML document, paragraph by paragraph, with its title, date and publisher when it states them. */
export function htmlToText(html: string): HtmlFacts {
  const paragraphs: string[] = [];
  let line = '';
  let dropped = 0;
  let pre = 0;
  let inTitle = false;
  let inH1 = false;
  let titleText = '';
  let h1Text = '';
  let metaTitle = '';
  let date = '';
  let timeDate = '';
  let publisher = '';
  const flush = (): void => {
    const p = line
      .split('\n')
      .map((l) => l.replace(/[ \t\f\r]+$/g, '').replace(/^[ \t\f\r]+/g, ''))
      .join('\n')
      .trim();
    if (p) paragraphs.push(p);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = (attrs.content ?? '').trim();
          if (key === 'og:title' && content) metaTitle = content;
          if ((key === 'og:site_name' || key === 'publisher' || key === 'dc.publisher') && content && !publisher) publisher = content;
          if (DATE_METAS.has(key) && content && !date) date = parseDate(content);
        }
        if (name === 'time' && !timeDate && attrs.datetime) timeDate = parseDate(attrs.datetime);
        // Inside a dropped element every element counts, so the matching close (htmlparser2 closes void elements
        // at once, and implied ends too) brings the depth back.
        if (dropped > 0 || DROPPED.has(name)) {
          dropped++;
          return;
        }
        if (name === 'h1') inH1 = true;
        if (name === 'br') line += '\n';
        else if (BLOCKS.has(name)) flush();
        if (name === 'li') line += '• ';
        if (name === 'pre') pre++;
        if ((name === 'td' || name === 'th') && line && !/\s$/.test(line)) line += '\t';
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (dropped > 0) return;
        if (inH1) h1Text += text;
        if (pre > 0) {
          line += text;
          return;
        }
        // Collapse white space as a browser does; no-break spaces are content and stay.
        let t = text.replace(/[ \t\n\r\f]+/g, ' ');
        if (t.startsWith(' ') && (line === '' || line.endsWith(' ') || line.endsWith('\n'))) t = t.slice(1);
        line += t;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (dropped > 0) {
          dropped--;
          return;
        }
        if (name === 'h1') inH1 = false;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return {
    text: paragraphs.join('\n\n'),
    title: clean(metaTitle) || clean(h1Text) || clean(titleText),
    date: date || timeDate,
    publisher: clean(publisher),
  };
}

/** The source format of a file name, or null when it is not a source we import. */
export function sourceFormatOf(fileName: string): TextSourceFormat | null {
  return SOURCE_EXTENSIONS[extensionOf(fileName)] ?? null;
}

/** Reads one source file. Throws ImportError (nothing imported) for every bad input. */
export function importTextSource(
  fileName: string,
  bytes: Uint8Array,
  options: Pick<ImportOptions, 'hash'> = {},
): ImportedTextSource {
  const format = sourceFormatOf(fileName);
  if (!format) {
    const ext = extensionOf(fileName);
    throw new ImportError(
      fileName,
      'unsupported-type',
      ext ? sentence('backend.import.notSourceType', { ext }) : sentence('backend.import.notSourceTypeNoExt'),
    );
  }
  checkSize(fileName, bytes.length, MAX_SOURCE_BYTES);
  const binary = sniffBinary(bytes);
  if (binary) {
    throw new ImportError(
      fileName,
      'binary',
      sentence('backend.import.binary', { ext: extensionOf(fileName), holds: binary }),
    );
  }
  const raw = decodeUtf8(fileName, bytes);
  return textSourceFromString(fileName, format, raw, options);
}

/** A source from its decoded text (the backend decodes any charset; core's importTextSource reads UTF-8 only). */
export function textSourceFromString(
  fileName: string,
  format: TextSourceFormat,
  decoded: string,
  options: Pick<ImportOptions, 'hash'> = {},
): ImportedTextSource {
  const raw = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let text: string;
  let title = '';
  let date = '';
  let publisher = '';
  if (format === 'html') {
    const facts = htmlToText(raw);
    ({ text, title, date, publisher } = facts);
  } else if (format === 'md') {
    const { fields, body } = frontMatter(raw);
    text = body.replace(/\s+$/, '');
    title = fields.get('title') ?? /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? '';
    date = parseDate(fields.get('date') ?? fields.get('published') ?? '') || plainTextFacts(body).date;
    publisher = fields.get('publisher') ?? fields.get('source') ?? '';
  } else {
    text = raw.replace(/\s+$/, '');
    ({ title, date } = plainTextFacts(text));
  }
  if (!text.trim()) {
    throw new ImportError(fileName, 'empty', sentence('backend.import.noText'));
  }
  return {
    format,
    title: title || stem(fileName),
    date,
    publisher,
    text,
    contentHash: (options.hash ?? contentHash)(text),
    originalFile: fileName.split(/[\\/]/).pop() ?? fileName,
  };
}

export interface DuplicateSource {
  fileName: string;
  /** The source already in the notebook with the same text, or the earlier file of the same batch. */
  duplicateOf: { kind: 'notebook'; id: string; title: string } | { kind: 'batch'; fileName: string };
}

/** Files whose text (content hash) is already in the notebook, or already earlier in the same batch. */
export function findDuplicates(
  files: ReadonlyArray<{ fileName: string; contentHash: string }>,
  existing: ReadonlyArray<{ id: string; title: string; contentHash: string }>,
): DuplicateSource[] {
  const known = new Map(existing.map((s) => [s.contentHash, s]));
  const seen = new Map<string, string>();
  const out: DuplicateSource[] = [];
  for (const f of files) {
    const inNotebook = known.get(f.contentHash);
    const inBatch = seen.get(f.contentHash);
    if (inNotebook) out.push({ fileName: f.fileName, duplicateOf: { kind: 'notebook', id: inNotebook.id, title: inNotebook.title } });
    else if (inBatch !== undefined) out.push({ fileName: f.fileName, duplicateOf: { kind: 'batch', fileName: inBatch } });
    else seen.set(f.contentHash, f.fileName);
  }
  return out;
}
