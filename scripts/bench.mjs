// `npm run bench`: builds the benchmark pages, runs them in headless Chromium
// (tachometer for the timed comparisons, puppeteer-core for burst, scroll and
// memory), measures bundle sizes, and writes BENCHMARKS.md. Every figure is
// compared with a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { serveStatic } from './static-server.mjs';
import { measureSizes } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench/out');
const chrome = requireBrowser('chromium');
const quick = process.argv.includes('--quick');
mkdirSync(out, { recursive: true });

/** Bundles benchmark entries into bench/out, each with the page that loads it (`bench/out/<name>.html`). */
async function bundle(names) {
  await build({
    entryPoints: names.map((name) => join(root, `bench/src/${name}.ts`)),
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    // Locale catalogs are loaded with import(): keep them as chunks of their own.
    splitting: true,
    target: 'es2022',
    conditions: ['browser', 'production'],
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  for (const name of names) writeFileSync(join(out, `${name}.html`), benchPage(name));
}

/** Every benchmark's page is the same but for its name: an empty body that runs its bundle. */
function benchPage(name) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>bench: ${name}</title>
  </head>
  <body>
    <script type="module" src="./${name}.js"></script>
  </body>
</html>
`;
}

async function withPage(path, run, { args = [] } = {}) {
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

async function makeSnapshot() {
  const tree = await withPage('bench/out/snapshot.html', async (page) => {
    await page.waitForFunction(() => window.snapshot, { timeout: 30000 });
    return page.evaluate(() => window.snapshot);
  });
  writeFileSync(join(out, 'snapshot.json'), JSON.stringify(tree));
}

function tachometer() {
  const browser = {
    name: 'chrome',
    headless: true,
    binary: chrome,
    addArguments: CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
  };
  const pair = (label, page, entryName) => [
    {
      name: `${label}: vanilla DOM (baseline)`,
      url: `${page}-vanilla.html${entryName.query}`,
      browser,
      measurement: [{ mode: 'performance', entryName: entryName.name }],
    },
    {
      name: `${label}: library`,
      url: `${page}.html${entryName.query}`,
      browser,
      measurement: [{ mode: 'performance', entryName: entryName.name }],
    },
  ];
  const config = {
    root,
    sampleSize: quick ? 10 : 40,
    timeout: 0,
    benchmarks: [
      ...pair('first render of the dashboard', 'first-render', { name: 'first-render', query: '' }),
      ...pair('100 workspaces snapshots', 'updates', {
        name: 'update-workspaces',
        query: '?case=workspaces',
      }),
      ...pair('100 new activities', 'updates', { name: 'update-activity', query: '?case=activity' }),
    ],
  };
  const configFile = join(out, 'tachometer.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const jsonFile = join(out, 'tachometer-results.json');
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tachometer/bin/tach.js'), '--config', configFile, '--json-file', jsonFile],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        CHROMEDRIVER_FILEPATH: process.env.CHROMEDRIVER_FILEPATH ?? '/usr/bin/chromedriver',
      },
    },
  );
  if (run.status !== 0) throw new Error(`tachometer exited with ${run.status}`);
  return JSON.parse(readFileSync(jsonFile, 'utf8'));
}

/** Baseline/library pairs as medians and the library's ratio to its baseline. */
function comparisons(results) {
  const rows = [];
  const benchmarks = results.benchmarks;
  for (let i = 0; i < benchmarks.length; i += 2) {
    const base = benchmarks[i];
    const lib = benchmarks[i + 1];
    const median = (b) => b.mean.low + (b.mean.high - b.mean.low) / 2;
    rows.push({
      name: base.name.replace(/: vanilla DOM \(baseline\)$/, ''),
      baselineMs: median(base),
      libraryMs: median(lib),
      ratio: median(lib) / median(base),
    });
  }
  return rows;
}

async function burst() {
  return withPage('bench/out/burst.html', async (page) => {
    await page.waitForFunction(() => window.benchDone, { timeout: 60000 });
    return page.evaluate(() => window.benchResult);
  });
}

async function logScroll() {
  const run = (query) =>
    withPage(`bench/out/log-scroll.html${query}`, async (page) => {
      await page.waitForFunction(() => window.benchDone, { timeout: 120000, polling: 500 });
      return page.evaluate(() => window.benchResult);
    });
  const ms = quick ? 3000 : 10000;
  return {
    baseline: await run(`?case=vanilla&ms=${ms}`),
    library: await run(`?ms=${ms}`),
    seconds: ms / 1000,
  };
}

/**
 * One-time costs of the platform in a fresh page (medians of 9 pages): the
 * first date formatted in a named time zone and the first localStorage read.
 * The dashboard pays both during its first render; the snapshot baseline,
 * which copies finished text, pays neither.
 */
async function platformCosts() {
  const samples = [];
  for (let i = 0; i < 9; i += 1) {
    samples.push(
      await withPage('bench/pages/platform.html', async (page) => {
        await page.waitForFunction(() => window.platform, { timeout: 30000 });
        return page.evaluate(() => window.platform);
      }),
    );
  }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  return {
    timeZoneMs: median(samples.map((s) => s.timeZoneMs)),
    localStorageMs: median(samples.map((s) => s.localStorageMs)),
  };
}

/** Heap objects by kind and constructor, from a heap snapshot: what grew between two points. */
async function heapCensus(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const census = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    const name = /string/.test(type) ? '' : strings[nodes[i + nameAt]].slice(0, 50);
    const key = `${type}: ${name}`;
    census.set(key, (census.get(key) ?? 0) + nodes[i + sizeAt]);
  }
  return census;
}

function biggestGrowth(before, after, count) {
  return [...after]
    .map(([key, bytes]) => ({ key, bytes: bytes - (before.get(key) ?? 0) }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/**
 * The heap over many cycles, read every `step` cycles. A leak grows with
 * every cycle for ever; the engine's warm-up (optimized code, Blink's style
 * caches) grows at first and levels off. So both are reported: the goal's
 * 1,000 cycles after a short warm-up, and 1,000 cycles once the heap has
 * levelled off, with a heap-snapshot census of what grew.
 */
async function memory() {
  const step = quick ? 100 : 250;
  const steps = 6;
  return withPage(
    'bench/out/memory.html',
    async (page) => {
      await page.waitForFunction(() => window.benchReady, { timeout: 30000 });
      const cdp = await page.createCDPSession();
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      // Warm-up: one-time costs (style sheets, Intl formatters, module state) are not leaks.
      await page.evaluate(() => window.run(20));
      const curve = [{ cycles: 0, bytes: await heap() }];
      const censusBefore = await heapCensus(cdp);
      let censusAfter;
      for (let i = 1; i <= steps; i += 1) {
        await page.evaluate((n) => window.run(n), step);
        curve.push({ cycles: i * step, bytes: await heap() });
        if (i * step === 4 * step) censusAfter = await heapCensus(cdp);
      }
      const at = (cycles) => curve.find((point) => point.cycles === cycles).bytes;
      const span = 4 * step;
      const leaks = await page.evaluate(() => window.leaks());
      return {
        cycles: span,
        step,
        curve,
        beforeBytes: at(0),
        afterBytes: at(span),
        ratio: at(span) / at(0),
        steadyFrom: 2 * step,
        steadyBeforeBytes: at(2 * step),
        steadyAfterBytes: at(6 * step),
        steadyRatio: at(6 * step) / at(2 * step),
        growth: biggestGrowth(censusBefore, censusAfter, 6),
        ...leaks,
      };
    },
    {},
  );
}

function fmt(n, digits = 2) {
  return Number(n).toFixed(digits);
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function versions() {
  const pkg = (name) =>
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  const chromeVersion = spawnSync(chrome, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    chrome: chromeVersion,
    node: process.version,
    lit: pkg('lit'),
    tachometer: pkg('tachometer'),
    esbuild: pkg('esbuild'),
  };
}

async function main() {
  console.log('> building benchmark pages');
  await bundle(['snapshot', 'first-render', 'updates', 'burst', 'memory', 'log-scroll']);
  await makeSnapshot();
  await bundle(['first-render-vanilla', 'updates-vanilla']);

  console.log('> tachometer: first render and updates against vanilla baselines');
  const timed = comparisons(tachometer());
  console.log('> one-time platform costs');
  const platform = await platformCosts();
  console.log('> burst of 1,000 live events');
  const burstResult = await burst();
  console.log('> <activity-log> over 100,000 entries, scrolled');
  const scroll = await logScroll();
  console.log('> memory over mount/unmount cycles');
  const memoryResult = await memory();
  console.log('> bundle sizes');
  const sizes = await measureSizes();

  const results = {
    timed,
    platform,
    burst: burstResult,
    scroll,
    memory: memoryResult,
    sizes: { entries: sizes.entries, markdown: sizes.markdown },
    versions: versions(),
  };
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
  writeReport(results);
}

/** BENCHMARKS.md from one run's results (`--report-only` rewrites it from bench/out/results.json). */
function writeReport({
  timed,
  platform,
  burst: burstResult,
  scroll,
  memory: memoryResult,
  sizes,
  versions: v,
}) {
  const lines = [];
  lines.push('# Benchmarks', '');
  lines.push(
    'Written by `npm run bench` (scripts/bench.mjs); do not edit by hand. Each figure is a ratio against a',
  );
  lines.push(
    'baseline measured in the same run on the same machine, because the machines are shared and noisy.',
    '',
  );
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB. `,
  );
  lines.push(
    `Browser: ${v.chrome}, headless. Node ${v.node}, Lit ${v.lit}, tachometer ${v.tachometer}, esbuild ${v.esbuild}.`,
    '',
  );
  lines.push('## 1–2. Rendering against a hand-built vanilla DOM', '');
  lines.push(
    'The baseline builds the very DOM the library rendered (shadow roots and adopted style sheets included)',
    'with the plain DOM API, from a snapshot taken in the same run. A first render ends, on both sides, with',
    'the page laid out (styles resolved, boxes placed): that is when it can be painted. For updates, one live',
    'event arrives per animation frame and the time from the event to the updated DOM is summed over 100',
    'rounds; the baseline makes the minimal DOM change by hand. Medians of tachometer samples.',
    '',
  );
  lines.push('| benchmark | baseline | library | ratio | goal |', '| --- | --- | --- | --- | --- |');
  for (const row of timed) {
    const goal = row.name.startsWith('first render') ? '≤ 1.3' : '—';
    lines.push(
      `| ${row.name} | ${fmt(row.baselineMs)} ms | ${fmt(row.libraryMs)} ms | ${fmt(row.ratio)} | ${goal} |`,
    );
  }
  lines.push(
    '',
    `One-time platform costs in a fresh page, inside the library's first render (medians of 9 pages): the first`,
    `date formatted in a named time zone ${fmt(platform.timeZoneMs, 1)} ms (the browser loads its time-zone data), the first`,
    `localStorage read ${fmt(platform.localStorageMs, 1)} ms. The baseline copies finished text and pays neither.`,
  );
  lines.push('', '## 3. Burst: 1,000 live events within one second', '');
  lines.push(
    `${burstResult.events} events (workspaces, activity, plan, billing) in ${burstResult.elapsedMs} ms, over about ${burstResult.frames} animation frames (renders happened in ${burstResult.framesWithRenders} of them).`,
    '',
  );
  lines.push('| card | renders | most renders in one frame (goal ≤ 1) |', '| --- | --- | --- |');
  for (const [name, card] of Object.entries(burstResult.cards))
    lines.push(`| ${name} | ${card.renders} | ${card.maxPerFrame} |`);
  lines.push(
    '',
    `Long tasks (over 50 ms): ${burstResult.longTasks}; longest: ${burstResult.longestTaskMs} ms (goal: none).`,
    '',
  );
  lines.push('## 4. `<activity-log>` over 100,000 entries', '');
  lines.push(
    `A scripted scroll of ${scroll.seconds} s (60 px per frame). Baseline: the same scroll over a plain list of 100 rows.`,
    '',
  );
  lines.push(
    '| | frames | p95 frame time (goal ≤ 16.7 ms) | longest frame (goal ≤ 50 ms) | frames over 50 ms | most rows in the DOM (goal ≤ 100) | deepest row reached |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [label, r] of [
    ['baseline: plain list', scroll.baseline],
    ['<activity-log>', scroll.library],
  ]) {
    lines.push(
      `| ${label} | ${r.frames} | ${fmt(r.p95Ms, 1)} ms | ${fmt(r.maxFrameMs, 1)} ms | ${r.over50} | ${r.maxRows} | ${r.reached} |`,
    );
  }
  lines.push('', `p95 ratio to the baseline: ${fmt(scroll.library.p95Ms / scroll.baseline.p95Ms)}.`, '');
  lines.push('## 5. Memory: mount and unmount cycles of the whole dashboard', '');
  lines.push(
    `After a warm-up of 20 cycles, the heap after forced garbage collection every ${memoryResult.step} cycles:`,
    '',
    `| cycles | ${memoryResult.curve.map((p) => p.cycles).join(' | ')} |`,
    `| --- | ${memoryResult.curve.map(() => '---').join(' | ')} |`,
    `| heap | ${memoryResult.curve.map((p) => kb(p.bytes)).join(' | ')} |`,
    '',
  );
  lines.push(
    '| span | heap before | heap after | ratio (goal ≤ 1.05) |',
    '| --- | --- | --- | --- |',
    `| cycles 0 → ${memoryResult.cycles} | ${kb(memoryResult.beforeBytes)} | ${kb(memoryResult.afterBytes)} | ${fmt(memoryResult.ratio, 3)} |`,
    `| cycles ${memoryResult.steadyFrom} → ${memoryResult.steadyFrom + memoryResult.cycles} | ${kb(memoryResult.steadyBeforeBytes)} | ${kb(memoryResult.steadyAfterBytes)} | ${fmt(memoryResult.steadyRatio, 3)} |`,
    '',
    `Open live subscriptions after the cycles: ${memoryResult.subscriptions}; open intervals: ${memoryResult.openIntervals} (of ${memoryResult.intervalsCreated} created).`,
    '',
    `What grew over cycles 0 → ${memoryResult.cycles}, by heap snapshot (kind: constructor, bytes):`,
    '',
    ...memoryResult.growth.map((row) => `- ${row.key.replace(/\s+$/, '')}: +${kb(row.bytes)}`),
    '',
  );
  lines.push('## 6. Size', '');
  lines.push(sizes.markdown, '');
  const first = timed.find((row) => row.name.startsWith('first render'));
  const dashboardSize = sizes.entries.find((e) => e.name.startsWith('<org-dashboard>'));
  const sharedSize = sizes.entries.find((e) => e.name.startsWith('shared:'));
  const cardCosts = sizes.entries.filter((e) => e.own !== undefined).map((e) => e.own);
  lines.push('## Where the goals are missed, and why', '');
  lines.push(
    `- **First render (goal ≤ 1.3× vanilla): ${fmt(first.ratio)}×.** The library's figure is the whole data path: the`,
    "  adapter's answers (copied, as a network would), validation of every response, access checks, `Intl`",
    '  formatting, string catalogs and Lit preparing each template once; the baseline copies finished text.',
    `  The platform's one-time costs above are ${fmt(platform.timeZoneMs + platform.localStorageMs, 1)} ms of the library's ${fmt(first.libraryMs, 1)} ms. Done about it:`,
    '  locale and time-zone resolution is memoized (every card built a `DateTimeFormat` on every render,',
    '  about 17 ms of the first render), a store change that leaves a card loading no longer renders it (the',
    "  data's own render then waited for the next frame), and the feed no longer reads its skeleton's scroll",
    '  position (a forced layout mid-render). Formatters, validated objects and requests are shared. Until',
    '  this version the benchmark stopped the baseline before layout and the library after some of it: 16×',
    '  then. Over a network the time-zone cost overlaps the wait: the loading render already resolves the',
    '  time zone; the memory adapter here answers at once. Next: render the below-the-fold cards in idle',
    '  time.',
  );
  lines.push(
    '- **Updates.** One event per frame, as a live connection delivers them; the library re-renders the',
    "  card's template (cheap, Lit diffs it), the baseline touches only the changed nodes.",
  );
  lines.push(
    `- **Memory (goal ≤ 1.05): ${fmt(memoryResult.ratio, 3)} over the first ${memoryResult.cycles} cycles, ${fmt(memoryResult.steadyRatio, 3)} over the next ${memoryResult.cycles} from`,
    `  cycle ${memoryResult.steadyFrom}.** No live subscription or interval is left open. The heap rises over the first few`,
    '  hundred cycles and then stays level: that is the engine warming up (optimized code, Blink style and',
    '  media-query caches: see the census above), not objects of ours; a leak would keep growing with',
    '  every cycle.',
  );
  lines.push(
    `- **Size (goals 20 kB for the dashboard, 2 kB per card): ${kb(dashboardSize.size)}, cards ${kb(Math.min(...cardCosts))}–${kb(Math.max(...cardCosts))}.** Lit with`,
    `  @lit/context is about 8 kB brotli of the shared ${kb(sharedSize.size)} (with the store, the REST adapter with retries,`,
    "  token refresh and the live stream, validation, i18n and live announcements). A card's own cost is its",
    '  templates, its styles (light and dark, forced colors, reduced motion), its English strings and its',
    '  behaviour: charts with keyboard-reachable values, plurals, tooltips, disclosure and dismissals.',
    '  Done about it: sizes count what loads before first render (locales and the activity log are separate',
    '  files, loaded when used, which CI checks); valibot and eventsource-parser were replaced by a small',
    '  schema kit and event-stream parser of our own (2.5 kB); the exact-time tooltip is one shared module;',
    '  the CSS in `css` literals is minified in `dist/`; CI holds every entry under a ceiling 3% above',
    "  today's size. Next: shorter names for private members (TypeScript's `private` keeps them in the",
    '  minified output), and chart code shared by the workspace and billing cards.',
    '',
  );
  writeFileSync(join(root, 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
  console.log('wrote BENCHMARKS.md');
}

if (process.argv.includes('--report-only'))
  writeReport(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
else await main();
