import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type Highlight, type SourceMeta } from '../../core/model';
import { NotebookService } from '../../electron/backend/service';
import { NotebookStore } from '../../electron/backend/store';

export interface BenchSource {
  id: string;
  title: string;
  text: string;
  highlights: Array<{ id: string; start: number; end: number; quote: Highlight['quote']; tagIds?: string[] }>;
}

/** A fresh notebook folder with the seeds plus the given generated sources, written through the real store. */
export async function makeNotebook(sources: BenchSource[]): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'notebook-bench-'));
  await (await NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' })).close();
  const { store } = await NotebookStore.open(dataDir);
  const now = new Date().toISOString();
  const metas: SourceMeta[] = [];
  for (const s of sources) {
    const highlights: Highlight[] = s.highlights.map((h) => ({
      id: h.id.startsWith('h-') ? h.id : `h-${h.id}`,
      sourceId: s.id,
      start: h.start,
      end: h.end,
      quote: h.quote,
      tagIds: h.tagIds ?? [],
      note: null,
      orphan: false,
      createdAt: now,
      modifiedAt: now,
    }));
    await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: s.id, text: s.text, highlights, note: { type: 'doc', content: [{ type: 'paragraph' }] } });
    metas.push({ id: s.id, title: s.title, publisher: 'Benchmark', date: '2022-01-01', originalFile: `${s.id}.txt`, contentHash: createHash('sha256').update(s.text).digest('hex'), addedAt: now, furniture: [] });
  }
  await store.updateCatalog((c) => {
    c.sources.push(...metas);
  });
  await store.close();
  return dataDir;
}
