/* global window */
// Page probes run with puppeteer-core: long tasks during first render, where the library's first
// render spends its time, whether the hand-written dashboards built the library's DOM, the burst,
// the activity log's scroll and its scaling, and the one-time platform costs.
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { median, out, quick, root, sampleLoads, withPage } from './pages.mjs';

const done = (page, timeout = 60000) =>
  page.waitForFunction(() => window.benchDone, { timeout, polling: 100 });

/**
 * Long tasks per load, split at the first render's start: the pages evaluate their modules (parse the
 * bundle, define the elements) in one task and start the render in the next, so `module` is the task
 * that loads the code and `render` the tasks that run between the render's start and its end (the goal's).
 */
export async function longTasks(pages) {
  const result = {};
  for (const [key, page] of Object.entries(pages)) {
    const loads = await sampleLoads(`bench/out/${page}`, quick ? 2 : 5, async (p) => {
      await done(p);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return p.evaluate(() => {
        const end = performance.getEntriesByName('first-render')[0];
        const until = end.startTime + end.duration;
        // The render's first task starts a moment before its clock does: a task counts as the render's
        // when it ends after the render started.
        const before = window.benchLongTasks.filter((t) => t.start + t.duration <= end.startTime);
        const tasks = window.benchLongTasks.filter(
          (t) => t.start + t.duration > end.startTime && t.start < until,
        );
        return {
          count: tasks.length,
          longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
          moduleMs: Math.max(0, ...before.map((t) => t.duration)),
        };
      });
    });
    result[key] = {
      loads: loads.length,
      maxCount: Math.max(...loads.map((l) => l.count)),
      medianLongestMs: median(loads.map((l) => l.longestMs)),
      longestMs: Math.max(...loads.map((l) => l.longestMs)),
      medianModuleMs: median(loads.map((l) => l.moduleMs)),
    };
  }
  return result;
}

/** Each card's render time inside the library's first render, and the final layout (medians of loads). */
export async function profile() {
  const loads = await sampleLoads('bench/out/first-render.html?profile', quick ? 2 : 5, async (p) => {
    await p.waitForFunction(() => window.benchGo, { timeout: 30000 });
    await p.evaluate(() => window.benchGo());
    await done(p);
    return p.evaluate(() => ({
      totalMs: performance.getEntriesByName('first-render')[0].duration,
      layoutMs: window.benchLayoutMs,
      cards: window.benchCards,
    }));
  });
  const cards = {};
  for (const tag of Object.keys(loads[0].cards))
    cards[tag] = {
      renders: loads[0].cards[tag].renders,
      ms: median(loads.map((l) => l.cards[tag].ms)),
    };
  return {
    totalMs: median(loads.map((l) => l.totalMs)),
    layoutMs: median(loads.map((l) => l.layoutMs)),
    cards,
  };
}

/**
 * How much of each page's own minified code its first render runs, from its clock's start to its end:
 * the bytes of the functions (and of their blocks) that V8's block coverage saw run, in the page's
 * bundle and chunks, top-level code apart (defining classes and constants, before the clock). The
 * counters are reset when the page is about to start its clock (`benchRenderStarts`, which
 * `modulesEvaluated` awaits), so making the data before it is left out. Code that runs for the first
 * time is slow (interpreted, without type feedback), so this is what a first render pays for and a
 * second does not.
 */
export async function codeRun(pages) {
  const result = {};
  for (const [key, page] of Object.entries(pages)) {
    const [bytes] = await sampleLoads(
      `bench/out/${page}`,
      1,
      async (p, cdp) => {
        await done(p);
        const { result: scripts } = await cdp.send('Profiler.takePreciseCoverage');
        const { scriptSources } = cdp;
        let ran = 0;
        for (const { scriptId, url, functions } of scripts) {
          if (!url.includes('/bench/out/')) continue;
          const length = scriptSources.get(scriptId) ?? 0;
          // Each byte belongs to the innermost range around it: ranges are laid down outermost first
          // (by start, the longer first), whichever function lists them.
          const ranges = functions.flatMap((fn, index) => fn.ranges.map((range) => ({ ...range, index })));
          ranges.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
          const owner = new Int32Array(length).fill(-1);
          const count = new Uint8Array(length);
          for (const r of ranges) {
            owner.fill(r.index, r.startOffset, r.endOffset);
            count.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
          }
          const topLevel = functions.findIndex((fn) => fn.ranges[0]?.startOffset === 0);
          for (let i = 0; i < length; i += 1) if (count[i] && owner[i] !== topLevel) ran += 1;
        }
        return ran;
      },
      {
        before: async (p) => {
          const cdp = await p.createCDPSession();
          cdp.scriptSources = new Map();
          cdp.on('Debugger.scriptParsed', (e) => cdp.scriptSources.set(e.scriptId, e.length));
          await cdp.send('Debugger.enable');
          await cdp.send('Profiler.enable');
          // Counts, not binary coverage: after a reset, binary coverage leaves out a function that had
          // run before it (checked 2026-12-06: 372 functions against 661 counted).
          await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
          await p.exposeFunction('benchRenderStarts', async () => {
            await cdp.send('Profiler.takePreciseCoverage');
          });
          return cdp;
        },
      },
    );
    result[key] = bytes;
  }
  return result;
}

function countNodes(node) {
  if (typeof node === 'string') return 1;
  return (
    1 +
    node.c.reduce((n, c) => n + countNodes(c), 0) +
    (node.s ? node.s.c.reduce((n, c) => n + countNodes(c), 0) : 0)
  );
}

