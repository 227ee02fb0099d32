// The Custom Elements Manifest (dist/custom-elements.json) and the host types generated from it.
// `npm run build` runs `cem analyze` with this file; the browser test test/package/manifest.test.ts
// checks the manifest against the live elements. Set OD_MANIFEST_ONLY=1 to write only the manifest
// (the test runner does, into a folder of its own) without touching dist/.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { frameworkTypesPlugin, readOnlyPropsDroppedPlugin } from './scripts/manifest-framework-types.mjs';
import { globalTokensPlugin } from './scripts/manifest-global-tokens.mjs';

const manifestOnly = Boolean(process.env.OD_MANIFEST_ONLY);
/** Generated host types go here; they import the element and detail types from the package root. */
const typesDir = 'dist/types';

/** Every `.ts` file under `folder`. */
function sources(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Tags are registered in src/define/<tag>.ts through `defineElement('tag', Class)`, a call the
 * analyzer does not recognise: mark those classes as custom elements with their tag names, and record
 * the definitions in the define modules' exports.
 */
function defineElementCalls() {
  return {
    name: 'od-define-element-calls',
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? [])
          if (declaration.kind === 'class') classes.set(declaration.name, { mod, declaration });
      for (const mod of customElementsManifest.modules) {
        // `customElements.define(tag, element)` inside defineElement() itself names no class.
        mod.exports = mod.exports?.filter(
          (e) => e.kind !== 'custom-element-definition' || classes.has(e.declaration.name),
        );
        if (!mod.path.startsWith('src/define/')) continue;
        const code = readFileSync(mod.path, 'utf8');
        for (const [, tag, name] of code.matchAll(/defineElement\(\s*'([^']+)',\s*(\w+)\s*\)/g)) {
          const found = classes.get(name);
          if (!found) continue;
          found.declaration.customElement = true;
          found.declaration.tagName = tag;
          mod.exports = [
            ...(mod.exports ?? []),
            { kind: 'custom-element-definition', name: tag, declaration: { name, module: found.mod.path } },
          ];
        }
      }
    },
  };
}

/**
 * `<org-dashboard>` registers a card class nobody registered under a subclass made on the spot
 * (`customElements.define(tag, class extends ...)`): not public API, so out of the manifest.
 */
function dropAnonymousClasses() {
  return {
    name: 'od-drop-anonymous-classes',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const anonymous = new Set(
          (mod.declarations ?? []).filter((d) => d.name.startsWith('anonymous_')).map((d) => d.name),
        );
        if (!anonymous.size) continue;
        mod.declarations = mod.declarations.filter((d) => !anonymous.has(d.name));
        mod.exports = (mod.exports ?? []).filter((e) => !anonymous.has(e.declaration?.name));
      }
    },
  };
}

/**
 * Each `@fires od-*` gets its `detail` type, as hosts' tools expect in `event.type` (JSX and Vue types
 * write `CustomEvent<type>`). The source of truth is the typed `HTMLElementEventMap` entries in src/
 * (`'od-x': SomeEvent`) and each event class's `extends CustomEvent<Detail>` (or the package's own
 * `DashboardEvent<Detail>` / `CancelableDashboardEvent<Detail>`, src/base/events.ts).
 */
function eventDetailTypes() {
  const eventClass = new Map();
  const detailOf = new Map();
  for (const file of sources('src')) {
    const code = readFileSync(file, 'utf8');
    const map = /interface HTMLElementEventMap\s*{([^}]*)}/.exec(code);
    if (map) for (const [, name, type] of map[1].matchAll(/'([^']+)':\s*(\w+)/g)) eventClass.set(name, type);
    for (const [, name, detail] of code.matchAll(
      /class (\w+) extends (?:CustomEvent|DashboardEvent|CancelableDashboardEvent)<(\w+)>/g,
    ))
      detailOf.set(name, detail);
  }
  return {
    name: 'od-event-detail-types',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          // The analyzer also lists each `dispatchEvent(new SomeEvent(name, ...))` it sees in the base
          // class, named after a variable or not at all; the documented `@fires od-*` entries stand for them.
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.name?.startsWith('od-'));
          for (const event of declaration.events ?? []) {
            if (event.type?.text) continue;
            const detail = detailOf.get(eventClass.get(event.name));
            if (detail) event.type = { text: detail };
          }
        }
    },
  };
}

