// BENCHMARKS.md's account of what a first render pays once: the same dashboard rendered a second time
// in the same page (timed.mjs's `render:*-warm`), and the code each page's first render runs
// (probes.mjs's `codeRun`). Apart from report.mjs, which writes the rest.
import { fmt, kb } from './figures.mjs';

/** Section 1's table and its reading; nothing when the run had neither figure. */
export function firstUseLines(t, codeRun) {
  if (t['render:library-warm'] === undefined || !codeRun) return [];
  const row = (name, cold, warm, code) =>
    `| ${name} | ${fmt(t[cold])} ms | ${fmt(t[warm])} ms | ${fmt(t[cold] - t[warm])} ms | ${kb(code)} |`;
  const { gap, firstUse } = split(t);
  return [
    '',
    '**First use and every render.** The same pages render a second dashboard after the first one is drawn and',
    'removed (`first-render-warm`, `first-render-handmade-warm`; a new adapter, so the library asks for its data',
    "again): by then the code has run once, Lit has prepared its templates and `Intl` has its data. Beside them, the page's",
    "own minified code (libraries included) that the first render runs, from its clock's start to its end, by V8's",
    'block coverage (`probes.codeRun`; top-level code, which defines classes before the clock, apart):',
    '',
    '| page | first render | second render | paid once | code the first render runs |',
    '| --- | --- | --- | --- | --- |',
    row('library', 'render:library', 'render:library-warm', codeRun.library),
    row('hand-written', 'render:handmade', 'render:handmade-warm', codeRun.handmade),
    `| React 19 app | ${fmt(t['render:react'])} ms | — | — | ${kb(codeRun.react)} |`,
    '',
    `The library takes ${fmt(t['render:library-warm'] / t['render:handmade-warm'])}× the hand-written page the second time (${fmt(t['render:library'] / t['render:handmade'])}× the first): of the`,
    `${fmt(gap)} ms it takes over that page on first render, ${fmt(firstUse)} ms are paid once. Code run for the first time is slow`,
    "(interpreted, without type feedback), and the library's first render runs",
    `${fmt(codeRun.library / codeRun.handmade, 1)} times as much of it: Lit, the store, validation, each card's controllers and templates.`,
  ];
}

/** The gap between the library's first render and the hand-written page's, and the part of it paid once. */
function split(t) {
  const gap = t['render:library'] - t['render:handmade'];
  const everyRender = t['render:library-warm'] - t['render:handmade-warm'];
  return { gap, firstUse: gap - everyRender };
}

/** The first render's "why" in "Where the goals are missed"; nothing without the figures. */
export function firstUseWhy(t, codeRun) {
  if (t['render:library-warm'] === undefined || !codeRun) return [];
  const { gap, firstUse } = split(t);
  const goal = t['render:handmade'] * 1.3;
  return [
    `  What is left is mostly paid once (section 1, "First use and every render"): ${fmt(firstUse)} of the ${fmt(gap)} ms the library`,
    `  takes over the hand-written page are gone when a second dashboard renders in the same page, and its first`,
    `  render runs ${kb(codeRun.library)} of minified code against that page's ${kb(codeRun.handmade)}. The goal (${fmt(goal)} ms) asks for`,
    `  ${fmt(t['render:library'] - goal)} ms less, about ${fmt(((t['render:library'] - goal) / firstUse) * 100, 0)}% of what is paid once: a first render that runs far less code,`,
    '  which is what the bytes goal (below) asks for too.',
    "  Tried on 2026-12-06 and dropped: Lit's template compiler (`@lit-labs/compiler` 1.1.2 over every `html`",
    "  template in src/, so that on first use lit-html no longer scans each template's strings and walks it for",
    '  its parts). Side by side (tachometer, 40 samples): first render 57.8 against 60.2 ms (-4%; -1.2 ms in an',
    '  earlier run of 30 samples), a second render 1.8 ms slower (+13%, in both runs), and all files together',
    '  2.3 kB larger brotli. `@lit-labs/ssr-client` also refuses compiled templates, so server-rendered cards',
    '  could not hydrate. Preparing templates is a small part of what the first render pays once.',
  ];
}
