// The timed comparisons, all in one tachometer run so every ratio compares pages measured side
// by side on the same machine at the same time: first render (the library, the snapshot copy,
// the hand-written dashboard and the React app), live updates against the minimal DOM change,
// and first render of 1, 10 and 50 cards.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_ARGS } from '../browsers.mjs';
import { chrome, out, quick, root, WITHOUT_HINT } from './pages.mjs';

export const SCALE = [1, 10, 50];

/** [key, label, page, performance entry] of every tachometer benchmark. */
const BENCHMARKS = [
  ['render:snapshot', 'first render: snapshot copy', 'first-render-vanilla.html', 'first-render'],
  ['render:handmade', 'first render: hand-written', 'first-render-handmade.html', 'first-render'],
  ['render:react', 'first render: React 19', 'first-render-react.html', 'first-render'],
  ['render:library', 'first render: library', 'first-render.html', 'first-render'],
  [
    'render:one-task',
    'first render: library, renders in one task',
    'first-render-one-task.html',
    'first-render',
  ],
  [
    'render:library-without-hint',
    'first render: library, without the compile hint',
    `${WITHOUT_HINT}/first-render.html`,
    'first-render',
  ],
  [
    'render:handmade-without-hint',
    'first render: hand-written, without the compile hint',
    `${WITHOUT_HINT}/first-render-handmade.html`,
    'first-render',
  ],
  ['render:library-warm', 'second render: library', 'first-render-warm.html', 'first-render'],
  ['render:handmade-warm', 'second render: hand-written', 'first-render-handmade-warm.html', 'first-render'],
  [
    'workspaces:baseline',
    'workspaces: minimal change',
    'updates-vanilla.html?case=workspaces',
    'update-workspaces',
  ],
  ['workspaces:library', 'workspaces: library', 'updates.html?case=workspaces', 'update-workspaces'],
  ['activity:baseline', 'activity: minimal change', 'updates-vanilla.html?case=activity', 'update-activity'],
  ['activity:library', 'activity: library', 'updates.html?case=activity', 'update-activity'],
  [
    'activity:unchanged',
    'activity: an update that changes nothing',
    'updates.html?case=unchanged',
    'update-unchanged',
  ],
  ...SCALE.map((n) => [`scale:${n}`, `${n} plan cards`, `scale.html?n=${n}`, 'scale']),
];

/** All benchmarks, or those whose key starts with one of `groups` (`render`, `activity`...). */
export function tachometer({ groups } = {}) {
  const chosen = groups ? BENCHMARKS.filter(([key]) => groups.includes(key.split(':')[0])) : BENCHMARKS;
  const browser = {
    name: 'chrome',
    headless: true,
    binary: chrome,
    addArguments: CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
  };
  const config = {
    root,
    sampleSize: quick ? 8 : 20,
    timeout: 0,
    benchmarks: chosen.map(([, label, page, entryName]) => ({
      name: label,
      // Relative to the config file, which is in bench/out.
      url: page,
      browser,
      measurement: [{ mode: 'performance', entryName }],
    })),
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
  const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
  // The middle of tachometer's 95% interval of the mean, per benchmark key.
  const ms = {};
  results.benchmarks.forEach((b, i) => (ms[chosen[i][0]] = b.mean.low + (b.mean.high - b.mean.low) / 2));
  return ms;
}
