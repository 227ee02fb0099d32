// `npm run build`: cleans dist/, emits ES modules, declarations and source maps with tsc (mirroring
// src/), then rolls the self-contained bundle with rollup.config.mjs, checks the package's entry points
// and prints the bundle's sizes.
import { buildAngularWrappers } from './manifest-angular.mjs';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';
import { THEMES, themeCss } from './theme-files.mjs';
import { writeThemeSources } from './themes.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
// Paths below and in rollup.config.mjs are relative to the package folder.
process.chdir(root);

function step(title) {
  console.log(`\n> ${title}`);
}

function fail(message) {
  console.error(`\nbuild failed: ${message}`);
  process.exit(1);
}

// 1. Clean.
step('clean dist/');
rmSync(dist, { recursive: true, force: true });

// 1a. What src/themes/tokens.ts generates: src/themes/light.ts, dark.ts and README.md's token table.
step('themes from src/themes/tokens.ts');
const themes = await writeThemeSources();
console.log(themes.changed.length ? `rewritten: ${themes.changed.join(', ')}` : 'up to date');

// 2. tsc: unbundled ES modules, .d.ts and maps.
step('tsc -p tsconfig.build.json');
const tsc = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) fail(`tsc exited with ${tsc.status ?? tsc.signal}`);

// 2a. The CSS in Lit's `css` literals, minified (host bundlers leave template strings alone).
step('minify the CSS of css`` literals in dist/');
console.log(`${minifyCssLiterals(dist)} bytes of whitespace and comments removed.`);
step('shrink the indentation of html`` literals in dist/');
console.log(`${minifyHtmlLiterals(dist)} bytes of indentation removed.`);

