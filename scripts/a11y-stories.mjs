// Runs axe-core on every story of the built Storybook (storybook-static/), in
// each theme the preview's Theme global offers (`&globals=theme:<name>`), and
// fails on any violation. Partner stories are stories like any other.
//   node scripts/a11y-stories.mjs [site dir]      A11Y_THEMES=light,dark (default)
// Records its counts for .ci/run (scripts/results.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

/** Time for data to arrive and cards to settle after the story renders (MSW answers at once). */
const SETTLE_MS = 500;
/** Pages checked at the same time. */
const CONCURRENCY = 4;
const THEMES = (process.env.A11Y_THEMES ?? 'light,dark').split(',').filter(Boolean);
const site = process.argv[2] ?? 'storybook-static';

const chrome = requireBrowser('chromium');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(`${site}/index.json`, 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const server = await serveStatic(site);
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });

/** The violations of one story in one theme, as lines to print. */
async function check(story, theme) {
  // A context of its own per page: MSW's service worker is per origin and context.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  try {
    const globals = `&globals=theme:${theme}`;
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${globals}`);
    await page.waitForFunction(() => document.body.classList.contains('sb-show-main'), { timeout: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // Storybook's a11y addon runs axe on its own after each render; axe refuses a second run
      // meanwhile, so wait for it to finish.
      const run = async (attempt = 0) => {
        try {
          return await window.axe.run(document.querySelector('#storybook-root') ?? document, {
            resultTypes: ['violations'],
          });
        } catch (error) {
          if (attempt > 50 || !String(error).includes('already running')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
          return run(attempt + 1);
        }
      };
      const result = await run();
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
        summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
      }));
    });
    return violations.map(
      (v) => `${v.id}: ${v.help}\n        at ${v.targets.join(', ')}\n        ${v.summary}`,
    );
  } catch (error) {
    return [String(error)];
  } finally {
    await context.close();
  }
}

const jobs = THEMES.flatMap((theme) => stories.map((story) => ({ story, theme })));
let passed = 0;
let failed = 0;
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const { story, theme } = jobs[next++];
    const problems = await check(story, theme);
    if (problems.length === 0) {
      passed += 1;
      console.log(`  ok  ${story.id} [${theme}]`);
    } else {
      failed += 1;
      console.log(`  FAIL ${story.id} [${theme}]\n      ${problems.join('\n      ')}`);
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
await browser.close();
await server.close();
recordResults(`Accessibility (axe, themes ${THEMES.join(', ')})`, { passed, failed });
process.exit(failed === 0 && jobs.length > 0 ? 0 : 1);
