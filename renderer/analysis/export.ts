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

/** The chart as a standalone SVG document: sized, with its background and fonts, without the page's stylesheet. */
export function svgMarkup(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box?.width || svg.clientWidth));
  copy.setAttribute('height', String(box?.height || svg.clientHeight));
  copy.removeAttribute('class');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  // Interaction attributes mean nothing in a file.
  copy.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function downloadSvg(svg: SVGSVGElement, title: string, background: string): void {
  download(fileName(title, 'svg'), new Blob([svgMarkup(svg, background)], { type: 'image/svg+xml' }));
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens and in documents). */
export async function downloadPng(svg: SVGSVGElement, title: string, background: string): Promise<void> {
  const markup = svgMarkup(svg, background);
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
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
  if (!blob) throw new Error('The chart could not be drawn as a PNG image.');
  download(fileName(title, 'png'), blob);
}

export function downloadCsv(table: DataTable, title: string): void {
  download(fileName(title, 'csv'), new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }));
}
