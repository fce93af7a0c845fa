// Issue 7: search and analysis on a generated notebook of 10,000 sources (~50 MB) with 100,000 highlights, in Node
// (the index and the analysis run in the backend). Memory is the heap growth over the build, after a full GC.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { makeSearchNotebook, PUBLISHERS } from './fixtures/search';
import { analyze, cooccurrencePassages } from '../../core/analysis/compute';
import { splitParagraphs } from '../../core/text';
import { indexTerm, tokenize } from '../../core/search/text';
import type { SearchFacets } from '../../core/search/types';
import type { Highlight } from '../../core/model';
import { SearchEngine } from '../../core/search/engine';
import { decodeIndex, encodeIndex } from '../../electron/backend/search/persist';
import { seededRandom } from './fixtures/seeded-random';
import { textKey } from '../../electron/backend/hash';
import { median, percentile, type Figure } from './report';

const SOURCES = 10_000;
const HIGHLIGHTS = 100_000;

function collector(): () => void {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
}


export async function benchSearch(): Promise<Figure[]> {
  const gc = collector();
  const notebook = makeSearchNotebook(7, SOURCES, HIGHLIGHTS);
  const { tags, sources, vocabulary } = notebook;
  const megabytes = sources.reduce((n, s) => n + s.text.length, 0) / 1e6;
  const texts = new Map(sources.map((s) => [s.meta.id, s.text]));

  // Build.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const engine = new SearchEngine(undefined, textKey);
  for (const s of sources) engine.applySource(s);
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const stats = engine.stats();

  // Queries with facets: words, prefixes, typos, two words, phrases; each narrowed by one or two facets.
  const rand = seededRandom(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const content = vocabulary.common.filter((w) => indexTerm(w));
  const rare = vocabulary.rare.slice(0, 2000);
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, i) + (w[i] === 'a' ? 'e' : 'a') + w.slice(i + 1);
  };
  const phrase = () => {
    const s = pick(sources);
    const words = tokenize(s.text.slice(0, 2000));
    const at = Math.floor(rand() * (words.length - 4));
    return `"${words.slice(at, at + 3).join(' ')}"`;
  };
  const makers: Array<() => string> = [
    () => pick(content),
    () => pick(rare),
    () => pick(rare).slice(0, 4),
    () => typo(pick(rare.filter((w) => w.length >= 6))),
    () => `${pick(content)} ${pick(rare)}`,
    () => `${pick(content)} ${pick(content)}`,
    phrase,
  ];
  const themes = tags.filter((t) => t.kind === 'theme');
  const facetMakers: Array<() => SearchFacets> = [
    () => ({ tagIds: [pick(themes).id] }),
    () => ({ tagKinds: ['person'] }),
    () => ({ publishers: [pick(PUBLISHERS), pick(PUBLISHERS)] }),
    () => ({ from: '2021-06-01', to: '2021-12-31' }),
    () => ({ hasNote: true }),
    () => ({ tagIds: ['tag-themes'], from: '2022-01-01' }),
    () => ({ sourceIds: Array.from({ length: 50 }, () => pick(sources).meta.id) }),
  ];
  const queries = Array.from({ length: 210 }, (_, i) => ({ query: makers[i % makers.length](), facets: facetMakers[Math.floor(i / makers.length) % facetMakers.length]() }));
  for (const q of queries.slice(0, 10)) await engine.search({ ...q, limit: 20 }, tags, (id) => texts.get(id)); // warm up
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t = performance.now();
    const r = await engine.search({ ...q, limit: 20 }, tags, (id) => texts.get(id));
    times.push(performance.now() - t);
    hits += r.totals.source + r.totals.highlight + r.totals.note;
  }

  // Add one highlight (as the store hook does after a save: the source's current content is applied).
  const adds: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = sources[(i * 37) % sources.length];
    const start = 100 + i;
    const h: Highlight = {
      id: `h-bench-new-${i}`,
      sourceId: s.meta.id,
      start,
      end: start + 80,
      quote: { exact: s.text.slice(start, start + 80), prefix: '', suffix: '' },
      tagIds: [pick(themes).id],
      note: null,
      orphan: false,
      createdAt: '',
      modifiedAt: '',
    };
    s.highlights = [...s.highlights, h];
    const t = performance.now();
    engine.applySource(s);
    adds.push(performance.now() - t);
  }

  // The analysis view's numbers: everything at once, then the passages of the busiest cell. Each run follows a
  // change (a re-tagged highlight): the index gathers that source's input again, the analysis counts everything again.
  const analysisRuns: number[] = [];
  let pairs = 0;
  const tCold = performance.now();
  let result = analyze(engine.analysisSources(), tags);
  const coldMs = performance.now() - tCold;
  const touch = (i: number) => {
    const s = sources[i];
    s.highlights = s.highlights.map((h, k) => (k === 0 ? { ...h, tagIds: [...h.tagIds] } : h));
    engine.applySource(s);
  };
  for (let i = 0; i < 5; i++) {
    touch(i);
    const t = performance.now();
    result = analyze(engine.analysisSources(), tags);
    analysisRuns.push(performance.now() - t);
    pairs = result.cooccurrence.length;
  }
  const rollupRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    touch(10 + i);
    const t = performance.now();
    analyze(engine.analysisSources(), tags, { rollup: true });
    rollupRuns.push(performance.now() - t);
  }
  const top = result.cooccurrence[0];
  const t1 = performance.now();
  const cell = cooccurrencePassages(engine.analysisSources(), tags, top.a, top.b);
  const cellMs = performance.now() - t1;

  // Persistence: the file written after changes, and the start-up read when nothing changed.
  const t2 = performance.now();
  const bytes = encodeIndex(engine);
  const saveMs = performance.now() - t2;
  const t3 = performance.now();
  const loaded = decodeIndex(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const loadMs = performance.now() - t3;
  const same = async () => {
    for (const q of queries.slice(0, 20)) {
      const a = await engine.search(q, tags, (id) => texts.get(id));
      const b = await loaded.search(q, tags, (id) => texts.get(id));
      if (JSON.stringify(a.totals) !== JSON.stringify(b.totals) || a.groups.source[0]?.id !== b.groups.source[0]?.id) return false;
    }
    return true;
  };
  const sameAnswers = await same();

  // Baseline: MiniSearch's own document index over the same paragraphs, on the first 2,000 sources.
  const baseSources = sources.slice(0, 2000);
  const docs = baseSources.flatMap((s, i) => splitParagraphs(s.text).map((p, k) => ({ id: `${i}:${k}`, text: s.text.slice(p.start, p.end) })));
  gc();
  const tb = performance.now();
  const mini = new MiniSearch({ fields: ['text'], tokenize, processTerm: indexTerm });
  mini.addAll(docs);
  const miniMs = performance.now() - tb;
  const tc = performance.now();
  const ours = new SearchEngine(undefined, textKey);
  for (const s of baseSources) ours.applySource({ ...s, highlights: [], note: null });
  const oursMs = performance.now() - tc;

  const n = (x: number) => x.toLocaleString('en-GB');
  return [
    {
      issue: '#7',
      figure: `Build the search index: ${n(SOURCES)} sources (${megabytes.toFixed(0)} MB), ${n(HIGHLIGHTS)} highlights`,
      value: buildMs,
      unit: 'ms',
      target: 10_000,
      note: `${n(stats.documents)} documents (paragraphs, titles, quotes, notes), ${n(stats.terms)} terms; heap +${heapMb.toFixed(0)} MB; Node`,
    },
    { issue: '#7', figure: 'Search index memory (heap growth over the build)', value: heapMb, unit: 'MB', note: 'after a full GC; texts not counted (the store holds them)' },
    {
      issue: '#7',
      figure: 'Query with facets, p95 (limit 20 per kind, snippets included)',
      value: percentile(times, 95),
      unit: 'ms',
      target: 30,
      note: `${queries.length} queries (words, prefixes, typos, two words, phrases) × facets (tag with children, kind, publisher, dates, has note, sources); median ${median(times).toFixed(1)} ms; ${n(hits)} hits in all`,
    },
    { issue: '#7', figure: 'Add one highlight to the index, p95', value: percentile(adds, 95), unit: 'ms', target: 5, note: `median ${median(adds).toFixed(2)} ms over 200 additions` },
    {
      issue: '#7',
      figure: 'Analysis view numbers (frequency, per source, co-occurrence, entity × theme, timeline)',
      value: median(analysisRuns),
      unit: 'ms',
      target: 200,
      note: `median of 5, each after a re-tagged highlight (all numbers recounted); the first after start-up ${coldMs.toFixed(0)} ms; ${n(pairs)} co-occurring pairs; with child tags rolled up ${median(rollupRuns).toFixed(0)} ms; passages of the busiest cell (${n(cell.total)}) ${cellMs.toFixed(0)} ms`,
    },
    { issue: '#7', figure: 'Save the index (encode)', value: saveMs, unit: 'ms', note: `${(bytes.byteLength / 2 ** 20).toFixed(0)} MB file` },
    { issue: '#7', figure: 'Load the saved index on start (nothing changed)', value: loadMs, unit: 'ms', note: `instead of a rebuild; the loaded index answers 20 queries ${sameAnswers ? 'exactly as the built one' : '**differently** from the built one'}` },
    {
      issue: '#7',
      figure: 'MiniSearch document index, 2,000 sources (baseline)',
      value: miniMs,
      unit: 'ms',
      note: `ours on the same paragraphs ${oursMs.toFixed(0)} ms (${(miniMs / oursMs).toFixed(1)}× faster); the index keeps MiniSearch's radix tree for prefix and fuzzy lookups`,
    },
  ];
}
