import { msg } from '../i18n';
/** Save a chart as SVG or PNG and its table as CSV, through a download (Electron asks where to save it). */
import { tableToCsv, type DataTable } from '../../core/analysis/csv';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: "Co-occurrence of tags" -> "co-occurrence-of-tags". */
export function fileName(title: string, ext: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
  return `${base}.${ext}`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEAD = 54;

/** Words of `text` in lines of at most `max` characters. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart as a standalone SVG document: its title and description above it (a picture pasted into a report
 * says what it shows), its own legend kept, sized, with its background and fonts, without the page's stylesheet.
 */
export function svgMarkup(svg: SVGSVGElement, background: string, title = ''): string {
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.removeAttribute('class');
  // Interaction attributes mean nothing in a file.
  chart.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  const description = svg.closest('.chart-frame')?.querySelector('.chart-desc')?.textContent?.trim() ?? '';
  const descLines = wrap(description, Math.max(40, Math.floor(width / 6.4)));
  const head = title ? HEAD + descLines.length * 16 : 0;
  const fg = svg.querySelector('text')?.getAttribute('fill') ?? '#1f1d1a';
  const font = svg.getAttribute('font-family') ?? 'sans-serif';

  const doc = document.createElementNS(SVG_NS, 'svg');
  doc.setAttribute('xmlns', SVG_NS);
  doc.setAttribute('width', String(width));
  doc.setAttribute('height', String(height + head));
  doc.setAttribute('viewBox', `0 0 ${width} ${height + head}`);
  doc.setAttribute('font-family', font);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  doc.append(bg);
  if (title) {
    const heading = document.createElementNS(SVG_NS, 'text');
    heading.setAttribute('x', '16');
    heading.setAttribute('y', '30');
    heading.setAttribute('font-size', '17');
    heading.setAttribute('font-weight', '600');
    heading.setAttribute('fill', fg);
    heading.textContent = title;
    doc.append(heading);
    descLines.forEach((line, i) => {
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', '16');
      t.setAttribute('y', String(52 + i * 16));
      t.setAttribute('font-size', '12');
      t.setAttribute('fill', fg);
      t.setAttribute('opacity', '0.8');
      t.textContent = line;
      doc.append(t);
    });
  }
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(head));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(height));
  doc.append(chart);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

export function downloadSvg(svg: SVGSVGElement, title: string, background: string): void {
  download(fileName(title, 'svg'), new Blob([svgMarkup(svg, background, title)], { type: 'image/svg+xml' }));
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens and in documents). */
export async function downloadPng(svg: SVGSVGElement, title: string, background: string): Promise<void> {
  const markup = svgMarkup(svg, background, title);
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(markup);
  const width = Number(size?.[1] ?? svg.clientWidth);
  const height = Number(size?.[2] ?? svg.clientHeight);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(msg('analysis.theChartCouldNotBe'));
  download(fileName(title, 'png'), blob);
}

export function downloadCsv(table: DataTable, title: string): void {
  download(fileName(title, 'csv'), new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }));
}
