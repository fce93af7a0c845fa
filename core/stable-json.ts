/**
 * The notebook's files in a stable, diff-friendly form (GUIDE §5): top-level keys sorted, one per line, and the items
 * of top-level arrays one per line, so that git shows a new highlight as one added line.
 */
export function stableFileJson(value: Record<string, unknown>): string {
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  const lines = keys.map((key) => {
    const v = value[key];
    const name = JSON.stringify(key);
    if (Array.isArray(v)) {
      if (v.length === 0) return `${name}: []`;
      return `${name}: [\n${v.map((item) => JSON.stringify(item ?? null)).join(',\n')}\n]`;
    }
    return `${name}: ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
