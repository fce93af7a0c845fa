import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The project stands alone: a clone with nothing beside it passes `npm test`. So no file of the project may name a
 * path above the repository's root: neither a relative one (a run of "../" longer than the file is deep, counted from
 * its own folder) nor the absolute path of the folder the checkout sits in.
 */
const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
const SKIP_DIRS = new Set(['.git', 'node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.tmp']);
/** Files whose relative paths count from another folder than their own (the tool's root), and that folder. */
const BASE_OF: Record<string, string> = {
  'vite.config.ts': 'renderer/index.html', // Vite's root is renderer/: outDir '../dist/renderer'
  'eslint.config.js': 'electron/backend/x.ts', // import patterns as the backend's files write them
};
const BINARY = /\.(png|jpe?g|gif|ico|icns|woff2?|ttf|pdf|zip|qdpx|gz)$/i;

function projectFiles(dir = root): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const at = stack.pop()!;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isFile() && !BINARY.test(entry.name) && entry.name !== 'package-lock.json' && statSync(path).size < 5_000_000) {
        out.push(path);
      }
    }
  }
  return out;
}

/** Where, in a file at `file` (relative to the root, '/'-separated), the text names a path above the root. */
export function pathsAboveRoot(file: string, text: string, parentOfRoot: string, siblings: ReadonlySet<string>): string[] {
  const depth = (BASE_OF[file] ?? file).split('/').length - 1;
  const found: string[] = [];
  // A run of "../" (or "..\") climbs from the file's folder: more steps than the file is deep leaves the repository.
  for (const m of text.matchAll(/(?:\.\.[\\/])+/g)) {
    const steps = m[0].length / 3;
    if (steps > depth) found.push(text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).replace(/\s+/g, ' '));
  }
  // The absolute path of a folder beside the checkout (the folder the repository sits in is often /tmp or a home
  // folder, which tests name for other reasons; a folder beside the repository that exists is what a clone lacks).
  if (parentOfRoot.length > 1) {
    for (let at = text.indexOf(parentOfRoot); at >= 0; at = text.indexOf(parentOfRoot, at + 1)) {
      const sibling = /^[^\s'"`/\\)]+/.exec(text.slice(at + parentOfRoot.length))?.[0];
      if (sibling && sibling !== basename(root) && siblings.has(sibling)) found.push(text.slice(at, at + 60).replace(/\s+/g, ' '));
    }
  }
  return found;
}

describe('the project stands alone', () => {
  const parentOfRoot = dirname(root) + sep;
  const siblings = new Set(readdirSync(dirname(root)));

  it('finds a path above the root when there is one (the check itself can fail)', () => {
    const up = '..' + '/';
    expect(pathsAboveRoot('tests/unit/x.ts', `new URL('${up.repeat(3)}shared/', import.meta.url)`, '/nowhere/', new Set())).toHaveLength(1);
    expect(pathsAboveRoot('x.ts', `import a from '${up}shared/a';`, '/nowhere/', new Set())).toHaveLength(1);
    expect(pathsAboveRoot('tests/unit/x.ts', 'readFileSync("/beside/shared/conformance/a.xsd")', '/beside/', new Set(['shared']))).toHaveLength(1);
    expect(pathsAboveRoot('tests/unit/x.ts', `new URL('${up.repeat(2)}', import.meta.url); import b from '${up.repeat(2)}core/b'; mkdtemp('/beside/x-')`, '/beside/', new Set(['shared']))).toEqual([]);
  });

  it('no file of the project names a path above the repository root', () => {
    const offenders: string[] = [];
    for (const path of projectFiles()) {
      const file = relative(root, path).split(sep).join('/');
      for (const hit of pathsAboveRoot(file, readFileSync(path, 'utf8'), parentOfRoot, siblings)) offenders.push(`${file}: …${hit}…`);
    }
    expect(offenders).toEqual([]);
  });

  it('the conformance schemas the export tests use are in the repository, with their terms', () => {
    for (const file of ['web-annotation/annotations/annotationMusts.test', 'web-annotation/license.md', 'refi-qda/Project.xsd', 'refi-qda/Codebook.xsd', 'refi-qda/LICENSE.md']) {
      expect(statSync(join(root, 'tests', 'conformance', file)).size).toBeGreaterThan(0);
    }
  });
});
