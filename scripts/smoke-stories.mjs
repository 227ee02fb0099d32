// Opens every story of the built Storybook (storybook-static/) in headless
// Chromium and fails on any story that throws, fails to render or logs an error.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

const SETTLE_MS = 400;
const chrome = requireBrowser('chromium');

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
// STORIES_MATCH=org-info-card (a regular expression on the story id) checks some stories only.
const only = new RegExp(process.env.STORIES_MATCH ?? '');
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && only.test(entry.id));
const server = await serveStatic('storybook-static');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });

/** The state a story's card must show, from the story's name (`Cards/Billing card/Network Error` → error). */
const STATE_STORIES = {
  loading: 'loading',
  error: 'error',
  'network-error': 'error',
  'no-access': 'no-access',
  'no-access-hidden': 'no-access',
  stale: 'stale',
  empty: 'empty',
};
const expectedState = (id) => STATE_STORIES[id.split('--')[1]];
/**
 * Longer than the REST adapter's default timeout (15 s): a Loading story must still be loading then.
 * Each is looked at again in its own visit, so no page waits longer than this whatever the run's
 * length (a request left pending for minutes is ended by the browser, which is not the story's fault).
 */
const LOADING_LOOK_AGAIN_MS = 17_000;

/** Runs in the page: the `state` of every card below `root` (document by default), in every shadow root. */
function cardStates(rootSelector) {
  const found = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.includes('-') && typeof element.state === 'string') found.push(element.state);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(rootSelector ? document.querySelector(rootSelector) : document.body);
  return found;
}

/** Waits until a card in the page (or below `rootSelector`) shows `state`; says what was shown if none does. */
async function waitForState(page, state, rootSelector, what = state) {
  const until = Date.now() + 30_000;
  let shown = [];
  while (Date.now() < until) {
    shown = await page.evaluate(cardStates, rootSelector);
    if (shown.includes(state)) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `expected a card ${what}, shown: ${shown.join(', ') || 'none'}`;
}

/** Clicks the first element `selector` finds in the story, through shadow roots. */
const clickDeep = (page, selector) =>
  page.evaluate((partSelector) => {
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(partSelector)) return element;
        const inside = element.shadowRoot && walk(element.shadowRoot);
        if (inside) return inside;
      }
      return undefined;
    };
    const target = walk(document.body);
    target?.click();
    return Boolean(target);
  }, selector);

/**
 * A state story shows its state: an error story's Retry recovers, and coming back to it (Storybook
 * keeps the page from story to story) shows the error again.
 */
async function checkState(page, story) {
  const state = expectedState(story.id);
  if (!state) return [];
  const shown = await waitForState(page, state);
  if (shown) return [shown];
  if (state !== 'error') return [];
  if (!(await clickDeep(page, '[part~="retry"]'))) return ['no Retry in the error state'];
  const retried = await waitForState(page, 'ready', undefined, 'ready after Retry');
  if (retried) return [retried];
  const show = (id) =>
    page.evaluate((storyId) => {
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
  // Another story (one controlled card, fetching nothing), shown in full, then this one again.
  await show('cards-org-info-card--controlled');
  await page.waitForFunction(() => document.querySelector('#storybook-root org-info-card')?.data, {
    timeout: 30_000,
  });
  await show(story.id);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const again = await waitForState(page, 'error', undefined, 'in error again on a second visit');
  return again ? [again] : [];
}

/**
 * A docs page renders all of a file's stories at once, each on its own mocked backend: every state
 * story in it shows its state, not the backend of the last story loaded.
 */
async function checkDocs(entry) {
  const page = await browser.newPage();
  const problems = [];
  try {
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
    const ids = stories.filter((s) => s.title === entry.title && expectedState(s.id)).map((s) => s.id);
    for (const id of ids) {
      const root = `#story--${id}-inner`;
      await page
        .waitForSelector(root, { timeout: 60_000 })
        .catch(() => problems.push(`${id}: not on the page`));
      const shown = await waitForState(page, STATE_STORIES[id.split('--')[1]], root);
      if (shown) problems.push(`${id}: ${shown}`);
    }
  } finally {
    await page.close();
  }
  return problems;
}

async function check(story) {
  const page = await browser.newPage();
  const opened = Date.now();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ?? '';
    // The browser's own log line for an HTTP error from the mocked API is what
    // the error, no-access and stale stories ask for, not a fault.
    if (
      message.text().startsWith('Failed to load resource') &&
      new URL(url, server.url).pathname.startsWith('/api/')
    ) {
      return;
    }
    problems.push(`console.error: ${message.text()} ${url}`);
  });
  try {
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    await page.waitForFunction(
      () =>
        ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((c) =>
          document.body.classList.contains(c),
        ),
      { timeout: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const shown = await page.evaluate(() =>
      [...document.body.classList].find((c) => c.startsWith('sb-show-')),
    );
    // A story whose tags never upgraded renders nothing and throws nothing: catch that too.
    const undefinedTags = await page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('#storybook-root *')]
          .map((element) => element.localName)
          .filter((name) => name.includes('-') && !customElements.get(name)),
      ),
    ]);
    if (undefinedTags.length > 0) problems.push(`never defined: ${undefinedTags.join(', ')}`);
    if (shown !== 'sb-show-main') {
      const message = await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? '');
      problems.push(`did not render (${shown}) ${message}`.trim());
    } else {
      problems.push(...(await checkState(page, story)));
    }
  } catch (error) {
    problems.push(String(error));
  }
  if (expectedState(story.id) === 'loading' && problems.length === 0) {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, opened + LOADING_LOOK_AGAIN_MS - Date.now())),
    );
    const states = await page.evaluate(cardStates);
    if (!states.includes('loading'))
      problems.push(
        `no longer loading after ${LOADING_LOOK_AGAIN_MS / 1000} s: ${states.join(', ') || 'none'}`,
      );
  }
  await page.close();
  return problems;
}

let passed = 0;
let failed = 0;
for (const story of stories) {
  const problems = await check(story);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  ${story.id}`);
  } else {
    failed += 1;
    console.log(`  FAIL ${story.id}\n      ${problems.join('\n      ')}`);
  }
}
const docsPages = Object.values(index.entries).filter(
  (entry) => entry.type === 'docs' && stories.some((s) => s.title === entry.title && expectedState(s.id)),
);
for (const entry of docsPages) {
  const problems = await checkDocs(entry);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  ${entry.id}: every state story shows its state`);
  } else {
    failed += 1;
    console.log(`  FAIL ${entry.id}\n      ${problems.join('\n      ')}`);
  }
}
await browser.close();
await server.close();
recordResults('Stories', { passed, failed });
process.exit(failed === 0 && stories.length > 0 ? 0 : 1);
