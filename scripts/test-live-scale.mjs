// `npm run test:live-scale`: DESIGN.md "Live connections at scale" (issue #15) proven in headless
// Chromium and Firefox (each runs every check) against a real HTTP/1.1 server
// (scripts/live-scale-server.mjs). Pages show <plan-card> for 20 orgs, one REST adapter (`baseUrl: '/api'`, the browser's own fetch) per page. Checks:
//  a. one page: every card loads, at most 1 stream held, a host request of the page completes;
//  b. eight tabs: every card loads, at most 1 stream held by all tabs together, 1 open at the server
//     once they settle, every plan event reaches every tab once;
//  c. the leader tab closes: another tab streams with Last-Event-ID, nothing lost or doubled;
//  d. no multi-org stream (404): at most 2 streams held, every card loads, a host request completes;
//  e. no multi-org stream: when a streamed org leaves the page, a polled org gets its place, and its
//     events come through the new stream.
// "Held" is judged at the pages' fetch() (see `holdsStreams`), not by the server's count of open
// sockets: the browser closes an aborted request's socket a moment after the page let go of it.
// Every wait is for a condition with a generous cap, never a duration asserted (CPU-heavy neighbours).
// The page is bundled from src with esbuild at start (no build needed); `--src <dir>` bundles another
// source tree (e.g. an older client, to see the checks fail). Records its counts (scripts/results.mjs).
// The page.evaluate() and waitForFunction() callbacks run in the browser.
/* global document */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { startLiveScaleServer } from './live-scale-server.mjs';
import { recordResults } from './results.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcArg = process.argv.indexOf('--src');
const src = srcArg > 0 ? resolve(process.argv[srcArg + 1]) : join(root, 'src');
const ORG_IDS = Array.from({ length: 20 }, (_, i) => `org_${String(i + 1).padStart(2, '0')}`);
const TABS = 8;
const LOAD_CAP = 120_000;
const CAP = 60_000;
/** After the expected count is reached, this long for a late duplicate to show (not a speed bound). */
const SETTLE_MS = 3_000;

