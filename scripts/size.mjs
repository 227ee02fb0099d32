// Bundle sizes with size-limit (esbuild, minified, brotli), against the goals
// of issue 7 and the ceilings in .size-limit.mjs (which CI enforces: a change
// that grows a bundle past its ceiling fails). A card's own cost is its entry
// minus the shared entry.
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kb } from './bench/figures.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Issue #15: `<org-dashboard>` with the REST adapter, foresight features in, before any interaction. */
const GOAL_DASHBOARD = 26_000;
const GOAL_CARD = 2_000;

/** How far over a goal: in bytes while under 0.1 kB, which one decimal would show as 0.0 kB. */
const over = (bytes) => (bytes < 100 ? `${bytes} B` : kb(bytes));

export async function measureSizes() {
  const run = spawnSync(process.execPath, [`${root}node_modules/size-limit/bin.js`, '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const start = run.stdout.indexOf('[');
  if (start < 0) throw new Error(`size-limit failed:\n${run.stdout}\n${run.stderr}`);
  const results = JSON.parse(run.stdout.slice(start));
  const config = (await import(`${root}.size-limit.mjs`)).default;
  const shared = results.find((r) => r.name.startsWith('shared:'));
  const entries = results.map((result, i) => {
    const isCard = result.name.startsWith('shared + ');
    const own = isCard && shared ? result.size - shared.size : undefined;
    const goal = result.name.startsWith('<org-dashboard>') ? GOAL_DASHBOARD : isCard ? GOAL_CARD : undefined;
    const measured = own ?? result.size;
    return {
      ...result,
      path: config[i].path,
      own,
      goal,
      meetsGoal: goal === undefined ? undefined : measured <= goal,
    };
  });
  // The dashboard's goal counts what loads before any interaction: its first load and the live hub.
  // The plan card's writes load when the pointer or focus comes to (+) or Change: reported apart.
  const { hub, writes } = await afterFirstRenderBytes();
  const dashboard = entries.find((e) => e.goal === GOAL_DASHBOARD);
  if (dashboard) {
    dashboard.liveHub = hub;
    dashboard.writes = writes;
    dashboard.meetsGoal = dashboard.size + hub <= GOAL_DASHBOARD;
  }
  const rows = entries.map((e) => {
    const goal = e.goal === undefined ? '—' : `${kb(e.goal)}${e.own === undefined ? '' : ' own'}`;
    const measured = (e.own ?? e.size) + (e === dashboard ? hub : 0);
    const verdict =
      e.meetsGoal === undefined ? '' : e.meetsGoal ? 'met' : `missed by ${over(measured - e.goal)}`;
    const withHub = e === dashboard ? ` (${kb(measured)} with the live stream's code)` : '';
    return `| ${e.name} | ${kb(e.size)} | ${e.own === undefined ? '—' : kb(e.own)} | ${goal} ${verdict}${withHub} | ${kb(e.sizeLimit)} |`;
  });
  const markdown = [
    'Bundled and minified with esbuild, brotli-compressed, by size-limit (`.size-limit.mjs`; entries in `bench/size/`).',
    '',
    '| entry | size | own cost | goal | CI ceiling |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Each size is what the page loads before its first render. The dashboard's page also loads, after its first`,
    `render and before any interaction, the live hub (one stream per \`baseUrl\`, the leader tab): ${kb(hub)} more`,
    `(its chunks, each compressed alone), ${dashboard ? kb(dashboard.size + hub) : '?'} in all before any interaction. The plan card's writes`,
    `(the purchase dialog and the alert form, ${kb(writes)} more) load when the viewer's pointer or focus comes to`,
    '(+) or Change, so the press that follows is answered at once; until 2026-12-06 they were fetched in idle',
    'time for every viewer who may buy, which this figure did not count.',
  ].join('\n');
  return { entries, markdown, passed: run.status === 0 && results.every((r) => r.passed !== false) };
}

/**
 * What must stay out of the dashboard's bundle, loaded only when used: the
 * activity log and its virtualizer, every locale but English, and the plan
 * card's writes (its purchase dialog and alert form, their texts, the live hub
 * and the REST adapter's writes).
 */
export async function checkLazyParts() {
  const { outputs, entryOf, staticallyFrom } = await dashboardChunks();
  // What the page loads before any interaction: the entry's file and every chunk it imports
  // statically, transitively (each dynamic import's own file is an entry point too, so the entry
  // is found by name).
  const eager = staticallyFrom(entryOf('bench/size/dashboard.js'));
  const inputs = [...eager].flatMap((file) => Object.keys(outputs[file].inputs));
  const lazy =
    /virtualizer|activity-log|\/locales\/|plan-writes\.js|purchase-|threshold-form|live-hubs?\.js|rest-writes/;
  const leaks = inputs.filter((input) => lazy.test(input));
  return { leaks };
}

/**
 * The bytes the dashboard loads after its first render (brotli 11, each chunk alone), beyond what
 * its first load holds: the live hub's chunks, loaded by the first live subscription after the first
 * answers with no interaction, and the plan card's writes (`plan-writes.js`), loaded when the viewer
 * comes to (+) or Change, without the chunks the hub already brought.
 */
async function afterFirstRenderBytes() {
  const { entryOf, staticallyFrom, contents } = await dashboardChunks();
  const loaded = staticallyFrom(entryOf('bench/size/dashboard.js'));
  const bytesOf = (entry) => {
    let bytes = 0;
    for (const file of staticallyFrom(entryOf(entry))) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      bytes += brotliCompressSync(contents.get(file), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
    }
    return bytes;
  };
  const hub = bytesOf('dist/adapters/live-hubs.js');
  return { hub, writes: bytesOf('dist/elements/plan-card/plan-writes.js') };
}

let chunks;

/**
 * The dashboard entry built as a host's bundler splits it (minified, each dynamic import a chunk of
 * its own), once per run: its outputs, the output of an input that is an entry point, the files one
 * output imports statically (itself included, transitively), and each output's code.
 */
function dashboardChunks() {
  chunks ??= build({
    absWorkingDir: root,
    entryPoints: ['bench/size/dashboard.js'],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    splitting: true,
    outdir: 'bench/out/split-check',
    metafile: true,
    logLevel: 'silent',
  }).then((result) => {
    const { outputs } = result.metafile;
    const staticallyFrom = (file, seen = new Set()) => {
      if (seen.has(file) || !outputs[file]) return seen;
      seen.add(file);
      for (const { path, kind } of outputs[file].imports)
        if (kind === 'import-statement') staticallyFrom(path, seen);
      return seen;
    };
    return {
      outputs,
      entryOf: (input) => Object.keys(outputs).find((file) => outputs[file].entryPoint === input),
      staticallyFrom,
      contents: new Map(result.outputFiles.map((file) => [relative(root, file.path), file.contents])),
    };
  });
  return chunks;
}

const CARD_ENTRIES = [
  'org-info-card',
  'workspace-stats-card',
  'billing-card',
  'plan-card',
  'activity-feed',
  'announcements-panel',
];

/** The modules an entry bundles before any interaction (dynamic imports left out, as size-limit does). */
async function eagerInputs(entry) {
  const result = await build({
    entryPoints: [`${root}bench/size/${entry}.js`],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    outfile: `${root}bench/out/shared-check/${entry}.js`,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'eager-only',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

/**
 * A card's own cost is its entry minus the shared entry, so the shared entry must hold what cards
 * share: the modules two card entries or more bundle that shared.js lacks (none, or own costs lie).
 */
export async function checkSharedEntry() {
  const shared = new Set(await eagerInputs('shared'));
  const cardsOf = new Map();
  for (const card of CARD_ENTRIES)
    for (const input of await eagerInputs(card))
      if (!shared.has(input) && !input.startsWith('bench/'))
        cardsOf.set(input, [...(cardsOf.get(input) ?? []), card]);
  return [...cardsOf]
    .filter(([, cards]) => cards.length >= 2)
    .map(([input, cards]) => `${input} (${cards.join(', ')})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const unshared = await checkSharedEntry();
  if (unshared.length) {
    console.error(
      `Bundled by two cards or more but missing from bench/size/shared.js (add them there):\n  ${unshared.join('\n  ')}`,
    );
    process.exit(1);
  }
  const { leaks } = await checkLazyParts();
  if (leaks.length) {
    console.error(
      `Loaded eagerly by <org-dashboard>, but should load only when used:\n  ${leaks.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(
    "The activity log, its virtualizer, the non-English locales and the plan card's writes stay out of the dashboard bundle.\n",
  );
  const { markdown, passed, entries } = await measureSizes();
  console.log(markdown);
  const missed = entries.filter((e) => e.meetsGoal === false).length;
  if (missed)
    console.log(`\n${missed} entries miss their goal (see BENCHMARKS.md for why); CI enforces the ceilings.`);
  if (!passed) {
    console.error('\nA bundle grew past its ceiling in .size-limit.mjs.');
    process.exit(1);
  }
}
