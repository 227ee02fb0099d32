/* global window */
// `node scripts/bench/cpu-profile.mjs [page] [--query ?a=b] [--go] [--loads N] [--json file]`: a Chromium CPU profile
// (CDP Profiler, started before navigation, so module evaluation is included) of a benchmark
// page built unminified, with each sample's self time charged to the module its function sits
// in (esbuild's `// src/…` and `// node_modules/…` banners) and to the function itself. Also
// splits the load into module evaluation (until the page's first statement after its imports,
// `first-render`'s start) and the first render, and lists the main thread's long tasks.
// For finding where time goes, not for the report's timed figures (the profiler slows pages).
// `--interval µs` sets the sampling interval (100). `--tasks` (with `--query ?marker` on first-render) also lists each long task with the functions its time
// went through (inclusive, each sample once per function).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, median, out, sampleLoads } from './pages.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const page = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'first-render';
const loads = Number(option('--loads', 3));
const query = option('--query', '');
const go = args.includes('--go');
const tasks = args.includes('--tasks');
const dir = join(out, 'cpu');

/** Line number (1-based) → module, from the bundle's banners. */
function moduleMap(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const starts = [];
  lines.forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules|bench)\/\S+)$/.exec(line);
    if (m) starts.push([i + 1, m[1].replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*/, 'node_modules/$1')]);
  });
  return (line) => {
    let found = '(bundle prelude)';
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

function attribute(profile, moduleOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // timeDeltas[i] is the time before sample i: charge it to that sample's node.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const modules = new Map();
  const functions = new Map();
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    const { url, functionName, lineNumber } = callFrame;
    let module;
    if (url.endsWith(`/${page}.js`) || url.includes('/cpu/chunk-')) module = moduleOf(url, lineNumber + 1);
    else if (!url) module = `(${functionName || 'native'})`;
    else module = url.replace(/^.*\/cpu\//, 'cpu/');
    modules.set(module, (modules.get(module) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { modules, functions, byId };
}

/**
 * What ran in each of the page's long tasks: the page marks its clock in `benchProfileMarker` (`?marker`),
 * which gives the profile's clock at that moment; each Long Tasks API entry is then a window of samples,
 * listed with the inclusive time of the functions in it (each sample once per function).
 */
function taskWindows(profile, byId, moduleOf, markerAt, longTasks) {
  const name = (node) => {
    const { url, functionName, lineNumber } = node.callFrame;
    const where =
      url.endsWith(`/${page}.js`) || url.includes('/cpu/chunk-') ? moduleOf(url, lineNumber + 1) : url;
    return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  };
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i] ?? 0) / 1000);
  const markerIndex = profile.samples.findIndex((id) => {
    for (let node = id; node !== undefined; node = parent.get(node))
      if (byId.get(node).callFrame.functionName.includes('benchProfileMarker')) return true;
    return false;
  });
  if (markerIndex < 0 || markerAt === undefined) return [];
  const offset = times[markerIndex] - markerAt;
  return longTasks.map(([start, ms]) => {
    const inclusive = new Map();
    for (let i = 0; i < times.length; i++) {
      const at = times[i] - offset;
      if (at < start || at > start + ms) continue;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const seen = new Set();
      for (let node = profile.samples[i]; node !== undefined; node = parent.get(node)) {
        const key = name(byId.get(node));
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      }
    }
    return {
      start,
      ms,
      top: [...inclusive]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 45)
        .map(([k, v]) => [k, Math.round(v * 10) / 10]),
    };
  });
}

const sumInto = (target, source) => {
  for (const [k, v] of source) target.set(k, [...(target.get(k) ?? []), v]);
};

await bundle([page], { dir, minify: false });
const maps = new Map();
const moduleOf = (url, line) => {
  const file = join(dir, url.replace(/^.*\/cpu\//, ''));
  if (!maps.has(file)) maps.set(file, moduleMap(file));
  return maps.get(file)(line);
};

const samples = await sampleLoads(
  `bench/out/cpu/${page}.html${query}`,
  loads,
  async (p, cdp) => {
    if (go) {
      // The page waits (its `?profile`) until the profiler starts: only what follows is profiled.
      await p.waitForFunction(() => window.benchGo, { timeout: 120000, polling: 100 });
      await cdp.send('Profiler.start');
      await p.evaluate(() => window.benchGo());
    }
    await p.waitForFunction(() => window.benchDone, { timeout: 120000, polling: 100 });
    const { profile } = await cdp.send('Profiler.stop');
    const timing = await p.evaluate(() => {
      const end = performance.getEntriesByName('first-render')[0];
      return {
        renderStart: end?.startTime,
        renderMs: end?.duration,
        longTasks: window.benchLongTasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
      };
    });
    const { modules, functions, byId } = attribute(profile, moduleOf);
    if (tasks) {
      const markerAt = await p.evaluate(() => window.benchMarkerAt);
      for (const task of taskWindows(profile, byId, moduleOf, markerAt, timing.longTasks)) {
        console.log(
          `== long task at ${task.start} ms (render from ${Math.round(timing.renderStart)}): ${task.ms} ms`,
        );
        for (const [fn, ms] of task.top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn}`);
      }
    }
    return { modules, functions, timing };
  },
  {
    before: async (p) => {
      const cdp = await p.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(option('--interval', 100)) });
      if (!go) await cdp.send('Profiler.start');
      return cdp;
    },
  },
);

const modules = new Map();
const functions = new Map();
for (const s of samples) {
  sumInto(modules, s.modules);
  sumInto(functions, s.functions);
}
const med = (values) => median([...values, ...Array(samples.length - values.length).fill(0)]);
const top = (map, n) =>
  [...map]
    .map(([k, v]) => [k, med(v)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
const report = {
  page,
  loads,
  timing: samples.map((s) => s.timing),
  modules: top(modules, 40),
  functions: top(functions, 40),
};
for (const [name, ms] of report.modules) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
console.log('---');
for (const [name, ms] of report.functions) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
console.log(JSON.stringify(report.timing));
const json = option('--json');
if (json) writeFileSync(json, JSON.stringify(report, null, 2));
