// `npm run test:ssr` (after `npm run build`): every card and the activity log rendered in Node by
// @lit-labs/ssr from controlled `data` to declarative shadow DOM, then hydrated in headless Chromium
// and Firefox (@lit-labs/ssr-client/lit-element-hydrate-support.js) with the same data: the server's
// DOM is adopted, nothing moves (same boxes, no layout-shift entries) and nothing is fetched. Then
// what only the browser knows (ssr-viewers.mjs, ssr-locales.mjs, ssr-context.mjs), and a partner's
// tags (ssr-partner-tags.mjs).
// Records its counts for .ci/run (scripts/results.mjs).
import { html } from 'lit';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, requireBrowser } from './browsers.mjs';
import { recordResults } from './results.mjs';
import { CARDS, ELEMENTS } from './ssr-cases.mjs';
import { bundleClient, openServedPage, renderOnServer } from './ssr-render.mjs';
import { checkBrowserOnlySettings } from './ssr-context.mjs';
import { checkServerLocales } from './ssr-locales.mjs';
import { checkPartnerTags } from './ssr-partner-tags.mjs';
import { checkReturningViewers } from './ssr-viewers.mjs';

// Registers the default tags in the server's custom element registry (@lit-labs/ssr-dom-shim).
await import('../dist/define.js');

let passed = 0;
let failed = 0;
/** The browser the checks hydrate in, for their names; none while rendering in Node. */
let where = '';

function report(name, error) {
  if (error) {
    failed += 1;
    console.log(`  FAIL ssr${where}: ${name}\n      ${error.message ?? error}`);
  } else {
    passed += 1;
    console.log(`  ok  ssr${where}: ${name}`);
  }
}

// `<org-dashboard>` has no adapter on the server (it cannot fetch there): its layout and its cards'
// loading state are rendered; the client gives it the memory adapter and it loads after hydration.
const DASHBOARD = html`<org-dashboard org-id="org_acme" locale="en-US" time-zone="UTC"></org-dashboard>`;

// 1. Render in Node.
const rendered = {};
try {
  const markup = await renderOnServer(DASHBOARD);
  const cards = [...markup.matchAll(/<([a-z-]+)[^>]*\spart="([a-z-]+)"/g)].map((match) => match[1]);
  if (!markup.includes('part="grid"')) throw new Error('no grid');
  const missing = Object.keys(CARDS).filter((tag) => !cards.includes(tag));
  if (missing.length) throw new Error(`cards missing: ${missing.join(', ')}`);
  rendered.dashboard = markup;
  report('<org-dashboard> renders in Node: its grid and six cards, loading');
} catch (error) {
  report('<org-dashboard> renders in Node: its grid and six cards, loading', error);
}
for (const [tag, card] of Object.entries(ELEMENTS)) {
  try {
    const markup = await renderOnServer(card.template(card.data));
    if (!/<template shadowroot(mode)?="open"/.test(markup)) throw new Error('no declarative shadow root');
    if (!markup.includes(card.shows)) throw new Error(`"${card.shows}" is not in the markup`);
    rendered[tag] = markup;
    report(`<${tag}> renders in Node to declarative shadow DOM`);
  } catch (error) {
    report(`<${tag}> renders in Node to declarative shadow DOM`, error);
  }
}

