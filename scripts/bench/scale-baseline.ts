// The first version's way, for the scale suite's comparison (scripts/bench/scale.ts), in a process of its own:
// node --import tsx scale-baseline.ts DIR N. Prints one line "SCALE_BASELINE {json}".
// - listing: every source file read and parsed, one after another, to count highlights, and kept in memory for good;
// - the search index: decoded on the backend's own thread, which answers nothing meanwhile.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { countSource } from '../../core/model';
import { decodeIndex, indexFile } from '../../electron/backend/search/persist';

const [dataDir, countArg] = process.argv.slice(2);
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const rssMb = () => {
  gc();
  gc();
  return process.memoryUsage().rss / 2 ** 20;
};

const rssBase = rssMb();
const t0 = performance.now();
const catalog = JSON.parse(await readFile(join(dataDir, 'catalog.json'), 'utf8')) as { sources: Array<{ id: string }> };
const kept: unknown[] = [];
let highlights = 0;
for (const meta of catalog.sources) {
  const file = JSON.parse(await readFile(join(dataDir, 'sources', `${meta.id}.json`), 'utf8'));
  highlights += countSource(file).highlightCount;
  kept.push(file);
}
const listMs = performance.now() - t0;
const rssHeldMb = rssMb() - rssBase;
kept.length = 0;

const bytes = await readFile(indexFile(dataDir));
const t1 = performance.now();
decodeIndex(bytes);
const decodeMs = performance.now() - t1;

console.log(`SCALE_BASELINE ${JSON.stringify({ sources: Number(countArg), listMs, rssHeldMb, decodeMs, highlights })}`);
process.exit(0);
