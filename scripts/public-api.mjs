// The package's public names, as test/package/public-api.test.ts compares them with
// test/package/public-api.baseline.json: per element (from the Custom Elements Manifest) its class,
// attributes, public properties and methods, events, slots, CSS parts and CSS properties; and the
// names the package root (src/index.ts) exports, values and types apart.
// scripts/wtr-manifest.mjs serves them to the test; scripts/public-api-baseline.mjs rewrites the baseline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Runs `cem analyze` on the current sources (manifest only, dist/ untouched) and returns the manifest. */
export function analyzeManifest(outdir) {
  const run = spawnSync(
    process.execPath,
    [require.resolve('@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', outdir],
    { env: { ...process.env, OD_MANIFEST_ONLY: '1' }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`cem analyze failed:\n${run.stderr}`);
  return readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
}

const names = (items) => [...new Set((items ?? []).map((item) => item.name))].sort();
const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

/** Each element's public names, by tag. */
export function elementNames(manifest) {
  const elements = {};
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const members = (declaration.members ?? []).filter(isPublic);
      const member = (kind) =>
        names(
          members
            .filter((m) => m.kind === kind)
            .map((m) => ({ name: m.static ? `static ${m.name}` : m.name })),
        );
      elements[declaration.tagName] = {
        class: declaration.name,
        attributes: names(declaration.attributes),
        properties: member('field'),
        methods: member('method'),
        events: names(declaration.events),
        slots: names(declaration.slots),
        cssParts: names(declaration.cssParts),
        cssProperties: names(declaration.cssProperties),
      };
    }
  return Object.fromEntries(Object.entries(elements).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The names src/index.ts exports, read by the TypeScript checker (so `export *` and `export type *`
 * count): `values` (classes, functions, constants) and `types` (type-only names).
 */
export function rootExports(entry = 'src/index.ts') {
  const ts = require('typescript');
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  const program = ts.createProgram([entry], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  const values = [];
  const types = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnly =
      !(target.flags & ts.SymbolFlags.Value) || Boolean(checker.getTypeOnlyAliasDeclaration?.(symbol));
    (typeOnly ? types : values).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}

/** The whole public surface, as the baseline stores it. */
export function publicApi(manifestText) {
  return { elements: elementNames(JSON.parse(manifestText)), exports: rootExports() };
}