// 2. Hydrate in the browser: the client gets the same data (as JSON in the page) before the tags are
// defined, as a server-rendered host would hand it over.
const client = await bundleClient(`import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { createDataset, createMemoryAdapter } from './dist/fixtures.js';
const data = JSON.parse(document.getElementById('card-data').textContent);
for (const [tag, value] of Object.entries(data))
  for (const card of document.querySelectorAll('main > ' + tag)) card.data = value;
const dashboard = document.querySelector('org-dashboard');
if (dashboard) dashboard.adapter = createMemoryAdapter(createDataset());
window.hydrate = () => import('./dist/define.js');`);
const served = {
  '/client.js': ['text/javascript', client],
  '/': [
    'text/html; charset=utf-8',
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <style>body { margin: 16px; font-family: sans-serif } main { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px }</style>
  </head>
  <body>
    <main>${Object.keys(ELEMENTS)
      .filter((tag) => rendered[tag])
      .map((tag) => rendered[tag])
      .join('\n')}</main>
    ${rendered.dashboard ?? ''}
    <script type="application/json" id="card-data">${JSON.stringify(
      Object.fromEntries(Object.entries(ELEMENTS).map(([tag, card]) => [tag, card.data])),
    ).replace(/</g, '\\u003c')}</script>
    <script type="module" src="/client.js"></script>
  </body>
</html>`,
  ],
};

/**
 * Hydrates the server's markup in Chromium or Firefox. Firefox reports no layout shifts (it has no
 * `layout-shift` entries): there the boxes before and after hydration are compared alone.
 */
async function hydrateIn(name) {
  where = ` (${name})`;
  const browser = await puppeteer.launch(
    name === 'chromium'
      ? { executablePath: requireBrowser('chromium'), headless: true, args: CHROME_ARGS }
      : { browser: 'firefox', executablePath: requireBrowser('firefox'), headless: true },
  );
  try {
    const { page, problems, requests } = await openServedPage(browser, served);
    await page.goto('http://ssr.test/');
    await page.waitForFunction(() => typeof window.hydrate === 'function');
    const tags = Object.keys(ELEMENTS).filter((tag) => rendered[tag]);
    const before = await page.evaluate((tags) => {
      // Shifts are observed from here on, as hydration starts: what the page did while it loaded
      // (a font arriving late on a busy machine) is not hydration's. The server's nodes are marked
      // to see them adopted.
      window.shifts = 0;
      // The text but the times': a relative time ("2 weeks ago") is the absolute one on the server,
      // which reads no clock, and becomes relative once hydrated.
      window.textOf = (card) => {
        const copy = document.createElement('div');
        for (const node of card.shadowRoot.childNodes) copy.append(node.cloneNode(true));
        for (const time of copy.querySelectorAll('time')) time.textContent = '';
        return copy.textContent.replace(/\s+/g, ' ').trim();
      };
      // Shifts of what is in `main`: the dashboard below it loads its data after hydration, by design,
      // and its skeletons give way to data (a node that shifted may be gone: its rect says where it was).
      const hydratedArea = document.querySelector('main').getBoundingClientRect();
      window.inHydratedArea = (entry) =>
        entry.sources.some(({ previousRect }) => previousRect.top < hydratedArea.bottom);
      window.shiftObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (window.inHydratedArea(entry)) window.shifts += entry.value;
      });
      window.shiftObserver.observe({ type: 'layout-shift' });
      const dashboardCards = document
        .querySelector('org-dashboard')
        ?.shadowRoot?.querySelectorAll('[part~="grid"] > *');
      for (const card of dashboardCards ?? []) card.dataset.fromServer = 'yes';
      return tags.map((tag) => {
        const card = document.querySelector(`main > ${tag}`);
        const section = card.shadowRoot?.querySelector('[part~="card"]');
        if (section) section.dataset.fromServer = 'yes';
        const { x, y, width, height } = card.getBoundingClientRect();
        return { box: [x, y, width, height], text: window.textOf(card) };
      });
    }, tags);
    const fetchedBefore = requests.length;
    await page.evaluate(async (tags) => {
      await window.hydrate();
      for (const tag of tags) await document.querySelector(`main > ${tag}`).updateComplete;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, tags);
    // A virtual list lays out its rows in frames after the update: waited for, with room to spare.
    for (const [tag, { showsOnceHydrated: shown }] of Object.entries(ELEMENTS))
      if (shown && rendered[tag])
        await page
          .waitForFunction(
            (tag, shown) => window.textOf(document.querySelector(`main > ${tag}`)).includes(shown),
            { timeout: 60_000 },
            tag,
            shown,
          )
          .catch(() => {});
    const after = await page.evaluate(
      (tags) =>
        tags.map((tag) => {
          const card = document.querySelector(`main > ${tag}`);
          const { x, y, width, height } = card.getBoundingClientRect();
          return {
            box: [x, y, width, height],
            text: window.textOf(card),
            state: card.state,
            adopted: card.shadowRoot.querySelector('[part~="card"]')?.dataset.fromServer === 'yes',
          };
        }),
      tags,
    );
    // Entries not yet delivered to the observer's callback are taken too.
    const shifts = await page.evaluate(
      () =>
        window.shifts +
        window.shiftObserver
          .takeRecords()
          .filter(window.inHydratedArea)
          .reduce((sum, entry) => sum + entry.value, 0),
    );
    const extraRequests = requests.slice(fetchedBefore);
    if (rendered.dashboard) {
      const name = '<org-dashboard> hydrates, keeps its server-rendered cards and loads their data';
      try {
        const outcome = await page.evaluate(async () => {
          const dashboard = document.querySelector('org-dashboard');
          const cards = () => [...dashboard.shadowRoot.querySelectorAll('[part~="grid"] > *')];
          const deadline = Date.now() + 60_000;
          while (cards().length !== 6 || cards().some((card) => card.state !== 'ready')) {
            if (Date.now() > deadline) break;
            await new Promise((done) => setTimeout(done, 50));
          }
          return {
            states: cards().map((card) => `${card.localName}:${card.state}`),
            adopted: cards().filter((card) => card.dataset.fromServer === 'yes').length,
          };
        });
        if (outcome.states.length !== 6 || outcome.states.some((state) => !state.endsWith(':ready')))
          throw new Error(`cards: ${outcome.states.join(', ')}`);
        if (outcome.adopted !== 6) throw new Error("the server's cards were replaced, not hydrated");
        report(name);
      } catch (error) {
        report(name, error);
      }
    }
    for (const [index, tag] of tags.entries()) {
      const name = `<${tag}> hydrates without a layout shift or a fetch`;
      const [was, is] = [before[index], after[index]];
      const moved = was.box.some((value, i) => Math.abs(value - is.box[i]) > 0.5);
      if (is.state !== 'ready') report(name, new Error(`state ${is.state}`));
      else if (!is.adopted) report(name, new Error("the server's DOM was replaced, not hydrated"));
      else if (moved) report(name, new Error(`box ${was.box} became ${is.box}`));
      else if (ELEMENTS[tag].showsOnceHydrated) {
        // A virtual list renders its rows once it knows its viewport: only in the browser.
        const shown = ELEMENTS[tag].showsOnceHydrated;
        report(
          name,
          is.text.includes(shown) ? undefined : new Error(`"${shown}" is not shown once hydrated`),
        );
      } else if (was.text !== is.text) report(name, new Error(`text changed:\n${was.text}\n${is.text}`));
      else report(name);
    }
    report(
      'hydration fetches nothing, shifts nothing and logs nothing',
      extraRequests.length
        ? new Error(`requests after hydration: ${extraRequests.join(', ')}`)
        : shifts > 0
          ? new Error(`layout shift score ${shifts}`)
          : problems.length
            ? new Error(problems.join('; '))
            : undefined,
    );
    await checkReturningViewers(browser, served, report);
    await checkServerLocales(browser, served, report);
    await checkBrowserOnlySettings(browser, served, report);
    await checkPartnerTags(browser, served, report);
  } catch (error) {
    report('the server-rendered cards hydrate in the browser', error);
  } finally {
    await browser.close();
  }
}

for (const name of ['chromium', 'firefox']) await hydrateIn(name);

recordResults('SSR', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
