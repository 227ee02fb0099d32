// The layers of ARCHITECTURE.md ("Layers"), checked over src/ by `npm run lint`
// (`depcruise src --config .dependency-cruiser.cjs`). Each row below is a row
// of that table: the folder, and the folders of ours it may import. Importing
// any other module of src/ is an error; there are no exceptions. Type-only
// imports count (a type is a dependency too), and so do dynamic imports.

/** Where each layer lives. */
const layer = {
  contract: '^src/contract/',
  adapters: '^src/adapters/',
  store: '^src/store/',
  format: '^src/format/',
  strings: '^src/strings/',
  i18n: '^src/i18n/',
  locales: '^src/locales/',
  themes: '^src/themes/',
  mocks: '^src/mocks/',
  base: '^src/base/',
  elements: '^src/elements/',
  define: '^src/define([.]ts$|/)',
  root: '^src/index[.]ts$',
  msw: '^src/msw[.]ts$',
  fixtures: '^src/fixtures[.]ts$',
  react: '^src/react[.]ts$',
};

/** What each layer may import besides itself (ARCHITECTURE.md's "may import" column). */
const mayImport = {
  contract: [],
  adapters: ['contract'],
  store: ['contract'],
  format: ['contract'],
  strings: [],
  i18n: ['format', 'strings', 'locales'],
  locales: ['strings'],
  themes: [],
  mocks: ['contract', 'adapters', 'format'],
  base: ['contract', 'store', 'format', 'strings', 'i18n'],
  // Its own folder is checked by the element rules below, not here.
  elements: ['base', 'store', 'adapters', 'contract', 'format', 'strings', 'i18n'],
  define: ['elements'],
  // The package root exports the classes and the layers under them; never a side effect or the mocks.
  root: ['elements', 'base', 'store', 'adapters', 'contract', 'format', 'strings', 'i18n'],
  // `org-dashboard-elements/msw` and `/fixtures`: the only ways into the mocks; only the first reaches MSW.
  msw: ['mocks', 'adapters', 'contract'],
  fixtures: ['mocks', 'adapters', 'contract'],
  // `org-dashboard-elements/react`: registers the tags, wraps the classes, names their events.
  react: ['define', 'elements', 'base'],
};

const layerRules = Object.entries(mayImport).map(([name, allowed]) => ({
  name: `layer-${name}`,
  comment: `${name} may import only ${allowed.length ? allowed.join(', ') : 'nothing of ours'} (ARCHITECTURE.md, "Layers")`,
  severity: 'error',
  from: { path: layer[name] },
  to: {
    path: '^src/',
    pathNot: [layer[name], ...allowed.map((other) => layer[other])],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'element-into-another-element',
      comment:
        'An element never imports another element’s folder; only the composite <org-dashboard> uses the others, and only by their class module (<tag>/<tag>.ts).',
      severity: 'error',
      from: { path: '^src/elements/([^/]+)/', pathNot: '^src/elements/org-dashboard/' },
      to: { path: '^src/elements/', pathNot: '^src/elements/$1/' },
    },
    {
      name: 'dashboard-uses-elements-by-class',
      comment: '<org-dashboard> reaches the other elements only through their class module (<tag>/<tag>.ts).',
      severity: 'error',
      from: { path: '^src/elements/org-dashboard/' },
      to: {
        path: '^src/elements/',
        pathNot: ['^src/elements/org-dashboard/', '^src/elements/([^/]+)/\\1[.]ts$'],
      },
    },
    {
      name: 'msw-only-in-the-mocks',
      comment: 'MSW is an optional peer dependency: only the mocks (the ./msw entry) may load it.',
      severity: 'error',
      from: { path: '^src/', pathNot: [layer.mocks, layer.msw] },
      to: { path: '(^|/)node_modules/msw/' },
    },
    {
      name: 'fixtures-entry-without-msw',
      comment:
        'org-dashboard-elements/fixtures is demo data for hosts without MSW (issue #16): nothing it reaches may load msw, types included.',
      severity: 'error',
      from: { path: layer.fixtures },
      to: { path: '(^|/)node_modules/msw/', reachable: true },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, of values or types.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a rule that cannot see a module cannot check it).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
