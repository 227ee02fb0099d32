// Nuxt 4 (4.4.5, the newest that runs on Node 20), written by hand as `npm create nuxt` would generate
// its minimal template (test/frameworks/nuxt: the template is downloaded from GitHub, not reachable
// here), with `vue-tsc` and `typescript` added for `nuxt typecheck` as Nuxt's docs say. The snippets
// are the whole nuxt.config.ts (`vue.compilerOptions.isCustomElement`), the client-only plugin that
// registers the tags and brings in `org-dashboard-elements/vue` types, and the component using the
// dashboard. `nuxt generate` prerenders `/` (the element is rendered as its bare tag on the server,
// upgraded in the browser) into a static site. The checker is `nuxt typecheck` (vue-tsc, Volar).
import { must, run, typeScriptDiagnostics } from '../run.mjs';

const NUXT = ['node_modules/nuxt/bin/nuxt.mjs'];
const ENV = { NUXT_TELEMETRY_DISABLED: '1' };

/**
 * The build's warnings that name the package or Lit (the issue saw 18 about `this` in TypeScript's
 * decorator helper, each naming the file): a warning is its WARN line and the lines up to the next
 * blank one. Nuxt's own (the source map of its module-preload polyfill) name neither.
 */
export function packageWarnings(output) {
  const blocks = output.split(/\n\s*\n/).filter((block) => /\bwarn/i.test(block));
  return blocks.filter((block) => /org-dashboard-elements|node_modules\/@?lit[/-]/.test(block));
}

export default {
  name: 'Nuxt 4',
  snippets: {
    'stories/embedding/nuxt.config.ts.txt': 'nuxt.config.ts',
    'stories/embedding/nuxt-plugin.client.ts.txt': 'app/plugins/org-dashboard.client.ts',
    'stories/embedding/nuxt-dashboard.vue': 'app/components/OrgDashboardPanel.vue',
  },
  build(app) {
    const warnings = packageWarnings(must(process.execPath, [...NUXT, 'generate'], app, ENV));
    if (warnings.length) throw new Error(`nuxt generate warned about the package:\n${warnings.join('\n')}`);
  },
  output: '.output/public',
  // Volar checks properties, attributes (camel-cased: `org-id` is `orgId`) and listeners alike.
  planted: [
    {
      file: 'app/components/PlantedAdapter.vue',
      text: ['<template>', '  <org-dashboard org-id="org_acme" :adapter="42" />', '</template>', ''].join(
        '\n',
      ),
      line: ':adapter="42"',
      message: /'number' is not assignable to type '.*DashboardAdapter/,
    },
    {
      file: 'app/components/PlantedOrgId.vue',
      text: ['<template>', '  <org-dashboard :org-id="7" />', '</template>', ''].join('\n'),
      line: ':org-id="7"',
      message: /'number' is not assignable to type 'string/,
    },
    {
      file: 'app/components/PlantedHandler.vue',
      text: [
        '<script setup lang="ts">',
        'function onKey(event: KeyboardEvent) {',
        '  console.log(event.key);',
        '}',
        '</script>',
        '',
        '<template>',
        '  <org-dashboard org-id="org_acme" @od-view-invoices="onKey" />',
        '</template>',
        '',
      ].join('\n'),
      line: '@od-view-invoices',
      message: /KeyboardEvent/,
    },
  ],
  check(app) {
    const { status, output } = run(process.execPath, [...NUXT, 'typecheck'], app, ENV);
    const diagnostics = typeScriptDiagnostics(app, output);
    if (status !== 0 && !diagnostics.length) throw new Error(`nuxt typecheck failed:\n${output}`);
    return diagnostics;
  },
};
