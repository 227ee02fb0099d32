// `npm run bench`: builds the benchmark pages, runs them in headless Chromium (tachometer for the
// timed comparisons, puppeteer-core for long tasks, burst, scroll and memory), measures bundle
// sizes, and writes BENCHMARKS.md. Every figure is compared with a baseline measured in the same
// run. `--quick` takes fewer samples; `--report-only` rewrites BENCHMARKS.md from bench/out/results.json.
// `--only render,long-tasks,profile,code,updates,dom` runs just those parts (first render and updates
// through tachometer, long tasks, the per-card profile, the code each first render runs, the baselines'
// DOM against the library's) and
// writes their figures to `--out <file>` (default bench/out/partial.json), never BENCHMARKS.md: for
// checking a change against its baselines.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveMemory, memory } from './bench/memory.mjs';
import {
  bundle,
  bundleRendersInOneTask,
  bundleWithoutCompileHint,
  chrome,
  out,
  root,
  withPage,
} from './bench/pages.mjs';
import * as probes from './bench/probes.mjs';
import { writeReport } from './bench/report.mjs';
import { tachometer } from './bench/timed.mjs';
import { measureSizes } from './size.mjs';

const RENDER_PAGES = {
  'library, renders in one task': 'first-render-one-task.html',
  handmade: 'first-render-handmade.html',
  react: 'first-render-react.html',
  snapshot: 'first-render-vanilla.html',
};

/** The pages whose first render's code the code-run probe counts. */
const CODE_RUN_PAGES = {
  library: 'first-render.html',
  handmade: 'first-render-handmade.html',
  react: 'first-render-react.html',
};

/** The baselines' pages: built after the snapshot, whose answers and CSS they read. */
const BASELINE_PAGES = [
  'first-render-vanilla',
  'first-render-handmade',
  'first-render-handmade-warm',
  'first-render-react',
  'updates-vanilla',
];

/** The library's DOM, the answers it was rendered from and its CSS, for the baselines to build from. */
async function makeSnapshot() {
  const { tree, styles, answers } = await withPage('bench/out/snapshot.html', async (page) => {
    await page.waitForFunction(() => window.snapshot, { timeout: 30000 });
    return page.evaluate(() => window.snapshot);
  });
  writeFileSync(join(out, 'snapshot.json'), JSON.stringify(tree));
  writeFileSync(join(out, 'styles.json'), JSON.stringify(styles));
  writeFileSync(join(out, 'answers.json'), JSON.stringify(answers));
}

function versions() {
  const pkg = (name) =>
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    chrome: spawnSync(chrome, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    node: process.version,
    lit: pkg('lit'),
    react: pkg('react'),
    tachometer: pkg('tachometer'),
    esbuild: pkg('esbuild'),
  };
}

async function main() {
  const started = Date.now();
  console.log('> building benchmark pages');
  await bundle([
    'snapshot',
    'first-render',
    'first-render-warm',
    'updates',
    'burst',
    'memory',
    'memory-live',
    'log-scroll',
    'scale',
  ]);
  await bundleRendersInOneTask();
  await makeSnapshot();
  await bundle(BASELINE_PAGES);
  await bundleWithoutCompileHint();

  console.log('> same DOM? the baselines against the library');
  const dom = await probes.domCheck(RENDER_PAGES);
  console.log('> tachometer: first render, updates, 1/10/50 cards');
  const timed = tachometer();
  console.log('> same DOM after the updates? the baseline against the library');
  const updatesDom = await probes.updatesDomCheck();
  console.log('> long tasks during first render');
  const longTasks = await probes.longTasks({ library: 'first-render.html', ...RENDER_PAGES });
  console.log('> where the first render spends its time');
  const profile = await probes.profile();
  console.log('> code each first render runs');
  const codeRun = await probes.codeRun(CODE_RUN_PAGES);
  console.log('> one-time platform costs');
  const platform = await probes.platformCosts();
  console.log('> burst of 1,000 live events');
  const burst = await probes.burst();
  console.log('> <activity-log> over 100,000 entries, scrolled');
  const scroll = await probes.logScroll();
  console.log('> <activity-log> at 10,000, 100,000 and 1,000,000 entries');
  const logScaling = await probes.logScaling();
  console.log('> memory over mount/unmount cycles');
  const memoryResult = await memory();
  console.log('> memory of a dashboard left open under live events');
  memoryResult.live = await liveMemory();
  console.log('> bundle sizes');
  // The size entries import dist/: built now, so the sizes are this checkout's, never a stale build's.
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`the build for the size figures exited with ${built.status}`);
  const sizes = await measureSizes();
  const hostSizes = {
    react: await probes.brotliSize('bench/src/size-react.ts'),
    handmade: await probes.brotliSize('bench/src/size-handmade.ts'),
  };

  const results = {
    timed,
    dom,
    updatesDom,
    longTasks,
    profile,
    codeRun,
    platform,
    burst,
    scroll,
    logScaling,
    memory: memoryResult,
    sizes: { entries: sizes.entries, markdown: sizes.markdown },
    hostSizes,
    minutes: (Date.now() - started) / 60000,
    versions: versions(),
  };
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
  writeReport(results);
}

/** `--only`: the named parts into a JSON file of their own; BENCHMARKS.md is left alone. */
async function partial(parts) {
  const at = process.argv.indexOf('--out');
  const file = at > 0 ? process.argv[at + 1] : join(out, 'partial.json');
  await bundle(['snapshot', 'first-render', 'first-render-warm', 'updates']);
  await bundleRendersInOneTask();
  await makeSnapshot();
  await bundle(BASELINE_PAGES);
  await bundleWithoutCompileHint();
  const groups = [];
  if (parts.includes('render')) groups.push('render');
  if (parts.includes('updates')) groups.push('workspaces', 'activity');
  const results = { parts };
  if (groups.length) results.timed = tachometer({ groups });
  if (parts.includes('dom')) results.dom = await probes.domCheck(RENDER_PAGES);
  if (parts.includes('updates')) results.updatesDom = await probes.updatesDomCheck();
  if (parts.includes('long-tasks'))
    results.longTasks = await probes.longTasks({ library: 'first-render.html', ...RENDER_PAGES });
  if (parts.includes('profile')) results.profile = await probes.profile();
  if (parts.includes('code')) results.codeRun = await probes.codeRun(CODE_RUN_PAGES);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
}

const only = process.argv.indexOf('--only');
if (only > 0) await partial(process.argv[only + 1].split(','));
else if (process.argv.includes('--report-only'))
  writeReport(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
else await main();
