import { alignPageItems, charsInRange, offsetAt, pageIndexAt, type AlignedItem } from '../../../core/documents/pdf-align';
import type { PaintItem } from '../painter';
import { loadPdfJs, type PdfDocument, type PdfPage } from './load-pdf';

/**
 * The pages of a PDF on screen: for each page near the view, a canvas (pdf.js draws the page), a text layer (pdf.js's
 * transparent text, for selecting) and a layer of highlight boxes under it. Pages far from the view are let go, so a
 * 300-page report costs a few canvases. Everything that crosses to the rest of the app is a text offset of the
 * stored text, through the alignment of pdf.js's text items with that text (core/documents/pdf-align.ts).
 */

interface RenderedPage {
  scale: number;
  canvas: HTMLCanvasElement;
  text: HTMLDivElement;
  marks: HTMLDivElement;
  spans: HTMLElement[];
  aligned: AlignedItem[];
  /** The page turned out to have another size than the one assumed for it. */
  resized: boolean;
  cancel(): void;
}

/** How sharp the canvas is drawn: the screen's pixel ratio, at most 2 (memory). */
const pixelRatio = (): number => Math.min(2, Math.max(1, window.devicePixelRatio || 1));

export class PdfPages {
  private readonly rendered = new Map<number, RenderedPage>();
  private readonly pending = new Map<number, Promise<RenderedPage | null>>();
  /** Pages asked for and not started, and whether one is being drawn (one at a time: see show). */
  private readonly queue: Array<{ index: number; el: HTMLElement; scale: number; done: Promise<RenderedPage | null>; settle(page: RenderedPage | null): void }> = [];
  private drawing = false;
  private focus = 0;
  private readonly spanIndex = new WeakMap<Node, { page: number; item: number }>();
  private items: PaintItem[] = [];
  private selectedId: string | null = null;
  private disposed = false;
  /** Base sizes of the pages at scale 1 (known once a page has been loaded; page 1's size stands in until then). */
  readonly sizes: Array<{ width: number; height: number }>;

  constructor(
    private readonly doc: PdfDocument,
    private readonly text: string,
    private readonly pageStarts: readonly number[],
    first: { width: number; height: number },
    private readonly onPageRendered: (index: number) => void,
  ) {
    this.sizes = Array.from({ length: doc.numPages }, () => ({ ...first }));
  }

  get count(): number {
    return this.doc.numPages;
  }

  /** The text offsets [from, to) of page `index`. */
  rangeOf(index: number): [number, number] {
    const from = this.pageStarts[index] ?? this.text.length;
    const to = index + 1 < this.pageStarts.length ? this.pageStarts[index + 1] : this.text.length;
    return [from, Math.max(from, to)];
  }

  pageOf(offset: number): number {
    return Math.min(this.count - 1, pageIndexAt(this.pageStarts, offset));
  }

  isRendered(index: number, scale: number): boolean {
    return this.rendered.get(index)?.scale === scale;
  }

  /**
   * Draw page `index` into its placeholder `el` at `scale` (CSS pixels per PDF unit); again only if the scale changed.
   * Pages are drawn one at a time, the one nearest the page in view first (setFocus): pdf.js draws a page in slices
   * of about 15 ms per frame, so pages drawn side by side would put several slices in one frame (a long task).
   */
  show(index: number, el: HTMLElement, scale: number): Promise<RenderedPage | null> {
    const have = this.rendered.get(index);
    if (have?.scale === scale) return Promise.resolve(have);
    const waiting = this.queue.find((j) => j.index === index);
    if (waiting) {
      // Not started yet: it will draw at the scale asked for last.
      waiting.el = el;
      waiting.scale = scale;
      return waiting.done;
    }
    const running = this.pending.get(index);
    if (running) return running;
    let settle!: (page: RenderedPage | null) => void;
    const done = new Promise<RenderedPage | null>((resolve) => (settle = resolve));
    this.queue.push({ index, el, scale, done, settle });
    this.pump();
    return done;
  }

  /** The page in view: queued pages nearest to it are drawn first. */
  setFocus(index: number): void {
    this.focus = index;
  }

