// ESLint flat config: JavaScript and TypeScript everywhere; Lit, Web Components and accessibility rules
// for the browser code (src, test, stories, .storybook); Node globals for scripts and config files; and,
// in src/ only, a ban on HTML injection sinks (unsafe* directives, innerHTML and friends).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import litPlugin from 'eslint-plugin-lit';
import litA11yPlugin from 'eslint-plugin-lit-a11y';
import wcPlugin from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserCode = [
  'src/**/*.ts',
  'test/**/*.ts',
  'stories/**/*.ts',
  '.storybook/**/*.ts',
  'demo/**/*.ts',
  'bench/src/**/*.ts',
  'bench/size/**/*.js',
];
const nodeCode = ['scripts/**/*.{js,mjs}', '*.{js,mjs,cjs}', '.storybook/main.ts', 'demo/vite.config.mjs'];

/** Lit's own base class and ours: the Lit and Web Components rules treat their subclasses as elements. */
const elementBaseClasses = ['LitElement', 'DashboardElement', 'DashboardCard'];

const unsafeTemplateMessage =
  'Renders a string as markup, a cross-site scripting risk: render data with html`` bindings, and styles with css``.';
const htmlSinkMessage =
  'Parses a string as HTML, a cross-site scripting risk: render with lit templates or build nodes with the DOM API.';

export default defineConfig(
  globalIgnores([
    'dist/',
    'storybook-static/',
    'demo-dist/',
    'bench/out/',
    'node_modules/',
    'coverage/',
    'public/mockServiceWorker.js',
    // Host apps as their frameworks generate them, checked by their own tools (scripts/test-frameworks.mjs).
    'test/frameworks/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: browserCode,
    ...litPlugin.configs['flat/recommended'],
  },
  {
    files: browserCode,
    ...wcPlugin.configs['flat/best-practice'],
  },
  {
    files: browserCode,
    ...litA11yPlugin.configs.recommended,
  },
  {
    files: browserCode,
    languageOptions: { globals: { ...globals.browser } },
    settings: {
      lit: { elementBaseClasses },
      wc: { elementBaseClasses },
    },
    rules: {
      // LitElement implements every lifecycle callback, so `if (super.connectedCallback)` guards are dead code.
      'wc/guard-super-call': 'off',
      // `_unused` parameters and destructured rest siblings are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },

  // Shipped code: no way to turn a string into markup.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit', importNames: ['unsafeCSS'], message: unsafeTemplateMessage },
            { name: 'lit-element', importNames: ['unsafeCSS'], message: unsafeTemplateMessage },
            { name: '@lit/reactive-element', importNames: ['unsafeCSS'], message: unsafeTemplateMessage },
            {
              name: '@lit/reactive-element/css-tag.js',
              importNames: ['unsafeCSS'],
              message: unsafeTemplateMessage,
            },
            { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: unsafeTemplateMessage },
            { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: unsafeTemplateMessage },
          ],
          patterns: [
            {
              group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
              message: unsafeTemplateMessage,
            },
          ],
        },
      ],
      // Also catches the computed form, `el['innerHTML']`.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: htmlSinkMessage },
        { property: 'outerHTML', message: htmlSinkMessage },
        { property: 'insertAdjacentHTML', message: htmlSinkMessage },
        { property: 'setHTMLUnsafe', message: htmlSinkMessage },
        { property: 'parseHTMLUnsafe', message: htmlSinkMessage },
        { property: 'createContextualFragment', message: htmlSinkMessage },
        { property: 'srcdoc', message: htmlSinkMessage },
        { object: 'document', property: 'write', message: htmlSinkMessage },
        { object: 'document', property: 'writeln', message: htmlSinkMessage },
      ],
      // `lit.unsafeCSS(...)` and the like through a namespace or re-export.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression > Identifier.property[name=/^unsafe(HTML|SVG|MathML|CSS|Static)$/]',
          message: unsafeTemplateMessage,
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },

  {
    files: nodeCode,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Stands in for the chromedriver package (CommonJS, as tachometer requires it).
    files: ['bench/chromedriver/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Its page.evaluate() callbacks run in the browser.
    files: [
      'scripts/smoke-stories.mjs',
      'scripts/a11y-stories.mjs',
      'scripts/smoke-demo.mjs',
      'scripts/bench.mjs',
      'scripts/test-package.mjs',
      'scripts/test-integration.mjs',
      'scripts/test-ssr.mjs',
      'scripts/ssr-viewers.mjs',
      'scripts/ssr-locales.mjs',
      'scripts/ssr-context.mjs',
      'scripts/ssr-partner-tags.mjs',
      'scripts/ssr-render.mjs',
    ],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The Embedding guide's host snippets run in a browser.
    files: ['stories/embedding/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
