// ESLint (flat config): `npm run lint`, also a step of `npm test`. TypeScript through
// typescript-eslint, Lit templates through eslint-plugin-lit, custom-element practice through
// eslint-plugin-wc. Rules are chosen to catch defects; a rule turned off says why.
import { defineConfig } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/** ESLint's own recommended rules (what @eslint/js's `recommended` lists), read off the rules' metadata. */
const jsRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

/** Node's globals, for the scripts and Node tests (`.mjs`). */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

/** What code handed to Playwright's `page.evaluate` / `waitForFunction` runs against, in the end-to-end tests and the bench. */
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'location', 'history', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'customElements', 'getComputedStyle', 'requestAnimationFrame', 'HTMLElement', 'HTMLInputElement', 'HTMLTextAreaElement', 'HTMLSelectElement', 'Element', 'Node', 'Event', 'CustomEvent', 'KeyboardEvent', 'DataTransfer', 'ClipboardEvent', 'InputEvent', 'PerformanceObserver', 'MutationObserver'].map(
    (name) => [name, 'readonly'],
  ),
);

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.wtr-*'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{js,mjs,ts}'],
    rules: {
      ...jsRecommended,
      // The parser and the validators look for control characters on purpose (binary pastes, stray bytes in a value).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...nodeGlobals, ...browserGlobals } },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      // Unused bindings are defects (dead code, a forgotten argument); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Type-aware, on the shipped code: a promise nobody awaits or catches loses its error (an
    // unhandled rejection instead of a message at the field). Not on tests, where chai's
    // `expect()` is typed as a thenable and every assertion would be reported.
    files: ['src/**/*.ts', 'components/**/*.ts', 'scripts/**/*.ts', '*.ts'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['scripts/bench/*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.ts'],
    ...lit.configs['flat/recommended'],
    rules: {
      ...lit.configs['flat/recommended'].rules,
      // Beyond `recommended`: mistakes that break an element quietly.
      'lit/lifecycle-super': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-value-attribute': 'error',
      'lit/no-invalid-escape-sequences': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    ...wc.configs['flat/best-practice'],
    rules: {
      ...wc.configs['flat/best-practice'].rules,
      // Every element extends LitElement, which implements all lifecycle callbacks: a guard around `super.connectedCallback()` would be dead code.
      'wc/guard-super-call': 'off',
    },
  },
);
