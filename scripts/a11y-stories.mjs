// Runs axe-core on every story of the built Storybook (storybook-static/), in each theme the
// preview's Theme global offers, and fails on any violation, or on a story that fails to render.
// Partner stories are stories like any other.
//   node scripts/a11y-stories.mjs [site dir]      A11Y_THEMES=light,dark (default)
//   A11Y_SELF_CHECK=<story id>: plants an image without a text alternative in that story before
//   axe runs, to see the check fail (`1`: the first story).
// Each worker keeps a preview page open and shows story after story in it (scripts/a11y-preview.mjs);
// each story is checked once it has rendered, its play function has ended and its cards settled.
// Records its counts for .ci/run (scripts/results.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { openPreview } from './a11y-preview.mjs';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

/** Pages checked at the same time (A11Y_CONCURRENCY): the CI machine has 2 cores. */
const CONCURRENCY = Number(process.env.A11Y_CONCURRENCY ?? 3);
/** Longest a story may take to render and play. */
const RENDER_TIMEOUT_MS = 30_000;
/** How long the DOM must rest, after the cards stopped loading, before a story is checked. */
const QUIET_MS = 150;
/** Longest a card may stay busy (loading) before it is checked as it is: the Loading stories. */
const BUSY_MS = 1500;
const THEMES = (process.env.A11Y_THEMES ?? 'light,dark').split(',').filter(Boolean);
const site = process.argv[2] ?? 'storybook-static';

const chrome = requireBrowser('chromium');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(`${site}/index.json`, 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const selfCheck = process.env.A11Y_SELF_CHECK === '1' ? stories[0]?.id : process.env.A11Y_SELF_CHECK;
const server = await serveStatic(site);
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });

/** Runs in the page: axe on the story's root, the violations in short. */
async function axeViolations(plant) {
  const root = document.querySelector('#storybook-root') ?? document;
  if (plant) root.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
  const result = await window.axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
  }));
}

/** The problems of one story in the preview `preview` (in its theme), as lines to print. */
async function check(preview, story) {
  const problem = await preview.show(story.id);
  if (problem) return [problem];
  const violations = await preview.page.evaluate(axeViolations, story.id === selfCheck);
  return violations.map(
    (v) => `${v.id}: ${v.help}\n        at ${v.targets.join(', ')}\n        ${v.summary}`,
  );
}

// Theme by theme, so that a worker's page changes theme once.
const jobs = THEMES.flatMap((theme) => stories.map((story) => ({ story, theme })));
let passed = 0;
let failed = 0;
let next = 0;
async function worker() {
  let preview;
  while (next < jobs.length) {
    const { story, theme } = jobs[next++];
    let problems;
    try {
      if (preview?.theme !== theme) {
        await preview?.close();
        preview = await openPreview(browser, {
          url: server.url,
          theme,
          axeSource,
          timeoutMs: RENDER_TIMEOUT_MS,
          quietMs: QUIET_MS,
          capMs: BUSY_MS,
        });
      }
      problems = await check(preview, story);
    } catch (error) {
      problems = [String(error)];
    }
    if (problems.length === 0) {
      passed += 1;
      console.log(`  ok  ${story.id} [${theme}]`);
    } else {
      failed += 1;
      console.log(`  FAIL ${story.id} [${theme}]\n      ${problems.join('\n      ')}`);
      // Whatever went wrong stays with that page: the next story gets a fresh one.
      await preview?.close().catch(() => {});
      preview = undefined;
    }
  }
  await preview?.close();
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
await browser.close();
await server.close();
recordResults(`Accessibility (axe, themes ${THEMES.join(', ')})`, { passed, failed });
process.exit(failed === 0 && jobs.length > 0 ? 0 : 1);
