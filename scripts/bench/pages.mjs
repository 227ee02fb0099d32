// The benchmark pages: bundled with esbuild into bench/out, each with an HTML page that loads it,
// and opened in headless Chromium with puppeteer-core.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from '../browsers.mjs';
import { serveStatic } from '../static-server.mjs';
import { COMPILE_HINT } from '../../rollup.config.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const out = join(root, 'bench/out');
export const chrome = requireBrowser('chromium');
export const quick = process.argv.includes('--quick');
mkdirSync(out, { recursive: true });

/** Where the pages built without the compile hint go (same names, their own chunks). */
export const WITHOUT_HINT = 'without-compile-hint';

/**
 * Bundles benchmark entries into `dir` (bench/out), each with the page that loads it (`<name>.html`).
 * `minify: false` keeps each module's `// src/…` banner, which the profile reads to charge time to modules.
 */
export async function bundle(names, { dir = out, minify = true, compileHint = true } = {}) {
  await build({
    ...buildOptions({ dir, minify, compileHint }),
    entryPoints: names.map((name) => join(root, `bench/src/${name}.ts`)),
  });
  for (const name of names) writeFileSync(join(dir, `${name}.html`), benchPage(name));
}

/** The first-render pages of the library and the hand-written dashboard, built without the compile hint. */
export async function bundleWithoutCompileHint() {
  await bundle(['first-render', 'first-render-handmade'], {
    dir: join(out, WITHOUT_HINT),
    compileHint: false,
  });
}

function buildOptions({ dir = out, minify = true, compileHint = true } = {}) {
  return {
    outdir: dir,
    // V8's compile hint, as README ("Performance") advises hosts and the bundle has it: on every output
    // file (esbuild's `banner`), the baselines' too; `bundleWithoutCompileHint` measures without it.
    ...(compileHint ? { banner: { js: COMPILE_HINT } } : {}),
    bundle: true,
    minify,
    format: 'esm',
    // Locale catalogs are loaded with import(): keep them as chunks of their own.
    splitting: true,
    target: 'es2022',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  };
}

/**
 * `first-render-one-task`: the library's first-render page with its card renders not sliced (the
 * slice budget of base/task-slices.ts made infinite, so every card waiting for its data renders in
 * the one task that drains them), measured beside the real page: what rendering in slices costs
 * the first render, and what it buys in long tasks. Bench only: the library has no such switch.
 */
export async function bundleRendersInOneTask() {
  const name = 'first-render-one-task';
  const slicesOff = {
    name: 'slices-off',
    setup(b) {
      b.onLoad({ filter: /base[/\\]task-slices\.ts$/ }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const changed = source.replace(/export const SLICE_MS = \d+;/, 'export const SLICE_MS = Infinity;');
        if (changed === source)
          throw new Error('task-slices.ts no longer declares SLICE_MS as the variant expects');
        return { contents: changed, loader: 'ts' };
      });
    },
  };
  await build({
    ...buildOptions(),
    entryPoints: { [name]: join(root, 'bench/src/first-render.ts') },
    plugins: [slicesOff],
  });
  writeFileSync(join(out, `${name}.html`), benchPage(name));
}

/**
 * The date every benchmark page believes it is when it opens; its clock runs on from there. The data
 * is generated for a fixed moment (bench/src/common.ts's NOW, 2026-11-20), and what a card shows
 * depends on how far the clock is from it: whether the billing period still runs, whether a
 * maintenance window is upcoming or over, how long ago an activity was. On the real clock the pages
 * changed with the day they ran, and the library stopped showing what the baselines show (they
 * render neither ended periods nor maintenance windows). This is the moment all runs up to
 * 2026-12-05 saw: the period running, the windows over.
 */
export const PAGE_DATE = '2026-12-03T12:00:00Z';

/**
 * Every benchmark's page is the same but for its name: an empty body that runs its bundle. A
 * classic script in the head sets the page's clock (PAGE_DATE) and records long tasks (over 50 ms)
 * from the very start of the page, so the module's own evaluation is seen too; both run on every
 * page, baselines included.
 */
function benchPage(name) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>bench: ${name}</title>
    <script>
      (() => {
        const RealDate = Date;
        const offset = RealDate.parse('${PAGE_DATE}') - RealDate.now();
        const now = () => RealDate.now() + offset;
        class PageDate extends RealDate {
          constructor(...args) {
            super(...(args.length ? args : [now()]));
          }
          static now() {
            return now();
          }
        }
        window.Date = PageDate;
      })();
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    </script>
  </head>
  <body>
    <script type="module" src="./${name}.js"></script>
  </body>
</html>
`;
}

/** Opens `path` (relative to the repository) in a fresh browser and runs `run(page, cdp?)`. */
export async function withPage(path, run, { args = [] } = {}) {
  const server = await serveStatic(root);
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [...CHROME_ARGS, ...args],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => console.error(`page error in ${path}: ${error.message}`));
    await page.goto(`${server.url}/${path}`);
    return await run(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Loads `path` `count` times, each in a fresh page of one browser, and returns what `run(page)`
 * gives for each load. `before(page)` runs before navigation (to start a profiler).
 */
export async function sampleLoads(path, count, run, { before } = {}) {
  const server = await serveStatic(root);
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  const samples = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('pageerror', (error) => console.error(`page error in ${path}: ${error.message}`));
      const state = before ? await before(page) : undefined;
      await page.goto(`${server.url}/${path}`);
      samples.push(await run(page, state));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return samples;
}

export const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
