// The layer rule (docs/architecture.md), as an ESLint rule that works on resolved paths, not on import strings.
//
// Every file belongs to a layer by where it is. An import of our own code is resolved against the importing file
// and must land in a layer that the importer may use; a package import must be on the importer's layer's
// allowlist (Node's built-ins count as the package "node:"). Type-only imports of packages are free (they vanish at
// run time); type-only imports of our own code obey the layers like any other (the renderer gets its types from
// core/, not from the backend). Dynamic import(), require() and `export … from` are checked the same way.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Pure libraries: no I/O, no DOM, no Node. core/ may use these and nothing else. */
const PURE = [
  'zod',
  'prosemirror-model',
  'prosemirror-markdown',
  'markdown-it',
  'fflate',
  'fastest-levenshtein',
  '@noble/hashes',
  'saxes',
  'minisearch',
  'htmlparser2',
  'fuzzysort',
  'compromise',
  'snowball-stemmers',
  'approx-string-match',
  '@sanity/diff-match-patch',
];

/** Where a file lives decides its layer; the first matching prefix wins. */
const LAYERS = [
  ['core/', 'core'],
  ['electron/backend/', 'backend'],
  ['electron/', 'shell'],
  ['renderer/', 'renderer'],
  ['scripts/bench/', 'bench'],
  ['scripts/', 'scripts'],
  ['tests/', 'tests'],
  ['build/', 'build'],
];

/** Which layers a layer may import from (our own code), and which packages (null: any but the forbidden ones). */
export const RULES = {
  core: { layers: ['core'], packages: PURE, why: 'core/ is pure: it imports only core/ and pure libraries (no Node, no DOM, no electron, no storage)' },
  backend: {
    layers: ['core', 'backend'],
    packages: [...PURE, 'node:', 'lowdb', 'pdfjs-dist', 'mammoth', 'linkedom', '@mozilla/readability', 'iconv-lite', 'chardet', '@thednp/dommatrix', 'isomorphic-git'],
    why: 'the backend uses Node, core/ and the backend: never electron, the shell or the renderer',
  },
  shell: { layers: ['core', 'backend', 'shell'], packages: ['electron', 'node:', 'zod'], why: 'the shell uses electron, Node, the backend and core/: never the renderer' },
  renderer: {
    layers: ['core', 'renderer'],
    packages: [
      ...PURE,
      'react',
      'react-dom',
      'lucide-react',
      'prosemirror-state',
      'prosemirror-view',
      'prosemirror-history',
      'prosemirror-transform',
      'prosemirror-schema-list',
      'prosemirror-keymap',
      'prosemirror-inputrules',
      'prosemirror-commands',
      'prosemirror-gapcursor',
      'prosemirror-dropcursor',
      '@tanstack/react-virtual',
      'react-resizable-panels',
      'dompurify',
      'd3-scale',
      'd3-shape',
      'pdfjs-dist',
      '@fontsource/inter',
      '@fontsource/source-serif-4',
    ],
    why: 'the renderer runs sandboxed: React, ProseMirror and core/ only; it reaches the backend through window.notebook',
  },
  bench: { layers: ['core', 'backend', 'shell', 'bench', 'scripts', 'tests'], packages: null, why: 'benchmarks drive the renderer through the browser, never by importing it' },
  scripts: { layers: ['core', 'backend', 'shell', 'bench', 'scripts', 'tests'], packages: null, why: 'scripts never import the renderer' },
  tests: { layers: ['core', 'backend', 'shell', 'bench', 'scripts', 'tests'], packages: null, why: 'tests drive the renderer through the browser, not by importing it' },
  build: { layers: ['build'], packages: null, why: 'build/ holds packaging configuration only' },
  config: { layers: ['tests', 'scripts', 'config'], packages: null, why: 'configuration files use tests/support and scripts only' },
};

/** Packages no layer outside electron/ may load at run time. */
const ONLY_IN_SHELL = ['electron'];

export function layerOf(file) {
  const rel = relative(ROOT, file).split(sep).join('/');
  if (rel.startsWith('..')) return null;
  for (const [prefix, layer] of LAYERS) if (rel.startsWith(prefix)) return layer;
  return rel.includes('/') ? null : 'config';
}

function packageOf(spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isOwn = (spec) => spec.startsWith('.') || spec.startsWith('/');

export const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], docs: { description: 'The layer rule of docs/architecture.md, on resolved paths' } },
      create(context) {
        const file = context.filename;
        const from = layerOf(file);
        if (!from) return {};
        const rule = RULES[from];
        const check = (node, spec, typeOnly) => {
          if (typeof spec !== 'string') return;
          if (isOwn(spec)) {
            const target = layerOf(resolve(dirname(file), spec));
            if (target === null) {
              context.report({ node, message: `"${spec}" resolves outside the project's layers.` });
            } else if (target === 'renderer' && from !== 'renderer') {
              context.report({ node, message: `"${spec}" is the renderer: nothing imports the renderer (${rule.why}).` });
            } else if (!rule.layers.includes(target)) {
              context.report({ node, message: `"${spec}" is in the ${target} layer, which ${from} may not import: ${rule.why}.` });
            }
            return;
          }
          if (typeOnly) return;
          const pkg = packageOf(spec);
          if (ONLY_IN_SHELL.includes(pkg) && from !== 'shell') {
            context.report({ node, message: `"${spec}" is loaded only by the shell (electron/*.ts): ${rule.why}.` });
          } else if (rule.packages && !rule.packages.includes(pkg)) {
            context.report({ node, message: `"${spec}" is not on the ${from} layer's package list: ${rule.why}. Add it in scripts/lint/layers.js only if it belongs there.` });
          }
        };
        const literal = (n) => (n && n.type === 'Literal' ? n.value : n && n.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : undefined);
        return {
          ImportDeclaration(node) {
            const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(node, node.source.value, typeOnly);
          },
          ExportNamedDeclaration(node) {
            if (node.source) check(node, node.source.value, node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node, node.source.value, node.exportKind === 'type');
          },
          ImportExpression(node) {
            check(node, literal(node.source), false);
          },
          TSImportType(node) {
            const arg = node.argument?.literal ?? node.argument;
            check(node, literal(arg), true);
          },
          TSExternalModuleReference(node) {
            check(node, literal(node.expression), false);
          },
          CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, literal(node.arguments[0]), false);
          },
        };
      },
    },
  },
};

/** Globals a layer may not touch: core/ has no process, DOM or Node globals; the renderer has no Node globals. */
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];
const DOM_GLOBALS = ['document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'];
export const restrictedGlobals = {
  core: [...NODE_GLOBALS, ...DOM_GLOBALS].map((name) => ({ name, message: `core/ is pure: no "${name}" (pass what it needs in as an argument).` })),
  backend: DOM_GLOBALS.filter((n) => n !== 'fetch').map((name) => ({ name, message: `The backend runs in Node: no "${name}".` })),
  renderer: NODE_GLOBALS.map((name) => ({ name, message: `The renderer runs sandboxed: no "${name}".` })),
};
