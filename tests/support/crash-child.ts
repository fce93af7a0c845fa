// The crash test's child: saves in a loop through the real backend and reports each acknowledged save on stdout,
// until the test kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { NotebookService } from '../../electron/backend/service';

const [dataDir, seedsDir, startArg] = process.argv.slice(2);
const SOURCE = '002_3d6a35bbe9bd0c1a';
let i = Number(startArg);

const say = (line: string) => writeSync(1, `${line}\n`);

const service = await NotebookService.open({ dataDir, seedsDir, version: 'crash-test' });
say('ready');
for (;;) {
  i++;
  const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: `save ${i}` }] }] };
  switch (i % 3) {
    case 0:
      await service.saveSourceNote({ sourceId: SOURCE, doc });
      say(`note ${i}`);
      break;
    case 1: {
      const h = await service.createHighlight({ sourceId: SOURCE, start: (i * 7) % 3000, end: ((i * 7) % 3000) + 12 });
      say(`highlight ${h.id}`);
      break;
    }
    default:
      await service.updateSettings({ reader: { fontSize: 12 + (i % 17) } });
      say(`font ${i} ${12 + (i % 17)}`);
  }
}
