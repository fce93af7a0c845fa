import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';

export interface Figure {
  issue: string;
  figure: string;
  value: number;
  unit: string;
  /** The target, as a bound: value must be <= target (or >= for 'min'). */
  target?: number;
  bound?: 'max' | 'min';
  note?: string;
}

export const met = (f: Figure): boolean | null =>
  f.target === undefined ? null : f.bound === 'min' ? f.value >= f.target : f.value <= f.target;

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export function machine(chromium?: string): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${platform()} ${release()}, ${cpu} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${chromium ? `, ${chromium}` : ''}; load average at the end of the run ${loadavg()[0].toFixed(1)} (other work shared the cores: figures vary with it)`;
}

export function chromiumVersion(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.issue, f.figure, `${fmt(f.value)} ${f.unit}`, f.target === undefined ? '' : `${f.bound === 'min' ? '≥' : '≤'} ${f.target} ${f.unit}`, { true: 'ok', false: 'MISSED', null: '' }[String(met(f)) as 'true' | 'false' | 'null']]);
  const head = ['issue', 'figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export async function writeMarkdown(path: string, figures: Figure[], machineLine: string): Promise<void> {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Renderer figures are measured in Chromium on the real',
    'renderer bound to the real backend; backend figures in Node. Each figure is the median of several runs',
    'unless its note says otherwise.',
    '',
    `Machine: ${machineLine}.`,
    `Run: ${new Date().toISOString()}.`,
    '',
    '| Issue | Figure | Value | Target | Met | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => {
      const ok = met(f);
      return `| ${f.issue} | ${f.figure} | ${fmt(f.value)} ${f.unit} | ${f.target === undefined ? '' : `${f.bound === 'min' ? '≥' : '≤'} ${f.target} ${f.unit}`} | ${ok === null ? '' : ok ? 'yes' : '**no**'} | ${f.note ?? ''} |`;
    }),
    '',
  ];
  await mkdir('docs', { recursive: true });
  await writeFile(path, lines.join('\n'));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
