/**
 * A PDF's text, page by page, as the reader stores it: lines joined into paragraphs, words hyphenated at line ends
 * joined again, running headers, footers and page numbers kept in the text (offsets depend on it) but marked as
 * furniture so the reader dims them. Pure: the backend reads the pages with pdf.js and hands over positioned runs.
 */

/** One run of text on a page, as pdf.js gives it: x, y of its baseline (PDF units, y grows upward), its size. */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
  /** pdf.js says a line ends after this run. */
  eol: boolean;
}

export interface PdfPageRuns {
  runs: PdfRun[];
  /** Page height, for telling the top of a page from its bottom. */
  height: number;
}

export interface PdfText {
  text: string;
  /** Offset in `text` where each page starts (page 1 first); a page with no text starts where the next one does. */
  pageStarts: number[];
  /** Ranges [start, end) of running headers, footers and page numbers. */
  furniture: Array<[number, number]>;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Runs to lines, in the order the page draws them (which is reading order for the generators reports come from). */
function linesOf(page: PdfPageRuns): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let lastEnd = 0;
  let breakNext = false;
  for (const r of page.runs) {
    const size = Math.abs(r.size) || 1;
    if (cur && !breakNext && Math.abs(r.y - cur.y) <= size * 0.5 && r.x >= lastEnd - size) {
      if (r.str) {
        const gap = r.x - lastEnd;
        if (gap > size * 0.15 && !/\s$/.test(cur.text) && !/^\s/.test(r.str)) cur.text += ' ';
        cur.text += r.str;
        lastEnd = r.x + r.width;
      }
    } else if (r.str.trim()) {
      cur = { text: r.str, x: r.x, y: r.y, size };
      lines.push(cur);
      lastEnd = r.x + r.width;
    }
    breakNext = r.eol;
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text);
}

const PAGE_NUMBER = [
  /^(?:page|p\.|pag\.|seite|стр\.?|страница|с\.)?\s*\d{1,4}(?:\s*(?:of|\/|из|von|de)\s*\d{1,4})?$/iu,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/u,
  /^[ivxlcdm]{1,7}$/i,
];
const isPageNumber = (s: string): boolean => PAGE_NUMBER.some((p) => p.test(s.trim()));
const runningKey = (s: string): string => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** How many lines at the top and bottom of a page may be running heads or feet. */
const EDGE_LINES = 2;

/** Per page, the indexes of its lines that are running headers, footers or page numbers. */
function furnitureLines(pages: Line[][], heights: number[]): Array<Set<number>> {
  const edges = pages.map((lines, p) => {
    const h = heights[p] || 792;
    const byHeight = lines.map((l, i) => ({ i, y: l.y })).sort((a, b) => b.y - a.y);
    const top = byHeight.slice(0, EDGE_LINES).filter((e) => e.y > h * 0.8).map((e) => e.i);
    const bottom = byHeight.slice(-EDGE_LINES).filter((e) => e.y < h * 0.2).map((e) => e.i);
    return [...new Set([...top, ...bottom])];
  });
  const counts = new Map<string, number>();
  edges.forEach((idx, p) => {
    const keys = new Set(idx.map((i) => runningKey(pages[p][i].text)));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const pagesWithText = pages.filter((l) => l.length > 0).length;
  const repeated = (k: string): boolean => pagesWithText >= 3 && (counts.get(k) ?? 0) >= Math.max(3, pagesWithText * 0.4);
  return edges.map((idx, p) => new Set(idx.filter((i) => isPageNumber(pages[p][i].text) || repeated(runningKey(pages[p][i].text)))));
}

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)];
};
const median = (xs: number[]): number => quantile(xs, 0.5);

/** Joins the end of one line to the next: a hyphen at a line end between letters goes ("interna-" + "tional"). */
export function joinLines(a: string, b: string): string {
  if (/\p{L}\u00AD$/u.test(a)) return a.slice(0, -1) + b;
  if (/\p{L}[-‐]$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/** Body lines of a page to paragraphs: a wider gap, a change of size or a move up the page starts a new one. */
function paragraphsOf(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1].y - lines[i].y;
    if (g > 0) gaps.push(g);
  }
  // The usual line spacing: a low quantile, since paragraph gaps are wider and may be as many as the lines.
  const bodySize = median(lines.map((l) => l.size));
  // With a handful of lines the gaps say little: then single spacing (1.3 times the type size) is assumed.
  const lineGap = gaps.length >= 4 ? quantile(gaps, 0.25) : Math.min(quantile(gaps, 0.25) || Infinity, bodySize * 1.3);
  const out: string[] = [];
  let para = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const l = lines[i];
    const gap = prev.y - l.y;
    const heading = (s: number): boolean => s > bodySize * 1.15;
    const newParagraph = gap <= 0 || gap > lineGap * 1.4 || heading(prev.size) !== heading(l.size) || Math.abs(prev.size - l.size) > bodySize * 0.15;
    if (newParagraph) {
      out.push(para);
      para = l.text;
    } else para = joinLines(para, l.text);
  }
  out.push(para);
  return out;
}

/** Pages of runs to the stored text, with where each page starts and which ranges are furniture. */
export function pdfPagesToText(pages: readonly PdfPageRuns[]): PdfText {
  const lines = pages.map(linesOf);
  const furniture = furnitureLines(lines, pages.map((p) => p.height));
  let text = '';
  const pageStarts: number[] = [];
  const ranges: Array<[number, number]> = [];
  const add = (paragraph: string, isFurniture: boolean): void => {
    if (text) text += '\n\n';
    if (isFurniture) ranges.push([text.length, text.length + paragraph.length]);
    text += paragraph;
  };
  lines.forEach((pageLines, p) => {
    pageStarts.push(text ? text.length + 2 : 0);
    const f = furniture[p];
    // Running heads first, the body's paragraphs, then running feet, each in the page's own order.
    const firstBody = pageLines.findIndex((_, i) => !f.has(i));
    const head = pageLines.filter((_, i) => f.has(i) && (firstBody < 0 || i < firstBody));
    const feet = pageLines.filter((_, i) => f.has(i) && firstBody >= 0 && i > firstBody);
    for (const l of head) add(l.text, true);
    for (const para of paragraphsOf(pageLines.filter((_, i) => !f.has(i)))) add(para, false);
    for (const l of feet) add(l.text, true);
  });
  // A page that added nothing starts where the next text does.
  for (let p = 0; p < pageStarts.length; p++) pageStarts[p] = Math.min(pageStarts[p], text.length);
  return { text, pageStarts, furniture: ranges };
}

/** The page numbers (1-based, first and last) a range [start, end) of the text lies on; null without pages. */
export function pagesOfRange(pageStarts: readonly number[] | undefined, start: number, end: number): [number, number] | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  const pageAt = (offset: number): number => {
    let lo = 0;
    let hi = pageStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pageStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const first = pageAt(start);
  return [first, Math.max(first, pageAt(Math.max(start, end - 1)))];
}

/** "p. 4" or "pp. 4–5" for a range, '' when the source has no pages. */
export function pageLabel(pageStarts: readonly number[] | undefined, start: number, end: number): string {
  const pages = pagesOfRange(pageStarts, start, end);
  if (!pages) return '';
  return pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}–${pages[1]}`;
}
