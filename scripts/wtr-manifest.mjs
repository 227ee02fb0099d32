// A Web Test Runner plugin for test/package/: when the test server starts it generates the Custom
// Elements Manifest from the current sources (custom-elements-manifest.config.mjs, manifest only, into
// node_modules/.cache so dist/ is untouched) and serves it, with the `od-*` event names typed in the
// sources' `HTMLElementEventMap`, at /__manifest/custom-elements.json and /__manifest/events.json; and
// the public names (scripts/public-api.mjs) at /__manifest/public-api.json, read on first request only
// (the TypeScript checker takes seconds that other test files need not wait for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeManifest, publicApi } from './public-api.mjs';

const outdir = 'node_modules/.cache/od-manifest';

/** Every `'od-…': SomeEvent` entry of an `interface HTMLElementEventMap` in src/. */
function typedEvents() {
  const names = new Set();
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, body] of code.matchAll(/interface HTMLElementEventMap\s*{([^}]*)}/g))
      for (const [, name] of body.matchAll(/'(od-[^']+)':/g)) names.add(name);
  }
  return [...names].sort();
}

export function customElementsManifestPlugin() {
  let manifest = '{}';
  let api;
  return {
    name: 'od-custom-elements-manifest',
    serverStart() {
      manifest = analyzeManifest(outdir);
    },
    serve(context) {
      if (context.path === '/__manifest/custom-elements.json') return { body: manifest, type: 'json' };
      if (context.path === '/__manifest/public-api.json') {
        api ??= JSON.stringify(publicApi(manifest));
        return { body: api, type: 'json' };
      }
      if (context.path === '/__manifest/events.json')
        return { body: JSON.stringify(typedEvents()), type: 'json' };
      return undefined;
    },
  };
}
