/** Find in the open article: every occurrence of what was typed, ignoring case; any run of spaces matches any. */

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

export function findInText(text: string, query: string, limit = 10_000): Array<{ start: number; end: number }> {
  const q = query.trim();
  if (!q) return [];
  const pattern = q
    .split(/\s+/)
    .map((w) => w.replace(ESCAPE, '\\$&'))
    .join('\\s+');
  const re = new RegExp(pattern, 'giu');
  const out: Array<{ start: number; end: number }> = [];
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

