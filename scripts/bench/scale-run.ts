// One size of the scale suite (scripts/bench/scale.ts), in a process of its own: node --import tsx scale-run.ts DIR N.
// Prints one line "SCALE_RESULT {json}" with the figures of ScaleResult.
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chromium } from 'playwright-core';
import { createDispatcher, type Dispatch } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';
import { bindNotebook } from '../../tests/support/bind-notebook';
import { serveRenderer } from '../../tests/support/static-server';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/support/chromium';
import { median, percentile } from './report';
import type { ScaleResult } from './scale';

const [dataDir, countArg] = process.argv.slice(2);
const sources = Number(countArg);
const QUERIES = ['taliban border', 'refugees', 'drugs trafficking', 'minister', 'camp', 'northern province', 'aid', 'kabul', 'seized shipment', 'council'];

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const rssMb = () => {
  gc();
  gc();
  return process.memoryUsage().rss / 2 ** 20;
};
const frame = () => new Promise<void>((r) => setTimeout(r, 0));

const server = await serveRenderer(resolve(process.env.BENCH_RENDERER ?? 'dist/renderer'));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
page.on('pageerror', (e) => console.error(`bench: scale: page error: ${e.message}`));

let service: NotebookService | null = null;
let dispatchReady: Promise<Dispatch> = new Promise(() => {});
await bindNotebook(page, () => (async (channel: string, input: unknown) => {
  const t = performance.now();
  const r = await (await dispatchReady)(channel, input);
  if (process.env.BENCH_TRACE) process.stderr.write(`  ${channel} at ${(t - t0).toFixed(0)} took ${(performance.now() - t).toFixed(0)} ms\n`);
  return r;
}) as Dispatch);

// 1. Backend open -> first painted source list, then the source the app opens on start.
const rssBase = rssMb();
const t0 = performance.now();
// The page's clock and this process's are both the system clock: the list's paint is read from the page's own mark
// (renderer/shell/first-load.ts), not from when a round trip through this busy process noticed it.
const t0Epoch = performance.timeOrigin + t0;
dispatchReady = NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' }).then((s) => {
  process.stderr.write(`bench: scale: backend open in ${(performance.now() - t0).toFixed(0)} ms\n`);
  service = s;
  return createDispatcher(s);
});
await page.goto(server.url);
process.stderr.write(`bench: scale: page loaded at ${(performance.now() - t0).toFixed(0)} ms\n`);
await page.waitForSelector('#source-list [role="option"]', { timeout: 600_000 });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const noticedMs = performance.now() - t0;
await page.waitForSelector('main[aria-label="Reader"] h1', { timeout: 600_000 });
// The first source is on screen when its highlights are painted (the reader's "nb-painted" mark).
await page.waitForFunction(() => performance.getEntriesByName('nb-list-painted').length > 0 && performance.getEntriesByName('nb-painted').length > 0, undefined, { timeout: 600_000 });
const marks = await page.evaluate(() => ({
  origin: performance.timeOrigin,
  list: performance.getEntriesByName('nb-list-painted')[0].startTime,
  source: performance.getEntriesByName('nb-painted')[0].startTime,
}));
const openToListMs = marks.origin + marks.list - t0Epoch;
const firstSourceMs = marks.source - marks.list;
process.stderr.write(`bench: scale: list painted at ${openToListMs.toFixed(0)} ms (page mark), noticed through the harness at ${noticedMs.toFixed(0)} ms\n`);
const rssOpen = rssMb();

// 2. Open five sources never opened before: click -> the reader shows its title.
const switches: number[] = [];
for (const i of [2, 4, 6, 8, 10]) {
  switches.push(
    await page.evaluate(async (index) => {
      const option = document.querySelectorAll<HTMLElement>('#source-list [role="option"]')[index];
      const title = option.querySelector('.source-title')!.textContent;
      const t = performance.now();
      option.click();
      while (document.querySelector('main[aria-label="Reader"] h1')?.textContent !== title) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    }, i),
  );
}

// 3. Scroll the sources pane: 200 frames down, then jumps; every long task is recorded.
const scroll = await page.evaluate(async () => {
  const list = document.getElementById('source-list')!;
  const longs: number[] = [];
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => longs.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < 200; i++) {
    list.scrollTop += 400;
    await frame();
  }
  for (const f of [0.5, 1, 0, 0.25, 0.75]) {
    list.scrollTop = f * list.scrollHeight;
    await frame();
    await frame();
  }
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  return { longest: longs.length ? Math.max(...longs) : 0, count: longs.length };
});

// 4. Filter as you type: one keystroke's worth of filter -> the list painted.
const filterMs = await page.evaluate(async () => {
  const input = document.querySelector<HTMLInputElement>('input.source-filter')!;
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const t = performance.now();
  set.call(input, 'ta');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now() - t;
  set.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return ms;
});

// 5. Search and browse 100 sources through the backend, as the app would; then RSS.
const dispatch = await dispatchReady;
const listed = (await dispatch('listSources', undefined)) as { ok: true; value: Array<{ id: string }> };
for (const q of QUERIES) await dispatch('search', { query: q, limit: 20 });
const step = Math.max(1, Math.floor(listed.value.length / 100));
for (let i = 0; i < 100 && i * step < listed.value.length; i++) await dispatch('getSource', { id: listed.value[i * step].id });
const rssBrowsed = rssMb();
await browser.close();
await server.close();

// 6. Restart the backend: search while the index loads (partial results, as the palette asks), then once ready.
const first = service as NotebookService | null;
await first?.searchIndex.flush();
await first?.close();
// The backend thread's longest stall while the index loads: a timer that should fire every 5 ms, and how late it is.
let stallMs = 0;
let lastTick = performance.now();
const monitor = setInterval(() => {
  const now = performance.now();
  stallMs = Math.max(stallMs, now - lastTick - 5);
  lastTick = now;
}, 5);
const t1 = performance.now();
const second = await NotebookService.open({ dataDir, seedsDir: resolve('seeds'), version: 'bench' });
const dispatch2 = createDispatcher(second);
const loading: number[] = [];
let n = 0;
while (!second.searchIndex.progress().ready && performance.now() - t1 < 600_000) {
  const t = performance.now();
  await dispatch2('search', { query: QUERIES[n++ % QUERIES.length], limit: 20, partial: true });
  loading.push(performance.now() - t);
  // About one query per keystroke pause: the index keeps loading between them.
  await new Promise((r) => setTimeout(r, 30));
}
await second.searchIndex.start();
const indexReadyMs = performance.now() - t1;
clearInterval(monitor);
const ready: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await dispatch2('search', { query: QUERIES[i % QUERIES.length], limit: 20, partial: true });
  ready.push(performance.now() - t);
  await frame();
}
await second.close();

const result: ScaleResult = {
  sources,
  openToListMs,
  firstSourceMs,
  switchMs: median(switches),
  rssBaseMb: rssBase,
  rssOpenMb: rssOpen,
  rssBrowsedMb: rssBrowsed,
  scrollLongestTaskMs: scroll.longest,
  scrollLongTasks: scroll.count,
  filterMs,
  searchLoadingP95Ms: loading.length ? percentile(loading, 95) : 0,
  searchLoadingCount: loading.length,
  indexReadyMs,
  searchReadyP95Ms: percentile(ready, 95),
  loadStallMs: stallMs,
};
console.log(`SCALE_RESULT ${JSON.stringify(result)}`);
process.exit(0);
