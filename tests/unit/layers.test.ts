import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule must actually reject crossings, not just pass on today's code.
const eslint = new ESLint();
async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it('keeps core/ pure', async () => {
    expect(await errorsFor('core/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toEqual([
      expect.stringContaining('core/ is pure'),
    ]);
    expect(await errorsFor('core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await errorsFor('core/probe.ts', "import { x } from '../electron/backend/service';\nexport const y = x;\n")).not.toEqual([]);
    expect(await errorsFor('core/probe.ts', "import { x } from './model';\nexport const y = x;\n")).toEqual([]);
  });
  it('keeps electron out of the backend and the backend out of the renderer', async () => {
    expect(await errorsFor('electron/backend/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await errorsFor('renderer/probe.ts', "import { NotebookService } from '../electron/backend/service';\nexport const x = NotebookService;\n")).not.toEqual([]);
    expect(await errorsFor('renderer/probe.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n")).not.toEqual([]);
    expect(await errorsFor('electron/probe.ts', "import { App } from '../renderer/App';\nexport const x = App;\n")).not.toEqual([]);
    expect(await errorsFor('electron/main-probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
