import { pdfPagesToText, type PdfPageRuns } from '../../../core/documents/pdf-text';
import { ImportError } from '../../../core/import';
import { sentence } from '../../../core/i18n/message-text';

/**
 * A PDF's text layer, page by page, with pdf.js (pdfjs-dist) in Node: no rendering, no fonts, no scripts, no
 * network. Refuses what would import badly or without bound: encrypted files (with what to do), scanned pages with
 * no text layer (run OCR first), damaged files, and bombs (more pages, text or time than any real report).
 */

/** Most pages a PDF may have. The longest UN and think-tank reports run to a few hundred pages. */
export const MAX_PDF_PAGES = 3000;
/** Most characters of text a PDF may bring (about 40 MB of text). */
export const MAX_PDF_CHARS = 40_000_000;
/** Longest a PDF may take to read. */
export const MAX_PDF_MILLISECONDS = 120_000;

export interface PdfFacts {
  title: string;
  authors: string[];
  date: string;
  language: string;
}

export interface ReadPdf {
  text: string;
  pageStarts: number[];
  furniture: Array<[number, number]>;
  pages: number;
  facts: PdfFacts;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

/** pdf.js, with its worker's message handler running in this thread (no worker file to find inside a bundle). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // pdf.js makes a DOMMatrix when it loads. Node has none, and inside the app's bundle pdf.js cannot reach the
    // optional native canvas package it would take one from: a pure-JS DOMMatrix stands in (text needs no canvas).
    const g = globalThis as { DOMMatrix?: unknown };
    if (!g.DOMMatrix) g.DOMMatrix = (await import('@thednp/dommatrix')).default;
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = 'pdf.worker.mjs';
    return pdfjs;
  })();
  return loading;
}

/** D:20220429103000+02'00' (the PDF date format) to 2022-04-29. */
function pdfDate(s: unknown): string {
  const m = typeof s === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(s) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

export interface PdfProgress {
  (page: number, pages: number): void;
}

export interface ReadPdfOptions {
  onProgress?: PdfProgress;
  /** Stops the reading between pages (the analyst's Cancel): an ImportError 'cancelled' is thrown. */
  signal?: AbortSignal;
  /** The password of a protected PDF. */
  password?: string;
}

export const CANCELLED = sentence('backend.import.cancelled');

export async function readPdf(fileName: string, bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<ReadPdf> {
  const { onProgress, signal, password } = options;
  const pdfjs = await loadPdfJs();
  const started = Date.now();
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay whole.
  const task = pdfjs.getDocument({
    ...(password ? { password } : {}),
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string })?.name;
    if (name === 'PasswordException') {
      // pdf.js: code 1, a password is needed; code 2, the one given is wrong.
      if ((err as { code?: number }).code === 2 && password) {
        throw new ImportError(fileName, 'wrong-password', sentence('backend.import.pdf.wrongPassword'));
      }
      throw new ImportError(
        fileName,
        'encrypted',
        sentence('backend.import.pdf.encrypted'),
      );
    }
    throw new ImportError(fileName, 'corrupt', sentence('backend.import.pdf.unreadable', { reason: (err as Error)?.message ?? 'damaged' }));
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ImportError(fileName, 'too-large', sentence('backend.import.pdf.tooManyPages', { count: doc.numPages, max: MAX_PDF_PAGES }));
    }
    const pages: PdfPageRuns[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (signal?.aborted) throw new ImportError(fileName, 'cancelled', CANCELLED);
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const runs: PdfPageRuns['runs'] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , e, f] = item.transform as number[];
        chars += item.str.length;
        runs.push({ str: item.str, x: e, y: f, width: item.width, size: item.height || Math.hypot(a, b), eol: item.hasEOL });
      }
      pages.push({ runs, height: viewport.height });
      page.cleanup();
      if (chars > MAX_PDF_CHARS) {
        throw new ImportError(fileName, 'too-large', sentence('backend.import.pdf.tooMuchText', { max: MAX_PDF_CHARS, page: p }));
      }
      if (Date.now() - started > MAX_PDF_MILLISECONDS) {
        throw new ImportError(fileName, 'too-large', sentence('backend.import.pdf.tooSlow', { seconds: MAX_PDF_MILLISECONDS / 1000, page: p, pages: doc.numPages }));
      }
      onProgress?.(p, doc.numPages);
    }
    const { text, pageStarts, furniture } = pdfPagesToText(pages);
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    if (letters < Math.max(20, doc.numPages * 5)) {
      throw new ImportError(fileName, 'no-text-layer', sentence('backend.import.pdf.noTextLayer'));
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
    const author = str(info.Author);
    return {
      text,
      pageStarts,
      furniture,
      pages: doc.numPages,
      facts: {
        title: str(info.Title),
        authors: author ? author.split(/\s*[;,]\s*|\s+and\s+/).filter(Boolean) : [],
        date: pdfDate(info.CreationDate) || pdfDate(info.ModDate),
        language: str(info.Language),
      },
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
