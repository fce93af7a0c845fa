// npm run bench: measures the figures the issues name, prints a table, writes docs/benchmarks.md.
// npm run bench -- store statements: those suites only; their rows in docs/benchmarks.md are measured again in place.
import { benchAnchoring } from './anchoring';
import { benchDocuments } from './documents';
import { benchExchange } from './exchange';
import { benchReader } from './reader';
import { benchEditor } from './editor';
import { benchSearch } from './search';
import { benchTags } from './tags';
import { benchStore } from './store';
import { benchScale } from './scale';
import { benchWorkers } from './workers';
import { benchRussian } from './russian';
import { benchStatements } from './statements';
import { benchSync } from './sync';
import { benchAgreement } from './agreement';
import { chromiumVersion, machine, printTable, updateMarkdown, writeMarkdown, type Figure } from './report';
import { chromiumPath } from '../../tests/support/chromium';
import { pageErrors } from './browser';

const only = process.argv.slice(2);
const suites: Array<[string, () => Figure[] | Promise<Figure[]>]> = [
  ['anchoring', benchAnchoring],
  ['reader', benchReader],
  ['editor', benchEditor],
  ['search', benchSearch],
  ['tags', benchTags],
  ['exchange', benchExchange],
  ['store', benchStore],
  ['scale', benchScale],
  ['workers', benchWorkers],
  ['documents', benchDocuments],
  ['russian', benchRussian],
  ['statements', benchStatements],
  ['sync', benchSync],
  ['agreement', benchAgreement],
];

const figures: Figure[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  figures.push(...(await run()));
}
printTable(figures);
if (pageErrors.length) {
  // A figure measured on a page that threw is not a figure of the app: fail, and leave docs/benchmarks.md as it was.
  for (const e of pageErrors) console.error(`bench: ${e}`);
  console.error(`bench: failed: ${pageErrors.length} page error${pageErrors.length === 1 ? '' : 's'} while measuring.`);
  process.exit(1);
}
const machineLine = machine(chromiumVersion(chromiumPath()));
if (!only.length) await writeMarkdown('docs/benchmarks.md', figures, machineLine);
else await updateMarkdown('docs/benchmarks.md', figures, only, machineLine);
