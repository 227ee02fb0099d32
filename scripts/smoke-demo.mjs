// Opens the built demo page (demo-dist/) in headless Chromium and checks what
// a newcomer sees: every card loads over the mocked backend, live updates
// arrive, the org and role switchers work, and "Show more" opens the activity
// log in the page (its URL, Back, reload), with no errors logged.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

const chrome = requireBrowser('chromium');

const server = await serveStatic('demo-dist');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const problems = [];
page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  const url = message.location().url ?? '';
  // The browser's own line for an HTTP error of the mocked API (a member's 403) is expected.
  if (message.text().startsWith('Failed to load resource') && url.includes('/api/')) return;
  problems.push(`console.error: ${message.text()} ${url}`);
});

/** The state of each card inside the dashboard, by tag. */
const cardStates = () =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelector('org-dashboard').shadowRoot.querySelectorAll('[part~="grid"] > *')].map(
        (card) => [card.localName, card.state],
      ),
    ),
  );

async function waitFor(what, predicate, timeout = 60_000) {
  const start = Date.now();
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the page shows: which view, the URL's query, the focused element's id and the log's state and filter. */
const view = () =>
  page.evaluate(() => {
    const log = document.querySelector('activity-log');
    return {
      activity: !document.querySelector('#activity-view').hidden,
      dashboard: !document.querySelector('#dashboard-view').hidden,
      search: location.search,
      focused: document.activeElement?.id ?? '',
      logState: log.state,
      resourceType: log.resourceType ?? '',
    };
  });

/** Waits until the page shows `expected` (a subset of `view()`), and says what it showed if not. */
async function waitForView(what, expected) {
  let last;
  try {
    await waitFor(what, async () => {
      last = await view();
      return Object.entries(expected).every(([key, value]) => last[key] === value);
    });
  } catch (error) {
    throw new Error(`${error.message}: ${JSON.stringify(last)}`);
  }
}

const checks = {
  async 'every card loads from the mocked backend'() {
    await page.goto(`${server.url}/`);
    await waitFor('cards to load', async () =>
      Object.values(await cardStates()).every((s) => s && s !== 'loading'),
    );
    const states = await cardStates();
    if (Object.keys(states).length !== 6) throw new Error(`expected 6 cards, got ${JSON.stringify(states)}`);
    const bad = Object.entries(states).filter(([, state]) => state !== 'ready');
    if (bad.length) throw new Error(`not ready: ${JSON.stringify(bad)}`);
  },
  async 'live updates arrive'() {
    const text = () =>
      page.evaluate(() =>
        [...document.querySelector('org-dashboard').shadowRoot.querySelectorAll('[part~="grid"] > *')]
          .map((card) => card.shadowRoot.textContent)
          .join(''),
      );
    const before = await text();
    await waitFor('a live change', async () => (await text()) !== before);
  },
  async 'a member sees no billing'() {
    await page.select('#role', 'member');
    await waitFor(
      'billing to say no access',
      async () => (await cardStates())['billing-card'] === 'no-access',
    );
  },
  async 'the org switcher switches every card'() {
    await page.select('#role', 'owner');
    const target = await page.evaluate(() => document.querySelector('#org option:nth-child(3)').value);
    await page.select('#org', target);
    await waitFor('the new org', () =>
      page.evaluate(
        (orgId) =>
          document
            .querySelector('org-dashboard')
            .shadowRoot.querySelector('org-info-card')
            .shadowRoot.textContent.includes(orgId),
        target,
      ),
    );
  },
  async '"Show more" opens the activity log in the page, its heading focused'() {
    await page.evaluate(() =>
      document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('activity-feed')
        .shadowRoot.querySelector('[part~="show-more"]')
        .click(),
    );
    await waitForView('the activity view', {
      activity: true,
      dashboard: false,
      search: '?view=activity',
      focused: 'activity-title',
      logState: 'ready',
    });
  },
  async 'the log’s filters go into the URL as the viewer changes them'() {
    await page.evaluate(() => {
      const menu = document
        .querySelector('activity-log')
        .shadowRoot.querySelector('[part~="resource-type-filter"]');
      menu.value = 'Workspaces';
      menu.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitForView('the filter in the URL', { search: '?view=activity&resourceType=Workspaces' });
  },
  async 'Back returns to the dashboard, its heading focused'() {
    await page.goBack();
    await waitForView('the dashboard', {
      activity: false,
      dashboard: true,
      search: '',
      focused: 'dashboard-title',
    });
  },
  async 'a reload keeps the activity view and its filters'() {
    await page.goForward();
    await waitForView('the log again', { activity: true, search: '?view=activity&resourceType=Workspaces' });
    await page.reload();
    await waitForView('the log after reloading', {
      activity: true,
      dashboard: false,
      resourceType: 'Workspaces',
      logState: 'ready',
    });
  },
  async '"Back to dashboard" returns to the dashboard'() {
    await page.click('#back');
    await waitForView('the dashboard', {
      activity: false,
      dashboard: true,
      search: '',
      focused: 'dashboard-title',
    });
  },
};

let passed = 0;
let failed = 0;
for (const [name, check] of Object.entries(checks)) {
  try {
    await check();
    passed += 1;
    console.log(`  ok  demo: ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`  FAIL demo: ${name}\n      ${error.message}`);
  }
}
if (problems.length) {
  failed += 1;
  console.log(`  FAIL demo: no errors logged\n      ${problems.join('\n      ')}`);
} else {
  passed += 1;
  console.log('  ok  demo: no errors logged');
}
await browser.close();
await server.close();
recordResults('Demo', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
