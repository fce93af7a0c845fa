/** Scoring of entity suggestions against a gold list by (span, kind), shared by the Russian and neighbours' tests. */
import { suggestEntities } from '../../core/suggest/entities';
import type { Tag } from '../../core/model';

export interface Gold {
  mentions: Array<{ text: string; kind: string }>;
}

/** Every word-bounded occurrence of each gold text not inside a longer one ("Путин" in "Владимир Путин"), as "start-end:kind". */
export function goldSpans(article: string, gold: Gold): Set<string> {
  const spans: Array<[number, number, string]> = [];
  for (const m of gold.mentions) {
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}-])${m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}-])`, 'gu');
    for (let x = re.exec(article); x; x = re.exec(article)) spans.push([x.index, x.index + m.text.length, m.kind]);
  }
  const inside = (a: [number, number, string]) => spans.some((b) => b !== a && b[0] <= a[0] && b[1] >= a[1] && b[1] - b[0] > a[1] - a[0]);
  return new Set(spans.filter((a) => !inside(a)).map(([a, b, k]) => `${a}-${b}:${k}`));
}

export interface Score {
  precision: number;
  recall: number;
  table: string;
}

/** Precision and recall of the suggestions for `article`, with a printable table (per kind, wrong and missed). */
export function score(label: string, article: string, gold: Gold, tags: readonly Tag[]): Score {
  const want = goldSpans(article, gold);
  const got = suggestEntities(article, { tags, highlights: [] });
  const lines = ['', label, 'kind           gold  found  right  precision  recall'];
  let tp = 0;
  for (const k of ['person', 'organisation', 'place', 'group', 'all']) {
    const g = [...want].filter((x) => k === 'all' || x.endsWith(`:${k}`));
    const f = got.filter((s) => k === 'all' || s.kind === k).map((s) => `${s.start}-${s.end}:${s.kind}`);
    const right = f.filter((x) => want.has(x)).length;
    if (k === 'all') tp = right;
    lines.push(`${k.padEnd(14)} ${String(g.length).padStart(4)} ${String(f.length).padStart(6)} ${String(right).padStart(6)}  ${(right / Math.max(1, f.length)).toFixed(3).padStart(9)}  ${(right / Math.max(1, g.length)).toFixed(3).padStart(6)}`);
  }
  const wrong = got.filter((s) => !want.has(`${s.start}-${s.end}:${s.kind}`)).map((s) => `${s.text} (${s.kind})`);
  const missed = [...want].filter((x) => !got.some((s) => `${s.start}-${s.end}:${s.kind}` === x)).map((x) => `${article.slice(Number(x.split('-')[0]), Number(x.split(/[-:]/)[1]))} (${x.split(':')[1]})`);
  lines.push(`wrong: ${wrong.join('; ')}`, `missed: ${missed.join('; ')}`);
  return { precision: tp / Math.max(1, got.length), recall: tp / Math.max(1, want.size), table: lines.join('\n') };
}
