import { msg } from '../../i18n';
import { call } from '../../api';

/**
 * pdf.js in the renderer, loaded when a page view first opens (not at start-up), with its worker bundled by the
 * build as the app's own script: no network, nothing from outside the app, nothing the CSP forbids (no eval, no
 * wasm, no remote fonts).
 */

export type PdfJs = typeof import('pdfjs-dist');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type PdfWorker = InstanceType<PdfJs['PDFWorker']>;

/**
 * pdf.js and one worker for every document, started together: the worker's 1.2 MB script is parsed once, not once
 * per PDF opened, and a document handed this worker leaves it running when it is destroyed (pdf.js ends only the
 * workers it made itself).
 */
let loading: Promise<{ pdfjs: PdfJs; worker: PdfWorker }> | null = null;

export function loadPdfJs(): Promise<{ pdfjs: PdfJs; worker: PdfWorker }> {
  loading ??= (async () => {
    const [pdfjs, workerUrl] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker&url')]);
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl.default;
    return { pdfjs, worker: new pdfjs.PDFWorker({ verbosity: 0 }) };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * pdf.js made ready ahead of any page view, when the notebook holds a PDF: called in idle time after start-up, so
 * that the first page view of the session does not wait for the library and its worker to load.
 */
export function warmPdfJs(): void {
  void loadPdfJs().catch(() => {});
}

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Why a PDF could not be shown, for the analyst. */
export class PdfOpenError extends Error {
  constructor(
    message: string,
    readonly needsPassword: 'ask' | 'wrong' | null = null,
  ) {
    super(message);
  }
}

/** The original PDF of a source, from the notebook folder through the contract (the renderer reads no files). */
export async function originalPdfBytes(sourceId: string): Promise<Uint8Array> {
  const original = await call('sourceOriginal', { sourceId });
  if (original.kind !== 'pdf') throw new PdfOpenError(msg('reader.pdf.thisSourceWasNotImported'));
  return bytesOf(original.base64);
}

/**
 * The PDF last shown, kept open: switching back to the pages of the same source (or reopening it) draws at once,
 * without reading and parsing the file again. One at a time, so memory holds one PDF.
 */
let kept: { sourceId: string; doc: PdfDocument } | null = null;

export function keptPdf(sourceId: string): PdfDocument | null {
  return kept?.sourceId === sourceId ? kept.doc : null;
}

export function keepPdf(sourceId: string, doc: PdfDocument): void {
  if (kept && kept.doc !== doc) void kept.doc.destroy();
  kept = { sourceId, doc };
}

/** Opens the PDF; a protected one needs `password` (a PdfOpenError says whether it was missing or wrong). */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PdfDocument> {
  const { pdfjs, worker } = await loadPdfJs();
  // pdf.js takes the buffer over to its worker: a copy keeps ours for another try with a password.
  const task = pdfjs.getDocument({ data: bytes.slice(), password, worker, isEvalSupported: false, enableXfa: false, verbosity: 0 });
  try {
    return await task.promise;
  } catch (err) {
    const e = err as { name?: string; code?: number; message?: string };
    if (e?.name === 'PasswordException') {
      throw new PdfOpenError(e.code === 2 ? msg('reader.pdf.thatPasswordDoesNotOpen') : msg('reader.pdf.thisPdfIsProtectedBy'), e.code === 2 ? 'wrong' : 'ask');
    }
    throw new PdfOpenError(msg('reader.pdf.thePdfCouldNotBe', { value: e?.message ?? 'damaged' }));
  }
}

/**
 * A PDF opened ahead of its page view: when a source with pages opens in its text, pdf.js, its worker and the file
 * are made ready in idle time, so that switching to the pages draws at once instead of loading all three then. One
 * at a time, apart from the one kept for a page view on screen (so preparing never takes a document from a view).
 * A PDF that cannot be opened (a password) is left to the page view, which asks.
 */
let preparing: { sourceId: string; promise: Promise<PdfDocument | null> } | null = null;

export function preparePdf(sourceId: string): void {
  if (keptPdf(sourceId) || preparing?.sourceId === sourceId) return;
  const previous = preparing;
  const entry = {
    sourceId,
    promise: (async () => {
      void previous?.promise.then((doc) => doc?.destroy());
      try {
        // The file and pdf.js are fetched side by side: neither waits for the other.
        const [bytes] = await Promise.all([originalPdfBytes(sourceId), loadPdfJs()]);
        return await openPdf(bytes);
      } catch {
        return null;
      }
    })(),
  };
  preparing = entry;
}

/** The PDF prepared for this source (waiting for it if it is on its way), handed over to the caller; else null. */
export async function takePreparedPdf(sourceId: string): Promise<PdfDocument | null> {
  const entry = preparing;
  if (entry?.sourceId !== sourceId) return null;
  preparing = null;
  return entry.promise;
}
