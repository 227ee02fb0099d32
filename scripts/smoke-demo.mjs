// Opens the built demo page (demo-dist/) in headless Chromium and checks what
// a newcomer sees: every card loads over the mocked backend, live updates
// arrive, the owner buys credits and sets the low-credit alert in the plan
// card, copying the org ID and "Mark all as read" work (and the page logs their
// events), the org and role switchers work, and "Show more" opens the activity
// log in the page (its URL, Back, reload, CSV export), with no errors logged.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { serveStatic } from './static-server.mjs';

const chrome = requireBrowser('chromium');

const server = await serveStatic('demo-dist');
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
// Copy organization ID writes the clipboard: granted here as a viewer's click grants it.
await browser.defaultBrowserContext().overridePermissions(server.url, ['clipboard-read', 'clipboard-write']);
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

/** The element in the dashboard's plan card that `selector` finds in its shadow root. */
async function planPart(selector) {
  const handle = await page.evaluateHandle(
    (partSelector) =>
      document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('plan-card')
        .shadowRoot.querySelector(partSelector),
    selector,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`the plan card shows no ${selector}`);
  return element;
}

/** Whether the page's list of received events has a line that starts with `type` and includes `text`. */
const pageLogged = (type, text) =>
  page.evaluate(
    (eventType, detailText) =>
      [...document.querySelectorAll('#log li')].some(
        (line) => line.textContent.includes(`${eventType} `) && line.textContent.includes(detailText),
      ),
    type,
    text,
  );

/** The text of a part of the plan card, whitespace collapsed ('' when it is not shown). */
const planText = (selector) =>
  page.evaluate(
    (partSelector) =>
      document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('plan-card')
        .shadowRoot.querySelector(partSelector)
        ?.textContent.replace(/\s+/g, ' ')
        .trim() ?? '',
    selector,
  );

/** An en-US amount shown as text ("$48,250.00") as a number, to compare balances. */
const amountOf = (text) => Number(text.replace(/[^\d.]/g, ''));

