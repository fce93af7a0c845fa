import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';

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

const row = (f: Figure): string => {
  const ok = met(f);
  return `| ${f.issue} | ${f.figure} | ${fmt(f.value)} ${f.unit} | ${f.target === undefined ? '' : `${f.bound === 'min' ? '≥' : '≤'} ${f.target} ${f.unit}`} | ${ok === null ? '' : ok ? 'yes' : '**no**'} | ${f.note ?? ''} |`;
};
const figureOf = (line: string): string | null => (line.startsWith('| ') && !line.startsWith('| Issue') && !line.startsWith('| ---') ? (line.split(' | ')[1] ?? null) : null);

/**
 * `npm run bench -- <suite> …`: the rows of the suites run are measured again in place (matched by figure), rows they
 * did not have before follow their suite's last row (or the table's end), every other row stays as the last full
 * run left it, and a line under "Run:" says which suites were measured when, on what load.
 */
export async function updateMarkdown(path: string, figures: Figure[], suites: string[], machineLine: string): Promise<void> {
  const old = await readFile(path, 'utf8').catch(() => null);
  if (old === null) return writeMarkdown(path, figures, machineLine);
  const lines = old.split('\n');
  const tableEnd = lines.reduce((end, line, i) => (line.startsWith('| ') ? i : end), -1);
  // In the run's order: a figure measured before replaces its row; a new one goes after the figure before it.
  let after = tableEnd;
  for (const f of figures) {
    const at = lines.findIndex((line) => figureOf(line) === f.figure);
    if (at >= 0) {
      lines[at] = row(f);
      after = at;
    } else {
      lines.splice(after + 1, 0, row(f));
      after++;
    }
  }
  const runAt = lines.findIndex((l) => l.startsWith('Run: '));
  const partial = `Re-measured ${new Date().toISOString()}: suite${suites.length === 1 ? '' : 's'} ${suites.join(', ')} (${machineLine}).`;
  lines.splice(runAt + 1, 0, partial);
  await writeFile(path, lines.join('\n'));
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
    ...figures.map(row),
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