/** Nodes that differ from the library's DOM: tag, attributes (as a set), text, or children count. */
function differences(a, b, found = []) {
  if (typeof a === 'string' || typeof b === 'string') {
    if (a !== b) found.push(`text ${JSON.stringify(a).slice(0, 60)} ≠ ${JSON.stringify(b).slice(0, 60)}`);
    return found;
  }
  const attrs = (n) => JSON.stringify([...n.a].sort(([x], [y]) => (x < y ? -1 : 1)));
  if (a.t !== b.t || attrs(a) !== attrs(b)) found.push(`<${a.t}> attributes`);
  if (Boolean(a.s) !== Boolean(b.s)) found.push(`<${a.t}> shadow root`);
  // Whitespace-only text (indentation in Lit's templates) shows nothing and is left out.
  const shown = (nodes) => nodes.filter((n) => typeof n !== 'string' || n.trim());
  const pairs = (all, other) => {
    const [x, y] = [shown(all), shown(other)];
    if (x.length !== y.length) found.push(`<${a.t}> ${x.length} ≠ ${y.length} children`);
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) differences(x[i], y[i], found);
  };
  if (a.s && b.s) pairs(a.s.c, b.s.c);
  pairs(a.c, b.c);
  return found;
}

/**
 * The tree with each tooltip id (`exact-time-<n>`) renamed by the order it first appears in: which
 * number a row's tooltip has is each side's own choice (the feed keeps a row's number when a live
 * entry takes the row over; the baseline counts on), what must match is which time points at which
 * tooltip, and a reference to another row's tooltip still differs.
 */
function tooltipIdsInOrder(tree, names = new Map()) {
  if (typeof tree === 'string') return tree;
  const rename = (value) => {
    if (!/^exact-time-\d+$/.test(value)) return value;
    if (!names.has(value)) names.set(value, `exact-time-#${names.size}`);
    return names.get(value);
  };
  return {
    ...tree,
    a: tree.a.map(([name, value]) => [name, rename(value)]),
    c: tree.c.map((child) => tooltipIdsInOrder(child, names)),
    ...(tree.s && { s: { ...tree.s, c: tree.s.c.map((child) => tooltipIdsInOrder(child, names)) } }),
  };
}

/** What a benchmark page exposes as its DOM (`exposeDom`) once it has it. */
const readDom = (page) =>
  withPage(`bench/out/${page}`, async (p) => {
    await p.waitForFunction(() => window.benchDom, { timeout: 120000, polling: 100 });
    return p.evaluate(() => window.benchDom());
  });

/** How far each page's DOM is from the library's first render. */
export async function domCheck(pages) {
  const library = await readDom('first-render.html');
  const result = { nodes: countNodes(library) };
  for (const [key, page] of Object.entries(pages)) {
    const diff = differences(library, await readDom(page));
    result[key] = { count: diff.length, examples: diff.slice(0, 4) };
  }
  return result;
}

/**
 * After the updates benchmark's 100 rounds, how far the baseline's changed card is from the
 * library's (its body: the live region's announcements are the library's own), per case.
 */
export async function updatesDomCheck(cases = ['workspaces', 'activity']) {
  const result = {};
  for (const which of cases) {
    const library = await readDom(`updates.html?case=${which}`);
    const diff = differences(
      tooltipIdsInOrder(library),
      tooltipIdsInOrder(await readDom(`updates-vanilla.html?case=${which}`)),
    );
    result[which] = { nodes: countNodes(library), count: diff.length, examples: diff.slice(0, 4) };
  }
  return result;
}

/** Brotli (quality 11) of an esbuild-minified entry, as a host would ship it. */
export async function brotliSize(entry) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const code = result.outputFiles[0].contents;
  return brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

export async function burst() {
  return withPage('bench/out/burst.html', async (page) => {
    await page.waitForFunction(() => window.benchDone, { timeout: 60000 });
    return page.evaluate(() => window.benchResult);
  });
}

const logRun = (query, timeout = 240000) =>
  withPage(`bench/out/log-scroll.html${query}`, async (page) => {
    await page.waitForFunction(() => window.benchDone, { timeout, polling: 500 });
    return page.evaluate(() => window.benchResult);
  });

export async function logScroll() {
  const ms = quick ? 3000 : 10000;
  return {
    baseline: await logRun(`?case=vanilla&ms=${ms}`),
    library: await logRun(`?ms=${ms}`),
    seconds: ms / 1000,
  };
}

/** The activity log at 10k, 100k and 1M entries: time to first render and a 3 s scroll. */
export async function logScaling() {
  const rows = [];
  for (const entries of [10_000, 100_000, 1_000_000]) rows.push(await logRun(`?entries=${entries}&ms=3000`));
  return rows;
}

/**
 * One-time costs of the platform in a fresh page (medians of 9 pages): the first date formatted
 * in a named time zone and the first localStorage read.
 */
export async function platformCosts() {
  const samples = await sampleLoads('bench/pages/platform.html', 9, async (page) => {
    await page.waitForFunction(() => window.platform, { timeout: 30000 });
    return page.evaluate(() => window.platform);
  });
  return {
    timeZoneMs: median(samples.map((s) => s.timeZoneMs)),
    localStorageMs: median(samples.map((s) => s.localStorageMs)),
  };
}

export { out };
