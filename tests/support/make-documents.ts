import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, StandardFonts, type PDFObject } from 'pdf-lib';

/**
 * Documents the tests build themselves: PDFs (pdf-lib) laid out like reports (a running header, body lines that
 * may end in a hyphen, a page number at the foot) and Word files (a .docx is a zip of XML parts, built with fflate).
 */

export interface PdfSpec {
  /** Each page's body lines, top to bottom. */
  pages: string[][];
  header?: string;
  /** Draw "N" at the foot of each page. */
  pageNumbers?: boolean;
  title?: string;
  author?: string;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (spec.title) doc.setTitle(spec.title);
  if (spec.author) doc.setAuthor(spec.author);
  doc.setCreationDate(new Date('2022-04-29T10:00:00Z'));
  spec.pages.forEach((lines, i) => {
    const page = doc.addPage([595, 842]);
    if (spec.header) page.drawText(spec.header, { x: 72, y: 800, size: 9, font });
    let y = 760;
    for (const line of lines) {
      if (line === '') {
        y -= 14;
        continue;
      }
      page.drawText(line, { x: 72, y, size: 11, font });
      y -= 14;
    }
    if (spec.pageNumbers) page.drawText(String(i + 1), { x: 290, y: 40, size: 9, font });
  });
  return doc.save();
}

/** A PDF whose pages have no text at all (as a scan without OCR: here, only drawn rectangles). */
export async function makeScannedPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 495, height: 742, borderWidth: 1 });
  return doc.save();
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type DocxBlock = { heading: string; level?: number } | { para: string } | { bullet: string } | { table: string[][] };

export interface DocxSpec {
  blocks: DocxBlock[];
  title?: string;
  creator?: string;
  /** Extra relationships of the document part (e.g. an external template). */
  documentRels?: string;
  /** Extra files in the zip. */
  extra?: Record<string, Uint8Array>;
}

const run = (t: string): string => `<w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;

export function makeDocx(spec: DocxSpec): Uint8Array {
  const body = spec.blocks
    .map((b) => {
      if ('heading' in b) return `<w:p><w:pPr><w:pStyle w:val="Heading${b.level ?? 1}"/></w:pPr>${run(b.heading)}</w:p>`;
      if ('para' in b) return `<w:p>${run(b.para)}</w:p>`;
      if ('bullet' in b) return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(b.bullet)}</w:p>`;
      return `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
    })
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>${spec.documentRels ?? ''}</Relationships>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(spec.title ?? '')}</dc:title><dc:creator>${xmlEscape(spec.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2023-03-02T09:00:00Z</dcterms:created></cp:coreProperties>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(numbering),
    'word/_rels/document.xml.rels': strToU8(docRels),
    'docProps/core.xml': strToU8(core),
    ...(spec.extra ?? {}),
  });
}

/**
 * A PDF that says it is encrypted with a user password: a Standard security handler whose /U entry matches no
 * password (its content is not even encrypted), which is all a reader needs to ask for one.
 */
export async function makePasswordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const ctx = doc.context;
  const hex = (n: number, seed: number): PDFHexString => PDFHexString.of(Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = ctx.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -44 });
  encrypt.set(PDFName.of('O'), hex(32, 11));
  encrypt.set(PDFName.of('U'), hex(32, 99));
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([hex(16, 5), hex(16, 5)]);
  return doc.save({ useObjectStreams: false });
}

/** A PDF with far more pages than any report (blank ones: the file stays small). */
export async function makeManyPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([100, 100]);
  return doc.save();
}

/** A zip whose central directory declares `declared` bytes for its one entry (a zip bomb's headers). */
export function withDeclaredSize(zip: Uint8Array, entry: string, declared: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const n = view.getUint16(i + 28, true);
    if (n === name.length && name.every((b, k) => out[i + 46 + k] === b)) view.setUint32(i + 24, declared, true);
  }
  return out;
}

/** RC4, for the PDF Standard security handler (revision 2) below. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const PDF_PAD = Uint8Array.from(Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex'));
const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const padded = (password: string): Uint8Array => {
  const out = new Uint8Array(32);
  const pw = new TextEncoder().encode(password).slice(0, 32);
  out.set(pw);
  out.set(PDF_PAD.slice(0, 32 - pw.length), pw.length);
  return out;
};
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * A report really encrypted with a user password (RC4 40-bit, Standard security handler revision 2, as old PDF
 * writers make them): pdf.js opens it only with `password`.
 */
export async function makeEncryptedPdf(spec: PdfSpec, password: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf(spec), { updateMetadata: false });
  const ctx = doc.context;
  const id = Uint8Array.from({ length: 16 }, (_, i) => (i * 29 + 7) & 255);
  const P = -44;
  const pBytes = new Uint8Array(new Int32Array([P]).buffer);
  const O = rc4(md5(padded(`owner-${password}`)).slice(0, 5), padded(password));
  const key = md5(padded(password), O, pBytes, id).slice(0, 5);
  const U = rc4(key, PDF_PAD);
  const objectKey = (n: number, g: number): Uint8Array => md5(key, Uint8Array.of(n & 255, (n >> 8) & 255, (n >> 16) & 255, g & 255, (g >> 8) & 255)).slice(0, 10);
  const encryptStrings = (obj: PDFObject, k: Uint8Array): PDFObject => {
    if (obj instanceof PDFString || obj instanceof PDFHexString) return PDFHexString.of(toHex(rc4(k, obj.asBytes())));
    if (obj instanceof PDFDict) for (const [name, value] of obj.entries()) obj.set(name, encryptStrings(value, k));
    if (obj instanceof PDFArray) for (let i = 0; i < obj.size(); i++) obj.set(i, encryptStrings(obj.get(i), k));
    return obj;
  };
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const k = objectKey(ref.objectNumber, ref.generationNumber);
    if (obj instanceof PDFRawStream) {
      encryptStrings(obj.dict, k);
      ctx.assign(ref, PDFRawStream.of(obj.dict, rc4(k, obj.getContents())));
    } else encryptStrings(obj, k);
  }
  const encrypt = ctx.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P });
  encrypt.set(PDFName.of('O'), PDFHexString.of(toHex(O)));
  encrypt.set(PDFName.of('U'), PDFHexString.of(toHex(U)));
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(toHex(id)), PDFHexString.of(toHex(id))]);
  return doc.save({ useObjectStreams: false });
}