/**
 * A default that names a constant (`lowRunwayDays = DEFAULT_LOW_RUNWAY_DAYS`) is recorded by the
 * analyzer as the constant's name, which tells a reader of the docs, the editor's hover or a
 * framework's types nothing: give the constant's own value (`7`, `60000`) instead. Only names the
 * manifest declares once, with a literal number, string or boolean, are replaced.
 */
function constantDefaults() {
  const literal = /^(?:-?\d[\d_]*(?:\.\d+)?|'[^']*'|"[^"]*"|true|false)$/;
  return {
    name: 'od-constant-defaults',
    packageLinkPhase({ customElementsManifest }) {
      const values = new Map();
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'variable' || typeof declaration.default !== 'string') continue;
          const known = values.has(declaration.name);
          const value = declaration.default.trim();
          // Numeric separators are for source code: 60_000 is shown as 60000.
          const shown = /^-?\d/.test(value) ? value.replace(/_/g, '') : value;
          values.set(declaration.name, known || !literal.test(value) ? undefined : shown);
        }
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? [])
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            const value = typeof item.default === 'string' ? values.get(item.default) : undefined;
            if (value !== undefined) item.default = value;
          }
    },
  };
}

/**
 * The classes' JSDoc opens with `@summary`, which takes the whole text up to the next tag: keep its
 * first paragraph as the summary and the whole text as the description (Storybook's docs page shows it).
 */
function summaryAndDescription() {
  return {
    name: 'od-summary-and-description',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.summary || declaration.description) continue;
          declaration.description = declaration.summary;
          declaration.summary = declaration.summary.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
        }
    },
  };
}

/**
 * The JSX and Vue generators import each element's detail types once per element, so a type that two
 * elements share is imported twice, a "Duplicate identifier" error for hosts that check libraries'
 * types: import each name once.
 */
function dedupeTypeImports(files) {
  return {
    name: 'od-dedupe-type-imports',
    packageLinkPhase() {
      for (const file of files) {
        if (manifestOnly || !existsSync(file)) continue;
        const code = readFileSync(file, 'utf8').replace(
          /import type {([^}]*)} from/g,
          (_, names) =>
            `import type { ${[...new Set(names.split(',').map((n) => n.trim()))].filter(Boolean).join(', ')} } from`,
        );
        writeFileSync(file, code);
      }
    },
  };
}

/**
 * Volar (vue-tsc) looks a template's attributes and listeners up by their camel-case names (`org-id`
 * as `orgId`, `@od-view-invoices` as `onOdViewInvoices`); the Vue generator writes them in kebab case,
 * which Volar never matches, so they went unchecked: write them camel-cased.
 */
function camelCaseVueProps(file) {
  const camel = (text) => text.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  return {
    name: 'od-camel-case-vue-props',
    packageLinkPhase() {
      if (manifestOnly || !existsSync(file)) return;
      const code = readFileSync(file, 'utf8').replace(
        /^(\s*)"([a-z][a-z-]*)"\?:/gm,
        (_, indent, key) => `${indent}${key.startsWith('on') ? camel(`on-${key.slice(2)}`) : camel(key)}?:`,
      );
      writeFileSync(file, code);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // MSW handlers and fixtures, and the React wrappers, declare no elements of their own.
  exclude: ['src/mocks/**', 'src/msw.ts', 'src/react.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json's `customElements` field is written by hand: the test runner's run writes elsewhere.
  packagejson: false,
  plugins: [
    defineElementCalls(),
    dropAnonymousClasses(),
    eventDetailTypes(),
    summaryAndDescription(),
    constantDefaults(),
    await globalTokensPlugin(),
    customElementJsxPlugin({
      outdir: typesDir,
      fileName: 'jsx.d.ts',
      globalTypePath: '../index.js',
      hideLogs: true,
      skip: manifestOnly,
    }),
    customElementVuejsPlugin({
      outdir: typesDir,
      fileName: 'vue.d.ts',
      globalTypePath: '../index.js',
      hideLogs: true,
      skip: manifestOnly,
    }),
    dedupeTypeImports([`${typesDir}/jsx.d.ts`, `${typesDir}/vue.d.ts`]),
    readOnlyPropsDroppedPlugin({
      files: [`${typesDir}/jsx.d.ts`, `${typesDir}/vue.d.ts`],
      skip: manifestOnly,
    }),
    camelCaseVueProps(`${typesDir}/vue.d.ts`),
    // Svelte 5, Solid and Preact: each framework's own element table, typed by the element classes.
    frameworkTypesPlugin({ outdir: typesDir, skip: manifestOnly }),
    customElementVsCodePlugin({
      outdir: typesDir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
      skip: manifestOnly,
    }),
  ],
};
