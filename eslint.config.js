// Lint, with the layer rule of GUIDE.md: renderer -> core, backend -> core, shell -> backend -> core;
// nothing imports renderer/, core imports nothing of ours but core, and only electron/*.ts may import 'electron'.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'stream', 'util', 'zlib', 'worker_threads'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const group = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict([
      group(['electron', 'electron/*'], 'core/ is pure: no electron.'),
      group(nodeBuiltins, 'core/ is pure: no Node built-ins (put I/O in electron/backend/).'),
      group(['react', 'react-dom', 'react/*', 'react-dom/*', 'prosemirror-view', 'prosemirror-state', 'prosemirror-history', 'prosemirror-keymap', 'prosemirror-commands', 'prosemirror-inputrules'], 'core/ is pure: no UI libraries (the note schema and its Markdown serialiser, prosemirror-model/-markdown, are allowed).'),
      group(['**/renderer/**', '**/electron/**', '**/tests/**', '**/scripts/**'], 'core/ imports nothing of ours but core.'),
    ]),
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: restrict([
      group(['electron', 'electron/*'], "The backend never imports 'electron': tests and the CLI use it directly."),
      group(['**/renderer/**'], 'Nothing imports the renderer.'),
      group(['../main', '../preload', '../menu', '../csp', '../*.ts'], 'The backend does not import the shell.'),
    ]),
  },
  {
    files: ['electron/*.ts'],
    rules: restrict([group(['**/renderer/**'], 'Nothing imports the renderer.')]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict([
      group(['electron', 'electron/*'], 'The renderer reaches the backend only through window.notebook.'),
      group(nodeBuiltins, 'The renderer runs sandboxed: no Node built-ins.'),
      group(['**/electron/**'], 'The renderer reaches the backend only through window.notebook (types come from core/).'),
    ]),
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.mjs', '*.ts', '*.js'],
    rules: restrict([group(['**/renderer/**'], 'Tests drive the renderer through the browser, not by importing it.')]),
  },
);
