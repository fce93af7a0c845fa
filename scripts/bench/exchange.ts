import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeBenchSnapshot } from './fixtures/export';
import { SCHEMA_VERSION } from '../../core/model';
import { NotebookService } from '../../electron/backend/service';
import { NotebookStore } from '../../electron/backend/store';
import { median, type Figure } from './report';

/**
 * Issue 6: export 100,000 highlights over 1,000 sources to W3C JSON and to QDPX (each <= 2 s), and import each file
 * back into an empty notebook (<= 5 s), through the backend the app and the CLI use: NotebookService's export jobs
 * (read the notebook, format, write atomically) and its two-step import (check and parse, then anchor and write).
 */

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function notebookWith(dir: string, empty: boolean): Promise<NotebookService> {
  const { store } = await NotebookStore.open(dir);
  if (!empty) {
    const snapshot = makeBenchSnapshot();
    for (const s of snapshot.sources) {
      await store.writeSource({ schemaVersion: SCHEMA_VERSION, id: s.meta.id, text: s.text, highlights: s.highlights, note: s.note });
    }
    await store.updateCatalog((c) => {
      c.sources = snapshot.sources.map((s) => ({ ...s.meta, contentHash: sha256(s.text) }));
      c.tags = snapshot.tags;
      c.projectNote = snapshot.projectNote;
    });
  } else {
    await store.updateCatalog(() => {});
  }
  await store.close();
  const service = await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'bench' });
  // The search index builds in the background when a notebook opens: let it finish, so it does not share the CPU
  // with what is measured.
  await service.searchIndex.info();
  return service;
}

async function timeExport(service: NotebookService, format: 'w3c' | 'qdpx', path: string): Promise<number> {
  const t0 = performance.now();
  const started = await service.startExport({ scope: { kind: 'notebook' }, format, path, overwrite: true });
  const job = await service.exchange.exports.wait(started.jobId!);
  const ms = performance.now() - t0;
  if (job.state !== 'done') throw new Error(`bench export failed: ${job.error}`);
  return ms;
}

async function timeImport(root: string, name: string, bytes: Uint8Array): Promise<{ ms: number; highlights: number; orphans: number }> {
  const dir = await mkdtemp(join(root, 'import-'));
  const service = await notebookWith(dir, true);
  // The file as the renderer sends it (base64, which FileReader makes natively); the backend decodes and checks it.
  const data = Buffer.from(bytes).toString('base64');
  const t0 = performance.now();
  const preview = await service.previewImport({ files: [{ name, size: bytes.length, data }] });
  const summary = await service.commitImport({ previewId: preview.previewId, skipDuplicates: true });
  const ms = performance.now() - t0;
  if (preview.importable !== 1) throw new Error(`bench import refused: ${preview.files[0].error}`);
  // The search index then takes in the new sources in the background (not part of the import the analyst waits for).
  await service.searchIndex.info();
  await rm(dir, { recursive: true, force: true });
  return { ms, highlights: summary.highlightsAdded, orphans: summary.orphans };
}

export async function benchExchange(): Promise<Figure[]> {
  const root = await mkdtemp(join(tmpdir(), 'notebook-bench-exchange-'));
  try {
    const service = await notebookWith(join(root, 'notebook'), false);
    const w3cPath = join(root, 'notebook.json');
    const qdpxPath = join(root, 'notebook.qdpx');
    const runs = { w3c: [] as number[], qdpx: [] as number[] };
    for (let i = 0; i < 5; i++) {
      runs.w3c.push(await timeExport(service, 'w3c', w3cPath));
      runs.qdpx.push(await timeExport(service, 'qdpx', qdpxPath));
    }
    const size = async (p: string) => ((await stat(p)).size / 2 ** 20).toFixed(0);
    const w3cBytes = new Uint8Array(await readFile(w3cPath));
    const qdpxBytes = new Uint8Array(await readFile(qdpxPath));
    const imports = { w3c: [] as number[], qdpx: [] as number[] };
    let w3cResult = { highlights: 0, orphans: 0 };
    let qdpxResult = { highlights: 0, orphans: 0 };
    for (let i = 0; i < 3; i++) {
      const w = await timeImport(root, 'notebook.json', w3cBytes);
      imports.w3c.push(w.ms);
      w3cResult = w;
      const q = await timeImport(root, 'notebook.qdpx', qdpxBytes);
      imports.qdpx.push(q.ms);
      qdpxResult = q;
    }
    const note = 'NotebookService on a temp folder (read, format, atomic write with fsync); median of 5; Node';
    const importNote = 'the search index updates afterwards, in the background';
    return [
      { issue: '#6', figure: 'Export 100,000 highlights / 1,000 sources to W3C JSON', value: median(runs.w3c) / 1000, unit: 's', target: 2, note: `${await size(w3cPath)} MB; ${note}` },
      { issue: '#6', figure: 'Export 100,000 highlights / 1,000 sources to QDPX', value: median(runs.qdpx) / 1000, unit: 's', target: 2, note: `${await size(qdpxPath)} MB (orphans left out); ${note}` },
      {
        issue: '#6',
        figure: 'Import that W3C JSON into an empty notebook',
        value: median(imports.w3c) / 1000,
        unit: 's',
        target: 5,
        note: `check, parse, anchor and write ${w3cResult.highlights.toLocaleString('en-US')} highlights (${w3cResult.orphans.toLocaleString('en-US')} orphans, as exported); ${importNote}; median of 3`,
      },
      {
        issue: '#6',
        figure: 'Import that QDPX into an empty notebook',
        value: median(imports.qdpx) / 1000,
        unit: 's',
        target: 5,
        note: `${qdpxResult.highlights.toLocaleString('en-US')} highlights anchored and written; ${importNote}; median of 3`,
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
