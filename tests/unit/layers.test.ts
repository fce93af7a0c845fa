import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule (scripts/lint/layers.js, docs/architecture.md) must reject every crossing, not just pass on
// today's code: each case below is a file that would break it, linted as if it lived where it says.
const eslint = new ESLint();
const LAYER_RULES = new Set(['layers/imports', 'no-restricted-globals']);
async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => LAYER_RULES.has(m.ruleId ?? '')).map((m) => m.message);
}
const refused = async (filePath: string, code: string) => expect(await errorsFor(filePath, code)).not.toEqual([]);
const allowed = async (filePath: string, code: string) => expect(await errorsFor(filePath, code)).toEqual([]);

describe('core/ is pure', () => {
  it('imports only core/ and pure libraries', async () => {
    await refused('core/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n");
    await refused('core/probe.ts', "import { readFile } from 'fs';\nexport const x = readFile;\n");
    await refused('core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    await refused('core/probe.ts', "import { JSDOM } from 'jsdom';\nexport const x = JSDOM;\n");
    await refused('core/probe.ts', "import { Low } from 'lowdb';\nexport const x = Low;\n");
    await refused('core/probe.ts', "import { createElement } from 'react';\nexport const x = createElement;\n");
    await refused('core/probe.ts', "import { x } from '../electron/backend/service';\nexport const y = x;\n");
    await refused('core/sub/probe.ts', "import { x } from '../../renderer/App';\nexport const y = x;\n");
    await refused('core/probe.ts', "export const load = () => import('node:crypto');\n");
    await refused('core/probe.ts', "export * from '../electron/backend/store';\n");
    await allowed('core/probe.ts', "import { x } from './model';\nimport { z } from 'zod';\nexport const y = [x, z];\n");
    await allowed('core/sub/probe.ts', "import type { Highlight } from '../model';\nexport type H = Highlight;\n");
  });

  it('touches no Node or DOM globals', async () => {
    await refused('core/probe.ts', 'export const dir = process.env.HOME;\n');
    await refused('core/probe.ts', 'export const el = document.body;\n');
    await refused('core/probe.ts', "export const b = Buffer.from('x');\n");
    await refused('core/probe.ts', "export const w = window.innerWidth;\n");
    await allowed('core/probe.ts', 'export const settings = { window: null };\nexport const n = Math.max(1, 2);\n');
  });
});

describe('the backend', () => {
  it('never imports the shell, electron or the renderer', async () => {
    await refused('electron/backend/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    await refused('electron/backend/probe.ts', "import { x } from '../exchange-shell';\nexport const y = x;\n");
    await refused('electron/backend/exchange/probe.ts', "import { x } from '../../main';\nexport const y = x;\n");
    await refused('electron/backend/probe.ts', "import type { X } from '../preload';\nexport type Y = X;\n");
    await refused('electron/backend/probe.ts', "import { x } from '../../renderer/api';\nexport const y = x;\n");
    await refused('electron/backend/probe.ts', "import React from 'react';\nexport const y = React;\n");
    await refused('electron/backend/probe.ts', 'export const el = document.body;\n');
    await allowed('electron/backend/probe.ts', "import { join } from 'node:path';\nimport { x } from '../../core/model';\nimport { y } from './store';\nexport const z = [join, x, y];\n");
  });
});

describe('the shell', () => {
  it('uses electron and the backend, never the renderer', async () => {
    await allowed('electron/probe.ts', "import { app } from 'electron';\nimport { x } from './backend/service';\nexport const y = [app, x];\n");
    await refused('electron/probe.ts', "import { App } from '../renderer/App';\nexport const x = App;\n");
  });
});

describe('the renderer', () => {
  it('reaches the backend only through window.notebook, with core’s types', async () => {
    await refused('renderer/probe.ts', "import { NotebookService } from '../electron/backend/service';\nexport const x = NotebookService;\n");
    await refused('renderer/probe.ts', "import type { NotebookService } from '../electron/backend/service';\nexport type X = NotebookService;\n");
    await refused('renderer/probe.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n");
    await refused('renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    await refused('renderer/probe.ts', "const fs = require('fs');\nexport const x = fs;\n");
    await refused('renderer/probe.ts', 'export const env = process.env.NODE_ENV;\n');
    await refused('renderer/probe.ts', "import { Low } from 'lowdb';\nexport const x = Low;\n");
    await allowed('renderer/probe.tsx', "import { useState } from 'react';\nimport type { Highlight } from '../core/model';\nexport const x = useState;\nexport type H = Highlight;\n");
  });
});

describe('tests, benchmarks and scripts', () => {
  it('drive the renderer through the browser, never by importing it', async () => {
    await refused('scripts/bench/probe.ts', "import { x } from '../../renderer/editor/schema';\nexport const y = x;\n");
    await refused('tests/unit/probe.test.ts', "import { App } from '../../renderer/App';\nexport const x = App;\n");
    await refused('scripts/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    await allowed('scripts/bench/probe.ts', "import { x } from './fixtures/search';\nimport { y } from '../../core/model';\nexport const z = [x, y];\n");
    await allowed('tests/unit/probe.test.ts', "import { x } from '../../electron/backend/service';\nimport { y } from '../../scripts/bench/fixtures/export';\nexport const z = [x, y];\n");
  });
});
