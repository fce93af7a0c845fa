/**
 * Page furniture: lines of a scraped article that are not its prose (navigation menus, ratings, share links,
 * separators, copyright lines). They stay in the stored text, since offsets depend on it; the reader dims them.
 */

const PATTERNS: RegExp[] = [
  /^[•·▪●◦]\s*.{0,48}$/u, // short bulleted lines: menus, photo captions
  /^[-—–_=*]{2,}$/u, // separators
  /^rating:.*votes?\.?$/iu,
  /^please wait\.*$/iu,
  /^(©|\(c\)|copyright\b)/iu,
  /^(posted in|filed under|tags?:|share( this)?\b|subscribe\b|follow us\b|photo:)/iu,
  // Previous / next post links. Two patterns, not /^[«‹].*|.*[»›]$/: its unanchored `.*` is quadratic in the line's
  // length (seconds for an import of a thousand articles with long paragraphs).
  /^[«‹]/u,
  /[»›]$/u,
  /^(logo|menu|search|home)$/iu,
];

/** Ranges [start, end) of furniture lines. `extraLines` are exact (trimmed) lines known to be furniture. */
export function detectFurniture(text: string, extraLines: readonly string[] = []): Array<[number, number]> {
  const extra = new Set(extraLines.map((l) => l.trim()));
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i !== text.length && text.charCodeAt(i) !== 10) continue;
    const line = text.slice(start, i);
    const trimmed = line.trim();
    if (trimmed && (extra.has(trimmed) || PATTERNS.some((p) => p.test(trimmed)))) {
      const lead = line.length - line.trimStart().length;
      ranges.push([start + lead, start + lead + trimmed.length]);
    }
    start = i + 1;
  }
  return ranges;
}
