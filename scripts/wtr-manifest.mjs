// A Web Test Runner plugin for test/package/manifest.test.ts: when the test server starts it generates
// the Custom Elements Manifest from the current sources (custom-elements-manifest.config.mjs, manifest
// only, into node_modules/.cache so dist/ is untouched) and serves it, with the `od-*` event names
// typed in the sources' `HTMLElementEventMap`, at /__manifest/custom-elements.json and /__manifest/events.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
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
  return {
    name: 'od-custom-elements-manifest',
    serverStart() {
      const run = spawnSync(
        process.execPath,
        [
          require.resolve('@custom-elements-manifest/analyzer/cem.js'),
          'analyze',
          '--quiet',
          '--outdir',
          outdir,
        ],
        { env: { ...process.env, OD_MANIFEST_ONLY: '1' }, encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`cem analyze failed:\n${run.stderr}`);
      manifest = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    },
    serve(context) {
      if (context.path === '/__manifest/custom-elements.json') return { body: manifest, type: 'json' };
      if (context.path === '/__manifest/events.json')
        return { body: JSON.stringify(typedEvents()), type: 'json' };
      return undefined;
    },
  };
}