/** Whether the plan card's focused element is the one `selector` finds. */
const planFocusIs = (selector) =>
  page.evaluate((partSelector) => {
    const root = document.querySelector('org-dashboard').shadowRoot.querySelector('plan-card').shadowRoot;
    const target = root.querySelector(partSelector);
    return target !== null && root.activeElement === target;
  }, selector);

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
    // All six: the dashboard makes its cards over its first updates.
    await waitFor('cards to load', async () => {
      const states = Object.values(await cardStates());
      return states.length === 6 && states.every((s) => s && s !== 'loading');
    });
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
  async 'as owner, (+) buys a pack in place: the status, a larger balance and a new runway'() {
    await (await planPart('[part~="add-credits"]')).click();
    await waitFor('the purchase dialog', () =>
      page.evaluate(
        () =>
          document
            .querySelector('org-dashboard')
            .shadowRoot.querySelector('plan-card')
            .shadowRoot.querySelector('[part~="purchase-dialog"]')?.open === true,
      ),
    );
    // The largest pack: far more than the simulation burns while the purchase runs.
    const packs = await page.evaluateHandle(() => [
      ...document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('plan-card')
        .shadowRoot.querySelectorAll('[part~="pack"] input'),
    ]);
    const packCount = await packs.evaluate((inputs) => inputs.length);
    if (packCount < 2)
      throw new Error(`expected the plan's packs and "Other amount", got ${packCount} choices`);
    // The last choice is "Other amount"; the one before it the largest pack.
    await (await packs.evaluateHandle((inputs) => inputs[inputs.length - 2])).click();
    const creditsBefore = await planText('[part~="credits"]');
    const runwayBefore = await planText('[part~="runway"]');
    await (await planPart('[part~="confirm"]')).click();
    let status = '';
    await waitFor('the purchase to complete', async () => {
      status = await planText('[part~="purchase-status"]');
      return status.includes('added');
    }).catch((error) => {
      throw new Error(`${error.message}: status "${status}"`);
    });
    let creditsAfter = '';
    let runwayAfter = '';
    await waitFor('a larger balance and a new runway', async () => {
      creditsAfter = await planText('[part~="credits"]');
      runwayAfter = await planText('[part~="runway"]');
      return amountOf(creditsAfter) > amountOf(creditsBefore) && runwayAfter !== runwayBefore;
    }).catch((error) => {
      throw new Error(
        `${error.message}: credits "${creditsBefore}" → "${creditsAfter}", runway "${runwayBefore}" → "${runwayAfter}"`,
      );
    });
    await waitFor('the page to log od-credits-purchased', () =>
      pageLogged('od-credits-purchased', '"status":"completed"'),
    );
  },
  async 'Close returns focus to (+)'() {
    await (await planPart('[part~="close"]')).click();
    await waitFor('focus on (+)', () => planFocusIs('[part~="add-credits"]'));
    const open = await page.evaluate(
      () =>
        document
          .querySelector('org-dashboard')
          .shadowRoot.querySelector('plan-card')
          .shadowRoot.querySelector('[part~="purchase-dialog"]').open,
    );
    if (open) throw new Error('the dialog is still open');
  },
  async 'as owner, the low-credit alert is set in place'() {
    await (await planPart('[part~="alert-change"]')).click();
    await waitFor('the alert form', async () => (await planText('[part~="alert-form"]')) !== '');
    const input = await planPart('[part~="alert-form"] [part~="amount-input"]');
    // Replaces what the field shows (the current threshold) with the new amount.
    await input.evaluate((field) => field.select());
    await input.type('7500');
    await (await planPart('[part~="alert-save"]')).click();
    let alert = '';
    await waitFor('the row to show the new alert', async () => {
      alert = await planText('[part~="alert"]');
      return alert.includes('7,500') && (await planText('[part~="alert-form"]')) === '';
    }).catch((error) => {
      throw new Error(`${error.message}: the row shows "${alert}"`);
    });
    await waitFor('the page to log od-low-credit-threshold-change', () =>
      pageLogged('od-low-credit-threshold-change', '"amountMinor":750000'),
    );
  },
  async 'copy organization ID copies it, and the page logs od-copy-org-id'() {
    await page.evaluate(() =>
      document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('org-info-card')
        .shadowRoot.querySelector('[part~="copy"]')
        .click(),
    );
    await waitFor('the page to log od-copy-org-id', () => pageLogged('od-copy-org-id', '"orgId"'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    if (!/^org_/.test(copied)) throw new Error(`the clipboard holds "${copied}"`);
  },
  async 'Mark all as read clears every "New", and the page logs od-announcements-read'() {
    /** How many announcements the dashboard's panel marks "New". */
    const fresh = () =>
      page.evaluate(
        () =>
          document
            .querySelector('org-dashboard')
            .shadowRoot.querySelector('announcements-panel')
            .shadowRoot.querySelectorAll('[part~="new"]').length,
      );
    if ((await fresh()) === 0) throw new Error('a first visit shows no "New" announcement');
    await page.evaluate(() =>
      document
        .querySelector('org-dashboard')
        .shadowRoot.querySelector('announcements-panel')
        .shadowRoot.querySelector('[part~="mark-read"]')
        .click(),
    );
    await waitFor('no "New" left', async () => (await fresh()) === 0);
    await waitFor('the page to log od-announcements-read', () =>
      pageLogged('od-announcements-read', 'readAt'),
    );
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
  async 'Export CSV downloads the filtered entries, and the page logs od-export-csv'() {
    const downloads = [];
    const session = await page.createCDPSession();
    // Seen, not saved: the file name is what a viewer would get.
    await session.send('Browser.setDownloadBehavior', { behavior: 'deny', eventsEnabled: true });
    session.on('Browser.downloadWillBegin', (event) => downloads.push(event.suggestedFilename));
    await page.evaluate(() =>
      document.querySelector('activity-log').shadowRoot.querySelector('[part~="export"]').click(),
    );
    await waitFor('the page to log od-export-csv', () => pageLogged('od-export-csv', 'Workspaces'));
    await waitFor('a CSV download', () => downloads.some((name) => name.endsWith('.csv')));
    await session.detach();
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
