// Lint, with the layer rule of docs/architecture.md (scripts/lint/layers.js): on resolved paths, with an allowlist of
// packages per layer. renderer -> core; shell -> backend -> core; core -> pure libraries only; nothing imports the
// renderer; only electron/*.ts loads 'electron'. Layer globals: core/ touches no process/DOM globals, the renderer
// no Node globals, the backend no DOM globals.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersPlugin, restrictedGlobals } from './scripts/lint/layers.js';

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
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  { files: ['core/**/*.ts'], rules: { 'no-restricted-globals': ['error', ...restrictedGlobals.core] } },
  { files: ['electron/backend/**/*.ts'], rules: { 'no-restricted-globals': ['error', ...restrictedGlobals.backend] } },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: { 'no-restricted-globals': ['error', ...restrictedGlobals.renderer] } },
);
