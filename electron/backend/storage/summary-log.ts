import { appendFile, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceCounts } from '../../../core/model';

/**
 * The per-source counts (highlights, orphans, length) that the source list shows, kept exact without rewriting the
 * catalog on every highlight: each change of a source appends one line `{"id":…,"c":[h,o,n]}` to
 * `summaries-<generation>.log` (appends of one moment are grouped into one write and one fsync). A full catalog write
 * carries every count and starts a new generation; the logs of older generations are then removed. Opening reads the
 * catalog's counts and replays the logs of its generation and later.
 */
export class SummaryLog {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private writing: Promise<void> | null = null;
  private lines = 0;

  constructor(
    private readonly dir: string,
    public generation: number,
  ) {}

  static fileName(generation: number): string {
    return `summaries-${generation}.log`;
  }

  /** Counts recorded after the catalog was written: the logs of `fromGeneration` on, oldest first. */
  static async replay(dir: string, fromGeneration: number): Promise<{ counts: Map<string, SourceCounts>; cites: Map<string, string[]>; generation: number; lines: number }> {
    const counts = new Map<string, SourceCounts>();
    const cites = new Map<string, string[]>();
    let generation = fromGeneration;
    let lines = 0;
    for (const g of await SummaryLog.generations(dir)) {
      if (g < fromGeneration) continue;
      generation = Math.max(generation, g);
      const text = await readFile(join(dir, SummaryLog.fileName(g)), 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as { id?: unknown; c?: unknown; k?: unknown };
          const c = entry.c;
          if (typeof entry.id !== 'string' || !Array.isArray(c) || c.length !== 3 || !c.every((n) => Number.isInteger(n) && n >= 0)) continue;
          counts.set(entry.id, { highlightCount: c[0], orphanCount: c[1], charCount: c[2] });
          // `k`: the highlights the source's notes cite (lines of older versions have none: not known).
          if (Array.isArray(entry.k) && entry.k.every((k) => typeof k === 'string')) cites.set(entry.id, entry.k as string[]);
          else cites.delete(entry.id);
          lines++;
        } catch {
          // A line cut short by a crash: its source is recounted at open (see NotebookStore.reconcileCounts).
        }
      }
    }
    return { counts, cites, generation, lines };
  }

  static async generations(dir: string): Promise<number[]> {
    const names = await readdir(dir).catch(() => [] as string[]);
    return names
      .map((n) => /^summaries-(\d+)\.log$/.exec(n)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** Lines in the current generation: the store compacts into the catalog when there are many. */
  get size(): number {
    return this.lines;
  }

  set size(n: number) {
    this.lines = n;
  }

  /** Resolves when the line is on disk. */
  append(id: string, counts: SourceCounts, cites: readonly string[]): Promise<void> {
    this.pending.push(`${JSON.stringify({ id, c: [counts.highlightCount, counts.orphanCount, counts.charCount], k: cites })}\n`);
    this.lines++;
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.writing) this.writing = this.loop().finally(() => (this.writing = null));
    });
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
  }

  /** After the catalog (with every count) was written at `generation`: drop older logs. */
  async dropBefore(generation: number): Promise<void> {
    for (const g of await SummaryLog.generations(this.dir)) {
      if (g < generation) await rm(join(this.dir, SummaryLog.fileName(g)), { force: true });
    }
  }

  private async loop(): Promise<void> {
    while (this.pending.length > 0) {
      const text = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const path = join(this.dir, SummaryLog.fileName(this.generation));
        await appendFile(path, text, 'utf8');
        const handle = await open(path, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
  }
}