// 2b. The Custom Elements Manifest and the host types generated from it (custom-elements-manifest.config.mjs).
step('cem analyze: dist/custom-elements.json, dist/types/ (JSX, Vue, VS Code)');
const cem = spawnSync(
  process.execPath,
  [require.resolve('@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (cem.status !== 0) fail(`cem analyze exited with ${cem.status ?? cem.signal}`);

// 2c. The light and dark token sets as plain CSS (dist/themes/*.css, "./themes/*" in exports), from
// src/themes/tokens.ts: scoped to `[data-od-theme]` like the css`` exports of light.ts / dark.ts.
step('dist/themes/light.css, dist/themes/dark.css');
for (const name of THEMES)
  writeFileSync(join(dist, 'themes', `${name}.css`), themeCss(name, themes.sets[name]));

// 2d. `org-dashboard-elements/angular`: typed standalone Angular directives generated from the manifest
// and compiled by ngc in partial mode (scripts/manifest-angular.mjs).
step('Angular wrappers: dist/angular/ (ngc, partial compilation)');
try {
  console.log(`${buildAngularWrappers(dist).length} modules written.`);
} catch (error) {
  fail(error.message);
}

// 3. The package root must have no side effects: nothing it imports registers a tag.
step('check that the package root registers nothing');
const relativeImport = /(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
const seen = new Set();
const queue = [join(dist, 'index.js')];
while (queue.length) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const name = relative(dist, file).split(sep).join('/');
  if (name === 'define.js' || name.startsWith('define/')) {
    problems.push(`dist/index.js imports ${name}, a define entry (the package root must register nothing)`);
    continue;
  }
  const code = readFileSync(file, 'utf8');
  // A call at the top level runs at import; one inside a function (the dashboard registering a card
  // class left unregistered, on first render) does not. test/package/root-has-no-side-effects.test.ts
  // checks the same in a browser.
  if (/^customElements\s*\.\s*define\s*\(|\bcustomElement\s*\(/m.test(code)) {
    problems.push(`dist/${name} registers a tag at import (use src/define/<tag>.ts instead)`);
  }
  for (const [, spec] of code.matchAll(relativeImport)) queue.push(resolve(dirname(file), spec));
}
console.log(`${seen.size} modules reachable from dist/index.js; none registers a tag.`);

// 3a. `org-dashboard-elements/fixtures` is demo data for hosts without MSW (an optional peer): nothing
// it reaches, code or declarations, may import msw. scripts/test-package.mjs builds a host without it.
step('check that ./fixtures reaches no MSW');
// `from '…'`, `import '…'` and `import('…')` (declarations name types that way too).
const specifiers = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
const fixtureFiles = new Set();
for (const entry of ['fixtures.js', 'fixtures.d.ts']) {
  const pending = [join(dist, entry)];
  while (pending.length) {
    const file = pending.pop();
    if (fixtureFiles.has(file)) continue;
    fixtureFiles.add(file);
    const name = relative(dist, file).split(sep).join('/');
    if (!existsSync(file)) {
      problems.push(`dist/${name} is missing (reached from dist/${entry})`);
      continue;
    }
    // Without comments: JSDoc examples name packages too.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const [, spec] of code.matchAll(specifiers)) {
      if (/^(msw|@mswjs)(\/|$)/.test(spec))
        problems.push(`dist/${name} imports ${spec} (reached from dist/${entry})`);
      else if (spec.startsWith('.'))
        pending.push(resolve(dirname(file), entry.endsWith('.d.ts') ? spec.replace(/\.js$/, '.d.ts') : spec));
    }
  }
}
console.log(`${fixtureFiles.size} files reachable from dist/fixtures.js and .d.ts; none imports msw.`);

// 4. The bundle (rollup.config.mjs): package root + default tags + Lit, minified, without MSW.
step('rollup -c rollup.config.mjs');
const { default: config, COMPILE_HINT } = await import('../rollup.config.mjs');
const bundle = await rollup(config);
const { output } = await bundle.write(config.output);
await bundle.close();
const chunk = output.find((item) => item.type === 'chunk');
const mocks = chunk.moduleIds.filter((id) =>
  /[\\/](msw|@mswjs)[\\/]|[\\/]dist[\\/](msw\.js|mocks[\\/])/.test(id),
);
if (mocks.length) problems.push(`the bundle contains MSW or mocks: ${mocks.join(', ')}`);
if (output.filter((item) => item.type === 'chunk').length !== 1)
  problems.push('the bundle is not a single file');
if (!chunk.code.startsWith(`${COMPILE_HINT}\n`))
  problems.push(`the bundle does not start with the compile hint (${COMPILE_HINT})`);
// Its types: the package root's, plus the tag names the bundle registers.
writeFileSync(
  config.output.file.replace(/\.js$/, '.d.ts'),
  "export * from './index.js';\nimport './define.js';\n",
);
console.log(`${config.output.file}: ${chunk.moduleIds.length} modules, ${chunk.exports.length} exports`);

// 5. Every entry in package.json resolves to a built file, and every element has its entries.
step('check package.json entry points');
const targets = [];
(function collect(value, key) {
  if (typeof value === 'string') targets.push([key, value]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collect(v, key ?? k);
})(pkg.exports);
for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr'])
  if (pkg[field]) targets.push([field, pkg[field]]);
for (const [key, target] of targets) {
  if (target.includes('*')) {
    const [prefix, suffix] = target.split('*');
    const folder = join(root, dirname(prefix));
    const any = existsSync(folder) && readdirSync(folder).some((file) => join(folder, file).endsWith(suffix));
    if (!any) problems.push(`exports["${key}"] -> ${target} matches no file`);
  } else if (!existsSync(join(root, target))) {
    if (key === './msw' && !existsSync(join(root, 'src/msw.ts'))) {
      console.warn(`warning: exports["./msw"] -> ${target} is missing: src/msw.ts does not exist yet`);
    } else {
      problems.push(`${key.startsWith('.') ? `exports["${key}"]` : `"${key}"`} -> ${target} does not exist`);
    }
  }
}
const elements = readdirSync(join(root, 'src/elements'), { withFileTypes: true }).filter((entry) =>
  entry.isDirectory(),
);
for (const { name: tag } of elements) {
  const expected = `./dist/elements/${tag}/${tag}.js`;
  const entry = pkg.exports[`./${tag}`];
  if (!entry || entry.default !== expected) {
    problems.push(
      `package.json exports has no "./${tag}" entry: add { "types": "${expected.replace(/\.js$/, '.d.ts')}", "default": "${expected}" }`,
    );
  }
  if (!existsSync(join(dist, 'define', `${tag}.js`)))
    problems.push(`src/define/${tag}.ts is missing (registers <${tag}>)`);
  const defineAll = readFileSync(join(root, 'src/define.ts'), 'utf8');
  if (!defineAll.includes(`./define/${tag}.js`))
    problems.push(`src/define.ts does not import ./define/${tag}.js`);
}
console.log(`${targets.length} entry points, ${elements.length} elements checked.`);

if (problems.length) fail(`\n  - ${problems.join('\n  - ')}`);

// 6. Sizes.
const code = readFileSync(join(root, config.output.file));
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
}).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`\n${config.output.file}: ${kB(code.length)} minified, ${kB(gzip)} gzip, ${kB(brotli)} brotli`);
