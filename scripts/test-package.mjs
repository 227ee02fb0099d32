// `npm run test:package` (after `npm run build`): the package as a host gets it. Packs it, checks the
// tarball's contents and package.json's dependencies, installs the tarball into a fresh project in a
// temporary folder, type-checks a host's file (scripts/package-test/consumer.ts) against it with
// `moduleResolution` `bundler` and `node16`, and imports every `exports` entry in headless Chromium.
// A second project, without msw, gets demo data from `./fixtures` (scripts/package-test/demo-host.ts):
// type-checked, bundled with nothing external and rendered with the memory adapter and the simulation.
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
const HOST_PACKAGES = [
  'react',
  'react-dom',
  '@types/react',
  'vue',
  'msw',
  'typescript',
  '@angular/core',
  '@angular/compiler',
];

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
    installHost(host, HOST_PACKAGES);
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
      () => typeCheck(host, resolution, module),
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
          : // ./angular is compiled in Angular's partial format: an app's linker finishes it at build time
            // (test:frameworks); with no linker, Angular's JIT compiler does, here.
            `${key === './angular' ? "import '@angular/compiler';\n" : ''}import * as entry from '${specifier}';\nwindow.loaded = { keys: Object.keys(entry), tags: ${JSON.stringify(['org-dashboard', 'plan-card'])}.filter((t) => customElements.get(t)) };\n`,
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
  'every CSS file in the tarball is listed in package.json sideEffects'() {
    // README: `import 'org-dashboard-elements/themes/dark.css'` through bundlers. webpack drops an
    // import made only for its effect from a file that `sideEffects` does not list (its docs: "any
    // imported file is subject to tree shaking ... a CSS file needs to be added to the side effect list").
    const patterns = (pkg.sideEffects ?? []).map((pattern) => {
      const glob = pattern.replace(/^\.\//, '');
      const regex = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\0')
        .replace(/\*/g, '[^/]*');
      // A pattern without a slash matches a file's name anywhere (webpack's rule).
      return new RegExp(`${glob.includes('/') ? '^' : '(^|/)'}${regex.replace(/\0/g, '.*')}$`);
    });
    const css = files.filter((file) => file.endsWith('.css'));
    if (!css.length) throw new Error('no CSS file in the tarball: the check sees nothing');
    const unlisted = css.filter((file) => !patterns.some((pattern) => pattern.test(file)));
    if (unlisted.length) throw new Error(`not in sideEffects: ${unlisted.join(', ')}`);
  },
  async 'bundled with nothing external, ./fixtures reaches no MSW module (./msw does: the probe works)'() {
    const reached = {};
    for (const entry of ['fixtures', 'msw']) {
      const { metafile } = await build({
        absWorkingDir: host,
        stdin: { contents: `export * from 'org-dashboard-elements/${entry}';`, resolveDir: host },
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        platform: 'browser',
        logLevel: 'error',
      });
      reached[entry] = Object.keys(metafile.inputs).filter((file) => /(^|\/)(msw|@mswjs)\//.test(file));
    }
    if (reached.fixtures.length) throw new Error(`./fixtures bundles ${reached.fixtures.join(', ')}`);
    if (!reached.msw.length) throw new Error('./msw bundles no MSW module: the probe sees nothing');
  },
  async 'a host without msw installed gets demo data: ./fixtures, the memory adapter and the simulation'() {
    const bare = join(work, 'host-without-msw');
    installHost(bare, ['typescript']);
    if (existsSync(join(bare, 'node_modules/msw')))
      throw new Error('msw got installed: not a host without it');
    // Its declarations must not name msw either (skipLibCheck off): the host's build would fail on them.
    for (const [resolution, module] of [
      ['bundler', 'esnext'],
      ['node16', 'node16'],
    ])
      typeCheck(bare, resolution, module, 'demo-host.ts');
    const pages = join(bare, 'pages');
    mkdirSync(pages);
    cpSync(join(root, 'scripts/package-test/demo-host.ts'), join(pages, 'demo-host.ts'));
    // Nothing external: an import of msw anywhere it reaches would not resolve here.
    await build({
      absWorkingDir: bare,
      entryPoints: ['pages/demo-host.ts'],
      outfile: join(pages, 'demo-host.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'error',
    });
    // Text through shadow roots, and the first element of a tag under them: the cards render in shadow DOM.
    const helpers = `window.deepText = (n) => [...(n.shadowRoot?.childNodes ?? []), ...n.childNodes].map((c) => c.nodeType === 3 ? c.textContent : deepText(c)).join(' ');
window.deepFind = (n, tag) => { for (const c of [...(n.shadowRoot?.children ?? []), ...n.children]) { const hit = c.localName === tag ? c : deepFind(c, tag); if (hit) return hit; } };`;
    writeFileSync(
      join(pages, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${helpers}</script><script type="module" src="./demo-host.js"></script></head><body></body></html>`,
    );
    const server = await serveStatic(pages);
    const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
    const errors = [];
    try {
      const page = await browser.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/index.html`);
      // The fixture org's name and plan, rendered by the cards from the memory adapter.
      const ready = () => {
        const org = window.demo?.data.org_acme;
        if (!org) return false;
        const plan = window.deepFind(document.body, 'plan-card');
        const all = window.deepText(document.body);
        return all.includes(org.organization.name) && plan && window.deepText(plan).includes(org.plan.name);
      };
      await page.waitForFunction(ready, { timeout: 60_000 });
      const before = await page.evaluate(() => window.deepText(window.deepFind(document.body, 'plan-card')));
      // The simulation's credit step (every third event) changes the balance the plan card shows.
      await page.evaluate(() => (window.simulation = window.demo.simulate(20)));
      await page.waitForFunction(
        (was) => window.deepText(window.deepFind(document.body, 'plan-card')) !== was,
        {
          timeout: 60_000,
        },
        before,
      );
      await page.evaluate(() => window.simulation.stop());
    } catch (error) {
      // A page that failed to start only times out: its errors say why.
      errors.push(error.message);
    } finally {
      await browser.close();
      await server.close();
    }
    if (errors.length) throw new Error(errors.join('; '));
  },
};

/** Installs the tarball into a new project in `dir`, then links `links` from this repository's node_modules. */
function installHost(dir, links) {
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
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
    { cwd: dir, encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  for (const name of links) {
    const from = dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
    // A dependency may have brought it already (@lit/react's peer @types/react).
    if (existsSync(join(dir, 'node_modules', name))) continue;
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(from, join(dir, 'node_modules', name), 'dir');
  }
}

/** The JavaScript file an exports entry points at, or undefined for a types-only entry. */
function runtimeTarget(value) {
  return typeof value === 'string' ? value : value.default;
}

/** Type-checks `source` (a host file under scripts/package-test/) in a folder of the project `dir`. */
function typeCheck(dir, resolution, module, source = 'consumer.ts') {
  const folder = join(dir, `typecheck-${resolution}`);
  mkdirSync(folder, { recursive: true });
  cpSync(join(root, 'scripts/package-test', source), join(folder, source));
  writeFileSync(
    join(folder, 'tsconfig.json'),
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
      files: [source],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', folder], {
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