  private pump(): void {
    if (this.drawing || this.queue.length === 0 || this.disposed) return;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) if (Math.abs(this.queue[i].index - this.focus) < Math.abs(this.queue[best].index - this.focus)) best = i;
    const [job] = this.queue.splice(best, 1);
    this.drawing = true;
    const run = this.render(job.index, job.el, job.scale).catch(() => null);
    this.pending.set(job.index, run);
    void run.then((page) => {
      this.pending.delete(job.index);
      this.drawing = false;
      job.settle(page);
      this.pump();
    });
  }

  /** Let a page far from the view go (its canvas and text), keeping its placeholder's size. */
  hide(index: number): void {
    const queued = this.queue.findIndex((j) => j.index === index);
    if (queued >= 0) this.queue.splice(queued, 1)[0].settle(null);
    const page = this.rendered.get(index);
    if (!page) return;
    page.cancel();
    page.canvas.width = 0;
    page.canvas.height = 0;
    page.canvas.remove();
    page.text.remove();
    page.marks.remove();
    this.rendered.delete(index);
  }

  private async render(index: number, el: HTMLElement, scale: number): Promise<RenderedPage | null> {
    const { pdfjs } = await loadPdfJs();
    const page: PdfPage = await this.doc.getPage(index + 1);
    if (this.disposed) return null;
    const base = page.getViewport({ scale: 1 });
    const resized = this.sizes[index].width !== base.width || this.sizes[index].height !== base.height;
    this.sizes[index] = { width: base.width, height: base.height };
    const viewport = page.getViewport({ scale });
    const ratio = pixelRatio();
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-canvas';
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const marks = document.createElement('div');
    marks.className = 'pdf-marks';
    marks.setAttribute('aria-hidden', 'true');
    const textLayer = document.createElement('div');
    textLayer.className = 'textLayer pdf-text';
    // Set only when they change: a custom property written on the page restyles everything inside it.
    if (el.style.getPropertyValue('--scale-factor') !== String(scale)) {
      el.style.setProperty('--scale-factor', String(scale));
      el.style.setProperty('--total-scale-factor', String(scale));
      el.style.setProperty('--user-unit', '1');
    }
    const task = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      task.cancel();
    };
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const layer = new pdfjs.TextLayer({ textContentSource: content, container: textLayer, viewport });
    await layer.render();
    try {
      await task.promise;
    } catch {
      // Cancelled (the page scrolled far away or the view closed): nothing to show.
      return null;
    }
    if (cancelled || this.disposed || !el.isConnected) return null;
    // Replace what an earlier scale drew, at once (no blank frame).
    const old = this.rendered.get(index);
    if (old) {
      old.canvas.remove();
      old.text.remove();
      old.marks.remove();
    }
    el.replaceChildren(canvas, marks, textLayer);
    const spans = layer.textDivs;
    spans.forEach((span, item) => {
      this.spanIndex.set(span, { page: index, item });
      if (span.firstChild) this.spanIndex.set(span.firstChild, { page: index, item });
    });
    const [from, to] = this.rangeOf(index);
    const rendered: RenderedPage = { scale, canvas, text: textLayer, marks, spans, aligned: alignPageItems(this.text, from, to, layer.textContentItemsStr), resized, cancel };
    this.rendered.set(index, rendered);
    this.drawMarks(index);
    this.onPageRendered(index);
    return rendered;
  }

  setHighlights(items: PaintItem[], selectedId: string | null): void {
    this.items = items;
    this.selectedId = selectedId;
    for (const index of this.rendered.keys()) this.drawMarks(index);
  }

  /** The highlight boxes of one page: a box per line piece of each highlight, under the page's text layer. */
  private drawMarks(index: number): void {
    const page = this.rendered.get(index);
    if (!page) return;
    const [from, to] = this.rangeOf(index);
    const origin = page.marks.getBoundingClientRect();
    const boxes: HTMLElement[] = [];
    // Measure first, then write: one layout for the whole page.
    const planned: Array<{ item: PaintItem; rects: DOMRect[] }> = [];
    for (const item of this.items) {
      if (item.end <= from || item.start >= to) continue;
      const rects: DOMRect[] = [];
      page.aligned.forEach((a, i) => {
        const chars = charsInRange(a, item.start, item.end);
        const node = page.spans[i]?.firstChild;
        if (!chars || !node) return;
        const range = document.createRange();
        range.setStart(node, Math.min(chars[0], node.textContent!.length));
        range.setEnd(node, Math.min(chars[1], node.textContent!.length));
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
      });
      planned.push({ item, rects });
    }
    for (const { item, rects } of planned) {
      for (const r of rects) {
        const box = document.createElement('div');
        box.className = item.id === this.selectedId ? 'pdf-mark selected' : 'pdf-mark';
        box.dataset.highlightId = item.id;
        box.style.setProperty('--mark-color', item.color);
        box.style.left = `${r.left - origin.left}px`;
        box.style.top = `${r.top - origin.top}px`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
        boxes.push(box);
      }
    }
    page.marks.replaceChildren(...boxes);
  }

  /** Flash a highlight's boxes (after a jump to it). */
  flash(id: string): void {
    for (const page of this.rendered.values()) {
      for (const box of page.marks.querySelectorAll<HTMLElement>(`[data-highlight-id="${CSS.escape(id)}"]`)) {
        box.classList.remove('flash');
        void box.offsetWidth;
        box.classList.add('flash');
      }
    }
  }

  /** The text offset of a DOM point inside a page's text layer, or null when it is not in one. */
  offsetOfPoint(node: Node, offset: number): number | null {
    let hit = this.spanIndex.get(node);
    let j = offset;
    if (!hit && node instanceof HTMLElement && node.classList.contains('textLayer')) {
      // Between the spans of a text layer: the start of the span after the point (or the end of the last one).
      const kids = Array.from(node.childNodes);
      for (let k = offset; k < kids.length; k++) {
        hit = this.spanIndex.get(kids[k]);
        if (hit) {
          j = 0;
          break;
        }
      }
      if (!hit) {
        for (let k = Math.min(offset, kids.length) - 1; k >= 0; k--) {
          hit = this.spanIndex.get(kids[k]);
          if (hit) {
            j = Number.MAX_SAFE_INTEGER;
            break;
          }
        }
      }
    } else if (hit && node.nodeType === Node.ELEMENT_NODE) {
      j = offset === 0 ? 0 : Number.MAX_SAFE_INTEGER;
    }
    if (!hit) return null;
    const page = this.rendered.get(hit.page);
    if (!page) return null;
    const a = page.aligned[hit.item];
    const o = offsetAt(a, Math.min(j, a.offsets.length));
    if (o !== null) return o;
    // An item with no letters (a lone space): the nearest item that has some.
    for (let i = hit.item + 1; i < page.aligned.length; i++) if (page.aligned[i].first >= 0) return page.aligned[i].first;
    return this.rangeOf(hit.page)[1];
  }

  /** The selection in the pages as text offsets, or null when it is not (wholly) in them. */
  selection(sel: Selection | null): { start: number; end: number } | null {
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const r = sel.getRangeAt(0);
    const a = this.offsetOfPoint(r.startContainer, r.startOffset);
    const b = this.offsetOfPoint(r.endContainer, r.endOffset);
    if (a === null || b === null) return null;
    let start = Math.min(a, b);
    let end = Math.max(a, b);
    while (start < end && /\s/.test(this.text[start])) start++;
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return end > start ? { start, end } : null;
  }

  /** The element on a rendered page closest to a text offset (for scrolling to it), or null. */
  spanAt(offset: number): HTMLElement | null {
    const page = this.rendered.get(this.pageOf(offset));
    if (!page) return null;
    let best: HTMLElement | null = null;
    for (let i = 0; i < page.aligned.length; i++) {
      const a = page.aligned[i];
      if (a.first < 0) continue;
      if (a.first > offset) return best ?? page.spans[i];
      best = page.spans[i];
      if (a.last >= offset) return best;
    }
    return best;
  }

  /** The offset of the first line of text at or below `y` (client coordinates) on a rendered page, or null. */
  offsetAtY(index: number, y: number): number | null {
    const page = this.rendered.get(index);
    if (!page) return null;
    for (let i = 0; i < page.spans.length; i++) {
      const a = page.aligned[i];
      if (a.first < 0) continue;
      if (page.spans[i].getBoundingClientRect().bottom >= y) return a.first;
    }
    return null;
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.settle(null);
    for (const index of [...this.rendered.keys()]) this.hide(index);
    // The document itself stays open for the next page view of this source (load-pdf.ts keeps one).
  }
}