// The page's app: one adapter, a provider with a plan card per org, and plan events counted per org
// as the adapter delivers them (the store subscribes once per org, so each event counts once).
const app = `
import { createRestAdapter } from ${JSON.stringify(join(src, 'adapters/rest.ts'))};
import ${JSON.stringify(join(src, 'define.ts'))};
const adapter = createRestAdapter({ baseUrl: '/api' });
const counts = {};
globalThis.liveScale = { counts };
const subscribe = adapter.subscribe;
adapter.subscribe = (orgId, onEvent, options) =>
  subscribe(orgId, (event) => {
    if (event.topic === 'plan') counts[orgId] = (counts[orgId] ?? 0) + 1;
    onEvent(event);
  }, options);
for (const id of ${JSON.stringify(ORG_IDS)}) {
  const provider = document.createElement('org-dashboard-provider');
  provider.setAttribute('org-id', id);
  provider.adapter = adapter;
  provider.append(document.createElement('plan-card'));
  document.body.append(provider);
}`;
const bundled = await build({
  stdin: { contents: app, resolveDir: root, loader: 'js' },
  nodePaths: [join(root, 'node_modules')],
  tsconfig: join(root, 'tsconfig.json'),
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  logLevel: 'error',
});
// What the page holds: every stream request from its fetch() call until the page lets go of it (its
// signal aborts, its body is cancelled or ends, the fetch fails, or the answer is not a stream), with
// the page's Date.now(). The contract is the adapter's ("holds at most one event stream per baseUrl
// per browser"): the socket of an aborted request goes in the browser's network process a moment
// later, outside any page's reach, so the server may see a replaced stream end just after its
// successor arrives. Tabs share one clock, and a successor is asked for only after its predecessor
// was let go (in the same tab, or before the leader's lock passed), so these times order them.
const holdsStreams = `(() => {
  const held = (globalThis.liveScaleStreams = []);
  const isStream = (url) => /\\/api\\/(events\\?|organizations\\/[^/]+\\/events$)/.test(url);
  const pageFetch = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!isStream(url.pathname + url.search)) return pageFetch.call(this, input, init);
    const entry = { askedAt: Date.now(), letGoAt: undefined };
    held.push(entry);
    const letGo = () => (entry.letGoAt ??= Date.now());
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) letGo();
    signal?.addEventListener('abort', letGo, { once: true });
    return pageFetch.call(this, input, init).then(
      (response) => {
        if (!response.ok || !response.body) {
          letGo();
          return response;
        }
        const source = response.body.getReader();
        const body = new ReadableStream({
          async pull(controller) {
            try {
              const { done, value } = await source.read();
              if (!done) return controller.enqueue(value);
              letGo();
              controller.close();
            } catch (error) {
              letGo();
              controller.error(error);
            }
          },
          cancel: (reason) => source.cancel(reason).finally(letGo),
        });
        return new Response(body, response);
      },
      (error) => {
        letGo();
        throw error;
      },
    );
  };
})();`;
const files = {
  '/index.html': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Live scale</title></head>
<body><script>${holdsStreams}</script><script type="module" src="/app.js"></script></body></html>`,
  },
  '/app.js': { type: 'text/javascript; charset=utf-8', body: bundled.outputFiles[0].text },
};

const server = await startLiveScaleServer({ orgIds: ORG_IDS, files });
const { state } = server;
/** The browser the checks run in (each of Chromium and Firefox in turn), and its name for the report. */
let browser;
let where = '';
/** The round the server was at when this browser's checks began (its pages load with it). */
let firstRound = 0;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Resolves true once `test()` holds, false when `cap` ms pass first (polled, never a speed bound). */
async function until(test, cap = CAP) {
  const end = Date.now() + cap;
  for (;;) {
    if (await test()) return true;
    if (Date.now() > end) return false;
    await sleep(50);
  }
}

let pageCount = 0;
/** A page of the app in `context`, with its errors and its own open stream requests tracked. */
async function openPage(context, problems) {
  const page = await context.newPage();
  const streams = new Set();
  const isStream = (request) => /\/api\/(events\?|organizations\/[^/]+\/events$)/.test(request.url());
  const tab = (pageCount += 1);
  const note = (what, request) =>
    isStream(request) &&
    state.streamLog.push({ at: Date.now(), tab, what, path: new URL(request.url()).pathname });
  page.on('request', (request) => isStream(request) && streams.add(request) && note('asks', request));
  page.on('requestfinished', (request) => streams.delete(request) && note('ended', request));
  page.on('requestfailed', (request) => streams.delete(request) && note('failed', request));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.openStreams = () => streams.size;
  page.tab = tab;
  await page.goto(`${server.url}/`);
  return page;
}

/** Waits until every card of `page` shows its org's plan name of round `round`; false at the cap. */
function cardsShow(page, round, cap) {
  return page
    .waitForFunction(
      (ids, r) =>
        ids.every((id) => {
          const card = document.querySelector(`org-dashboard-provider[org-id="${id}"] plan-card`);
          return card?.shadowRoot?.querySelector('[part~="plan-name"]')?.textContent === `Plan ${id} v${r}`;
        }),
      { timeout: cap, polling: 200 },
      ORG_IDS,
      round,
    )
    .then(
      () => true,
      () => false,
    );
}

/** `cardsShow` for every page at once (one cap for all), listing the pages that missed it. */
async function allCardsShow(pages, r, cap, problems) {
  const shown = await Promise.all(pages.map((page) => cardsShow(page, r, cap)));
  for (const [index, page] of pages.entries())
    if (!shown[index])
      problems.push(`tab ${index + 1}: ${await loadedCount(page, r)} of 20 cards show round ${r}`);
}

const loadedCount = (page, round) =>
  page.evaluate(
    (ids, r) =>
      ids.filter((id) => {
        const card = document.querySelector(`org-dashboard-provider[org-id="${id}"] plan-card`);
        return card?.shadowRoot?.querySelector('[part~="plan-name"]')?.textContent === `Plan ${id} v${r}`;
      }).length,
    ORG_IDS,
    round,
  );

/** A host request the page makes itself: resolves 'ok' or why not (a 30 s cap in the page). */
const hostPing = (page) =>
  page.evaluate(() =>
    Promise.race([
      fetch('/host/ping', { cache: 'no-store' }).then((r) => (r.ok ? 'ok' : `status ${r.status}`)),
      new Promise((done) => setTimeout(() => done('no answer within 30 s'), 30_000)),
    ]),
  );

let round = 0;
/** Emits one `plan` event per org with the next round's name; returns the first id used. */
function emitRound() {
  round += 1;
  let first;
  for (const id of ORG_IDS) {
    const eventId = server.emit(id, 'plan', {
      name: `Plan ${id} v${round}`,
      availableCredits: { amountMinor: 50000 + round, currency: 'USD' },
    });
    first ??= eventId;
  }
  return first;
}

/** Every page got exactly `expected` plan events for every org (problems listed), after settling. */
async function deliveries(pages, expected, problems) {
  const countsOf = (page) => page.evaluate(() => ({ ...globalThis.liveScale.counts }));
  const complete = async () => {
    for (const page of pages) {
      const counts = await countsOf(page);
      if (ORG_IDS.some((id) => (counts[id] ?? 0) < expected)) return false;
    }
    return true;
  };
  if (!(await until(complete)))
    problems.push(`not every tab got ${expected} plan events per org within the cap`);
  await sleep(SETTLE_MS);
  for (const [index, page] of pages.entries()) {
    const counts = await countsOf(page);
    const wrong = ORG_IDS.filter((id) => (counts[id] ?? 0) !== expected);
    if (wrong.length)
      problems.push(
        `tab ${index + 1}: ${wrong.length} orgs with a count other than ${expected} (e.g. ${wrong[0]}: ${counts[wrong[0]] ?? 0})`,
      );
  }
}

/** Closes a context and waits for its streams to end at the server (so the next check starts clean). */
async function closeContext(context) {
  await context.close();
  await until(() => state.openNow === 0, 30_000);
}

/**
 * The most streams the pages held at once: their held intervals swept in time order, a let-go
 * before an ask at the same millisecond (a successor is only asked for after). Still held: forever.
 */
async function mostHeld(pages) {
  const intervals = [];
  for (const page of pages)
    for (const held of await page.evaluate(() => globalThis.liveScaleStreams))
      intervals.push({ ...held, tab: page.tab });
  const moments = intervals.flatMap(({ askedAt, letGoAt }) => [
    [askedAt, 1],
    ...(letGoAt === undefined || letGoAt === null ? [] : [[letGoAt, -1]]),
  ]);
  moments.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of moments) most = Math.max(most, (now += step));
  const start = Math.min(...intervals.map(({ askedAt }) => askedAt));
  const account = intervals.map(
    ({ tab, askedAt, letGoAt }) =>
      `  tab ${tab} held a stream from +${askedAt - start} ms to ${letGoAt === undefined ? 'now' : `+${letGoAt - start} ms`}`,
  );
  return { most, account };
}

/** The server's stream starts and ends so far, for a failure's account. */
function streamAccount() {
  const start = state.streamLog[0]?.at ?? 0;
  return state.streamLog.map((entry) =>
    entry.tab
      ? `  +${entry.at - start} ms tab ${entry.tab} ${entry.what} ${entry.path}`
      : `  +${entry.at - start} ms server ${entry.open ? 'open ' : 'close'} (${entry.now} open) ${entry.path.slice(0, 60)}`,
  );
}

/** The orgs with a per-org stream open at the server now, from its log. */
function perOrgStreams() {
  const open = new Map();
  for (const entry of state.streamLog) {
    const org = 'open' in entry && /\/organizations\/([^/]+)\/events/.exec(entry.path)?.[1];
    if (org) open.set(org, (open.get(org) ?? 0) + (entry.open ? 1 : -1));
  }
  return [...open].filter(([, count]) => count > 0).map(([org]) => org);
}

let passed = 0;
let failed = 0;
async function check(name, body) {
  const problems = [];
  const started = Date.now();
  try {
    await body(problems);
  } catch (error) {
    problems.push(`threw: ${error.message}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  live-scale${where}: ${name} (${seconds} s)`);
  } else {
    failed += 1;
    console.log(`  FAIL live-scale${where}: ${name} (${seconds} s)\n      ${problems.join('\n      ')}`);
  }
}

/** One page of 20 orgs: every card loads, a host request completes, at most `maxStreams` at once. */
async function onePage(problems, maxStreams) {
  const context = await browser.createBrowserContext();
  server.restartLog();
  const page = await openPage(context, problems);
  if (!(await cardsShow(page, round, LOAD_CAP)))
    problems.push(`${await loadedCount(page, round)} of 20 cards loaded within the cap`);
  const ping = await hostPing(page);
  if (ping !== 'ok') problems.push(`host request /host/ping: ${ping}`);
  const held = await mostHeld([page]);
  if (held.most > maxStreams)
    problems.push(`the page held ${held.most} streams at once`, ...held.account, ...streamAccount());
  await closeContext(context);
}

/** Checks a to e in `name` (Chromium or Firefox, launched here), with the server as a fresh one serves. */
async function runIn(name) {
  where = ` (${name})`;
  browser = await puppeteer.launch(
    name === 'chromium'
      ? { executablePath: requireBrowser('chromium'), headless: true, args: CHROME_ARGS }
      : { browser: 'firefox', executablePath: requireBrowser('firefox'), headless: true },
  );
  Object.assign(state, { multi404: false, refuseStreams: false });
  // A page counts the plan events it got since it loaded: those of this browser's rounds.
  firstRound = round;
  try {
    await check('a. one page, 20 orgs: cards load, at most 1 stream, a host request completes', (problems) =>
      onePage(problems, 1),
    );

    const contextB = await browser.createBrowserContext();
    const tabs = [];
    await check(
      `b. ${TABS} tabs, 20 orgs each: cards load, at most 1 stream, events once per tab`,
      async (problems) => {
        server.restartLog();
        for (let i = 0; i < TABS; i += 1) tabs.push(await openPage(contextB, problems));
        await allCardsShow(tabs, round, LOAD_CAP, problems);
        const ping = await hostPing(tabs[TABS - 1]);
        if (ping !== 'ok') problems.push(`host request /host/ping from the last tab: ${ping}`);
        if (!(await until(() => state.openNow === 1, 30_000)))
          problems.push(`${state.openNow} streams open, not 1`);
        for (let i = 0; i < 3; i += 1) emitRound();
        await deliveries(tabs, round - firstRound, problems);
        await allCardsShow(tabs, round, CAP, problems);
        const held = await mostHeld(tabs);
        if (held.most > 1)
          problems.push(`the tabs held ${held.most} streams at once`, ...held.account, ...streamAccount());
      },
    );

    await check(
      'c. the leader tab closes: another takes over with Last-Event-ID, nothing lost',
      async (problems) => {
        const leaders = tabs.filter((tab) => tab.openStreams() > 0);
        if (leaders.length !== 1) throw new Error(`${leaders.length} tabs hold an open stream, not 1`);
        const [leader] = leaders;
        const locks = await leader.evaluate(async () =>
          (await navigator.locks.query()).held
            .map((lock) => lock.name)
            .filter((n) => n.startsWith('od-live:')),
        );
        if (locks.length !== 1) problems.push(`Web Locks held in the origin: ${JSON.stringify(locks)}`);
        const before = round;
        // A gap with no stream: stream requests are refused (503) while the leader closes and events are
        // sent, so the new leader can only get them by resuming with Last-Event-ID.
        state.refuseStreams = true;
        const refusedBefore = state.refused;
        await leader.close();
        tabs.splice(tabs.indexOf(leader), 1);
        if (!(await until(() => state.openNow === 0, 30_000)))
          problems.push(`${state.openNow} streams open after the close`);
        const firstMissed = emitRound();
        if (!(await until(() => state.refused > refusedBefore, 30_000)))
          problems.push('no tab asked for a stream within 30 s of the leader closing');
        const reopenedAt = Date.now();
        state.refuseStreams = false;
        const resumed = () => state.lastEventIds.find((entry) => entry.at >= reopenedAt);
        if (!(await until(() => state.openNow === 1 && resumed(), 30_000)))
          problems.push(
            `no stream with Last-Event-ID within 30 s of streams being served again (${state.openNow} open)`,
          );
        const resume = resumed();
        if (resume && !(Number(resume.id) < firstMissed))
          problems.push(`Last-Event-ID ${resume.id} skips the events sent in the gap (from ${firstMissed})`);
        emitRound();
        await deliveries(tabs, round - firstRound, problems);
        await allCardsShow(tabs, round, CAP, problems);
        console.log(
          `      (rounds ${before + 1}-${round} after the close; ${state.refused - refusedBefore} stream requests refused in the gap; resumed with Last-Event-ID ${resume?.id})`,
        );
      },
    );
    await closeContext(contextB);

    await check(
      'd. no multi-org stream (404): at most 2 streams, cards load, a host request completes',
      async (problems) => {
        state.multi404 = true;
        await onePage(problems, 2);
      },
    );

    await check(
      'e. no multi-org stream: a place that comes free goes to a polled org, whose events then come live',
      async (problems) => {
        state.multi404 = true;
        const context = await browser.createBrowserContext();
        server.restartLog();
        const page = await openPage(context, problems);
        if (!(await cardsShow(page, round, LOAD_CAP)))
          problems.push(`${await loadedCount(page, round)} of 20 cards loaded within the cap`);
        if (!(await until(() => perOrgStreams().length === 2, 30_000)))
          problems.push(`${perOrgStreams().length} per-org streams open, not 2`, ...streamAccount());
        const streamed = perOrgStreams();
        // The page stops showing one streamed org (as a host's list would): its place comes free.
        await page.evaluate(
          (id) => document.querySelector(`org-dashboard-provider[org-id="${id}"]`).remove(),
          streamed[0],
        );
        const newcomer = () => perOrgStreams().find((org) => !streamed.includes(org));
        if (!(await until(newcomer, CAP)))
          problems.push('no polled org was streamed within the cap', ...streamAccount());
        const org = newcomer();
        const liveCount = () => page.evaluate((id) => globalThis.liveScale.counts[id] ?? 0, org);
        const before = await liveCount();
        emitRound();
        // Counted as the adapter delivers events: a poll never counts, only the new stream does.
        if (org && !(await until(async () => (await liveCount()) > before)))
          problems.push(`${org} was streamed, but its plan event never came through the stream`);
        const shows = () =>
          page.evaluate(
            (id, r) =>
              document
                .querySelector(`org-dashboard-provider[org-id="${id}"] plan-card`)
                ?.shadowRoot?.querySelector('[part~="plan-name"]')?.textContent === `Plan ${id} v${r}`,
            org,
            round,
          );
        if (org && !(await until(shows))) problems.push(`${org}'s card never showed round ${round}`);
        const held = await mostHeld([page]);
        if (held.most > 2)
          problems.push(`the page held ${held.most} streams at once`, ...held.account, ...streamAccount());
        await closeContext(context);
      },
    );
  } finally {
    await browser.close();
  }
  // The next browser starts with no stream of this one left at the server.
  await until(() => state.openNow === 0, 30_000);
}

for (const name of ['chromium', 'firefox']) await runIn(name);

await server.close();
recordResults('Live connections at scale', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
