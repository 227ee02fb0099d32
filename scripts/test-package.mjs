// `npm run test:package` (after `npm run build`): the package as a host gets it. Packs it, checks the
// tarball's contents and package.json's dependencies, installs the tarball into a fresh project in a
// temporary folder, type-checks a host's file (scripts/package-test/consumer.ts) against it with
// `moduleResolution` `bundler` and `node16`, and imports every `exports` entry in headless Chromium.
// Records its counts for .ci/run (scripts/results.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const chrome = requireBrowser('chromium');

const work = mkdtempSync(join(tmpdir(), 'od-package-'));
const host = join(work, 'host');
let tarball;
let files = [];

/** Packages a host brings itself (optional peers, and tools): linked from this repository's node_modules. */
const HOST_PACKAGES = ['react', 'react-dom', '@types/react', 'vue', 'msw', 'typescript'];

const checks = {
  'npm pack makes a tarball'() {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [info] = JSON.parse(out);
    tarball = join(work, info.filename);
    files = info.files.map((file) => file.path);
    console.log(`      ${info.filename}: ${files.length} files, ${(info.size / 1000).toFixed(1)} kB`);
  },
  'the tarball holds no tests, stories or sources of tooling'() {
    const bad = files.filter((file) =>
      /(^|\/)(test|tests|stories|\.storybook|demo|scripts|\.changeset)\/|\.(test|stories)\.|\.mdx$/.test(
        file,
      ),
    );
    if (bad.length) throw new Error(`unexpected files: ${bad.join(', ')}`);
    for (const needed of ['package.json', 'dist/index.js', 'dist/custom-elements.json', 'dist/react.js'])
      if (!files.includes(needed)) throw new Error(`${needed} is missing`);
  },
  'dev dependencies never leak into dependencies, and shipped code imports only what it declares'() {
    const dependencies = Object.keys(pkg.dependencies ?? {});
    const declared = new Set([...dependencies, ...Object.keys(pkg.peerDependencies ?? {})]);
    const both = dependencies.filter((name) => name in (pkg.devDependencies ?? {}));
    if (both.length) throw new Error(`in dependencies and devDependencies: ${both.join(', ')}`);
    const missing = new Set();
    for (const file of files.filter((f) => /^dist\/.*\.js$/.test(f) && !f.endsWith('.bundle.js'))) {
      // Without comments: JSDoc examples name packages too.
      const code = readFileSync(join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const [, spec] of code.matchAll(
        /^(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'".][^'"]*)['"]/gm,
      )) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!declared.has(name)) missing.add(`${file} imports ${spec}`);
      }
    }
    if (missing.size) throw new Error([...missing].join('; '));
  },
  'the tarball installs into a fresh project'() {
    mkdirSync(join(host, 'node_modules', '@types'), { recursive: true });
    writeFileSync(
      join(host, 'package.json'),
      JSON.stringify({ name: 'host-app', version: '1.0.0', private: true, type: 'module' }, null, 2),
    );
    // The package's dependencies come from the npm cache when it has them (CI's `npm ci` filled it).
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        tarball,
      ],
      { cwd: host, encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
    for (const name of HOST_PACKAGES) {
      const from = dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
      // A dependency may have brought it already (@lit/react's peer @types/react).
      if (existsSync(join(host, 'node_modules', name))) continue;
      symlinkSync(from, join(host, 'node_modules', name), 'dir');
    }
    const installed = JSON.parse(
      readFileSync(join(host, 'node_modules/org-dashboard-elements/package.json'), 'utf8'),
    );
    if (installed.version !== pkg.version) throw new Error(`installed ${installed.version}`);
  },
  ...Object.fromEntries(
    [
      ['bundler', 'esnext'],
      ['node16', 'node16'],
    ].map(([resolution, module]) => [
      `a host's file type-checks with moduleResolution ${resolution}`,
      () => typeCheck(resolution, module),
    ]),
  ),
  async 'every exports entry imports in the browser'() {
    const entries = Object.entries(pkg.exports).filter(
      ([key, value]) =>
        value !== null && !key.includes('*') && key !== './package.json' && runtimeTarget(value),
    );
    // The wildcard `./define/*` entry, once per element.
    for (const tag of files.filter((f) => /^dist\/define\/[\w-]+\.js$/.test(f)).map((f) => f.slice(12, -3)))
      if (tag !== 'define-element') entries.push([`./define/${tag}`, {}]);
    const pages = join(host, 'pages');
    mkdirSync(pages);
    for (const [index, [key]] of entries.entries()) {
      const specifier = `org-dashboard-elements${key.slice(1)}`;
      writeFileSync(
        join(pages, `entry-${index}.js`),
        key.endsWith('.json')
          ? `import data from '${specifier}';\nwindow.loaded = { keys: Object.keys(data), tags: [] };\n`
          : `import * as entry from '${specifier}';\nwindow.loaded = { keys: Object.keys(entry), tags: ${JSON.stringify(['org-dashboard', 'plan-card'])}.filter((t) => customElements.get(t)) };\n`,
      );
      writeFileSync(
        join(pages, `entry-${index}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="./entry-${index}.bundle.js"></script></head><body></body></html>`,
      );
    }
    await build({
      absWorkingDir: host,
      entryPoints: entries.map((_, index) => ({
        in: `pages/entry-${index}.js`,
        out: `entry-${index}.bundle`,
      })),
      outdir: pages,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    const server = await serveStatic(pages);
    const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
    const problems = [];
    try {
      const page = await browser.newPage();
      for (const [index, [key]] of entries.entries()) {
        const errors = [];
        const onError = (error) => errors.push(error.message);
        page.on('pageerror', onError);
        await page.goto(`${server.url}/entry-${index}.html`);
        const loaded = await page
          .waitForFunction(() => globalThis.loaded, { timeout: 60_000 })
          .then((handle) => handle.jsonValue())
          .catch(() => undefined);
        page.off('pageerror', onError);
        const expectTags = key === './define' || key === './bundle' || key === './react';
        if (errors.length || !loaded) problems.push(`${key}: ${errors.join('; ') || 'did not load'}`);
        else if (!loaded.keys.length && !key.startsWith('./define')) problems.push(`${key}: exports nothing`);
        else if (key === '.' && loaded.tags.length)
          problems.push(`the package root registered ${loaded.tags}`);
        else if (expectTags && loaded.tags.length !== 2) problems.push(`${key} registered ${loaded.tags}`);
      }
      console.log(`      ${entries.length} entries: ${entries.map(([key]) => key).join(' ')}`);
    } finally {
      await browser.close();
      await server.close();
    }
    if (problems.length) throw new Error(problems.join('\n      '));
  },
};

/** The JavaScript file an exports entry points at, or undefined for a types-only entry. */
function runtimeTarget(value) {
  return typeof value === 'string' ? value : value.default;
}

function typeCheck(resolution, module) {
  const dir = join(host, `typecheck-${resolution}`);
  mkdirSync(dir);
  cpSync(join(root, 'scripts/package-test/consumer.ts'), join(dir, 'consumer.ts'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module,
        moduleResolution: resolution,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        // Check the package's declarations too, the generated JSX and Vue types among them.
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(host, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(tsc.stdout + tsc.stderr);
}

let passed = 0;
let failed = 0;
for (const [name, check] of Object.entries(checks)) {
  try {
    await check();
    passed += 1;
    console.log(`  ok  package: ${name}`);
  } catch (error) {
    failed += 1;
    console.log(
      `  FAIL package: ${name}\n      ${String(error.message).trim().split('\n').join('\n      ')}`,
    );
    if (!tarball || (name.includes('installs') && failed)) break;
  }
}
rmSync(work, { recursive: true, force: true });
recordResults('Package', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
