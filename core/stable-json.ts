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

/** A token of canonicalJson's work list: text to write as it is (punctuation, keys). */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON with every object's keys sorted, at any depth (iterative): equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof Raw) out.push(v.text);
    else if (Array.isArray(v)) {
      out.push('[');
      stack.push(new Raw(']'));
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i] === undefined ? null : v[i]);
        if (i > 0) stack.push(new Raw(','));
      }
    } else if (v && typeof v === 'object') {
      out.push('{');
      stack.push(new Raw('}'));
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push(record[keys[i]]);
        stack.push(new Raw(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
    } else out.push(JSON.stringify(v ?? null));
  }
  return out.join('');
}
